"""The vision in the browser: two sittings and adoption; a GP and a manager editing at once lose nothing."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import Role, VisionVersion
from tests.browser.helpers_practices import ExtraBrowser, log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def practice():
    return factories.practice("Huisartsen De Linde", slug="de-linde", place="Utrecht")


def _vision_url(practice):
    return reverse("practices:vision", kwargs={"practice_slug": practice.slug})


def test_manager_writes_the_vision_in_two_sittings_and_adopts_it(
    page, browser, live_server, practice, assert_accessible
):
    manager = factories.member(practice, Role.MANAGER, "manager", first_name="Marieke", last_name="Manager")

    # First sitting: two sections, then save as a draft.
    log_in(page.context, manager, live_server.url)
    page.goto(reverse("practices:dashboard", kwargs={"practice_slug": practice.slug}))
    assert_accessible(page)
    page.get_by_role("link", name="Stel een gezamenlijke visie vast").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Visie op e-mental health")
    assert_accessible(page)
    page.get_by_label("Waarom, en voor wie").fill("Voor volwassenen met lichte angst- of depressieve klachten.")
    page.get_by_label("Een volwaardige vorm van preventie en behandeling").fill("Online hulp is echte zorg.")
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Concept opgeslagen")

    # Second sitting, in a new browser (new session): the draft is there; finish it and adopt it.
    later = ExtraBrowser(browser, live_server.url)
    try:
        log_in(later.context, manager, live_server.url)
        second = later.page
        second.goto(_vision_url(practice))
        expect(second.get_by_label("Waarom, en voor wie")).to_have_value(
            "Voor volwassenen met lichte angst- of depressieve klachten."
        )
        for label, text in [
            (
                "Meerwaarde, doelen en hoe u weet dat ze gehaald zijn",
                "Binnen een jaar krijgt een derde een aanbod.",
            ),
            ("In plaats van consulten, niet erbovenop", "Kortere consulten zolang iemand een module volgt."),
            ("Patiënten informeren en samen beslissen", "We bieden het aan en beslissen samen."),
            ("Beschikbaar voor, tijdens en na de behandeling", "Tot twaalf maanden na de behandeling."),
        ]:
            second.get_by_label(label).fill(text)
        second.get_by_role("button", name="Concept opslaan").click()
        expect(second.get_by_role("status").first).to_contain_text("Concept opgeslagen")
        assert_accessible(second)
        second.get_by_role("button", name="Versie 1 vaststellen").click()
        expect(second.get_by_role("status").first).to_contain_text("Versie 1 van de visie is vastgesteld")

        second.get_by_role("link", name="De vastgestelde visie lezen of printen (versie 1)").click()
        expect(second.get_by_role("heading", level=1)).to_have_text("Onze visie op e-mental health")
        expect(second.locator(".document-meta")).to_contain_text("Marieke Manager")
        expect(second.get_by_text("Tot twaalf maanden na de behandeling.")).to_be_visible()
        assert_accessible(second)
        second.goto(reverse("practices:vision_versions", kwargs={"practice_slug": practice.slug}))
        assert_accessible(second)
    finally:
        later.close()

    version = practice.visions.get()
    assert (version.status, version.adopted_by) == (VisionVersion.Status.ADOPTED, manager)


def test_gp_and_manager_edit_at_once_and_the_second_save_gets_the_conflict(
    page, browser, live_server, practice, assert_accessible
):
    manager = factories.member(practice, Role.MANAGER, "manager", first_name="Marieke", last_name="Manager")
    gp = factories.member(practice, Role.HUISARTS, "huisarts", first_name="Hanna", last_name="Huisarts")
    log_in(page.context, manager, live_server.url)
    gp_browser = ExtraBrowser(browser, live_server.url)
    try:
        log_in(gp_browser.context, gp, live_server.url)
        gp_page = gp_browser.page
        # Both open the empty form.
        page.goto(_vision_url(practice))
        gp_page.goto(_vision_url(practice))

        page.get_by_label("Waarom, en voor wie").fill("Voor volwassenen met angstklachten.")
        gp_page.get_by_label("Waarom, en voor wie").fill("Voor volwassenen met somberheid.")

        page.get_by_role("button", name="Concept opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text("Concept opgeslagen")

        gp_page.get_by_role("button", name="Concept opslaan").click()
        conflict = gp_page.get_by_role("alert")
        expect(conflict).to_contain_text("Iemand anders heeft de visie opgeslagen terwijl u aan het schrijven was")
        expect(conflict).to_contain_text("Marieke Manager")
        expect(conflict.locator("del")).to_contain_text("angstklachten.")
        expect(conflict.locator("ins")).to_contain_text("somberheid.")
        # Nothing was lost: the GP's words are still in the form, the manager's are saved.
        expect(gp_page.get_by_label("Waarom, en voor wie")).to_have_value("Voor volwassenen met somberheid.")
        assert practice.visions.get().text("why_and_whom") == "Voor volwassenen met angstklachten."
        assert_accessible(gp_page)

        # The GP merges and saves again; that now succeeds.
        gp_page.get_by_label("Waarom, en voor wie").fill("Voor volwassenen met angstklachten of somberheid.")
        gp_page.get_by_role("button", name="Concept opslaan").click()
        expect(gp_page.get_by_role("status").first).to_contain_text("Concept opgeslagen")
        assert practice.visions.get().text("why_and_whom") == "Voor volwassenen met angstklachten of somberheid."
    finally:
        gp_browser.close()
