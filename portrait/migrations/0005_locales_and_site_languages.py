"""Every schema (the state's, each district's and the template) has the English and Spanish
locales, the English one made under the old language code "en-us" becoming "en", and its row
of site languages (made here, so a first read does not save one and empty the schema's caches)."""

from django.db import migrations

LANGUAGE_CODES = ("en", "es")


def add_locales_and_site_languages(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Locale.objects.filter(language_code="en").exists():
        Locale.objects.filter(language_code="en-us").update(language_code="en")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)
    SiteLanguages = apps.get_model("portrait", "SiteLanguages")
    if not SiteLanguages.objects.exists():
        SiteLanguages.objects.create()


class Migration(migrations.Migration):
    dependencies = [
        ("portrait", "0004_site_languages"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(add_locales_and_site_languages, migrations.RunPython.noop)]
