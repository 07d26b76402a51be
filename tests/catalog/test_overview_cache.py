"""The overview is served from the cache until the catalogue changes, and never shows a visitor another's page."""

import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from catalog.overview_cache import MAX_CACHED_QUERY_LENGTH, catalogue_revision, overview_cache_key
from tests import factories, publishing
from tests.urls_in import english_url

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("catalog:programme_list")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600


def get(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(OVERVIEW, params or {})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visit_reads_only_the_revision(client):
    factories.programme("Kleur je leven")
    first, cold_queries = get(client, {"theme": "depressieve-klachten"})
    second, warm_queries = get(client, {"theme": "depressieve-klachten"})
    assert second == first and "Kleur je leven" in second
    assert cold_queries >= 8
    assert warm_queries == 1  # the revision token; no facet, no programme


def test_parameter_order_shares_one_entry():
    key = overview_cache_key("theme=angst&q=slaap")
    assert key == overview_cache_key("q=slaap&theme=angst")
    assert key != overview_cache_key("q=slaap&theme=depressie")


def test_an_overlong_query_string_is_rendered_but_not_cached(client):
    assert overview_cache_key("q=" + "x" * MAX_CACHED_QUERY_LENGTH) is None
    factories.programme("Psyfit")
    _, first = get(client, {"q": "x" * MAX_CACHED_QUERY_LENGTH})
    _, second = get(client, {"q": "x" * MAX_CACHED_QUERY_LENGTH})
    # Rendered again (results and facets counted); only its cards and the filter options come from their caches.
    assert first >= second > 2


def test_each_language_has_its_own_entry(client):
    factories.programme("Psyfit")
    dutch, _ = get(client)
    english = client.get(english_url("catalog:programme_list")).content.decode()
    assert "Zoeken" in dutch and "Search" in english and "Zoeken" not in english


def test_publishing_a_programme_shows_it_at_once(client):
    draft = publishing.ready_for_review("Minderdrinken")
    factories.programme("Drinktest")
    before, _ = get(client)
    assert "Minderdrinken" not in before
    publishing.publish(draft)  # by a second curator, through the publish gate
    after, _ = get(client)
    assert "Minderdrinken" in after


def test_a_changed_verdict_changes_the_quality_counts(client):
    programme = factories.programme("Mentaalvitaal")
    before, _ = get(client, {"quality": Criterion.SAFETY})
    assert "Mentaalvitaal" not in before
    QualityAssessment.objects.filter(programme=programme, criterion=Criterion.SAFETY).update(verdict=Verdict.MEETS)
    # update() sends no signal; a save through the admin or a service does.
    assessment = QualityAssessment.objects.get(programme=programme, criterion=Criterion.SAFETY)
    assessment.save()
    after, _ = get(client, {"quality": Criterion.SAFETY})
    assert "Mentaalvitaal" in after


def test_a_new_theme_on_a_programme_changes_the_facets(client):
    programme = factories.programme("Psyfit")
    sleep = factories.theme("Slaapproblemen")
    before, _ = get(client, {"theme": "slaapproblemen"})
    assert "Psyfit" not in before
    programme.themes.add(sleep)
    after, _ = get(client, {"theme": "slaapproblemen"})
    assert "Psyfit" in after


def test_a_renamed_provider_is_shown_renamed(client):
    programme = factories.programme("Psyfit", provider=factories.provider("Oude naam"))
    get(client)
    programme.provider.name = "Nieuwe naam"
    programme.provider.save()
    after, _ = get(client)
    assert "Nieuwe naam" in after and "Oude naam" not in after


def test_a_deleted_programme_disappears(client):
    factories.programme("Psyfit")
    doomed = factories.programme("Verdwijnt")
    assert "Verdwijnt" in get(client)[0]
    doomed.delete()
    assert "Verdwijnt" not in get(client)[0]


def test_generating_the_synthetic_catalogue_gives_a_new_revision(client):
    factories.programme("Psyfit", therapies=[factories.therapy()], icpc_codes=[factories.icpc()])
    before = catalogue_revision()
    call_command("generate_catalog", "--programmes=3", stdout=None)
    middle = catalogue_revision()
    call_command("generate_catalog", "--clear", stdout=None)
    assert len({before, middle, catalogue_revision()}) == 3


def test_the_cached_part_carries_nothing_of_the_visitor(client):
    factories.programme("Psyfit")
    member = factories.user("ingelogde-huisarts")
    client.force_login(member)
    logged_in, _ = get(client)
    assert "ingelogde-huisarts" in logged_in or "Uitloggen" in logged_in  # the header is the visitor's own
    client.logout()
    anonymous, queries = get(client)
    assert queries == 1, "served from the cache the member filled"
    assert "ingelogde-huisarts" not in anonymous and "Uitloggen" not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous.split('id="main"')[1].split("</main>")[0]


def test_with_the_cache_off_every_visit_renders(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 0
    factories.programme("Psyfit")
    _, first = get(client)
    _, second = get(client)
    assert first == second > 1


def test_a_programme_no_longer_offered_leaves_the_cached_overview_at_once(client):
    programme = factories.programme("Stopt binnenkort")
    factories.programme("Blijft")
    before, _ = get(client, {"theme": "depressieve-klachten"})
    assert "Stopt binnenkort" in before
    programme.status = Programme.Status.WITHDRAWN
    programme.withdrawn_on = date(2026, 6, 1)
    programme.save()
    after, _ = get(client, {"theme": "depressieve-klachten"})
    assert "Stopt binnenkort" not in after and "Blijft" in after
    # The theme's count went down with it.
    assert re.search(r'<span>Depressieve klachten</span>\s*<span class="facet-count"[^>]*>1</span>', after)
    assert re.search(r'<span>Depressieve klachten</span>\s*<span class="facet-count"[^>]*>2</span>', before)


def test_a_programme_becomes_overdue_in_the_cached_overview_the_next_day(client, monkeypatch):
    today = timezone.localdate()
    factories.programme("Drinktest", next_review=today)
    before, _ = get(client)
    assert "ouder dan gepland" not in before
    # Nothing was edited; only the date moved on. The cached page must not keep saying it is current.
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))
    after, _ = get(client)
    assert "Deze informatie is ouder dan gepland" in after


def test_the_cache_key_changes_with_the_day(monkeypatch):
    today = timezone.localdate()
    key = overview_cache_key("q=slaap")
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))
    assert overview_cache_key("q=slaap") != key
