"""The parts every page shares: the district's menu from its page tree, and breadcrumbs."""

from django import template
from django.conf import settings
from wagtail.models import Page, Site

from tenants.models import site_url

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The live pages under the site's home that editors chose to show in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().public().in_menu().order_by("path"))


@register.simple_tag
def breadcrumbs(page) -> list[Page]:
    """The pages above this one, from its site's home down; none for the home page itself."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2))


@register.simple_tag
def state_portal_url() -> str:
    return site_url(settings.STATE_DOMAIN) + "/"


@register.simple_tag(takes_context=True)
def site_title(context) -> str:
    """The district's name on its site; the state's name on the state's."""
    tenant = context.get("current_tenant")
    if tenant is not None and not getattr(tenant, "is_state", False):
        return tenant.name
    return str(context.get("state_agency_name") or settings.STATE_NAME)
