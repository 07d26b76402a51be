"""Demo data for development: fixtures plus one account per role. Never runs with DEBUG off."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

DEMO_PASSWORD = "toolkit-demo"
# Fixture files in load order; later ones may refer to earlier ones.
DEMO_FIXTURES = ["catalog_lookups", "catalog_demo", "training_funding", "training_course"]


class DemoRefused(Exception):
    pass


def demo_accounts():
    """(username, first name, last name, is staff, groups) for each demo role."""
    return [
        ("huisarts", "Hanna", "de Huisarts", False, []),
        ("poh", "Pim", "van der POH", False, []),
        ("manager", "Marieke", "Manager", False, []),
        ("redactie", "Rik", "Redacteur", True, ["Redactie"]),
    ]


@transaction.atomic
def demo_load(*, stdout=None):
    if not settings.DEBUG:
        raise DemoRefused("Demo data and demo accounts are only loaded with DEBUG on.")
    fixture_dir = Path(settings.BASE_DIR) / "fixtures"
    fixtures = [name for name in DEMO_FIXTURES if (fixture_dir / f"{name}.json").exists()]
    if fixtures:
        call_command("loaddata", *[str(fixture_dir / f"{name}.json") for name in fixtures], verbosity=0)
    users = {}
    for username, first, last, is_staff, groups in demo_accounts():
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_staff = is_staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        users[username] = user
    return users
