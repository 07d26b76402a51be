"""A GP uses the keuzehulp in a consultation: answers, ranked result, printed advice; safety comes first."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from catalog.models import Criterion, Programme, Verdict
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    depression = factories.theme("Depressieve klachten")
    adults = factories.target_group("Volwassenen", age_band="adult")
    low_literacy = factories.target_group("Laaggeletterden", low_literacy=True)
    factories.programme(
        "Kleur je leven",
        themes=[depression],
        target_groups=[adults, low_literacy],
        reading_level=Programme.ReadingLevel.A2,
        offers_guided=True,
        suits_moderate=True,
        duration_weeks=8,
        website="https://www.kleurjeleven.nl/",
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.MEETS},
    )
    factories.programme(
        "Psyfit",
        themes=[depression],
        target_groups=[adults],
        reading_level=Programme.ReadingLevel.B1,
        offers_blended=True,
        website="https://www.psyfit.nl/",
    )
    factories.programme(
        "Moodbuster",
        themes=[depression],
        reading_level=Programme.ReadingLevel.C1,
        website="https://moodbuster.example/",
    )
    factories.programme("Angst de baas", themes=[factories.theme("Angstklachten")])


def _fill_in(page, *, severity):
    page.get_by_label("Hoofdklacht").select_option("depressieve-klachten")
    page.get_by_label(severity, exact=True).check()
    page.get_by_label("Leeftijdsgroep").select_option("adult")
    page.get_by_label("Lezen").select_option("low")
    page.get_by_label("Begeleiding").select_option("guided")
    page.get_by_role("button", name="Toon passende programma's").click()
    page.wait_for_url(re.compile(r"/catalogus/keuzehulp/\?.*theme=depressieve-klachten"))


def test_gp_finds_a_guided_programme_for_low_literacy_and_prints_the_advice(page, assert_accessible, catalogue):
    page.goto(reverse("catalog:keuzehulp"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Keuzehulp")
    assert_accessible(page)

    _fill_in(page, severity="Licht")
    matches = page.locator(".keuzehulp-matches > li")
    expect(matches).to_have_count(3)
    expect(matches.nth(0).get_by_role("heading", level=3)).to_contain_text("Kleur je leven")
    expect(matches.nth(0)).to_contain_text("geschikt voor laaggeletterden")
    expect(matches.nth(0)).to_contain_text("begeleiding door de POH-ggz mogelijk")
    expect(matches.nth(2)).to_contain_text("taalniveau C1: de tekst is mogelijk te moeilijk")
    expect(page.locator("#safety-heading")).to_have_count(0)
    assert_accessible(page)

    page.get_by_label("Zet Kleur je leven op het adviesblad").check()
    page.get_by_label("Zet Psyfit op het adviesblad").check()
    page.get_by_role("button", name="Maak een adviesblad voor de patiënt").click()
    page.wait_for_url(re.compile(r"/catalogus/keuzehulp/advies/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Online hulp die bij u past")
    qr_codes = page.locator("svg.keuzehulp-qr")
    expect(qr_codes).to_have_count(2)
    expect(qr_codes.first).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor Kleur je leven")).to_be_visible()
    expect(page.get_by_label("Kopieer deze tekst en zet zelf de naam van de patiënt erbij.")).to_have_value(
        re.compile(r"- Kleur je leven: https://www\.kleurjeleven\.nl/")
    )
    expect(page.get_by_role("button", name="Print het advies")).to_be_visible()  # shown by the script
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print het advies")).to_be_hidden()
    expect(qr_codes.nth(1)).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the advice for two programmes fits one page"


def test_a_severe_case_shows_the_safety_message_first(page, assert_accessible, catalogue):
    page.goto(reverse("catalog:keuzehulp"))
    _fill_in(page, severity="Ernstig")
    safety = page.get_by_role("heading", name="Veiligheid eerst: alleen zelfhulp is nu niet de weg")
    expect(safety).to_be_in_viewport()
    expect(page.locator(".keuzehulp-safety")).to_contain_text("0800-0113")
    first_programme = page.locator(".keuzehulp-matches > li").first
    assert safety.bounding_box()["y"] < first_programme.bounding_box()["y"]
    assert_accessible(page)


def test_when_nothing_fits_the_nearest_matches_are_accessible(page, assert_accessible, catalogue):
    page.goto(reverse("catalog:keuzehulp") + "?theme=depressieve-klachten&anonymous=on&device=ios")
    expect(page.get_by_role("heading", name="Geen programma past bij alle antwoorden")).to_be_visible()
    expect(page.locator(".keuzehulp-misfits").first).to_contain_text("niet anoniem te gebruiken")
    assert_accessible(page)


def test_unknown_facts_and_an_overdue_review_are_said_plainly(page, assert_accessible, catalogue):
    Programme.objects.filter(slug="psyfit").update(
        anonymous_use=None, cost=Programme.Cost.UNKNOWN, next_review=timezone.localdate() - timedelta(days=1)
    )
    factories.programme("Drinktest", themes=[factories.theme("Alcohol")], anonymous_use=True)
    page.goto(reverse("catalog:keuzehulp") + "?theme=depressieve-klachten&anonymous=on")
    expect(page.get_by_role("heading", name="Geen programma past bij alle antwoorden")).to_be_visible()
    matches = page.locator(".keuzehulp-matches > li")
    expect(matches).to_have_count(3)
    expect(page.locator(".keuzehulp-result")).not_to_contain_text("Drinktest")
    psyfit = matches.filter(has_text="Psyfit")
    expect(psyfit.get_by_role("heading", name="Nog niet bekend")).to_be_visible()
    expect(psyfit.locator(".keuzehulp-unknowns")).to_have_text("nog niet bekend of het anoniem kan; vraag de aanbieder")
    expect(psyfit.locator(".keuzehulp-watch:not(.keuzehulp-unknowns)")).to_contain_text(
        "Deze informatie is ouder dan gepland"
    )
    expect(psyfit.locator(".keuzehulp-watch:not(.keuzehulp-unknowns)")).to_contain_text(
        "kosten nog niet bekend; vraag de aanbieder"
    )
    expect(matches.first).to_contain_text("Psyfit")  # not known yet is nearer than known not to fit
    assert_accessible(page)

    psyfit.get_by_label("Zet Psyfit op het adviesblad").check()
    page.get_by_role("button", name="Maak een adviesblad voor de patiënt").click()
    page.wait_for_url(re.compile(r"/catalogus/keuzehulp/advies/\?"))
    sheet = page.locator(".keuzehulp-sheet")
    expect(sheet).to_contain_text("Vraag de praktijk wat het kost.")
    expect(sheet).not_to_contain_text("gratis voor u")
    expect(sheet).not_to_contain_text("zonder uw naam")
    assert_accessible(page)


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_the_form_fits_the_screen(page, assert_accessible, catalogue, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(reverse("catalog:keuzehulp"))
    button = page.get_by_role("button", name="Toon passende programma's")
    bottom = button.bounding_box()["y"] + button.bounding_box()["height"]
    print(f"\nkeuzehulp form at {width}x{height}: submit button bottom at {bottom:.0f}px")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    if width >= 1280:
        assert bottom <= height, "on a laptop the whole form, submit button included, fits one screen"
    assert_accessible(page)
