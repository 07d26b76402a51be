"""The change feed: programmes published, verdicts changed and programmes no longer offered; never a draft."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalog import services
from catalog.changes import Kind, catalogue_changes
from catalog.models import Criterion, Programme, Verdict
from tests import factories
from tests.publishing import publish, ready_for_review

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def curator():
    return factories.user(is_staff=True)


def _assessment(programme, criterion=Criterion.EFFECTIVENESS):
    return programme.assessments.get(criterion=criterion)


def _kinds(changes, programme):
    return [change.kind for change in changes if change.programme_id == programme.pk]


def test_a_published_programme_appears_once(curator):
    programme = publish(ready_for_review("Kleur je leven"), by=curator)
    changes = catalogue_changes()
    assert _kinds(changes, programme) == [Kind.PUBLISHED]
    change = changes[0]
    assert change.title == "Gepubliceerd: Kleur je leven"
    assert change.url == reverse("catalog:programme_detail", kwargs={"slug": "kleur-je-leven"})
    assert change.description == programme.summary


def test_a_verdict_changed_after_publication_appears_with_old_and_new(curator):
    programme = publish(ready_for_review("Psyfit"), by=curator)
    assessment = _assessment(programme)
    assessment.verdict = Verdict.MEETS
    assessment.assessed_on = date(2026, 3, 3)
    assessment.save()
    assessment.rationale = "Alleen de uitleg is anders."  # no new verdict: no change in the feed
    assessment.save()
    changes = catalogue_changes()
    assert _kinds(changes, programme) == [Kind.VERDICT, Kind.PUBLISHED]
    assert changes[0].title == "Oordeel gewijzigd: Psyfit, effectiviteit"
    assert changes[0].description == "Effectiviteit: voldoet (beoordeeld op 3 maart 2026); was: onbekend."


def test_a_programme_no_longer_offered_appears_with_its_reason(curator):
    programme = publish(ready_for_review("Mindfit"), by=curator)
    services.programme_withdraw(programme=programme, by=curator, reason="De aanbieder is gestopt.", on=date(2026, 4, 1))
    changes = catalogue_changes()
    assert _kinds(changes, programme) == [Kind.WITHDRAWN, Kind.PUBLISHED]
    assert changes[0].title == "Niet meer aangeboden: Mindfit"
    assert "De aanbieder is gestopt." in changes[0].description
    assert "1 april 2026" in changes[0].description


def test_drafts_never_appear_not_even_with_their_history(curator):
    draft = factories.programme("Concept", status=Programme.Status.DRAFT)
    in_review = ready_for_review("In review", verdicts={Criterion.SAFETY: Verdict.MEETS})
    earlier = publish(ready_for_review("Ooit gepubliceerd"), by=curator)
    assessment = _assessment(earlier)
    assessment.verdict = Verdict.PARTLY
    assessment.save()
    services.programme_archive(programme=earlier, by=curator)
    back = publish(ready_for_review("Terug naar concept"), by=curator)
    services.programme_back_to_draft(programme=back, by=curator)
    changes = catalogue_changes()
    for hidden in (draft, in_review, earlier, back):
        assert _kinds(changes, hidden) == []
    assert changes == []


def test_verdicts_given_before_publication_are_not_changes(curator):
    programme = publish(ready_for_review("Vooraf", verdicts={Criterion.SAFETY: Verdict.MEETS}), by=curator)
    assert _kinds(catalogue_changes(), programme) == [Kind.PUBLISHED]


def test_the_newest_come_first_and_the_length_is_bounded(curator):
    for index in range(5):
        factories.programme(f"Programma {index}")
    changes = catalogue_changes(limit=3)
    assert [change.name for change in changes] == ["Programma 4", "Programma 3", "Programma 2"]


# --- The Atom feed ---------------------------------------------------------------------------------------


def _feed(client, url=None):
    response = client.get(url or reverse("catalog:changes_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_feed_lives_at_a_dutch_address_and_an_english_one():
    assert reverse("catalog:changes_feed") == "/catalogus/wijzigingen.atom"
    with translation.override("en"):
        assert reverse("catalog:changes_feed") == "/en/catalogue/changes.atom"


def test_the_feed_is_valid_atom_with_one_entry_per_change(client, curator):
    programme = publish(ready_for_review("Kleur je leven"), by=curator)
    assessment = _assessment(programme, Criterion.SAFETY)
    assessment.verdict = Verdict.DOES_NOT
    assessment.save()
    factories.programme("Concept", status=Programme.Status.DRAFT)

    feed = _feed(client)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.endswith("/catalogus/wijzigingen.atom")

    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "Oordeel gewijzigd: Kleur je leven, veiligheid",
        "Gepubliceerd: Kleur je leven",
    ]
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == 2 and all(
        entry_id.startswith("http://testserver/catalogus/kleur-je-leven/#") for entry_id in ids
    )
    for entry in entries:
        assert entry.find(f"{ATOM}updated").text
        assert entry.find(f"{ATOM}link").get("href") == "http://testserver/catalogus/kleur-je-leven/"
        assert entry.find(f"{ATOM}summary").text
    assert b"Concept" not in ET.tostring(feed)


def test_the_feed_is_english_under_en(client, curator):
    publish(ready_for_review("Kleur je leven"), by=curator)
    with translation.override("en"):
        url = reverse("catalog:changes_feed")
    entry = _feed(client, url).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Published: Kleur je leven"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/en/catalogue/kleur-je-leven/"


def _queries(client):
    with CaptureQueriesContext(connection) as context:
        _feed(client)
    return len(context.captured_queries)


def test_the_feed_queries_do_not_grow_with_the_catalogue(client, curator):
    for index in range(3):
        programme = factories.programme(f"Eerst {index}")
        assessment = _assessment(programme)
        assessment.verdict = Verdict.MEETS
        assessment.save()
    few = _queries(client)
    for index in range(20):
        programme = factories.programme(f"Later {index}")
        assessment = _assessment(programme)
        assessment.verdict = Verdict.PARTLY
        assessment.save()
        services.programme_withdraw(programme=programme, by=curator, reason="Gestopt.")
    assert _queries(client) == few
    assert few <= 4


def test_the_overview_links_to_the_feed(client):
    text = client.get(reverse("catalog:programme_list")).text
    assert '<link rel="alternate" type="application/atom+xml"' in text
    assert 'href="/catalogus/wijzigingen.atom"' in text
    assert "Wijzigingen in de catalogus (Atom-feed)" in text
