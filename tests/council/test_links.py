"""The council's addresses are the state site's, wherever they are written from."""

from django.urls import set_urlconf
from django_tenants.utils import tenant_context

from council.links import absolute, council_path
from tenants.models import site_url


def test_a_council_path_is_reversed_against_the_state_site_even_in_a_district(alpha, settings):
    set_urlconf("portal.urls.district")
    try:
        with tenant_context(alpha):
            path = council_path("convening", "spring")
    finally:
        set_urlconf(None)
    assert path.endswith("/convenings/spring/")


def test_an_absolute_address_is_on_the_state_domain(settings):
    settings.STATE_DOMAIN = "education.example.gov"
    assert absolute("/council/") == site_url("education.example.gov") + "/council/"
    assert absolute("/council/").startswith(f"{settings.PUBLIC_SCHEME}://education.example.gov")
