"""A curator logs in to the admin, opens a programme a colleague sent for review, publishes it and finds it in the
overview (four eyes: the colleague who sent it cannot publish it; tests/browser/test_curator_publish_gate.py follows a
programme from draft to published)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.models import Programme
from tests import factories
from tests.browser.curation import assert_admin_accessible, log_in_to_admin
from tests.publishing import ready_for_review

pytestmark = pytest.mark.django_db(transaction=True)

DRAFT_NAME = "Somberheid in eenvoudige taal"


@pytest.fixture
def curator(redactie_group):
    user = factories.user("redactie", password="toolkit-demo", is_staff=True)
    user.groups.add(redactie_group)
    return user


@pytest.fixture
def programme_in_review():
    """Sent for review by a colleague, complete for the publish gate."""
    return ready_for_review(
        DRAFT_NAME,
        provider=factories.provider("Therapieland"),
        summary="Zelfhulp bij somberheid, geschreven in eenvoudige taal.",
        submitted_by=factories.user("collega", is_staff=True),
    )


def test_curator_publishes_a_programme_in_review_and_it_appears_in_the_overview(
    page, assert_accessible, axe, curator, programme_in_review
):
    page.goto(reverse("admin:index"))
    assert_accessible(page)  # the two-factor log-in page
    log_in_to_admin(page, "redactie", "toolkit-demo")
    assert_accessible(page)

    page.get_by_role("link", name="Programma's", exact=True).click()
    page.get_by_role("link", name="Beoordeling nodig").click()  # the "review due" filter lists the new programme
    page.get_by_role("link", name=DRAFT_NAME).click()
    expect(page.get_by_role("heading", name=DRAFT_NAME, exact=True)).to_be_visible()
    expect(page.get_by_text("In beoordeling", exact=True).first).to_be_visible()
    expect(page.get_by_text("Niets ontbreekt: u kunt het publiceren.")).to_be_visible()
    assert_admin_accessible(page, axe)

    page.go_back()
    page.get_by_role("checkbox", name=re.compile(DRAFT_NAME)).check()
    action = page.get_by_role("combobox", name=re.compile("Actie"))
    action.select_option(label="Geselecteerde programma's publiceren")
    page.get_by_role("button", name="Uitvoeren").click()
    expect(page.get_by_text("1 programma gepubliceerd.")).to_be_visible()
    assert_accessible(page)
    programme_in_review.refresh_from_db()
    assert programme_in_review.status == Programme.Status.PUBLISHED

    # Final step, as a GP would see it: the programme is now listed in the public overview.
    page.goto(reverse("catalog:programme_list"))
    expect(page.get_by_role("link", name=DRAFT_NAME)).to_be_visible()
    assert_accessible(page)
