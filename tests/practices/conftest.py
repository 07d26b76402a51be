"""The fixed cast of the practice tests: a practice with a manager, a GP and an assistant, and an outsider
who is the manager of another practice. Build anyone else with tests/practices/factories.py's `member`."""

import pytest
from django.utils import translation

from practices.models import Role
from tests.practices import factories

# The cast can log in with a password (the log-in, lock-out and password tests type it).
PASSWORD = "toolkit-demo"


@pytest.fixture
def english():
    # For tests that read the English msgids; reverse() then gives /en/ addresses. Dutch: test_steps_i18n.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Log-in, lock-out and sign-up tests hash many passwords; the production hasher makes each take ~0.3 s.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def practice(db):
    return factories.practice(
        "Huisartsenpraktijk De Linde", slug="de-linde", place="Utrecht", agb_code="01234567", phone="030 123 4567"
    )


@pytest.fixture
def other_practice(db):
    return factories.practice("Huisartsenpraktijk De Wilg", slug="de-wilg", place="Amersfoort", agb_code="07654321")


@pytest.fixture
def manager(practice):
    return factories.member(practice, Role.MANAGER, "alice", password=PASSWORD)


@pytest.fixture
def huisarts(practice):
    return factories.member(practice, Role.HUISARTS, "bob", password=PASSWORD)


@pytest.fixture
def assistant(practice):
    return factories.member(practice, Role.ASSISTANT, "dora", password=PASSWORD)


@pytest.fixture
def outsider(other_practice):
    return factories.member(other_practice, Role.MANAGER, "charlie", password=PASSWORD)


@pytest.fixture
def members_by_role(manager, huisarts, assistant):
    return {Role.MANAGER: manager, Role.HUISARTS: huisarts, Role.ASSISTANT: assistant}
