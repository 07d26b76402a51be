"""Refused access is in the audit log with who, what, which practice, when and from which address (NEN 7513),
and the log keeps events AUDIT_RETENTION_DAYS days: `prune_audit_log` removes older ones, on PostgreSQL too."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, InternalError, ProgrammingError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from practices.audit import audit_prune, audit_record
from practices.models import AuditEvent
from tests.otp import TEST_TOTP_SECRET, totp_device

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
CLIENT = "203.0.113.5"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def _via_proxy(client_ip=CLIENT):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_ip}


def test_an_outsider_refused_a_practice_page_is_logged_with_practice_and_client_address(client, practice, outsider):
    client.force_login(outsider)
    assert client.get(reverse("practices:vision", args=[practice.slug]), **_via_proxy()).status_code == 404
    event = AuditEvent.objects.get(action=AuditEvent.Action.REFUSED)
    assert (event.user, event.username, event.practice, event.client_address) == (
        outsider,
        "charlie",
        practice,
        CLIENT,
    )
    assert event.subject.startswith("404") and event.path == reverse("practices:vision", args=[practice.slug])


def test_a_member_refused_for_their_role_is_logged_as_a_403(client, practice, manager, assistant):
    client.force_login(assistant)
    assert client.get(reverse("practices:audit_log", args=[practice.slug]), **_via_proxy()).status_code == 403
    event = AuditEvent.objects.get(action=AuditEvent.Action.REFUSED)
    assert (event.username, event.practice, event.subject[:3], event.client_address) == (
        "dora",
        practice,
        "403",
        CLIENT,
    )


def test_a_failed_log_in_and_the_lock_out_are_logged_with_the_name_typed_and_the_address(client, manager):
    for _ in range(5):
        client.post(reverse("login"), {"username": "alice", "password": "fout"}, **_via_proxy())
    failed = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED)
    assert failed.count() == 5
    assert {(e.username, e.client_address, e.practice) for e in failed} == {("alice", CLIENT, None)}
    locked = AuditEvent.objects.get(action=AuditEvent.Action.LOCKED_OUT)
    assert (locked.username, locked.client_address) == ("alice", CLIENT)


def test_a_wrong_two_factor_code_is_logged(client):
    from tests import factories

    curator = factories.user("curator", is_staff=True, is_superuser=True)
    totp_device(curator)
    data = {"username": "curator", "password": "toolkit-demo", "otp_token": "000000"}
    client.post(reverse("admin:login"), data, **_via_proxy())
    event = AuditEvent.objects.get(action=AuditEvent.Action.OTP_FAILED)
    assert (event.username, event.client_address) == ("curator", CLIENT)
    assert TEST_TOTP_SECRET  # the device exists, so this was a wrong code, not a missing device


def test_every_event_of_a_request_carries_the_client_address(client, practice, manager):
    client.force_login(manager)
    client.get(reverse("practices:dashboard", args=[practice.slug]), **_via_proxy())
    assert AuditEvent.objects.get(action=AuditEvent.Action.VIEW).client_address == CLIENT


def _backdate(event, days):
    # The log cannot be changed through the ORM (nor by SQL on PostgreSQL): insert an old copy instead.
    at = timezone.now() - timedelta(days=days)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO practices_auditevent (practice_id, username, action, subject, path, at)"
            " VALUES (%s, %s, %s, %s, '', %s)",
            [event.practice_id, event.username, event.action, f"old {days}", at],
        )


def test_prune_removes_only_events_past_the_retention(settings, practice, manager, capsys):
    settings.AUDIT_RETENTION_DAYS = 30
    recent = audit_record(practice=practice, user=manager, action=AuditEvent.Action.VIEW, subject="recent")
    _backdate(recent, 31)
    _backdate(recent, 29)
    total = AuditEvent.objects.count()  # the fixtures' membership events are recent too
    call_command("prune_audit_log", "--dry-run")
    assert "Would delete 1 audit events" in capsys.readouterr().out
    assert AuditEvent.objects.count() == total
    call_command("prune_audit_log")
    assert AuditEvent.objects.count() == total - 1
    kept = AuditEvent.objects.exclude(subject__startswith="membership").values_list("subject", flat=True)
    assert sorted(kept) == ["old 29", "recent"]
    assert audit_prune() == 0  # safe to run twice


def test_the_model_still_refuses_deleting_events(practice, manager):
    from django.core.exceptions import PermissionDenied

    audit_record(practice=practice, user=manager, action=AuditEvent.Action.VIEW, subject="x")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()


needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger on PostgreSQL")


@needs_postgresql
def test_postgresql_lets_the_prune_delete_only_rows_older_than_its_cut_off(practice, manager):
    event = audit_record(practice=practice, user=manager, action=AuditEvent.Action.VIEW, subject="recent")
    cutoff = (timezone.now() - timedelta(days=1)).isoformat()
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('practices.audit_prune_before', %s, true)", [cutoff])
            cursor.execute("DELETE FROM practices_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@needs_postgresql
def test_postgresql_still_refuses_changing_the_client_address(practice, manager):
    event = audit_record(
        practice=practice, user=manager, action=AuditEvent.Action.VIEW, subject="x", client_address=CLIENT
    )
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE practices_auditevent SET user_id = NULL, client_address = '192.0.2.1' WHERE id = %s",
                [event.pk],
            )
