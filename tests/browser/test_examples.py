"""Examples from practice in the browser: a practice shares its vision anonymously, another starts a draft from it."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from practices.models import Role, VisionVersion
from tests.browser.helpers_practices import ExtraBrowser, log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

SECTIONS = {
    key: f"Zo doen wij het bij ons ({key})."
    for key in ("why_and_whom", "full_treatment", "added_value", "replaces_contacts", "shared_decision", "availability")
}


@pytest.fixture
def sharing_practice():
    practice = factories.practice("Huisartsen De Linde", slug="de-linde", place="Utrecht")
    manager = factories.member(practice, Role.MANAGER, "linde", first_name="Lotte")
    VisionVersion.objects.create(
        practice=practice,
        number=1,
        status=VisionVersion.Status.ADOPTED,
        sections=SECTIONS,
        adopted_at=timezone.now(),
        adopted_by=manager,
    )
    factories.complete_task_split(practice, by=manager)
    return practice, manager


def test_practice_shares_anonymously_and_another_starts_a_draft_from_it(
    page, browser, live_server, sharing_practice, assert_accessible
):
    practice, manager = sharing_practice
    log_in(page.context, manager, live_server.url)
    page.goto(reverse("practices:dashboard", kwargs={"practice_slug": practice.slug}))
    page.get_by_role("link", name="Voorbeelden uit de praktijk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeelden uit de praktijk")
    assert_accessible(page)

    page.get_by_role("link", name="Deel uw visie en taakverdeling als voorbeeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delen als voorbeeld")
    assert_accessible(page)
    page.get_by_label("Anoniem: zonder naam of plaats van de praktijk").check()
    page.get_by_role("button", name="Delen als voorbeeld").click()
    expect(page.get_by_role("status").first).to_contain_text("gedeeld als voorbeeld")
    expect(page.get_by_text("anoniem.", exact=False).first).to_be_visible()
    assert_accessible(page)

    # Another practice, at another computer, finds it from its empty vision page and starts a draft from it.
    other = factories.practice("Huisartsen De Wilg", slug="de-wilg", place="Amersfoort")
    other_manager = factories.member(other, Role.MANAGER, "wilg")
    second = ExtraBrowser(browser, live_server.url)
    try:
        log_in(second.context, other_manager, live_server.url)
        reader = second.page
        reader.goto(reverse("practices:vision", kwargs={"practice_slug": other.slug}))
        reader.get_by_role("link", name="Of begin met een voorbeeld dat een andere praktijk deelde.").click()
        assert_accessible(reader)
        reader.get_by_role("link", name="Visie en taakverdeling van een praktijk die anoniem blijft").click()
        expect(reader.get_by_role("heading", level=1)).to_contain_text("een praktijk die anoniem blijft")
        expect(reader.get_by_text(SECTIONS["why_and_whom"])).to_be_visible()
        assert "De Linde" not in reader.content()
        assert "Utrecht" not in reader.content()
        assert_accessible(reader)

        reader.get_by_role("button", name="Begin een concept met dit voorbeeld").click()
        expect(reader.get_by_role("heading", level=1)).to_have_text("Visie op e-mental health")
        expect(reader.get_by_role("status").first).to_contain_text("Het voorbeeld staat nu in uw concept")
        expect(reader.get_by_label("Waarom, en voor wie")).to_have_value(SECTIONS["why_and_whom"])
        assert_accessible(reader)
    finally:
        second.close()

    draft = other.visions.get()
    assert draft.status == VisionVersion.Status.DRAFT
    assert draft.sections == SECTIONS
