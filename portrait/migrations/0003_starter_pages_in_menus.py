from django.db import migrations


def show_portrait_and_stories_in_menus(apps, schema_editor):
    """A district's menu is built from "show in menus"; its portrait and stories belong in it."""
    for model_name in ("DistrictPortraitPage", "StoryIndexPage"):
        model = apps.get_model("portrait", model_name)
        model.objects.filter(depth=3).update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [("portrait", "0002_site_identity")]

    operations = [
        migrations.RunPython(show_portrait_and_stories_in_menus, migrations.RunPython.noop)
    ]
