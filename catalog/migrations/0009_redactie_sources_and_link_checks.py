"""The curators' group `Redactie` gets the permissions of the models migration 0006 added: sources, the sources of
facts, their history (view only) and the link checks (view only: `manage.py check_links` writes them)."""

from django.db import migrations

from catalog.defaults import redactie_group_ensure


def forwards(apps, schema_editor):
    redactie_group_ensure(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_study_facts_unknown")]
    # Reversing keeps the permissions: removing them could take away rights administrators gave on purpose.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
