"""Data every catalogue needs: the curators' group `Redactie` and the quality checklist questions.

The data migrations call these functions (0003 creates both, 0009 adds the permissions of later models). Every
function takes the app registry, so a migration can pass its historical models.
"""

from django.contrib.auth.management import create_permissions

REDACTIE_GROUP = "Redactie"
FULL_ACCESS = ("add", "change", "delete", "view")
# Models curators only read: `manage.py check_links` writes the link checks.
VIEW_ONLY_MODELS = {"linkcheck"}

# (criterion, position, question): the four criteria of the Trimbos inventory, in plain Dutch for the curator.
CHECKLIST_QUESTIONS = [
    ("effectiveness", 10, "Is er onderzoek gedaan naar het effect van het programma?"),
    ("effectiveness", 20, "Is het programma onderzocht in de Nederlandse huisartsenzorg (eerste lijn)?"),
    ("effectiveness", 30, "Is ook de begeleide versie (met de POH-ggz) onderzocht?"),
    ("effectiveness", 40, "Zijn de resultaten openbaar (publicatie, rapport of DOI)?"),
    ("transparency", 10, "Is bekend wie het programma aanbiedt?"),
    ("transparency", 20, "Is bekend wie het programma financiert?"),
    ("transparency", 30, "Staat het doel van het programma beschreven?"),
    ("transparency", 40, "Staat beschreven voor wie (welke doelgroep) het programma bedoeld is?"),
    ("user_friendliness", 10, "Kan een deelnemer contact opnemen met de aanbieder?"),
    ("user_friendliness", 20, "Heeft de aanbieder een klachtenprocedure?"),
    ("safety", 10, "Verloopt de communicatie veilig (versleutelde verbinding)?"),
    ("safety", 20, "Worden de gegevens van deelnemers versleuteld opgeslagen?"),
    ("safety", 30, "Is er een privacyverklaring die uitlegt wat er met de gegevens gebeurt?"),
]


def catalog_permissions(apps, using="default"):
    """Full rights on every catalogue model; only `view` on the history tables and the link checks (nobody edits
    those by hand)."""
    app_config = apps.get_app_config("catalog")
    # Permissions are normally created after all migrations ran; a migration needing them creates them itself.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        app_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    codenames = []
    for model in app_config.get_models():
        name = model._meta.model_name
        actions = ("view",) if name.startswith("historical") or name in VIEW_ONLY_MODELS else FULL_ACCESS
        codenames += [f"{action}_{name}" for action in actions]
    return Permission.objects.using(using).filter(content_type__app_label="catalog", codename__in=codenames)


def redactie_group_ensure(apps, *, using="default"):
    """Create the group `Redactie` (if needed) and give it the catalogue permissions.

    Other apps add their own permissions to the same group in their own migrations; this never removes any.
    """
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.using(using).get_or_create(name=REDACTIE_GROUP)
    group.permissions.add(*catalog_permissions(apps, using))
    return group


def checklist_questions_ensure(apps, *, using="default"):
    """Add the standard checklist questions that are not there yet (curators may add more in the admin)."""
    ChecklistQuestion = apps.get_model("catalog", "ChecklistQuestion")
    questions = ChecklistQuestion.objects.using(using)
    for criterion, position, text in CHECKLIST_QUESTIONS:
        questions.get_or_create(criterion=criterion, text=text, defaults={"position": position})
