"""Log-in rate limiting (django-axes): five wrong passwords lock a user name from one address for a while."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _log_in(client, username="alice", password="fout", ip="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def _fail(client, times, **kwargs):
    return [_log_in(client, **kwargs) for _ in range(times)]


def test_settings_lock_after_five_failures_per_user_name_and_address_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_four_failures_still_show_the_login_form(client, manager):
    responses = _fail(client, 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert _log_in(client, password="toolkit-demo").status_code == 302


def test_fifth_failure_shows_a_dutch_lockout_page_saying_when_to_try_again(client, manager):
    *_, fifth = _fail(client, 5)
    assert fifth.status_code == 429
    assert "Inloggen is even geblokkeerd" in fifth.text
    assert "5 keer achter elkaar fout" in fifth.text
    assert "Probeer het na" in fifth.text and "over 15 minuten" in fifth.text


def test_right_password_is_refused_while_locked(client, manager):
    _fail(client, 5)
    response = _log_in(client, password="toolkit-demo")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lock_is_per_user_name_and_address(client, manager, huisarts):
    _fail(client, 5)
    assert _log_in(client, username="bob", password="toolkit-demo").status_code == 302
    client.logout()
    assert _log_in(client, password="toolkit-demo", ip="10.0.0.2").status_code == 302


def test_login_works_again_after_the_cool_off(client, manager):
    _fail(client, 5)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    assert _log_in(client, password="toolkit-demo").status_code == 302


def test_cool_off_comes_from_the_environment(monkeypatch):
    import importlib

    import toolkit.settings

    monkeypatch.setenv("AXES_COOLOFF_MINUTES", "30")
    monkeypatch.setenv("AXES_FAILURE_LIMIT", "3")
    try:
        reloaded = importlib.reload(toolkit.settings)
        assert reloaded.AXES_COOLOFF_TIME == timedelta(minutes=30)
        assert reloaded.AXES_FAILURE_LIMIT == 3
    finally:
        monkeypatch.undo()
        importlib.reload(toolkit.settings)


def test_login_page_states_the_rule(client):
    response = client.get(reverse("login"))
    assert "Na 5 keer achter elkaar een verkeerd wachtwoord" in response.text
    assert "15 minuten geblokkeerd" in response.text
