"""Links in mail Wagtail writes name the site of the schema that is active when it writes."""

from django.db import connection
from django_tenants.utils import tenant_context

from routing.base_url import current_base_url, lazy_base_url
from tenants.models import Domain, site_url


def test_the_state_schema_links_to_the_state(db, settings):
    assert current_base_url() == site_url(settings.STATE_DOMAIN)


def test_a_district_links_to_its_primary_domain(alpha):
    Domain.objects.filter(tenant=alpha).update(is_primary=False)
    Domain.objects.create(domain="alpha-schools.example.org", tenant=alpha, is_primary=True)
    with tenant_context(alpha):
        assert current_base_url() == site_url("alpha-schools.example.org")


def test_the_lazy_value_follows_the_schema_active_when_it_is_read(alpha, bravo, settings):
    with tenant_context(bravo):
        bravo_url = str(lazy_base_url)
    connection.set_schema_to_public()
    assert str(lazy_base_url) == site_url(settings.STATE_DOMAIN)
    assert "bravo" in bravo_url
    assert bravo_url != str(lazy_base_url)
