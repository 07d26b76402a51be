"""Forms that forgive, in Chromium on a laptop and a phone: nothing typed is lost, errors are summarised at the top
(focused, each linked to its field), Dutch numbers are understood. axe-core checks every page at both sizes."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices import services
from practices.models import PopulationProfile, Role, VisionVersion
from practices.vision import SECTION_KEYS
from tests import factories as catalog
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = [{"width": 1366, "height": 900}, {"width": 390, "height": 844}]


@pytest.fixture(params=SIZES, ids=["desktop", "phone"])
def sized_page(request, page):
    page.set_viewport_size(request.param)
    return page


@pytest.fixture
def practice():
    return factories.practice("Huisartsen De Linde", slug="de-linde", place="Utrecht")


@pytest.fixture
def manager(practice):
    return factories.member(practice, Role.MANAGER, "manager")


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


def _focused_id(page):
    return page.evaluate("document.activeElement.id")


def test_adopting_without_saving_keeps_and_adopts_what_was_typed(
    sized_page, live_server, practice, manager, assert_accessible
):
    page = sized_page
    first, *others = SECTION_KEYS
    services.vision_save_draft(
        practice=practice, by=manager, sections={key: f"Tekst {key}" for key in others}, base_revision=0
    )
    log_in(page.context, manager, live_server.url)
    page.goto(_url("vision", practice))
    assert_accessible(page)
    page.locator(f"#id_{first}").fill("Net getypt en niet opgeslagen.")
    # Straight to adopting, without pressing "Concept opslaan".
    page.get_by_role("button", name="Versie 1 vaststellen").click()
    expect(page.get_by_role("status").first).to_contain_text("Versie 1 van de visie is vastgesteld")
    assert_accessible(page)
    version = practice.visions.get()
    assert version.status == VisionVersion.Status.ADOPTED
    assert version.text(first) == "Net getypt en niet opgeslagen."


def test_a_refused_adoption_keeps_the_text_and_leads_to_the_empty_section(
    sized_page, live_server, practice, manager, assert_accessible
):
    page = sized_page
    first, second, *_ = SECTION_KEYS
    log_in(page.context, manager, live_server.url)
    page.goto(_url("vision", practice))
    page.locator(f"#id_{first}").fill("Alleen dit onderdeel.")
    page.get_by_role("button", name="Versie 1 vaststellen").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Wat u invulde is opgeslagen als concept")
    expect(page.locator(f"#id_{first}")).to_have_value("Alleen dit onderdeel.")
    expect(page.locator(f"#id_{second}")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    summary.locator(f"a[href='#id_{second}']").click()
    assert _focused_id(page) == f"id_{second}"
    assert practice.visions.get().text(first) == "Alleen dit onderdeel."


def test_the_task_split_summary_leads_to_each_task_and_the_suggestion_fills_it(
    sized_page, live_server, practice, manager, assert_accessible
):
    page = sized_page
    log_in(page.context, manager, live_server.url)
    page.goto(_url("task_split", practice))
    assert_accessible(page)
    page.get_by_role("button", name="Taakverdeling opslaan").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    assert links.count() >= 10  # one per task, and the feedback block's fields
    assert_accessible(page)
    summary.locator("a[href='#id_responsible_offering_0']").click()
    assert _focused_id(page) == "id_responsible_offering_0"
    expect(page.locator("#id_responsible_offering_0")).to_be_in_viewport()  # scrolled to (smoothly)

    # One click on the suggestion fills the matrix; the practice changes one task, plans its block and saves.
    page.get_by_role("button", name="Vul het voorstel in").click()
    expect(page.get_by_text("Het voorstel staat hieronder ingevuld")).to_be_visible()
    assert_accessible(page)
    expect(page.locator("input[name='responsible_signalling'][value='huisarts']")).to_be_checked()
    page.locator("input[name='responsible_technical_help'][value='poh_ggz']").check()
    page.locator("input[name='supporting_technical_help'][value='poh_ggz']").uncheck()
    page.get_by_label("Dag").select_option(value="2")
    page.get_by_label("Minuten").fill("60")
    page.get_by_role("button", name="Taakverdeling opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Taakverdeling opgeslagen")
    assignments = dict(practice.task_assignments.filter(responsible=True).values_list("task", "role"))
    assert assignments["signalling"] == Role.HUISARTS and assignments["technical_help"] == Role.POH_GGZ


def test_the_population_form_takes_a_decimal_comma(sized_page, live_server, practice, manager, assert_accessible):
    page = sized_page
    catalog.language("Nederlands", "nl")
    log_in(page.context, manager, live_server.url)
    page.goto(_url("population", practice))
    page.get_by_label("Ingeschreven patiënten").fill("3844")
    page.get_by_label("0–17 jaar (%)").fill("19")
    page.get_by_label("18–64 jaar (%)").fill("61,5")
    page.get_by_label("65 jaar en ouder (%)").fill("19,5")
    page.get_by_label("laag opgeleid of laaggeletterd (%)").fill("12,5")
    page.get_by_label("met een migratieachtergrond (%)").fill("acht")
    page.get_by_label("Nederlands").check()
    page.get_by_role("button", name="Populatie opslaan").click()
    # One mistake: summarised, focused, linked; everything typed is still there.
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page.get_by_label("18–64 jaar (%)")).to_have_value("61,5")
    assert_accessible(page)
    summary.locator("a[href='#id_share_migration']").click()
    assert _focused_id(page) == "id_share_migration"
    page.get_by_label("met een migratieachtergrond (%)").fill("8")
    page.get_by_role("button", name="Populatie opslaan").click()
    expect(page.get_by_role("img", name="Verwachte patiënten per jaar en hoeveel er bereikt worden")).to_be_visible()
    expect(page.get_by_label("Ingeschreven patiënten")).to_have_value("3.844")
    expect(page.get_by_label("18–64 jaar (%)")).to_have_value("61,5")
    assert_accessible(page)
    profile = PopulationProfile.objects.get(practice=practice)
    assert (profile.registered_patients, str(profile.share_18_64)) == (3844, "61.5")
