"""English at `/`, Spanish at `/es/` where a site offers it: the 404 where it does not, the
switcher, hreflang links, `lang` on the page and on English passages, and the locales every
schema holds."""

import re

import pytest
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context, tenant_context
from wagtail.models import Locale

from portrait.models import DistrictPortraitPage, StoryIndexPage
from state.models import StateSettings
from tenants.starter import TRANSLATORS
from tenants.template_schema import template_schema_name
from tests.portrait.translating import offer_spanish, translate_page


@pytest.fixture(autouse=True)
def state_settings(db):
    return StateSettings.load()


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def publish_portrait(district, vision: str = "<p>Every learner belongs.</p>"):
    with tenant_context(district):
        page = DistrictPortraitPage.objects.get()
        page.vision_statement = vision
        page.save_revision().publish()
        return page


def test_every_schema_has_the_english_and_spanish_locales(alpha, public_schema):
    for schema in (public_schema, template_schema_name(), alpha.schema_name):
        with schema_context(schema):
            codes = set(Locale.objects.values_list("language_code", flat=True))
            assert codes == {"en", "es"}, schema


def test_every_district_has_translators_who_may_not_publish(alpha):
    with tenant_context(alpha):
        translators = Group.objects.get(name=TRANSLATORS)
        granted = set(translators.permissions.values_list("codename", flat=True))
        page_codes = set(
            translators.page_permissions.values_list("permission__codename", flat=True)
        )
    assert {"access_admin", "submit_translation"} <= granted
    assert page_codes == {"change_page"}


def test_spanish_is_a_404_and_no_switcher_shows_where_a_site_has_not_switched_it_on(
    alpha, host_client
):
    publish_portrait(alpha)
    visitor = host_client("alpha.localhost")

    english = visitor.get("/portrait-of-a-learner/")

    assert english.status_code == 200
    assert html_lang(english) == "en"
    assert "language-switcher" not in english.content.decode()
    assert 'hreflang="es"' not in english.content.decode()
    assert visitor.get("/es/").status_code == 404
    assert visitor.get("/es/portrait-of-a-learner/").status_code == 404


def test_the_state_offers_spanish_for_itself_only(alpha, host_client):
    offer_spanish()  # the state's own site (the public schema)

    state = host_client("localhost")
    assert state.get("/es/districts/").status_code == 200
    assert html_lang(state.get("/es/districts/")) == "es"
    assert host_client("alpha.localhost").get("/es/").status_code == 404


def test_a_translated_page_links_to_its_other_language_and_declares_it(alpha, host_client):
    page = publish_portrait(alpha)
    with tenant_context(alpha):
        offer_spanish()
        translate_page(page, {"Every learner belongs.": "Cada estudiante tiene su lugar."})
    visitor = host_client("alpha.localhost")

    english = visitor.get("/portrait-of-a-learner/")
    spanish = visitor.get("/es/portrait-of-a-learner/")

    assert html_lang(english) == "en" and html_lang(spanish) == "es"
    assert "Cada estudiante tiene su lugar." in spanish.content.decode()
    assert "Every learner belongs." not in spanish.content.decode()
    assert 'href="/es/portrait-of-a-learner/" hreflang="es"' in english.content.decode()
    assert 'href="/portrait-of-a-learner/" hreflang="en"' in spanish.content.decode()
    for response in (english, spanish):
        text = response.content.decode()
        assert (
            '<link rel="alternate" hreflang="es" '
            'href="http://alpha.localhost/es/portrait-of-a-learner/">'
        ) in text
        assert (
            '<link rel="alternate" hreflang="en" href="http://alpha.localhost/portrait-of-a-learner/">'
        ) in text
    assert "not translated yet" not in spanish.content.decode()


def test_an_untranslated_page_says_so_and_offers_the_english_one(alpha, host_client):
    page = publish_portrait(alpha)
    with tenant_context(alpha):
        offer_spanish()
        translate_page(page, {"Every learner belongs.": "Cada estudiante tiene su lugar."})
        stories = StoryIndexPage.objects.get(locale__language_code="en")
    visitor = host_client("alpha.localhost")

    # The stories are not translated: their English page says so beside the Spanish link.
    english_stories = visitor.get(stories.url).content.decode()
    assert "Español: esta página aún no está traducida." in english_stories  # said in Spanish
    assert 'hreflang="es"' not in english_stories
    # The Spanish home is only a copy of the English one so far: its content is marked English.
    spanish_home = visitor.get("/es/")
    text = spanish_home.content.decode()
    assert spanish_home.status_code == 200
    assert html_lang(spanish_home) == "es"
    assert '<main id="main" tabindex="-1" lang="en">' in text
    assert "translation-note" in text
    assert '<a href="/" hreflang="en" lang="en">English</a>' in text
