"""Builders for practice test data: a practice, its cast of members, and filled-in steps."""

import itertools
from decimal import Decimal

from practices.models import Membership, PopulationProfile, Practice, Role, Task, TaskAssignment, TaskSplit
from practices.vision import SECTION_KEYS
from tests import factories

_sequence = itertools.count(1)


def practice(name=None, **fields):
    number = next(_sequence)
    name = name or f"Huisartsenpraktijk {number}"
    fields.setdefault("slug", f"praktijk-{number}")
    fields.setdefault("place", "Utrecht")
    fields.setdefault("agb_code", f"{10_000_000 + number:08d}")
    return Practice.objects.create(name=name, **fields)


def member(practice, role=Role.MANAGER, username=None, **user_fields):
    """The one member builder: a user with a membership of `practice`; a username also gives an e-mail address
    and a first name (`alice` is Alice, alice@example.org)."""
    # No password unless asked: tests log in with force_login, and skipping the hasher keeps them fast.
    user_fields.setdefault("password", None)
    if username:
        user_fields.setdefault("email", f"{username}@example.org")
        user_fields.setdefault("first_name", username.capitalize())
    user = factories.user(username, **user_fields)
    Membership.objects.create(user=user, practice=practice, role=role)
    return user


def vision_sections(text="Tekst"):
    return {key: f"{text} {key}" for key in SECTION_KEYS}


def complete_task_split(practice, by=None, responsible=Role.POH_GGZ):
    TaskAssignment.objects.bulk_create(
        TaskAssignment(practice=practice, task=task, role=responsible, responsible=True) for task in Task.values
    )
    return TaskSplit.objects.create(practice=practice, feedback_day=2, feedback_minutes=60, updated_by=by)


def population(practice, *, languages=(), **fields):
    values = {
        "registered_patients": 2000,
        "share_0_17": Decimal("20"),
        "share_18_64": Decimal("60"),
        "share_65_plus": Decimal("20"),
        "share_low_literacy": Decimal("10"),
        "share_migration": Decimal("10"),
        **fields,
    }
    profile = PopulationProfile.objects.create(practice=practice, **values)
    profile.languages.set(languages or [factories.language()])
    return profile
