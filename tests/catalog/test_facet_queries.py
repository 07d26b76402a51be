"""Facet counts on a cache miss: no HAVING over the filtered subquery, and not recounted for paging or sorting."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.catalog.test_queries import build_catalogue

pytestmark = pytest.mark.django_db

FILTERS = {"theme": "angst", "delivery": "guided", "language": "nederlands"}


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("catalog:programme_list"), params).status_code == 200
    return [query["sql"] for query in queries]


def test_facet_counts_put_no_subquery_in_a_having_clause(client):
    build_catalogue(3)
    sql = _queries(client, FILTERS)
    assert not [query for query in sql if "HAVING" in query.upper()]


def test_paging_or_sorting_the_same_results_reuses_the_facet_counts(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    build_catalogue(25)
    first = _queries(client, FILTERS)
    other_page = _queries(client, {**FILTERS, "page": "2", "sort": "name"})
    assert len(_facet_counts(first)) == 1  # all seven facets in one query
    assert _facet_counts(other_page) == []
    # Another filter combination is counted afresh.
    assert len(_facet_counts(_queries(client, {**FILTERS, "theme": "depressie"}))) == 1


def _facet_counts(sql):
    return [query for query in sql if "facet_set_" in query]
