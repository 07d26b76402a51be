"""The monthly reach reminder: to the POH-ggz and the manager of a practice that has not entered last month's
counts, once per month, never to someone who opted out, never to other roles."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from accounts.models import ReminderOptOut
from accounts.reminders import REMINDER_JOBS
from practices.models import MenuItem, Role
from practices.reach_services import reach_save
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 2)
LAST_MONTH = date(2026, 11, 1)


@pytest.fixture
def programme(practice):
    programme = catalog.programme("Kleur je leven")
    MenuItem.objects.create(practice=practice, programme=programme, position=1)
    return programme


@pytest.fixture
def team(practice):
    return {
        "manager": factories.member(practice, Role.MANAGER, "marja"),
        "poh": factories.member(practice, Role.POH_GGZ, "pim"),
        "gp": factories.member(practice, Role.HUISARTS, "henk"),
    }


def run(today=TODAY):
    call_command("send_reminders", date=today.isoformat(), kind=["monthly_reach"], stdout=StringIO())


def test_the_reach_reminder_is_registered_once():
    assert [job.kind for job in REMINDER_JOBS].count("monthly_reach") == 1


def test_poh_and_manager_get_the_reminder_with_a_link_to_last_months_form(practice, programme, team):
    run()

    assert sorted(message.to[0] for message in mail.outbox) == ["marja@example.org", "pim@example.org"]
    message = mail.outbox[0]
    assert practice.name in message.subject
    assert "november 2026" in message.body
    assert f"/praktijk/{practice.slug}/bereik/aantallen/?maand=2026-11" in message.body


def test_no_reminder_once_last_months_counts_are_in(practice, programme, team):
    reach_save(
        practice=practice,
        month=LAST_MONTH,
        by=team["poh"],
        today=TODAY,
        counts={programme: {"offered": 2, "started": 1, "finished": 0, "stopped": 0}},
    )

    run()

    assert mail.outbox == []


def test_no_reminder_for_a_practice_without_programmes_on_its_menu(practice, team):
    run()

    assert mail.outbox == []


def test_sent_once_a_month_and_never_to_who_opted_out(practice, programme, team):
    ReminderOptOut.objects.create(user=team["manager"], kind="monthly_reach")

    run()
    run(date(2026, 12, 20))

    assert [message.to for message in mail.outbox] == [["pim@example.org"]]
