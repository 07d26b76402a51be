"""The audit log: every view and change is written, the manager reads their own practice's log (in UTC), and
nobody can change it (on PostgreSQL not even with SQL)."""

from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from practices.audit import audit_record
from practices.models import AuditEvent
from practices.team_views import AUDIT_EVENTS_PER_PAGE

pytestmark = pytest.mark.django_db


def _url(practice, page=None):
    url = reverse("practices:audit_log", args=[practice.slug])
    return f"{url}?page={page}" if page else url


@pytest.mark.parametrize(
    ("url_name", "subject"),
    [("dashboard", "dashboard"), ("members", "members"), ("settings", "practice settings")],
)
def test_each_page_view_is_logged_with_who_what_and_where(client, practice, manager, url_name, subject):
    client.force_login(manager)
    url = reverse(f"practices:{url_name}", args=[practice.slug])
    client.get(url)
    event = AuditEvent.objects.get()
    assert (event.practice, event.user, event.username, event.action, event.subject, event.path) == (
        practice,
        manager,
        "alice",
        "view",
        subject,
        url,
    )


def test_refused_and_redirected_requests_are_not_logged_as_views(client, practice, huisarts):
    client.force_login(huisarts)
    client.get(reverse("practices:settings", args=[practice.slug]))  # 403
    client.get(reverse("practices:membership_remove", args=[practice.slug, 1]))  # 405
    # Refusals are logged as such (test_refused_access_log.py), never as a view.
    assert not AuditEvent.objects.exclude(action=AuditEvent.Action.REFUSED).exists()


def test_manager_reads_own_log_newest_first_with_utc_times(client, practice, manager, other_practice, outsider):
    audit_record(practice=practice, user=manager, action="change", subject="settings: phone")
    new = audit_record(practice=practice, user=manager, action="invite", subject="invitation for eva")
    audit_record(practice=other_practice, user=outsider, action="change", subject="elders gewijzigd")
    client.force_login(manager)
    response = client.get(_url(practice))
    html = response.text
    assert response.status_code == 200
    assert "Tijd (UTC)" in html and "De tijden staan in UTC" in html
    assert html.index("invitation for eva") < html.index("settings: phone")
    assert "elders gewijzigd" not in html
    assert f"{new.at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC" in html
    assert "uitgenodigd" in html and "gewijzigd" in html  # actions in Dutch


def test_times_are_shown_in_utc_not_dutch_time(client, practice, manager):
    event = audit_record(practice=practice, user=manager, action="change", subject="zomer")
    summer_noon_utc = datetime(2026, 7, 1, 12, 0, 0, tzinfo=UTC)
    with connection.cursor() as cursor:
        # Inserted as a fresh row: existing rows cannot be changed (on PostgreSQL not even in SQL).
        cursor.execute(
            "INSERT INTO practices_auditevent (practice_id, user_id, username, action, subject, path, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [practice.pk, manager.pk, "alice", "change", "zomertijd", "", summer_noon_utc],
        )
    client.force_login(manager)
    html = client.get(_url(practice)).text
    assert "2026-07-01 12:00:00 UTC" in html  # Amsterdam would say 14:00
    assert "2026-07-01 14:00" not in html
    assert event.subject in html


def test_log_is_paginated_with_a_bounded_number_of_queries(client, practice, manager, django_assert_max_num_queries):
    AuditEvent.objects.bulk_create(
        AuditEvent(practice=practice, user=manager, username="alice", action="view", subject=f"pagina {n}")
        for n in range(AUDIT_EVENTS_PER_PAGE + 5)
    )
    client.force_login(manager)
    with django_assert_max_num_queries(9):
        first = client.get(_url(practice))
    assert first.text.count("<tr>") == AUDIT_EVENTS_PER_PAGE + 1  # plus the header row
    assert "Ouder" in first.text
    second = client.get(_url(practice, page=2))
    assert "Nieuwer" in second.text
    assert "pagina 0" in second.text


@pytest.mark.parametrize("role_fixture", ["huisarts", "assistant"])
def test_only_the_manager_reads_the_log(client, practice, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(_url(practice)).status_code == 403


def test_the_app_cannot_change_or_delete_events(practice, manager):
    from django.core.exceptions import PermissionDenied

    event = audit_record(practice=practice, user=manager, action="view", subject="x")
    event.subject = "y"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(subject="y")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).subject == "x"


def test_deleting_an_account_keeps_its_events_with_the_user_name(practice, manager):
    audit_record(practice=practice, user=manager, action="view", subject="x")
    manager.delete()
    event = AuditEvent.objects.get()
    assert (event.user, event.username) == (None, "alice")


needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger on PostgreSQL")


@needs_postgresql
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE practices_auditevent SET subject = 'vervalst'",
        "UPDATE practices_auditevent SET user_id = NULL, subject = 'vervalst'",
        "UPDATE practices_auditevent SET at = now() - interval '1 day'",
        "DELETE FROM practices_auditevent",
    ],
)
def test_postgresql_refuses_changing_or_deleting_events_in_sql(practice, manager, sql):
    audit_record(practice=practice, user=manager, action="view", subject="echt")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.get().subject == "echt"


@needs_postgresql
def test_postgresql_trigger_is_installed_by_the_migration():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'practices_auditevent'::regclass AND NOT tgisinternal"
        )
        assert [row[0] for row in cursor.fetchall()] == ["practices_auditevent_append_only"]
