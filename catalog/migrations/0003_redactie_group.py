"""The curators' group `Redactie` with every catalogue permission, and the standard quality checklist questions."""

from django.db import migrations

from catalog.defaults import checklist_questions_ensure, redactie_group_ensure


def forwards(apps, schema_editor):
    using = schema_editor.connection.alias
    redactie_group_ensure(apps, using=using)
    checklist_questions_ensure(apps, using=using)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_programme_search_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    # Reversing keeps the group and questions: curators may have changed or answered them since.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
