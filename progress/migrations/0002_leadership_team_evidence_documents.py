from django.db import migrations


def grant_evidence_documents(apps, schema_editor):
    """Districts made before the Leadership team could upload its evidence documents."""
    from django.contrib.auth.models import Group

    # The live starter function: the collection tree needs treebeard's own methods.
    from tenants.starter import LEADERSHIP_TEAM, grant_evidence_documents

    team = Group.objects.filter(name=LEADERSHIP_TEAM).first()
    if team is not None:  # a fresh template gets the team, and this grant, from its starter
        grant_evidence_documents(team)


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(grant_evidence_documents, migrations.RunPython.noop)]
