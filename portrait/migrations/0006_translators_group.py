from django.db import migrations


def add_translators(apps, schema_editor):
    """Districts made before Translators existed get the group on their home page."""
    # The live starter function, as the template's starter content uses it.
    from wagtail.models import Page

    from tenants.starter import translators_group

    homes = Page.objects.only("id").filter(depth=2, content_type__model="districthomepage")
    home = homes.order_by("path").first()
    if home is not None:  # the state's schema has no district home and no Translators
        translators_group(home)


class Migration(migrations.Migration):
    dependencies = [
        ("portrait", "0005_locales_and_site_languages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(add_translators, migrations.RunPython.noop)]
