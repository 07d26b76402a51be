"""The practice context that catalogue and training get through toolkit.practice_context."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from practices.models import Membership, Role
from practices.scoping import CURRENT_PRACTICE_SESSION_KEY
from tests import factories
from toolkit.practice_context import PracticeContext, practice_context_for
from training.models import Insurer

pytestmark = pytest.mark.django_db


def _request(user, current_slug=None):
    request = RequestFactory().get("/catalog/")
    request.user = user
    request.session = SessionStore()
    if current_slug:
        request.session[CURRENT_PRACTICE_SESSION_KEY] = current_slug
    return request


def test_settings_install_the_provider(settings):
    assert settings.PRACTICE_CONTEXT_PROVIDER == "practices.selectors.practice_context_for_request"


def test_member_gets_the_practice_context_with_contact_line_and_insurers(practice, manager):
    cz = Insurer.objects.create(name="CZ", slug="cz")
    practice.insurers.set([cz])
    context = practice_context_for(_request(manager))
    assert context == PracticeContext(
        name="Huisartsenpraktijk De Linde",
        slug="de-linde",
        contact_line="Huisartsenpraktijk De Linde, Utrecht — 030 123 4567",
        programme_ids=frozenset(),
        insurer_ids=frozenset({cz.pk}),
    )


def test_contact_line_leaves_out_a_missing_phone_number(practice, manager):
    practice.phone = ""
    practice.save()
    assert practice_context_for(_request(manager)).contact_line == "Huisartsenpraktijk De Linde, Utrecht"


def test_anonymous_visitor_and_user_without_practice_get_none(db):
    assert practice_context_for(_request(AnonymousUser())) is None
    assert practice_context_for(_request(factories.user("los"))) is None


def test_user_in_two_practices_gets_the_current_one_from_the_session(practice, other_practice, manager):
    Membership.objects.create(user=manager, practice=other_practice, role=Role.HUISARTS)
    assert practice_context_for(_request(manager)) is None  # no choice made yet
    assert practice_context_for(_request(manager, "de-wilg")).slug == "de-wilg"
    assert practice_context_for(_request(manager, "de-linde")).slug == "de-linde"


def test_a_remembered_practice_the_user_left_is_not_used(practice, other_practice, outsider):
    assert practice_context_for(_request(outsider, "de-linde")).slug == "de-wilg"


def test_context_is_worked_out_once_per_request(practice, manager, django_assert_num_queries):
    request = _request(manager)
    # Memberships, contracted insurers, programme menu.
    with django_assert_num_queries(3):
        practice_context_for(request)
        practice_context_for(request)
