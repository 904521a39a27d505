"""The parts every page shares: the district's menu from its page tree, and breadcrumbs."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from caching.generations import remember
from tenants.models import site_url

register = template.Library()


def _links(pages) -> list[dict]:
    return [{"pk": p.pk, "title": p.title, "url": p.url, "depth": p.depth} for p in pages]


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The live pages under the site's home (in the reader's language) that editors chose to
    show in menus; the same for every visitor, so kept until the schema's pages change."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []

    def pages() -> list[dict]:
        home = site.root_page.localized
        return _links(home.get_children().live().public().in_menu().order_by("path"))

    return remember(f"main-menu:{site.pk}:{get_language()}", pages)


@register.simple_tag
def breadcrumbs(page) -> list[dict]:
    """The pages above this one, from its site's home down; none for the home page itself.
    Kept until the schema's pages change (a move or a new title bumps its generation)."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return remember(
        f"breadcrumbs:{page.pk}", lambda: _links(page.get_ancestors().filter(depth__gte=2))
    )


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
