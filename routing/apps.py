from django.apps import AppConfig


class RoutingConfig(AppConfig):
    """Host routing: which schema answers a host name, and the addresses built from it."""

    name = "routing"

    def ready(self):
        from routing import host_routes

        host_routes.connect_route_signals()
