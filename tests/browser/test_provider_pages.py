"""A GP goes from the overview to the providers, opens one, reads what it offers and its sources, and goes on to
one of its programmes; every page passes axe-core, on a laptop and a phone."""

import re
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.models import Programme
from tests import factories
from tests.publishing import source

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mirro():
    provider = factories.provider(
        "Mirro",
        website="https://www.mirro.nl/",
        phone="030 123 45 67",
        privacy_statement_url="https://www.mirro.nl/privacy",
        offer_to_practices="Modules die de **POH-ggz** kan inzetten.\n\n- gratis\n- anoniem",
    )
    provider.sources.add(source("Over Mirro", publisher="Mirro", seen_on=date(2026, 2, 20)))
    factories.programme("Mirro Rouwverwerking", provider=provider, summary="Een cursus bij rouw.")
    factories.programme("Mirro Burn-out", provider=provider, summary="Een cursus bij burn-out.")
    factories.programme(
        "Mirro Oud", provider=provider, status=Programme.Status.WITHDRAWN, withdrawn_on=date(2025, 6, 1)
    )
    factories.programme("Kleur je leven", provider=factories.provider("Trimbos-instituut"))
    return provider


def test_gp_finds_a_provider_and_its_programmes(page, assert_accessible, mirro):
    page.goto(reverse("catalog:programme_list"))
    page.get_by_role("link", name="De aanbieders").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbieders")
    expect(page.get_by_text("2 programma’s in de catalogus · 1 niet meer aangeboden")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Mirro", exact=True).click()
    expect(page).to_have_url(re.compile(r"/aanbieders/mirro/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mirro")
    expect(page.get_by_role("link", name="030 123 45 67")).to_have_attribute("href", "tel:0301234567")
    expect(page.get_by_text("gezien op 20 februari 2026")).to_be_visible()
    cards = page.locator(".programme-card h3")
    expect(cards).to_have_text(["Mirro Burn-out", "Mirro Rouwverwerking"])
    expect(page.locator(".withdrawn-programmes")).to_contain_text("Mirro Oud")
    assert_accessible(page)

    page.get_by_role("link", name="Mirro Rouwverwerking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mirro Rouwverwerking")
    page.get_by_role("link", name="Mirro", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/aanbieders/mirro/$"))


def test_provider_pages_fit_a_phone(page, assert_accessible, mirro):
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (reverse("catalog:provider_list"), reverse("catalog:provider_detail", kwargs={"slug": "mirro"})):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_accessible(page)
