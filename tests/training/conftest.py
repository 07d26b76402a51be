"""Fixtures for the training tests: a learner, a second learner, a course, a practice context."""

import pytest

from practices.middleware import PracticeContext
from tests import factories as common
from tests.training import factories, practice_provider


@pytest.fixture
def learner(db):
    return common.user("poh", first_name="Pim", last_name="van der POH")


@pytest.fixture
def other_learner(db):
    return common.user("collega", first_name="Carla", last_name="Collega")


@pytest.fixture
def course(db):
    return factories.course("Blended starten", lessons=3)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def practice_with_insurers(monkeypatch):
    """Set the visitor's practice to one contracted with the given insurers; call it with insurer objects."""
    monkeypatch.setattr("practices.middleware.practice_context_of", practice_provider.provide)

    def install(*insurers, name="Praktijk De Linde"):
        practice_provider.current = PracticeContext(
            name=name, slug="de-linde", insurer_ids=frozenset(insurer.pk for insurer in insurers)
        )

    yield install
    practice_provider.current = None
