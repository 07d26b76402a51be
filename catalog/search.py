"""Free-text search over programmes: Dutch full-text search on PostgreSQL, a plain fallback elsewhere.

On PostgreSQL the vectors are stored generated columns (migration 0015): `search_document` (name, summary and
description, GIN-indexed) to match, `search_rank_document` (name and summary) to rank. The model does not know
them (SQLite has none); `StoredVector` reads them in a query.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q, QuerySet

SEARCH_CONFIG = "dutch"
MAX_TERMS = 8
MAX_TERM_LENGTH = 40
_WORD = re.compile(r"\w+", re.UNICODE)


class StoredVector(Expression):
    """A tsvector column of the programme table that the model does not declare (PostgreSQL only)."""

    output_field = SearchVectorField()

    def __init__(self, column: str):
        super().__init__()
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


def programme_search_vector():
    return StoredVector("search_document")


def _rank_vector():
    # Ranking on name and summary alone: a description-only hit ranks 0 and then sorts by name, as on SQLite.
    return StoredVector("search_rank_document")


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
        # alias(), not annotate(): the vector is for matching only; selecting it would build it again per row shown.
        return (
            queryset.alias(search=programme_search_vector())
            .filter(search=query)
            .annotate(rank=SearchRank(_rank_vector(), query))
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
