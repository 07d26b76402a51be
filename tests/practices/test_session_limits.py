"""Sessions end after 30 idle minutes and 12 hours in all; logged-in pages are never cached."""

import time

import pytest
from django.urls import reverse

from accounts.session_limits import SEEN_KEY, STARTED_KEY

pytestmark = pytest.mark.django_db


def _shift(client, key, seconds_ago):
    session = client.session
    session[key] = int(time.time()) - seconds_ago
    session.save()


@pytest.fixture
def dashboard(practice):
    return reverse("practices:dashboard", args=[practice.slug])


def test_a_session_used_within_the_idle_limit_stays_logged_in(client, manager, dashboard):
    client.force_login(manager)
    assert client.get(dashboard).status_code == 200
    _shift(client, SEEN_KEY, 29 * 60)
    assert client.get(dashboard).status_code == 200


def test_thirty_idle_minutes_end_the_session(client, manager, dashboard):
    client.force_login(manager)
    client.get(dashboard)
    _shift(client, SEEN_KEY, 31 * 60)
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_a_busy_session_still_ends_twelve_hours_after_the_log_in(client, manager, dashboard):
    client.force_login(manager)
    client.get(dashboard)
    _shift(client, STARTED_KEY, 12 * 60 * 60 + 60)
    assert client.get(dashboard).status_code == 302


def test_idle_limit_is_configurable(client, manager, dashboard, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client.force_login(manager)
    client.get(dashboard)
    _shift(client, SEEN_KEY, 6 * 60)
    assert client.get(dashboard).status_code == 302


def test_the_session_cookie_lives_no_longer_than_the_absolute_limit(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert settings.SESSION_IDLE_MINUTES == 30


@pytest.mark.parametrize("name", ["practices:dashboard", "practices:vision", "practices:audit_log"])
def test_every_logged_in_page_says_private_no_store(client, manager, practice, name):
    client.force_login(manager)
    response = client.get(reverse(name, args=[practice.slug]))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_public_page_for_a_logged_in_visitor_is_private_too_but_not_for_an_anonymous_one(client, manager):
    assert "no-store" not in client.get(reverse("catalog:programme_list")).get("Cache-Control", "")
    client.force_login(manager)
    assert "no-store" in client.get(reverse("catalog:programme_list"))["Cache-Control"]
