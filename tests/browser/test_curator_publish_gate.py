"""Two curators take a programme past the publish gate: the first writes it and sends it for review, the second
publishes it (four eyes). The admin says what is missing instead of publishing an unchecked draft."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.models import Programme
from tests import factories
from tests.browser.curation import assert_admin_accessible, choose_in_two_lists, log_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Slaap beter"
SOURCE_TITLE = "Slaap beter: over het programma"


@pytest.fixture
def curators(redactie_group):
    for username in ["schrijver", "controleur"]:
        factories.user(username, password="toolkit-demo", is_staff=True).groups.add(redactie_group)
    factories.provider("Therapieland")
    factories.theme("Slaapproblemen")
    factories.language("Nederlands", "nl")


def assess(page, criterion, *, verdict=None, rationale="", source=None, on="2026-03-02"):
    """Fill in the inline of one criterion (found by its value: the add and change pages order them differently)."""
    index = next(i for i in range(4) if page.locator(f"#id_assessments-{i}-criterion").input_value() == criterion)
    if verdict:
        page.locator(f"#id_assessments-{index}-verdict").select_option(label=verdict)
    if rationale:
        page.locator(f"#id_assessments-{index}-rationale").fill(rationale)
    if source:
        choose_in_two_lists(page, f"id_assessments-{index}-sources", source)
    page.locator(f"#id_assessments-{index}-assessed_on").fill(on)


def missing_list(page):
    return page.get_by_role("list", name="Nog niet in orde voor publicatie")


def log_out(page):
    page.locator("#logout-form button").click()
    expect(page.locator("#logout-form")).to_have_count(0)


def test_a_draft_passes_the_gate_with_sources_and_a_second_curator_publishes_it(page, assert_accessible, axe, curators):
    # The first curator logs in with two factors and records the source the verdicts rest on.
    page.goto(reverse("admin:index"))
    assert_accessible(page)  # the two-factor log-in page
    log_in_to_admin(page, "schrijver", "toolkit-demo")
    assert_accessible(page)
    page.goto(reverse("admin:catalog_source_add"))
    page.locator("#id_title").fill(SOURCE_TITLE)
    page.locator("#id_publisher").fill("Therapieland")
    page.locator("#id_url").fill("https://therapieland.example/slaap-beter/over")
    page.locator("#id_seen_on").fill("2026-03-01")
    assert_admin_accessible(page, axe)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Toegevoegd: ", exact=False).first).to_be_visible()

    # A draft: two criteria assessed with the source, two left unknown, and a summary still marked "Concept".
    page.goto(reverse("admin:catalog_programme_add"))
    page.locator("#id_name").fill(NAME)
    page.locator("#id_provider").select_option(label="Therapieland")
    page.locator("#id_summary").fill("Concept: tekst volgt.")
    choose_in_two_lists(page, "id_themes", "Slaapproblemen")
    choose_in_two_lists(page, "id_languages", "Nederlands")
    page.locator("#id_offers_self_help").select_option(label="Ja")
    page.locator("#id_suits_mild").select_option(label="Ja")
    source_option = f"{SOURCE_TITLE} (Therapieland)"
    assess(page, "effectiveness", verdict="Voldoet deels", rationale="Eén Nederlandse studie.", source=source_option)
    assess(
        page, "transparency", verdict="Voldoet", rationale="Aanbieder en doel staan op de site.", source=source_option
    )
    assert_admin_accessible(page, axe)
    page.locator("input[name=_continue]").click()
    expect(page.get_by_text("Toegevoegd: ", exact=False).first).to_be_visible()

    # Trying to publish: nothing changes, and the page lists what is missing.
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.get_by_text("kan nog niet worden gepubliceerd")).to_be_visible()
    missing = missing_list(page)
    expect(missing).to_contain_text("De samenvatting begint nog met “Concept”")
    expect(missing).to_contain_text("Schrijf de tekst voor patiënten")
    expect(missing).to_contain_text("Beoordeel “Gebruiksvriendelijkheid” en vul de datum van de beoordeling in.")
    expect(missing).to_contain_text("Het oordeel over “Veiligheid” is onbekend")
    expect(missing).to_contain_text("Stuur het eerst ter beoordeling")
    assert_admin_accessible(page, axe)
    assert Programme.objects.get(name=NAME).status == Programme.Status.DRAFT

    # The curator fills in the rest: a real summary, and the two unknown criteria dated and explained publicly.
    page.locator("#id_summary").fill("Online zelfhulp bij slaapproblemen, in zes weken.")
    # A text for patients that is too hard is refused with the reason; a plain one passes.
    page.locator("#id_patient_text").fill(
        "Deze cognitief-gedragstherapeutische interventie bevordert slaaphygiëne door middel van psycho-educatie, "
        "stimuluscontrole en slaaprestrictie, gecombineerd met ontspanningsoefeningen, slaapregistratie en "
        "terugvalpreventie, waarbij de deelnemer dagelijks gestructureerde registratieformulieren invult en "
        "wekelijks geautomatiseerde feedback ontvangt."
    )
    page.locator("input[name=_continue]").click()
    expect(missing_list(page)).to_contain_text("De tekst voor patiënten is moeilijk te lezen")
    page.locator("#id_patient_text").fill(
        "Slaapt u slecht? Dit is een cursus op internet. U leert hoe u beter kunt slapen. "
        "U doet de cursus thuis, in zes weken. Vraag de praktijk wat het kost."
    )
    assess(page, "user_friendliness", rationale="De aanbieder noemt geen contactmogelijkheid of klachtenprocedure.")
    assess(page, "safety", rationale="Er is geen openbare informatie over de beveiliging van gegevens gevonden.")
    page.locator("input[name=_continue]").click()
    expect(page.get_by_text("Gewijzigd: ", exact=False).first).to_be_visible()
    expect(missing_list(page)).to_have_text(re.compile(r"^\s*Stuur het eerst ter beoordeling[^\n]*\s*$"))

    page.get_by_role("button", name="Ter beoordeling aanbieden").click()
    expect(page.get_by_text("is nu ‘In beoordeling’")).to_be_visible()
    # Four eyes: the one who sent it for review cannot publish it.
    expect(missing_list(page)).to_contain_text("U hebt het zelf ter beoordeling gestuurd")
    assert_admin_accessible(page, axe)
    log_out(page)

    # A second curator checks and publishes it.
    log_in_to_admin(page, "controleur", "toolkit-demo")
    page.goto(reverse("admin:catalog_programme_changelist"))
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_text("Niets ontbreekt: u kunt het publiceren.")).to_be_visible()
    expect(page.get_by_text("ter beoordeling gestuurd door schrijver")).to_be_visible()
    assert_admin_accessible(page, axe)
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.get_by_text("is nu ‘Gepubliceerd’")).to_be_visible()
    assert_admin_accessible(page, axe)
    programme = Programme.objects.get(name=NAME)
    assert programme.status == Programme.Status.PUBLISHED
    assert (programme.submitted_by.username, programme.history.latest().history_user.username) == (
        "schrijver",
        "controleur",
    )

    # As a GP sees it: listed in the overview, and the detail page names its source.
    page.goto(reverse("catalog:programme_list"))
    expect(page.get_by_role("link", name=NAME)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", name=NAME, exact=True)).to_be_visible()
    # The source sits next to the verdict it supports.
    expect(page.get_by_text(SOURCE_TITLE).first).to_be_visible()
    assert_accessible(page)
