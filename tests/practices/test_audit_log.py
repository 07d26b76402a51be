"""The audit log: every view and change is written, the manager reads (filters, pages through) their own practice's
log in Dutch time and Dutch words, and nobody can change it (on PostgreSQL not even with SQL)."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

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
    event = AuditEvent.objects.get(action="view")
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
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REFUSED, user=huisarts).exists()


def _insert(practice, user, action, subject, at):
    """A row with a chosen time, inserted as a fresh row: existing rows cannot be changed (on PostgreSQL not even
    in SQL), and `at` is set by the database on create."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO practices_auditevent (practice_id, user_id, username, action, subject, path, at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [practice.pk, user.pk if user else None, user.username if user else "", action, subject, "", at],
        )


def test_manager_reads_own_log_newest_first_in_dutch_time(client, practice, manager, other_practice, outsider):
    audit_record(practice=practice, user=manager, action="change", subject="settings: phone")
    new = audit_record(practice=practice, user=manager, action="invite", subject="invitation for eva@x.nl as poh_ggz")
    audit_record(practice=other_practice, user=outsider, action="change", subject="elders gewijzigd")
    client.force_login(manager)
    response = client.get(_url(practice))
    html = response.text
    assert response.status_code == 200
    assert "UTC" not in html  # no instruction to convert: the times are Dutch time
    assert html.index("uitnodiging voor eva@x.nl als POH-ggz") < html.index("instellingen: telefoonnummer")
    assert "elders gewijzigd" not in html
    assert f"{timezone.localtime(new.at):%d-%m-%Y %H:%M:%S}" in html
    assert "uitgenodigd" in html and "gewijzigd" in html  # actions in Dutch


def test_times_are_shown_in_dutch_summer_time(client, practice, manager):
    _insert(practice, manager, "change", "task split", datetime(2026, 7, 1, 12, 0, 0, tzinfo=UTC))
    client.force_login(manager)
    html = client.get(_url(practice)).text
    assert "01-07-2026 14:00:00" in html  # 12:00 UTC is 14:00 in Amsterdam in summer
    assert 'datetime="2026-07-01T14:00:00+02:00"' in html


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("task split", "taakverdeling"),
        ("training overview", "scholingsoverzicht van het team"),
        ("menu: Psyfit", "aanbod: Psyfit"),
        ("role of bob: huisarts -> manager", "rol van bob: Huisarts → Praktijkmanager"),
        ("vision draft 2 (revision 5)", "visie, concept 2 (bewerking 5)"),
        ("patient page withdrawn", "patiëntenpagina offline gehaald"),
        ("iets nieuws", "iets nieuws"),  # a subject no wording knows is shown as stored
    ],
)
def test_what_was_done_reads_in_dutch(client, practice, manager, stored, shown):
    audit_record(practice=practice, user=manager, action="change", subject=stored)
    client.force_login(manager)
    assert f"<td>{shown}</td>" in client.get(_url(practice)).text


def test_page_views_are_hidden_until_asked_for(client, practice, manager):
    audit_record(practice=practice, user=manager, action="view", subject="vision")
    audit_record(practice=practice, user=manager, action="change", subject="task split")
    client.force_login(manager)
    hidden = client.get(_url(practice)).text
    assert "<td>taakverdeling</td>" in hidden and "<td>bekeken</td>" not in hidden
    assert "Ook bekeken pagina&#x27;s tonen" in hidden
    shown = client.get(_url(practice) + "?with_views=on").text
    assert "<td>bekeken</td>" in shown and "<td>visie</td>" in shown
    only_views = client.get(_url(practice) + "?action=view").text
    assert "<td>visie</td>" in only_views and "<td>taakverdeling</td>" not in only_views


def test_filter_by_who_and_action(client, practice, manager, huisarts):
    audit_record(practice=practice, user=manager, action="change", subject="task split")
    audit_record(practice=practice, user=huisarts, action="adopt", subject="vision 1")
    audit_record(practice=practice, user=huisarts, action="change", subject="population profile")
    client.force_login(manager)
    html = client.get(_url(practice) + "?who=bob&action=change").text
    assert "<td>patiëntenpopulatie</td>" in html
    assert "<td>taakverdeling</td>" not in html and "<td>visie 1</td>" not in html
    assert '<option value="alice">alice</option>' in html  # the names come from the log itself


def test_period_is_whole_dutch_days(client, practice, manager):
    # 30 June 23:30 UTC is already 1 July in Amsterdam; 1 July 22:30 UTC is 2 July there.
    _insert(practice, manager, "change", "menu: Binnen", datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    _insert(practice, manager, "change", "menu: Ervoor", datetime(2026, 6, 30, 21, 30, tzinfo=UTC))
    _insert(practice, manager, "change", "menu: Erna", datetime(2026, 7, 1, 22, 30, tzinfo=UTC))
    client.force_login(manager)
    html = client.get(_url(practice) + "?since=2026-07-01&until=2026-07-01").text
    assert "aanbod: Binnen" in html
    assert "aanbod: Ervoor" not in html and "aanbod: Erna" not in html


def test_a_wrong_date_is_told_and_the_other_filters_still_apply(client, practice, manager, huisarts):
    audit_record(practice=practice, user=manager, action="change", subject="task split")
    audit_record(practice=practice, user=huisarts, action="change", subject="population profile")
    client.force_login(manager)
    response = client.get(_url(practice) + "?since=gisteren&who=bob")
    assert response.status_code == 200
    assert "<td>patiëntenpopulatie</td>" in response.text and "<td>taakverdeling</td>" not in response.text


def test_log_is_paginated_with_a_bounded_number_of_queries(
    client, practice, manager, huisarts, django_assert_max_num_queries
):
    two_people = (manager, huisarts)  # so the "who" choices come from more than one name
    AuditEvent.objects.bulk_create(
        AuditEvent(
            practice=practice,
            user=two_people[n % 2],
            username=two_people[n % 2].username,
            action="change",
            subject=f"menu: p{n}",
        )
        for n in range(AUDIT_EVENTS_PER_PAGE + 5)
    )
    client.force_login(manager)
    with django_assert_max_num_queries(10):
        first = client.get(_url(practice))
    assert first.text.count("<tr>") == AUDIT_EVENTS_PER_PAGE + 1  # plus the header row
    assert "Ouder" in first.text
    second = client.get(_url(practice, page=2))
    assert "Nieuwer" in second.text
    assert "aanbod: p0<" in second.text


def test_the_page_links_keep_the_filters(client, practice, manager):
    AuditEvent.objects.bulk_create(
        AuditEvent(practice=practice, user=manager, username="alice", action="view", subject="vision")
        for _n in range(AUDIT_EVENTS_PER_PAGE + 1)
    )
    client.force_login(manager)
    html = client.get(_url(practice) + "?who=alice&with_views=on").text
    assert 'href="?who=alice&amp;with_views=on&amp;page=2"' in html
    assert f'href="{reverse("practices:audit_log_export", args=[practice.slug])}?who=alice&amp;with_views=on"' in html


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
    event = AuditEvent.objects.get(action="view")
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
    assert AuditEvent.objects.get(action="view").subject == "echt"


@needs_postgresql
def test_postgresql_trigger_is_installed_by_the_migration():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'practices_auditevent'::regclass AND NOT tgisinternal"
        )
        assert [row[0] for row in cursor.fetchall()] == ["practices_auditevent_append_only"]


# The CSV download -------------------------------------------------------------------------------------------


def _export_url(practice, query=""):
    return reverse("practices:audit_log_export", args=[practice.slug]) + query


def _csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_manager_downloads_the_log_as_dutch_csv_in_dutch_time(client, practice, manager):
    _insert(practice, manager, "change", "task split", datetime(2026, 7, 1, 12, 0, 0, tzinfo=UTC))
    client.force_login(manager)
    response = client.get(_export_url(practice, "?action=change"))  # not the fixtures' own membership events
    assert 'filename="logboek-de-linde-' in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0] == ["Tijd (Nederlandse tijd)", "Wie", "Handeling", "Wat", "Adres"]
    assert rows[1] == ["2026-07-01 14:00:00", "alice", "gewijzigd", "taakverdeling", ""]


def test_the_download_uses_the_filters_and_hides_page_views_too(client, practice, manager, huisarts):
    audit_record(practice=practice, user=manager, action="change", subject="task split")
    audit_record(practice=practice, user=huisarts, action="change", subject="population profile")
    audit_record(practice=practice, user=huisarts, action="view", subject="vision")
    client.force_login(manager)
    rows = _csv(client.get(_export_url(practice, "?who=bob")))
    assert [row[3] for row in rows[1:]] == ["patiëntenpopulatie"]
    with_views = _csv(client.get(_export_url(practice, "?who=bob&with_views=on")))
    assert [row[3] for row in with_views[1:]] == ["visie", "patiëntenpopulatie"]


def test_cells_a_spreadsheet_would_run_as_formulas_are_escaped(client, practice, manager):
    audit_record(practice=practice, user=manager, action="create", subject='menu: =HYPERLINK("http://x.nl")')
    client.force_login(manager)
    rows = _csv(client.get(_export_url(practice)))
    assert rows[1][3] == 'aanbod: =HYPERLINK("http://x.nl")'  # safe: the cell starts with text
    audit_record(practice=practice, user=manager, action="change", subject="=cmd|' /C calc'!A0")
    rows = _csv(client.get(_export_url(practice)))
    assert rows[1][3] == "'=cmd|' /C calc'!A0"


def test_the_download_is_itself_logged_with_its_filters(client, practice, manager):
    client.force_login(manager)
    _csv(client.get(_export_url(practice, "?action=change")))
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.action, event.subject, event.username) == ("export", "audit log export", "alice")
    assert event.path.endswith("?action=change")
    html = client.get(_url(practice)).text
    assert "<td>gedownload</td>" in html and "<td>logboek (CSV gedownload)</td>" in html


@pytest.mark.parametrize("role_fixture", ["huisarts", "assistant"])
def test_only_the_manager_downloads_the_log(client, practice, request, role_fixture):
    audit_record(practice=practice, user=None, action="change", subject="task split")
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(_export_url(practice)).status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


def test_a_manager_of_another_practice_gets_404_on_the_download(client, practice, outsider):
    client.force_login(outsider)
    assert client.get(_export_url(practice)).status_code == 404
    assert client.get(_url(practice)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, practice):
    response = client.get(_export_url(practice))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
