"""A GP takes the keuzehulp's advice into the patient's record: the "Voor het HIS" entry, copied with one button."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def advice_url():
    depression = factories.theme("Depressieve klachten", slug="depressie")
    depression.icpc_codes.add(factories.icpc("P76", "Depressie"))
    factories.programme(
        "Kleur je leven",
        themes=[depression],
        offers_guided=True,
        offers_self_help=False,
        website="https://www.kleurjeleven.nl/",
    )
    factories.programme("Psyfit", themes=[depression], website="https://www.psyfit.nl/")
    query = urlencode({"p": ["kleur-je-leven", "psyfit"], "theme": "depressie", "severity": "mild"}, doseq=True)
    return f"{reverse('catalog:keuzehulp_advice')}?{query}"


def test_the_entry_for_the_his_is_copied_with_one_button(page, assert_accessible, advice_url, live_server):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(advice_url)
    expect(page.get_by_role("heading", name="Voor het HIS")).to_be_visible()
    entry = page.get_by_label("Journaalregel voor het HIS")
    expect(entry).to_have_attribute("readonly", "")
    expect(entry).to_have_value(
        "S: Hulpvraag: depressieve klachten. Ernst: licht.\n"
        "O: (zelf aanvullen)\n"
        "E: ICPC P76 Depressie\n"
        "P: Online zelfhulp (e-mental health) afgesproken:\n"
        "- Kleur je leven: https://www.kleurjeleven.nl/ (begeleid door de POH-ggz)\n"
        "- Psyfit: https://www.psyfit.nl/ (zelfhulp zonder begeleiding)\n"
        "Vervolg: afspraak met de POH-ggz om het beloop te bespreken.\n"
        "Bij verergering: contact met de praktijk; bij crisis 113 (0800-0113) of de huisartsenpost."
    )
    assert_accessible(page)

    page.get_by_role("button", name="Kopieer de journaalregel").click()
    expect(page.locator("#his-entry-copied")).to_have_text("Gekopieerd.")
    expect(page.locator("#patient-message-copied")).to_have_text("")  # each button reports only its own copy
    value = entry.input_value()
    assert page.evaluate("navigator.clipboard.readText()") == value
    # The text is selected as well, so Ctrl+C works even where a browser refuses the clipboard.
    assert page.evaluate(
        "(() => { const f = document.getElementById('his-entry');"
        " return document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length; })()"
    )
    assert_accessible(page)


def test_without_javascript_the_entry_can_still_be_selected(browser, live_server, advice_url):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(advice_url)
        entry = page.get_by_label("Journaalregel voor het HIS")
        expect(entry).to_be_visible()
        expect(entry).to_have_value(
            "S: Hulpvraag: depressieve klachten. Ernst: licht.\nO: (zelf aanvullen)\nE: ICPC P76 Depressie\n"
            "P: Online zelfhulp (e-mental health) afgesproken:\n"
            "- Kleur je leven: https://www.kleurjeleven.nl/ (begeleid door de POH-ggz)\n"
            "- Psyfit: https://www.psyfit.nl/ (zelfhulp zonder begeleiding)\n"
            "Vervolg: afspraak met de POH-ggz om het beloop te bespreken.\n"
            "Bij verergering: contact met de praktijk; bij crisis 113 (0800-0113) of de huisartsenpost."
        )
        expect(page.get_by_role("button", name="Kopieer de journaalregel")).to_be_hidden()
    finally:
        context.close()


def test_the_entry_is_not_printed(page, advice_url):
    page.goto(advice_url)
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Voor het HIS")).to_be_hidden()
