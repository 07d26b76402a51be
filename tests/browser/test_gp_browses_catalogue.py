"""A GP filters the programme overview, searches, opens a programme, goes back and compares two; checks the
sources of a programme past its review and reads how the catalogue assesses."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from catalog.models import Criterion, FactSource, Programme, ProgrammeFact, QualityAssessment, Source, Verdict
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    alcohol, gloom = factories.theme("Alcohol"), factories.theme("Depressieve klachten")
    trimbos = factories.provider("Trimbos-instituut", email="info@trimbos.example")
    factories.programme(
        "Minder drinken",
        themes=[alcohol],
        provider=trimbos,
        offers_self_help=False,
        offers_guided=True,
        summary="Grip krijgen op je alcoholgebruik, met steun van de POH-ggz.",
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.PARTLY},
    )
    factories.programme("Drinktest", themes=[alcohol], provider=trimbos, summary="Test hoeveel je drinkt.")
    factories.programme(
        "Kleur je leven",
        themes=[gloom],
        offers_guided=True,
        summary="Een cursus bij somberheid.",
        cost=Programme.Cost.INSURER,
    )
    factories.programme("Psyfit", themes=[gloom], summary="Werken aan je mentale fitheid.")
    # A verdict counts once it has a date (an undated one reads "nog niet beoordeeld").
    QualityAssessment.objects.exclude(verdict=Verdict.UNKNOWN).update(assessed_on=date(2026, 3, 1))


def result_titles(page):
    return page.locator(".programme-card h3").all_inner_texts()


def test_gp_filters_searches_opens_and_compares(page, assert_accessible, catalogue):
    page.goto(reverse("catalog:programme_list"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Online zelfhulpprogramma’s")
    expect(page.locator("#results-count")).to_have_text("4 programma’s")
    assert_accessible(page)

    # Filter on theme and delivery, without any JavaScript help: tick and submit.
    page.get_by_role("checkbox", name=re.compile(r"^Alcohol")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Begeleid door de POH-ggz")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(re.compile(r"theme=alcohol.*delivery=guided"))
    assert result_titles(page) == ["Minder drinken"]
    expect(page.get_by_role("link", name=re.compile("Thema: Alcohol"))).to_be_visible()
    assert_accessible(page)

    # Search on top of the filters; a word prefix is enough.
    page.get_by_role("searchbox", name="Zoeken").fill("alcohol")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=alcohol"))
    assert result_titles(page) == ["Minder drinken"]
    filtered_url = page.url

    # Open the programme and read its quality criteria one by one.
    page.get_by_role("link", name="Minder drinken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Minder drinken")
    expect(page.get_by_role("heading", name="Effectiviteit", level=3)).to_be_visible()
    expect(page.locator("#criterion-safety").locator("..")).to_contain_text("voldoet deels")
    expect(page.get_by_role("link", name="info@trimbos.example")).to_be_visible()
    assert_accessible(page)

    # Back to the filtered overview, exactly as it was.
    page.go_back()
    expect(page).to_have_url(filtered_url)
    assert result_titles(page) == ["Minder drinken"]

    # Drop every filter and compare two programmes side by side.
    page.get_by_role("link", name="Alle filters wissen").click()
    expect(page.locator("#results-count")).to_have_text("4 programma’s")
    page.get_by_role("checkbox", name="Vergelijken Minder drinken").check()
    page.get_by_role("checkbox", name="Vergelijken Kleur je leven").check()
    page.get_by_role("button", name="Vergelijk de gekozen programma’s").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programma’s vergelijken")
    table = page.get_by_role("table", name="2 programma’s naast elkaar")
    expect(table.get_by_role("columnheader")).to_have_text(["Kleur je leven", "Minder drinken"])
    expect(table.get_by_role("row", name=re.compile("^Kosten en wie betaalt"))).to_contain_text(
        "Vergoed door de zorgverzekeraar"
    )
    assert_accessible(page)


def test_overview_fits_a_phone_without_sideways_scrolling(page, assert_accessible, catalogue):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("catalog:programme_list") + "?theme=alcohol&delivery=guided&q=alcohol")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The filter panel starts folded on a phone, and opens with a tap.
    panel = page.locator("details.filter-panel")
    expect(panel).not_to_have_attribute("open", "")
    page.locator("summary.filter-summary").click()
    expect(page.get_by_role("button", name="Toon resultaten")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_compare_page_on_its_own_is_accessible(page, assert_accessible, catalogue):
    page.goto(reverse("catalog:compare") + "?p=psyfit&p=drinktest&p=kleur-je-leven")
    expect(page.get_by_role("table")).to_be_visible()
    assert_accessible(page)
    page.goto(reverse("catalog:compare") + "?p=psyfit")
    expect(page.get_by_text("Kies minstens twee programma’s")).to_be_visible()
    assert_accessible(page)


def test_gp_checks_the_sources_and_reads_how_we_assess(page, assert_accessible, catalogue):
    programme = Programme.objects.get(name="Minder drinken")
    programme.next_review = date(2026, 1, 1)
    programme.last_reviewed = date(2025, 1, 1)
    programme.save()
    effectiveness = programme.assessments.get(criterion=Criterion.EFFECTIVENESS)
    effectiveness.assessed_on = date(2025, 1, 1)
    effectiveness.save()
    effectiveness.sources.add(
        Source.objects.create(
            title="Databank interventies",
            publisher="RIVM",
            url="https://www.loketgezondleven.nl/minder-drinken",
            seen_on=date(2025, 1, 1),
        )
    )
    FactSource.objects.create(
        programme=programme,
        fact=ProgrammeFact.GUIDANCE,
        source=Source.objects.create(
            title="Toolkit e-mental health", publisher="Trimbos-instituut", seen_on=date(2025, 1, 1)
        ),
    )
    withdrawn = factories.programme(
        "Oude cursus",
        status=Programme.Status.WITHDRAWN,
        withdrawn_on=date(2026, 6, 1),
        withdrawn_reason="De aanbieder is ermee gestopt.",
    )

    page.goto(reverse("catalog:programme_list"))
    card = page.locator(".programme-card", has_text="Minder drinken")
    expect(card).to_contain_text("Deze informatie is ouder dan gepland; de redactie controleert haar opnieuw.")
    expect(page.locator(".programme-card", has_text="Oude cursus")).to_have_count(0)

    card.get_by_role("link", name="Minder drinken").click()
    expect(page.locator(".overdue-notice").first).to_be_visible()
    criterion = page.locator("#criterion-effectiveness").locator("..")
    expect(criterion).to_contain_text("bron: Databank interventies, RIVM, gezien op 1 januari 2025")
    expect(page.get_by_role("link", name="Databank interventies")).to_have_attribute(
        "href", "https://www.loketgezondleven.nl/minder-drinken"
    )
    expect(page.locator("dd", has_text="Begeleid door de POH-ggz")).to_contain_text(
        "bron: Toolkit e-mental health, Trimbos-instituut"
    )
    assert_accessible(page)

    # Every verdict leads to what it means.
    criterion.get_by_role("link", name=re.compile(r"^voldoet \(beoordeeld op 1 januari 2025\)")).click()
    expect(page).to_have_url(re.compile(r"/catalogus/hoe-wij-beoordelen/#verdict-meets$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoe wij beoordelen")
    expect(page.get_by_role("heading", name="De vragen per criterium")).to_be_visible()
    assert_accessible(page)

    # The page of a programme no longer offered stays reachable, with its banner.
    page.goto(withdrawn.get_absolute_url())
    expect(page.get_by_role("note").filter(has_text="Niet meer aangeboden sinds 1 juni 2026.")).to_be_visible()
    assert_accessible(page)


def test_how_we_assess_in_english_is_accessible(page, assert_accessible):
    with translation.override("en"):
        page.goto(reverse("catalog:how_we_assess"))
    expect(page.get_by_role("heading", level=1)).to_have_text("How we assess")
    assert_accessible(page)
