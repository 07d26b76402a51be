"""A manager fills in the population and task split, picks two programmes and publishes the patient page; later
learns on the dashboard that a programme on the menu is no longer offered."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.models import Programme
from practices import services
from practices.models import Role
from tests import factories as catalog
from tests.browser.helpers_practices import ExtraBrowser, log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name, practice):
    return reverse(f"practices:{name}", kwargs={"practice_slug": practice.slug})


def test_manager_picks_two_programmes_and_the_patient_page_shows_them_with_qr_codes(
    page, browser, live_server, assert_accessible
):
    practice = factories.practice("Huisartsen De Linde", slug="de-linde", place="Utrecht", phone="030-1234567")
    manager = factories.member(practice, Role.MANAGER, "manager")
    dutch, turkish = catalog.language("Nederlands", "nl"), catalog.language("Turks", "tr")
    catalog.programme("Kleur je leven", website="https://www.kleurjeleven.nl/", reading_level="B1")
    catalog.programme("Minder drinken", website="https://www.minderdrinken.nl/", languages=[dutch, turkish])
    catalog.programme("Psyfit", website="https://www.psyfit.nl/", reading_level="C1")
    log_in(page.context, manager, live_server.url)

    # The population, with the prevalence chart and table.
    page.goto(_url("population", practice))
    assert_accessible(page)
    page.get_by_label("Ingeschreven patiënten").fill("2400")
    page.get_by_label("0–17 jaar (%)").fill("20")
    page.get_by_label("18–64 jaar (%)").fill("60")
    page.get_by_label("65 jaar en ouder (%)").fill("25")
    page.get_by_label("laag opgeleid of laaggeletterd (%)").fill("22")
    page.get_by_label("met een migratieachtergrond (%)").fill("30")
    page.get_by_label("Nederlands").check()
    page.get_by_label("Turks").check()
    page.get_by_role("button", name="Populatie opslaan").click()
    # The age groups make 105%: refused next to the fields, the input is kept.
    expect(page.locator("#id_share_65_plus_error")).to_contain_text("samen 105%")
    expect(page.get_by_label("Ingeschreven patiënten")).to_have_value("2400")
    assert_accessible(page)
    page.get_by_label("65 jaar en ouder (%)").fill("20")
    page.get_by_role("button", name="Populatie opslaan").click()
    expect(page.get_by_role("img", name="Verwachte patiënten per jaar en hoeveel er bereikt worden")).to_be_visible()
    expect(page.locator(".prevalence-table")).to_contain_text("Angstklachten")
    expect(page.get_by_text("ten Have et al., NEMESIS-3").first).to_be_visible()
    assert_accessible(page)

    # The task split, also on a phone-sized screen.
    page.goto(_url("task_split", practice))
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_text("Verantwoordelijk voor ‘Klachten signaleren’")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Two programmes from the suggestions; the one in Turkish is suggested first.
    page.goto(_url("menu", practice))
    suggestions = page.locator("section", has=page.get_by_role("heading", name="Aanbevolen voor uw patiënten"))
    expect(suggestions.locator("article").first).to_contain_text("Minder drinken")
    expect(suggestions).to_contain_text("Ook in het Turks")
    assert_accessible(page)
    page.get_by_role("button", name="Minder drinken toevoegen aan het aanbod").click()
    expect(page.get_by_role("status").first).to_contain_text("Minder drinken staat nu in uw aanbod")
    page.get_by_role("button", name="Kleur je leven toevoegen aan het aanbod").click()
    expect(page.get_by_role("heading", name="Kleur je leven", level=3)).to_be_visible()
    page.get_by_label("begeleid door").first.select_option("poh_ggz")
    page.get_by_role("button", name="Minder drinken opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("Opgeslagen: Minder drinken")
    assert_accessible(page)

    # Publish the patient page and read it as a patient (no login).
    page.goto(_url("patient_page_settings", practice))
    assert_accessible(page)
    page.get_by_role("button", name="Publiceer de patiëntenpagina").click()
    expect(page.get_by_role("status").first).to_contain_text("De patiëntenpagina is gepubliceerd")

    page.goto(_url("dashboard", practice))
    expect(page.locator("#roadmap-progress")).to_have_attribute("value", "3")
    assert_accessible(page)

    patient = ExtraBrowser(browser, live_server.url)
    try:
        public = patient.page
        public.goto(_url("patient_page", practice))
        expect(public.get_by_role("heading", level=1)).to_have_text("Online hulp bij somberheid, angst of drinken")
        expect(public.get_by_role("heading", level=3)).to_have_text(["Minder drinken", "Kleur je leven"])
        expect(public.get_by_role("img", name="QR-code naar Minder drinken")).to_be_visible()
        expect(public.get_by_role("img", name="QR-code naar Kleur je leven")).to_be_visible()
        expect(public.get_by_role("link", name="Naar Kleur je leven")).to_have_attribute(
            "href", "https://www.kleurjeleven.nl/"
        )
        expect(public.get_by_text("Psyfit")).to_have_count(0)
        expect(public.get_by_text("U krijgt hulp van de praktijkondersteuner (POH-ggz).")).to_be_visible()
        assert_accessible(public)
        assert public.context.cookies() == []

        public.goto(_url("patient_leaflet", practice))
        expect(public.get_by_role("button", name="Folder printen")).to_be_visible()
        expect(public.locator(".leaflet-programme")).to_have_count(2)
        assert_accessible(public)

        public.goto(_url("patient_screen", practice))
        slides = public.locator(".slide")
        expect(slides).to_have_count(4)
        expect(public.locator(".slide.is-current")).to_have_count(1)
        pause = public.get_by_role("button", name="Pauze")
        expect(pause).to_be_visible()
        public.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
        assert_accessible(public)
        pause.click()
        expect(public.get_by_role("button", name="Afspelen")).to_be_visible()
    finally:
        patient.close()


def test_waiting_room_screen_without_javascript_shows_every_slide(browser, live_server):
    practice = factories.practice(slug="zonder-js", patient_page_published=True)
    manager = factories.member(practice, Role.MANAGER)
    for name in ("Kleur je leven", "Minder drinken"):
        services.menu_add(practice=practice, by=manager, programme=catalog.programme(name, website="https://x.nl/"))
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(_url("patient_screen", practice))
        for slide in page.locator(".slide").all():
            expect(slide).to_be_visible()
        expect(page.get_by_role("button", name="Pauze")).to_be_hidden()
    finally:
        context.close()


def test_waiting_room_screen_starts_paused_for_reduced_motion(browser, live_server):
    practice = factories.practice(slug="rustig", patient_page_published=True)
    context = browser.new_context(base_url=live_server.url, reduced_motion="reduce", locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(_url("patient_screen", practice))
        expect(page.get_by_role("button", name="Afspelen")).to_be_visible()
    finally:
        context.close()


def test_manager_sees_that_a_programme_on_the_menu_is_no_longer_offered(page, browser, live_server, assert_accessible):
    practice = factories.practice("Huisartsen Oost", slug="oost", patient_page_published=True)
    manager = factories.member(practice, Role.MANAGER, "manager-oost")
    kept = catalog.programme("Kleur je leven", website="https://www.kleurjeleven.nl/")
    gone = catalog.programme("Oude cursus", website="https://oud.example/")
    for programme in (kept, gone):
        services.menu_add(practice=practice, by=manager, programme=programme)
    gone.status = Programme.Status.WITHDRAWN
    gone.withdrawn_on = date(2026, 6, 1)
    gone.withdrawn_reason = "De aanbieder is ermee gestopt."
    gone.save()
    log_in(page.context, manager, live_server.url)

    page.goto(_url("dashboard", practice))
    notice = page.get_by_role("note").filter(has_text="Een programma in uw menu wordt niet meer aangeboden")
    expect(notice).to_contain_text("Oude cursus: niet meer aangeboden sinds 1 juni 2026")
    expect(notice).to_contain_text("De aanbieder is ermee gestopt.")
    assert_accessible(page)

    notice.get_by_role("link", name="Kies een ander programma voor uw menu").click()
    item = page.locator("article.menu-item", has_text="Oude cursus")
    expect(item.get_by_role("note")).to_contain_text("Niet meer aangeboden sinds 1 juni 2026.")
    expect(page.locator("article.menu-item", has_text="Kleur je leven").locator(".quality-badges")).to_be_visible()
    assert_accessible(page)

    patient = ExtraBrowser(browser, live_server.url)
    try:
        patient.page.goto(_url("patient_page", practice))
        expect(patient.page.get_by_role("heading", level=3)).to_have_text(["Kleur je leven"])
        expect(patient.page.get_by_text("Oude cursus")).to_have_count(0)
    finally:
        patient.close()
