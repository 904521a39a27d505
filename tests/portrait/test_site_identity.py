"""Each site's identity: a logo and colors checked for contrast when saved, shown in its
header, browser icon and social preview, and nowhere else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django_tenants.utils import tenant_context
from wagtail.models import Site

from portrait.models import SiteIdentity
from state.models import StateSettings
from tests.factories import portrait as factories


def identity_of(district=None) -> SiteIdentity:
    if district is None:
        return SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    with tenant_context(district):
        return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.parametrize(
    ("field", "color", "message"),
    [
        ("brand_color", "#ffbf47", "The header color #ffbf47 has a contrast of 1.6:1 with white"),
        ("accent_color", "#6f9fd8", "The link and button color #6f9fd8 has a contrast of 2.8:1"),
        # Passes on white (4.6:1) but not on the light panels behind cards (4.2:1).
        ("accent_color", "#737373", "with a light panel"),
    ],
)
def test_colors_that_fail_wcag_aa_are_refused_with_a_message(alpha, field, color, message):
    with tenant_context(alpha):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        setattr(identity, field, color)
        with pytest.raises(ValidationError) as refused:
            identity.full_clean()
    assert message in " ".join(refused.value.message_dict[field])
    assert "at least 4.5:1" in " ".join(refused.value.message_dict[field])


def test_a_color_that_is_not_a_hex_color_is_refused(alpha):
    with tenant_context(alpha):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.brand_color = "navy"
        with pytest.raises(ValidationError, match="six hexadecimal digits"):
            identity.full_clean()


def test_a_refused_color_saved_through_the_admin_changes_nothing(alpha, host_client):
    with tenant_context(alpha):
        get_user_model().objects.create_superuser("comms", "comms@alpha.example", "pw-123456")
        site = Site.objects.get(is_default_site=True)
        SiteIdentity.for_site(site)
    client = host_client("alpha.localhost")
    client.post("/admin/login/", {"username": "comms", "password": "pw-123456"})
    url = f"/admin/settings/portrait/siteidentity/{site.pk}/"

    form = client.get(url)
    answer = client.post(
        url,
        {
            "brand_color": "#ffff00",
            "accent_color": "#0b5394",
            "privacy_notice": '{"blocks": [], "entityMap": {}}',
            "accessibility_statement": '{"blocks": [], "entityMap": {}}',
            "non_discrimination_notice": '{"blocks": [], "entityMap": {}}',
        },
    )

    assert form.status_code == 200
    assert answer.status_code == 200  # the form again, with its message
    assert "has a contrast of 1.1:1 with white text" in answer.content.decode()
    assert identity_of(alpha).brand_color == "#083b6a"


def test_a_districts_colors_and_logo_show_on_its_pages_only(alpha, bravo, host_client):
    with tenant_context(alpha):
        identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
        identity.brand_color, identity.accent_color = "#5b2a6b", "#7a388a"
        identity.logo = factories.picture("Alpha seal", (91, 42, 107), size=(200, 200))
        identity.full_clean()
        identity.save()

    alpha_home = host_client("alpha.localhost").get("/").content.decode()
    bravo_home = host_client("bravo.localhost").get("/").content.decode()

    assert "--accent-dark: #5b2a6b" in alpha_home
    assert 'class="brand-logo"' in alpha_home
    assert 'rel="icon" type="image/png" href="/media/district_alpha/images/' in alpha_home
    social = 'property="og:image" content="http://alpha.localhost/media/district_alpha/images/'
    assert social in alpha_home
    assert "#5b2a6b" not in bravo_home
    assert "brand-logo" not in bravo_home
    assert "/media/district_alpha/" not in bravo_home
    assert 'href="/static/img/favicon.svg"' in bravo_home


def test_titles_name_the_district_on_its_site_and_the_state_on_the_states(
    alpha, host_client, state_portrait
):
    settings = StateSettings.load()
    settings.agency_name = "Example State Department of Education"
    settings.save()

    district = host_client("alpha.localhost").get("/").content.decode()
    state = host_client("localhost").get(state_portrait.url).content.decode()

    assert "· Alpha School District</title>" in district
    assert '<meta property="og:site_name" content="Alpha School District">' in district
    assert "· Example State Department of Education</title>" in state
    assert "Example State Department of Education portal" in district  # the way back
