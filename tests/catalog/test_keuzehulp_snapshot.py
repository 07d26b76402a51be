"""The keuzehulp at any catalogue size: facts from a per-revision snapshot, and a bounded list with "show all"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.keuzehulp_views import SHOWN_MATCHES
from tests import factories

pytestmark = pytest.mark.django_db

ANSWERS = {"theme": "depressieve-klachten", "language": "nl"}


def _result(client, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("catalog:keuzehulp"), {**ANSWERS, **extra})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _catalogue(count):
    for number in range(count):
        factories.programme(f"Programma {number:02d}")


def test_result_renders_the_best_twenty_and_links_to_all(client):
    _catalogue(SHOWN_MATCHES + 3)
    page, _queries = _result(client)
    assert page.count('<li class="keuzehulp-match') == SHOWN_MATCHES
    assert f"Toon alle {SHOWN_MATCHES + 3} passende programma's" in page
    assert "Programma 19" in page and "Programma 20" not in page
    everything, _queries = _result(client, alle="1")
    assert everything.count('<li class="keuzehulp-match') == SHOWN_MATCHES + 3
    assert "Toon alle" not in everything


def test_a_short_result_has_no_show_all_link(client):
    _catalogue(3)
    page, _queries = _result(client)
    assert page.count('<li class="keuzehulp-match') == 3
    assert "Toon alle" not in page


def test_with_the_cache_on_a_second_result_reads_no_programme_facts(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    _catalogue(5)
    _page, first = _result(client)
    _page, second = _result(client)
    assert second == 2  # the catalogue revision, once per snapshot read (options, then facts)
    assert first > second


def test_with_the_cache_on_a_curators_change_shows_at_once(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    _catalogue(2)
    _result(client)
    programme = factories.programme("Nieuw programma")
    page, _queries = _result(client)
    assert "Nieuw programma" in page
    programme.name = "Hernoemd programma"
    programme.save()
    page, _queries = _result(client)
    assert "Hernoemd programma" in page
