"""Every claim on a programme's page shows its source next to it; curators' notes never reach a public page."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from catalog.models import Criterion, FactSource, Programme, ProgrammeFact, Source, Study, Verdict
from practices.content import CATALOG_FIXTURES
from tests import factories

pytestmark = pytest.mark.django_db

NOTE_MARKER = "INTERNE-NOTITIE-7f3a"
CURATOR_MARKER = "WERKNOTITIE-REDACTIE-91c2"


def source(title, url="", publisher="Mirro", seen_on=date(2026, 2, 20), page=""):
    return Source.objects.create(title=title, publisher=publisher, url=url, seen_on=seen_on, page=page)


def link_fact(programme, fact, *sources):
    for item in sources:
        FactSource.objects.create(programme=programme, fact=fact, source=item)


def section_after(html: str, label: str, length: int = 600) -> str:
    return html.split(label, 1)[1][:length]


@pytest.fixture
def sourced():
    programme = factories.programme(
        "Mirro Angst",
        anonymous_use=True,
        offers_guided=True,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
        internal_notes=f"{NOTE_MARKER}: nog uitzoeken bij de aanbieder.",
    )
    link_fact(programme, ProgrammeFact.ANONYMITY, source("Anoniem starten", url="https://www.mirro.nl/anoniem"))
    link_fact(programme, ProgrammeFact.COST, source("Prijzen", url="https://www.mirro.nl/prijzen"))
    link_fact(programme, ProgrammeFact.GUIDANCE, source("Toolkit e-mental health", publisher="Trimbos-instituut"))
    effectiveness = programme.assessments.get(criterion=Criterion.EFFECTIVENESS)
    effectiveness.assessed_on = date(2026, 3, 1)
    effectiveness.rationale = "Twee gecontroleerde studies."
    effectiveness.curator_notes = f"{CURATOR_MARKER}: voorlopige keuze van de redactie."
    effectiveness.save()
    effectiveness.sources.add(source("Databank interventies", url="https://www.loketgezondleven.nl/x", page="p. 4"))
    study = Study.objects.create(programme=programme, title="Een RCT naar Mirro Angst", design=Study.Design.RCT)
    study.sources.add(source("Artikel in JMIR", url="https://doi.org/10.2196/x", publisher="JMIR"))
    return programme


def test_a_fact_shows_its_source_next_to_it_linked_with_the_date_seen(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    anonymity = section_after(html, "Anoniem gebruik</dt>")
    assert anonymity.index("Ja") < anonymity.index("bron:")
    assert (
        'bron: <a href="https://www.mirro.nl/anoniem" rel="noopener">Anoniem starten</a>, Mirro, '
        "gezien op 20 februari 2026"
    ) in anonymity


def test_each_fact_shows_only_its_own_sources(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    cost = section_after(html, "Kosten en wie betaalt</dt>", 400).split("</dd>")[0]
    assert "Prijzen" in cost and "Anoniem starten" not in cost


def test_a_source_without_an_address_is_cited_by_title(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    delivery = section_after(html, "Aanbiedvorm</dt>")
    assert "bron: <cite>Toolkit e-mental health</cite>, Trimbos-instituut, gezien op 20 februari 2026" in delivery


def test_a_criterion_shows_its_sources_with_page(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    criterion = html.split('id="criterion-effectiveness"', 1)[1].split('id="criterion-transparency"', 1)[0]
    assert "Twee gecontroleerde studies." in criterion
    assert (
        'bron: <a href="https://www.loketgezondleven.nl/x" rel="noopener">Databank interventies</a>, Mirro, p. 4, '
        "gezien op 20 februari 2026"
    ) in criterion


def test_a_study_shows_its_sources(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    studies = html.split('id="studies-caption"', 1)[1].split("</table>", 1)[0]
    assert 'bron: <a href="https://doi.org/10.2196/x" rel="noopener">Artikel in JMIR</a>, JMIR' in studies


def test_a_fact_without_sources_shows_no_source_line(client):
    programme = factories.programme("Zonder bronnen")
    html = client.get(programme.get_absolute_url()).text
    assert "bron:" not in html


def test_the_old_public_evidence_block_is_gone(client, sourced):
    html = client.get(sourced.get_absolute_url()).text
    assert "Bewijs" not in html and "Nog geen bewijs vastgelegd." not in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_internal_notes_never_appear_on_public_catalogue_pages(client, sourced, language):
    factories.programme("Tweede")
    prefix = "/en" if language == "en" else ""
    with translation.override(language):
        urls = [
            sourced.get_absolute_url(),
            reverse("catalog:programme_list"),
            reverse("catalog:programme_list") + "?q=mirro",
            reverse("catalog:compare") + "?p=mirro-angst&p=tweede",
            reverse("catalog:how_we_assess"),
        ]
    for url in urls:
        url = url if url.startswith(prefix) else prefix + url
        response = client.get(url)
        assert response.status_code == 200, url
        assert NOTE_MARKER not in response.text, url
        assert CURATOR_MARKER not in response.text, url


def test_internal_notes_stay_off_the_page_of_a_programme_no_longer_offered(client, sourced):
    sourced.status = sourced.Status.WITHDRAWN
    sourced.withdrawn_reason = "De aanbieder is gestopt."
    sourced.save()
    html = client.get(sourced.get_absolute_url()).text
    assert "De aanbieder is gestopt." in html
    assert NOTE_MARKER not in html and CURATOR_MARKER not in html


@pytest.fixture
def demo_catalogue():
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    call_command("loaddata", *(fixtures / f"{name}.json" for name in CATALOG_FIXTURES), verbosity=0)


def test_no_demo_programme_page_shows_a_working_note(client, demo_catalogue):
    """The first version showed "Nog uitzoeken." and "voorlopige keuze" on Kleurjeleven's page."""
    internal = [
        text
        for programme in Programme.objects.public()
        for text in [programme.internal_notes, *programme.assessments.values_list("curator_notes", flat=True)]
        if text.strip()
    ]
    pages = [client.get(programme.get_absolute_url()).text for programme in Programme.objects.public()]
    pages.append(client.get(reverse("catalog:programme_list")).text)
    for html in pages:
        for phrase in ["Nog uitzoeken", "nog uitzoeken", "voorlopige keuze", "moet nog worden bevestigd"]:
            assert phrase not in html
        for note in internal:
            assert note not in html
