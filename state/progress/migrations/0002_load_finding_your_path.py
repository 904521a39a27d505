"""Every portal starts with Finding Your Path loaded, from the copy kept in the project.

A migration (rather than a step of seed_demo) so that production, development, tests and
benchmarks all have it once, recorded, with no command to remember.
"""

from django.db import migrations


def load_default_framework(apps, schema_editor):
    from state.progress.loading import (
        DEFAULT_FRAMEWORK_FILE,
        load_framework,
        read_framework_file,
    )

    spec, source = read_framework_file(DEFAULT_FRAMEWORK_FILE)
    load_framework(spec, source, apps=apps)


class Migration(migrations.Migration):
    dependencies = [("progress_statewide", "0001_initial")]

    operations = [migrations.RunPython(load_default_framework, migrations.RunPython.noop)]
