"""Districts made before Spanish keep their pages: the English locale made as "en-us" becomes
"en", Spanish is added beside it, and the site's languages row is made once."""

import importlib

from django.apps import apps
from django_tenants.utils import tenant_context
from wagtail.models import Locale, Page

from portrait.models import SiteLanguages

migration = importlib.import_module("portrait.migrations.0005_locales_and_site_languages")


def test_an_older_districts_english_locale_is_renamed_and_spanish_added(alpha):
    with tenant_context(alpha):
        Locale.objects.filter(language_code="es").delete()
        english = Locale.objects.get(language_code="en")
        english.language_code = "en-us"
        english.save()
        SiteLanguages.objects.all().delete()
        pages_before = set(Page.objects.values_list("pk", "locale_id"))

        migration.add_locales_and_site_languages(apps, None)
        migration.add_locales_and_site_languages(apps, None)  # safe to run again

        assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es"}
        assert Locale.objects.get(language_code="en").pk == english.pk
        assert set(Page.objects.values_list("pk", "locale_id")) == pages_before
        assert SiteLanguages.objects.count() == 1
        assert not SiteLanguages.objects.get().spanish
