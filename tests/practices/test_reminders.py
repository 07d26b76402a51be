"""Reminder e-mails: `send_reminders` mails who is due once per period, never someone who opted out, and the
curators' weekly overview lists programmes due for review and dead links."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts import reminders
from accounts.models import ReminderOptOut, SentReminder
from accounts.reminders import Due, Period, ReminderJob
from catalog.models import LinkCheck
from practices.models import Role
from tests import factories
from tests.practices import factories as practice_factories

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)  # a Wednesday in ISO week 48


@pytest.fixture
def curator(redactie_group):
    user = factories.user("redacteur", email="redactie@example.org", is_staff=True, first_name="Rik")
    user.groups.add(redactie_group)
    return user


@pytest.fixture
def overdue_programme():
    return factories.programme("Kleur je leven", last_reviewed=TODAY - timedelta(days=400))


def run(today=TODAY, **options):
    call_command("send_reminders", date=today.isoformat(), stdout=StringIO(), **options)


def test_period_keys_are_iso_week_and_month():
    assert Period.WEEKLY.key(TODAY) == "2026-W48"
    assert Period.MONTHLY.key(TODAY) == "2026-11"


def test_curator_gets_the_weekly_overview_in_dutch_text_and_html(curator, overdue_programme):
    LinkCheck.objects.create(
        url="https://weg.example/", found_on="Kleur je leven", ok=False, status_code=404, checked_at=timezone.now()
    )

    run()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redactie@example.org"]
    assert "Beste Rik" in message.body
    assert "Kleur je leven" in message.body
    assert "https://weg.example/ (404" in message.body
    assert reverse("reminder_settings") in message.body
    assert message.alternatives[0][1] == "text/html"


def test_running_twice_in_the_same_week_sends_once(curator, overdue_programme):
    run()
    run()
    run(TODAY + timedelta(days=4))
    assert len(mail.outbox) == 1
    assert SentReminder.objects.get().period == "2026-W48"


def test_next_week_the_overview_comes_again(curator, overdue_programme):
    run()
    run(TODAY + timedelta(days=7))
    assert len(mail.outbox) == 2


def test_nothing_due_no_mail(curator):
    factories.programme("Vers", last_reviewed=TODAY - timedelta(days=10), next_review=TODAY + timedelta(days=100))
    run()
    assert mail.outbox == []


def test_a_curator_who_opted_out_gets_nothing(curator, overdue_programme):
    ReminderOptOut.objects.create(user=curator, kind="curator_digest")
    run()
    assert mail.outbox == []
    assert not SentReminder.objects.exists()


def test_dry_run_sends_and_records_nothing(curator, overdue_programme):
    run(dry_run=True)
    assert mail.outbox == []
    assert not SentReminder.objects.exists()


def test_people_who_are_not_curators_get_no_overview(overdue_programme, manager):
    run()
    assert mail.outbox == []


# The registry: a practice reminder added as one more job works with the same opt-out and once-per-period rules.


@pytest.fixture
def practice_job(monkeypatch, practice):
    def due(job, today):
        for user in reminders.members_with_roles(practice, job.roles):
            yield Due(user=user, context={"practice": practice}, scope=practice.slug)

    job = ReminderJob(
        kind="test_monthly",
        label="Maandelijks",
        help_text="",
        roles=frozenset({Role.POH_GGZ, Role.MANAGER}),
        period=Period.MONTHLY,
        subject_template="accounts/email/curator_digest_subject.txt",
        text_template="accounts/email/reminder_footer.txt",
        due=due,
    )
    monkeypatch.setattr(reminders, "REMINDER_JOBS", [job])
    return job


def test_a_registered_job_reaches_its_roles_once_a_month_and_respects_opt_out(
    practice, manager, assistant, practice_job
):
    poh = practice_factories.member(practice, Role.POH_GGZ, "pieter")
    ReminderOptOut.objects.create(user=manager, kind="test_monthly")

    summary = reminders.reminders_send(today=TODAY)
    reminders.reminders_send(today=TODAY + timedelta(days=3))

    assert [message.to for message in mail.outbox] == [[poh.email]]
    assert summary["test_monthly"].opted_out == 1
    reminders.reminders_send(today=date(2026, 12, 1))
    assert len(mail.outbox) == 2


# The opt-out page.


def test_reminder_page_offers_only_the_kinds_for_the_persons_roles(client, curator, manager):
    client.force_login(manager)
    assert "curator_digest" not in client.get(reverse("reminder_settings")).text
    client.force_login(curator)
    assert 'name="curator_digest"' in client.get(reverse("reminder_settings")).text


def test_unticking_a_reminder_opts_out_and_ticking_opts_in_again(client, curator):
    client.force_login(curator)
    url = reverse("reminder_settings")
    assert client.post(url, {}).status_code == 302
    assert ReminderOptOut.objects.filter(user=curator, kind="curator_digest").exists()
    client.post(url, {"curator_digest": "on"})
    assert not ReminderOptOut.objects.exists()


def test_reminder_page_needs_log_in(client):
    response = client.get(reverse("reminder_settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_reminder_page_path_is_dutch():
    assert reverse("reminder_settings") == "/account/herinneringen/"
