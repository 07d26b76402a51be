"""The keuzehulp's entry for the HIS: SOEP lines with the ICPC codes, the programmes, guided or not; nothing kept."""

import importlib
import logging
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalog.keuzehulp import Answers, Guidance, ProgrammeFacts
from catalog.keuzehulp_his import HisTheme, IcpcLabel, guidance_phrase, his_entry
from catalog.keuzehulp_selectors import his_theme
from catalog.models import IcpcCode, Programme, Theme
from tests import factories

DEPRESSION = HisTheme(
    "Depressieve klachten", (IcpcLabel("P03", "Down/depressief gevoel"), IcpcLabel("P76", "Depressie"))
)


def facts(name="Kleur je leven", **fields):
    fields.setdefault("website", "https://www.kleurjeleven.nl/")
    return ProgrammeFacts(id=1, slug=name.lower().replace(" ", "-"), name=name, **fields)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def dutch():
    with translation.override("nl"):
        yield


# --- The text, on plain data -----------------------------------------------------------------------------


def test_the_entry_has_the_four_soep_lines_in_order(english):
    text = his_entry(DEPRESSION, [facts(offers_guided=True)], Answers(theme="depressie", severity="mild"))
    lines = text.splitlines()
    assert [line[:2] for line in lines[:4]] == ["S:", "O:", "E:", "P:"]
    assert lines[0] == "S: Request for help: depressieve klachten. Severity: mild."
    assert lines[2] == "E: ICPC P03 Down/depressief gevoel; P76 Depressie (choose the one that fits)"
    assert "- Kleur je leven: https://www.kleurjeleven.nl/ (guided by the POH-ggz)" in lines
    assert lines[-2] == "Follow-up: appointment with the POH-ggz to discuss how it is going."
    assert "113" in lines[-1]


def test_the_entry_is_dutch_by_default(dutch):
    text = his_entry(DEPRESSION, [facts(offers_guided=True)], Answers(theme="depressie"))
    assert text.startswith("S: Hulpvraag: depressieve klachten.")
    assert "O: (zelf aanvullen)" in text
    assert "E: ICPC P03 Down/depressief gevoel; P76 Depressie (kies de passende code)" in text
    assert "(begeleid door de POH-ggz)" in text
    assert "Vervolg: afspraak met de POH-ggz om het beloop te bespreken." in text


def test_one_code_needs_no_choice_and_no_code_says_so(english):
    alcohol = HisTheme("Problematisch alcoholgebruik", (IcpcLabel("P15", "Chronisch alcoholmisbruik"),))
    assert "E: ICPC P15 Chronisch alcoholmisbruik\n" in his_entry(alcohol, [facts()], Answers())
    grief = HisTheme("Rouw en verlies")
    assert "E: Rouw en verlies (no ICPC code in the catalogue; to be completed)" in his_entry(
        grief, [facts()], Answers()
    )
    assert "E: (ICPC code to be completed)" in his_entry(None, [facts()], Answers())


@pytest.mark.parametrize(
    ("programme", "guidance", "phrase"),
    [
        (facts(offers_guided=True), "", "guided by the POH-ggz"),
        (facts(offers_blended=True, offers_self_help=True), Guidance.GUIDED, "guided by the POH-ggz"),
        (facts(offers_guided=True, offers_self_help=True), Guidance.ALONE, "self-help without guidance"),
        (facts(offers_self_help=True), Guidance.GUIDED, "self-help without guidance"),
        (facts(), Guidance.GUIDED, "guidance not known yet"),  # unknown stays unknown
    ],
)
def test_guided_or_not_follows_the_programme_and_the_wish(english, programme, guidance, phrase):
    assert guidance_phrase(programme, Answers(guidance=guidance)) == phrase
    assert f"({phrase})" in his_entry(DEPRESSION, [programme], Answers(guidance=guidance))


def test_every_chosen_programme_has_its_line_and_a_missing_address_is_left_out(english):
    text = his_entry(DEPRESSION, [facts(offers_self_help=True), facts("Psyfit", website="")], Answers())
    assert "- Kleur je leven: https://www.kleurjeleven.nl/ (self-help without guidance)" in text
    assert "- Psyfit (guidance not known yet)" in text


def test_warning_signs_are_in_the_subjective_line(english):
    text = his_entry(DEPRESSION, [facts()], Answers(severity="severe", red_flags=frozenset({"suicidal"})))
    assert text.splitlines()[0] == (
        "S: Request for help: depressieve klachten. Warning signs: severe complaints, thoughts of suicide."
    )


# --- Each theme of the catalogue, from its data -----------------------------------------------------------

EXPECTED_CODES = {
    "depressie": ["P03", "P76"],
    "angst": ["P01", "P74"],
    "paniek": ["P74"],
    "alcohol": ["P15", "P16"],
    "burn-out": ["P78"],
    "slaap": ["P06"],
    "rouw": [],
    "mentale-fitheid": [],
    "psychische-gezondheid": [],
}


@pytest.mark.django_db
def test_each_theme_of_the_lookups_fixture_gives_its_codes_and_dutch_labels(dutch):
    call_command("loaddata", "fixtures/catalog_lookups.json", verbosity=0)
    assert sorted(Theme.objects.values_list("slug", flat=True)) == sorted(EXPECTED_CODES)
    for slug, codes in EXPECTED_CODES.items():
        theme = his_theme(slug)
        assert [code.code for code in theme.codes] == codes
        text = his_entry(theme, [facts(offers_guided=True)], Answers(theme=slug))
        evaluation = text.splitlines()[2]
        for code in theme.codes:
            assert f"{code.code} {IcpcCode.objects.get(code=code.code).title}" in evaluation
        if not codes:
            assert "geen ICPC-code in de catalogus" in evaluation
    labels = dict(IcpcCode.objects.values_list("code", "title"))
    assert labels["P15"] == "Chronisch alcoholmisbruik"
    assert labels["P74"] == "Angststoornis/angsttoestand"
    assert "Depressie" in labels["P76"]


@pytest.mark.django_db
def test_the_data_migration_links_existing_themes_to_existing_codes():
    migration = importlib.import_module("catalog.migrations.0014_theme_icpc_codes")
    theme = factories.theme("Problematisch alcoholgebruik", slug="alcohol")
    factories.icpc("P15", "Chronisch alcoholmisbruik")
    factories.icpc("P16", "Acuut alcoholmisbruik")
    factories.theme("Rouw en verlies", slug="rouw")
    migration.link_codes(apps, SimpleNamespace(connection=connection))
    assert list(theme.icpc_codes.values_list("code", flat=True)) == ["P15", "P16"]
    assert Theme.objects.get(slug="rouw").icpc_codes.count() == 0


@pytest.mark.django_db
def test_an_unknown_theme_gives_none():
    assert his_theme("") is None
    assert his_theme("bestaat-niet") is None


# --- On the advice page ----------------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    depression = factories.theme("Depressieve klachten", slug="depressie")
    depression.icpc_codes.add(factories.icpc("P76", "Depressie"))
    return {
        "kleur": factories.programme(
            "Kleur je leven",
            themes=[depression],
            offers_guided=True,
            offers_self_help=False,
            website="https://www.kleurjeleven.nl/",
        ),
        "psyfit": factories.programme(
            "Psyfit", themes=[depression], offers_self_help=True, website="https://www.psyfit.nl/"
        ),
        "draft": factories.programme("Concept", themes=[depression], status=Programme.Status.DRAFT),
    }


def advice_url(slugs, **answers):
    return f"{reverse('catalog:keuzehulp_advice')}?{urlencode({'p': slugs, **answers}, doseq=True)}"


@pytest.mark.django_db
def test_the_advice_page_shows_the_entry_in_a_read_only_field(client, catalogue):
    response = client.get(advice_url(["kleur-je-leven", "psyfit", "concept"], theme="depressie", guidance="alone"))
    text = response.text
    assert "Voor het HIS" in text
    assert '<textarea class="form-control keuzehulp-message" id="his-entry" rows="9" readonly>' in text
    entry = response.context["his_entry"]
    assert "E: ICPC P76 Depressie" in entry
    assert "- Kleur je leven: https://www.kleurjeleven.nl/ (begeleid door de POH-ggz)" in entry
    assert "- Psyfit: https://www.psyfit.nl/ (zelfhulp zonder begeleiding)" in entry
    assert "Concept" not in entry  # a draft never reaches the advice
    assert 'data-keuzehulp-copy="his-entry"' in text
    assert "<script>" not in text  # the copy button is static/js/keuzehulp.js's


@pytest.mark.django_db
def test_without_a_chosen_programme_there_is_no_entry(client, catalogue):
    assert "his-entry" not in client.get(advice_url([], theme="depressie")).text


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_nothing_of_the_entry_is_stored_or_logged(client, catalogue, caplog):
    caplog.set_level(logging.DEBUG)
    before = _row_counts()
    response = client.get(advice_url(["kleur-je-leven"], theme="depressie", flag="suicidal"))
    assert "gedachten aan zelfdoding" in response.context["his_entry"]
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "sessionid" not in response.cookies
    assert _row_counts() == before
    assert Session.objects.count() == 0
    assert "suicidal" not in caplog.text and "P76" not in caplog.text


@pytest.mark.django_db
def test_the_entry_costs_one_query(client, catalogue):
    url = advice_url(["kleur-je-leven"], theme="depressie")
    with CaptureQueriesContext(connection) as with_theme:
        client.get(url)
    with CaptureQueriesContext(connection) as without_theme:
        client.get(advice_url(["kleur-je-leven"]))
    assert len(with_theme.captured_queries) == len(without_theme.captured_queries) + 1
