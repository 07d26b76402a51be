"""The privacy and accessibility statements: Dutch and English, linked from every page's footer, true to the code."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.practices import factories

pytestmark = pytest.mark.django_db

STATEMENTS = {
    "privacy_statement": {"nl": "Privacyverklaring", "en": "Privacy statement"},
    "accessibility_statement": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
}


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def footer(html):
    return re.search(r"<footer.*?</footer>", html, re.S).group(0)


@pytest.mark.parametrize("name", STATEMENTS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_statement_renders_in_both_languages(client, name, language):
    response = client.get(url(name, language))
    assert response.status_code == 200
    assert f"<h1>{STATEMENTS[name][language]}</h1>" in response.text


def test_the_statements_have_dutch_and_english_addresses():
    assert url("privacy_statement") == "/privacy/"
    assert url("accessibility_statement") == "/toegankelijkheid/"
    assert url("privacy_statement", "en") == "/en/privacy/"
    assert url("accessibility_statement", "en") == "/en/accessibility/"


@pytest.mark.parametrize(
    "page",
    [
        lambda language: url("home", language),
        lambda language: url("catalog:programme_list", language),
        lambda language: url("training:course_list", language),
        lambda language: url("login", language),
        lambda language: url("privacy_statement", language),
        lambda language: "/catalogus/bestaat-niet/" if language == "nl" else "/en/catalogue/does-not-exist/",
    ],
    ids=["home", "catalogue", "training", "login", "privacy", "404"],
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_footer_links_both_statements_in_the_page_language(client, page, language):
    html = footer(client.get(page(language)).text)
    for name, titles in STATEMENTS.items():
        assert f'<a href="{url(name, language)}">{titles[language]}</a>' in html


def test_a_practice_patient_page_links_both_statements_too(client):
    practice = factories.practice(patient_page_published=True)
    html = footer(client.get(url("practices:patient_page", practice_slug=practice.slug)).text)
    assert f'href="{url("privacy_statement")}"' in html
    assert f'href="{url("accessibility_statement")}"' in html


def test_privacy_statement_says_the_keuzehulp_keeps_no_answers_and_how_long_the_audit_log_is_kept(client, settings):
    settings.AUDIT_RETENTION_DAYS = 1825
    html = client.get(url("privacy_statement")).text
    assert "De keuzehulp bewaart geen antwoorden" in html
    assert "Alleen die telling wordt bewaard" in html  # the practice's advice-sheet counter (practices.reach)
    # The figure comes from the setting that prune_audit_log enforces, so the two cannot drift apart.
    assert "Regels worden 1.825 dagen bewaard" in html
    settings.AUDIT_RETENTION_DAYS = 400
    assert "Regels worden 400 dagen bewaard" in client.get(url("privacy_statement")).text


def test_privacy_statement_lists_each_cookie_the_site_sets(client):
    html = client.get(url("privacy_statement")).text
    for cookie in ["sessionid", "csrftoken", "messages"]:
        assert f"<code>{cookie}</code>" in html


def test_privacy_statement_takes_its_figures_and_contact_from_the_settings(client, settings):
    settings.SESSION_COOKIE_AGE = 3 * 24 * 60 * 60
    settings.INVITATION_VALID_DAYS = 9
    settings.CONTACT_EMAIL = "privacy@praktijk.example"
    html = client.get(url("privacy_statement")).text
    assert "3 dagen, of tot u uitlogt" in html
    assert "De link erin werkt 9 dagen" in html
    assert 'href="mailto:privacy@praktijk.example"' in html


def test_accessibility_statement_names_the_target_the_test_method_and_where_to_report(client, settings):
    settings.CONTACT_EMAIL = "toegankelijk@toolkit.example"
    html = client.get(url("accessibility_statement")).text
    assert "WCAG" in html and "2.1 op niveau A en AA" in html
    assert "axe-core in de browser Chromium" in html
    assert "Bekende uitzonderingen" in html
    assert 'href="mailto:toegankelijk@toolkit.example"' in html
