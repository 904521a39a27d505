"""Host names are routed from the cache, and a change to a district or a domain is seen at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from routing.host_routes import district_for_host
from state.models import StateSettings
from tenants.models import District, Domain


def route_queries(hostname: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        district_for_host(hostname)
    return sum('"tenants_domain"' in query["sql"] for query in queries)


def test_a_host_is_looked_up_once_then_served_from_the_cache(alpha):
    assert route_queries("alpha.localhost") == 1
    assert route_queries("alpha.localhost") == 0
    assert district_for_host("alpha.localhost") == alpha


def test_an_unknown_host_is_remembered_until_a_domain_is_added(alpha, host_client):
    assert district_for_host("alpha-custom.localhost") is None
    assert route_queries("alpha-custom.localhost") == 0

    Domain.objects.create(domain="alpha-custom.localhost", tenant=alpha, is_primary=False)

    assert district_for_host("alpha-custom.localhost") == alpha
    assert host_client("alpha-custom.localhost").get("/").status_code == 200


def test_deactivating_a_district_takes_effect_on_the_next_request(alpha, host_client):
    StateSettings.load()  # made on first use otherwise, which (rightly) forgets every route
    visitor = host_client("alpha.localhost")
    assert visitor.get("/").status_code == 200
    assert route_queries("alpha.localhost") == 0  # the route is cached

    alpha.is_active = False
    alpha.save()
    assert visitor.get("/").status_code == 404
    assert visitor.get("/admin/login/").status_code == 404

    alpha.is_active = True
    alpha.save()
    assert visitor.get("/").status_code == 200


def test_a_bulk_deactivation_takes_effect_on_the_next_request(alpha, host_client):
    visitor = host_client("alpha.localhost")
    assert visitor.get("/").status_code == 200

    District.objects.filter(pk=alpha.pk).update(is_active=False)

    assert visitor.get("/").status_code == 404


def test_a_renamed_domain_stops_routing_at_once(alpha, host_client):
    domain = Domain.objects.create(domain="old-name.localhost", tenant=alpha, is_primary=False)
    assert host_client("old-name.localhost").get("/").status_code == 200

    domain.domain = "new-name.localhost"
    domain.save()

    assert host_client("old-name.localhost").get("/").status_code == 404
    assert host_client("new-name.localhost").get("/").status_code == 200


def test_a_route_change_made_from_a_district_schema_still_reaches_every_request(alpha, host_client):
    visitor = host_client("alpha.localhost")
    assert visitor.get("/").status_code == 200

    with tenant_context(alpha):  # the default cache's keys carry the current schema
        District.objects.filter(pk=alpha.pk).update(is_active=False)

    assert visitor.get("/").status_code == 404


def test_the_state_hosts_need_no_lookup(db, host_client):
    with CaptureQueriesContext(connection) as queries:
        host_client("localhost").get("/static/css/portal.css")
    assert [q["sql"] for q in queries] == []
