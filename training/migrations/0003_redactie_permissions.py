"""Give the curators' group "Redactie" the rights to manage courses, quizzes, funding schemes and insurers.

The catalogue's migration creates the same group; both use get_or_create, so either may run first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redactie"
MANAGED = ["course", "lesson", "quiz", "question", "choice", "fundingscheme", "insurerrule", "insurer"]
# Learner records: curators may look (to help a learner), not change.
VIEW_ONLY = ["enrolment", "lessoncompletion", "quizattempt", "certificate"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now so a fresh database gets them too.
    app_config = apps.get_app_config("training")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MANAGED for action in ("add", "change", "delete", "view")]
    codenames += [f"view_{model}" for model in VIEW_ONLY]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="training", codename__in=codenames)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="training"))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_elearning_and_funding"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
