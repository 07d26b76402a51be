"""request.practice_context: what catalogue and training know of the visitor's practice (practices.middleware)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from practices.middleware import PracticeContext, PracticeContextMiddleware
from practices.models import Membership, MenuItem, Role
from practices.scoping import CURRENT_PRACTICE_SESSION_KEY
from tests import factories
from training.models import Insurer

pytestmark = pytest.mark.django_db


def _context(user, current_slug=None):
    """The lazy request.practice_context that the middleware gives a request of this user."""
    request = RequestFactory().get("/catalogus/")
    request.user = user
    request.session = SessionStore()
    if current_slug:
        request.session[CURRENT_PRACTICE_SESSION_KEY] = current_slug
    PracticeContextMiddleware(lambda request: HttpResponse())(request)
    return request.practice_context


def test_the_middleware_is_installed_after_authentication():
    middleware = settings.MIDDLEWARE
    assert "practices.middleware.PracticeContextMiddleware" in middleware
    assert middleware.index("practices.middleware.PracticeContextMiddleware") > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )


def test_member_gets_the_practice_context_with_contact_line_and_insurers(practice, manager):
    cz = Insurer.objects.create(name="CZ", slug="cz")
    practice.insurers.set([cz])
    assert _context(manager) == PracticeContext(
        name="Huisartsenpraktijk De Linde",
        slug="de-linde",
        practice_id=practice.pk,
        contact_line="Huisartsenpraktijk De Linde, Utrecht — 030 123 4567",
        programme_ids=frozenset(),
        insurer_ids=frozenset({cz.pk}),
    )


def test_contact_line_leaves_out_a_missing_phone_number(practice, manager):
    practice.phone = ""
    practice.save()
    assert _context(manager).contact_line == "Huisartsenpraktijk De Linde, Utrecht"


def test_anonymous_visitor_and_user_without_practice_get_no_context(db):
    assert not _context(AnonymousUser())
    assert not _context(factories.user("los"))


def test_user_in_two_practices_gets_the_current_one_from_the_session(practice, other_practice, manager):
    Membership.objects.create(user=manager, practice=other_practice, role=Role.HUISARTS)
    assert not _context(manager)  # no choice made yet
    assert _context(manager, "de-wilg").slug == "de-wilg"
    assert _context(manager, "de-linde").slug == "de-linde"


def test_a_remembered_practice_the_user_left_is_not_used(practice, other_practice, outsider):
    assert _context(outsider, "de-linde").slug == "de-wilg"


def test_context_is_worked_out_only_when_read_and_once_per_request(practice, manager, django_assert_num_queries):
    with django_assert_num_queries(0):
        context = _context(manager)
    # Memberships, programme menu, contracted insurers.
    with django_assert_num_queries(3):
        assert context.name == practice.name
        assert context.slug == practice.slug
        assert not context.insurer_ids


def test_the_keuzehulp_puts_a_members_own_programmes_first(client, practice, manager):
    """End to end: the catalogue reads the real practice's menu without importing practices."""
    theme = factories.theme("Depressieve klachten")
    first = factories.programme("Aanpak A", themes=[theme])
    own = factories.programme("Zelfhulp Z", themes=[theme])
    MenuItem.objects.create(practice=practice, programme=own)
    client.force_login(manager)
    text = client.get(reverse("catalog:keuzehulp"), {"theme": theme.slug}).text
    assert "Huisartsenpraktijk De Linde" in text
    assert text.index(own.name) < text.index(first.name)
