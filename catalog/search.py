"""Free-text search over programmes: Dutch full-text search on PostgreSQL, a plain fallback elsewhere.

On PostgreSQL the vector below is indexed (GIN, migration 0002); the query must build exactly the same
expression for the planner to use that index, so both take it from `programme_search_vector()`.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet

SEARCH_CONFIG = "dutch"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
_WORD = re.compile(r"\w+", re.UNICODE)


def programme_search_vector():
    return (
        SearchVector("name", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def _rank_vector():
    # The index answers "does it match" only; ranking rebuilds a vector for every matching row. The long
    # description would dominate that cost (10x at 5,000 programmes), so rank on name and summary alone:
    # a description-only hit ranks 0 and then sorts by name, as on SQLite.
    return SearchVector("name", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "summary", weight="B", config=SEARCH_CONFIG
    )


def search_terms(text: str) -> list[str]:
    """Split what the user typed into at most MAX_TERMS words; punctuation and operators are dropped."""
    return [word[:MAX_TERM_LENGTH] for word in _WORD.findall(text or "")][:MAX_TERMS]


def search_programmes(queryset: QuerySet, text: str) -> QuerySet:
    """Programmes matching every word of `text`, annotated with `rank` (higher is better)."""
    terms = search_terms(text)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        # Each word is stemmed by the Dutch dictionary and may be a prefix ("alcohol" finds "alcoholgebruik").
        raw = " & ".join(f"{term}:*" for term in terms)
        query = SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
        return queryset.annotate(search=programme_search_vector(), rank=SearchRank(_rank_vector(), query)).filter(
            search=query
        )
    condition = Q()
    for term in terms:
        condition &= Q(name__icontains=term) | Q(summary__icontains=term) | Q(description__icontains=term)
    return queryset.filter(condition).annotate(rank=_sqlite_rank(terms))


def _sqlite_rank(terms):
    from django.db.models import Case, IntegerField, Value, When

    # A name hit outranks a summary hit outranks a description-only hit, as the weights do on PostgreSQL.
    first = terms[0]
    return Case(
        When(name__icontains=first, then=Value(3)),
        When(summary__icontains=first, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
