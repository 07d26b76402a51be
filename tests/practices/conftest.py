"""The fixed cast of the practice tests: a practice with a manager, a GP and an assistant, and an outsider
who is the manager of another practice."""

import pytest
from django.utils import translation

from practices.models import Membership, Practice, Role
from tests import factories


@pytest.fixture(autouse=True)
def _dutch():
    # A request under /en/ leaves English active in the thread, and reverse() would then build /en/ URLs.
    with translation.override("nl"):
        yield


@pytest.fixture
def english():
    # For tests that read the English msgids; reverse() then gives /en/ addresses. Dutch: test_steps_i18n.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Log-in, lock-out and sign-up tests hash many passwords; the production hasher makes each take ~0.3 s.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_member(practice, role, username, **fields):
    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("first_name", username.capitalize())
    user = factories.user(username, **fields)
    Membership.objects.create(user=user, practice=practice, role=role)
    return user


@pytest.fixture
def practice(db):
    return Practice.objects.create(
        name="Huisartsenpraktijk De Linde",
        slug="de-linde",
        place="Utrecht",
        agb_code="01234567",
        phone="030 123 4567",
    )


@pytest.fixture
def other_practice(db):
    return Practice.objects.create(
        name="Huisartsenpraktijk De Wilg", slug="de-wilg", place="Amersfoort", agb_code="07654321"
    )


@pytest.fixture
def manager(practice):
    return make_member(practice, Role.MANAGER, "alice")


@pytest.fixture
def huisarts(practice):
    return make_member(practice, Role.HUISARTS, "bob")


@pytest.fixture
def assistant(practice):
    return make_member(practice, Role.ASSISTANT, "dora")


@pytest.fixture
def outsider(other_practice):
    return make_member(other_practice, Role.MANAGER, "charlie")


@pytest.fixture
def members_by_role(manager, huisarts, assistant):
    return {Role.MANAGER: manager, Role.HUISARTS: huisarts, Role.ASSISTANT: assistant}
