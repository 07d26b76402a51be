"""Choosing reminders in the browser: a curator turns the weekly overview off and on again."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import ReminderOptOut
from tests import factories
from tests.browser.helpers_practices import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_curator_turns_the_weekly_overview_off(page, live_server, redactie_group, assert_accessible):
    curator = factories.user("redacteur", email="redactie@example.org", is_staff=True)
    curator.groups.add(redactie_group)
    log_in(page.context, curator, live_server.url)

    page.goto(reverse("reminder_settings"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Herinneringen per e-mail")
    overview = page.get_by_label("Wekelijks overzicht voor de redactie")
    expect(overview).to_be_checked()
    assert_accessible(page)

    overview.uncheck()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Uw keuze voor herinneringen is opgeslagen")
    expect(page.get_by_label("Wekelijks overzicht voor de redactie")).not_to_be_checked()
    assert_accessible(page)
    assert ReminderOptOut.objects.filter(user=curator, kind="curator_digest").exists()
