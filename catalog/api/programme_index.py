"""The API list's matches, count and page from sets of programme ids kept per catalogue revision, not from SQL.

Every address of /api/v1/programmes/ with random filters is a new one, so the per-address answer cache
(views.cached_list_data) seldom helps; at 5,000 programmes such an answer spent most of its time building and
running a COUNT and a page query over EXISTS subqueries. The public programmes only change with the catalogue,
so an index per revision holds:

- per filter value (each theme, delivery mode, cost, quality criterion, ...) the ids that value matches, each set
  read with the filter's own method from catalog/filters.py, so the meaning is that one definition's;
- per sort, the ids in the database's own order (ORDERINGS, the database's collation), and
- every public programme's list item (list_items.py) without the `page` the request decides.

A request reads its filters with the same FilterSet (the same lenient cleaning, names and defaults), then ORs the
sets of one filter's values (ANDs them for quality, as filter_quality does) and ANDs the filters. A search word
still asks the database, for only the matching ids and their rank (search.py); the answer for all public
programmes is remembered with the index for the most recent search words. The page is cut from the order by
DRF's own paginator, so count, links and 404s are DRF's. Only with the catalogue cache on (the index lives in the
process, like the keuzehulp's snapshot); tests/catalog/test_api_programme_index.py compares it with the SQL path.
"""

import heapq
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db.models import Value
from django.forms import ModelMultipleChoiceField
from django.http import QueryDict
from django_filters.constants import EMPTY_VALUES

from catalog.api.filters import ApiProgrammeFilter, PublicStatus
from catalog.api.list_items import list_item_bodies, page_rows
from catalog.filters import ORDERINGS, Sort
from catalog.models import Programme
from catalog.overview_cache import catalogue_revision
from catalog.search import search_programmes, search_terms

# Filters that are not sets of one value's matches: the search (asked of the database), the order, the status.
NOT_INDEXED = {"q", "sort", "status"}
# Filters whose values must all hold (filter_quality's AND); every other filter matches any of its values.
ALL_OF = {"quality"}
# A search asks for the text matches among the filters' matches when there are at most this many, else among all.
SEARCH_AMONG = 100
# Search words whose text matches the index remembers (each at most every public programme's id and rank).
SEARCHES_KEPT = 32
# A page is picked by walking the whole order when at least one programme in this many matches, else by sorting.
WALK_FROM = 8
# Filter values per UNION ALL query while the index is built (SQLite allows 500 parts).
UNION_PARTS = 50


class NotIndexed(Exception):
    """A value the index does not hold (a lookup newer than the index): the SQL path answers instead."""


def value_key(value):
    """How a cleaned value is looked up in the index: a lookup object by its id, a choice by itself."""
    return getattr(value, "pk", value)


@dataclass
class ProgrammeIndex:
    revision: str
    by_status: dict[str, frozenset[int]]
    by_value: dict[str, dict[object, frozenset[int]]]  # filter name -> {value_key: ids}
    orders: dict[str, list[int]]  # sort -> every public id in that order
    positions: dict[str, dict[int, int]]  # sort -> {id: position in that order}
    bodies: dict[int, dict]  # id -> list item without its page
    # search words -> {id: rank} among all public programmes, the most recently used last (text_matches)
    searches: OrderedDict = field(default_factory=OrderedDict, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def build(cls, revision: str) -> "ProgrammeIndex":
        public = Programme.objects.public()
        filterset = ApiProgrammeFilter(QueryDict(), queryset=public)
        # Per filter, the programmes each of its values matches, read UNION ALL: one query per filter (and at
        # most UNION_PARTS values; a bigger query made PostgreSQL compile it, JIT, for longer than it ran).
        by_value = {}
        for name, definition in filterset.filters.items():
            if name in NOT_INDEXED:
                continue
            field = filterset.form.fields[name]
            if isinstance(field, ModelMultipleChoiceField):
                values = list(field.queryset)
            else:
                values = [choice for choice, _label in field.choices]
            found = [set() for _ in values]
            for start in range(0, len(values), UNION_PARTS):
                first, *rest = [
                    definition.filter(public, [value])
                    .order_by()
                    .annotate(index_tag=Value(tag))
                    .values_list("pk", "index_tag")
                    for tag, value in enumerate(values[start : start + UNION_PARTS], start)
                ]
                for pk, tag in first.union(*rest, all=True).order_by():
                    found[tag].add(pk)
            by_value[name] = {value_key(value): frozenset(ids) for value, ids in zip(values, found, strict=True)}
        by_status = {
            status: frozenset(public.filter(status=status).values_list("pk", flat=True))
            for status in PublicStatus.values
        }
        orders = {
            sort: list(public.order_by(*ORDERINGS[sort]).values_list("pk", flat=True))
            for sort in Sort.values
            if sort != Sort.RELEVANCE
        }
        bodies = list_item_bodies(page_rows(public.order_by("pk")), queryset=public)
        # Each query saw the catalogue as it was then: one changed meanwhile (its new revision builds the index
        # again) must not leave a programme that can match without an item or a place in every order.
        complete = frozenset(bodies).intersection(*orders.values())
        return cls(
            revision=revision,
            by_status={status: ids & complete for status, ids in by_status.items()},
            by_value=by_value,
            orders=orders,
            positions={sort: {pk: position for position, pk in enumerate(order)} for sort, order in orders.items()},
            bodies=bodies,
        )

    def matches(self, filterset) -> "Matches":
        """The programmes `filterset` (bound to the request) lets through, in its order, as a paginator reads them."""
        cleaned = filterset.cleaned
        ids = union([self.by_status[status] for status in cleaned.get("status") or [PublicStatus.PUBLISHED]])
        for name, value in cleaned.items():
            if name in NOT_INDEXED or value in EMPTY_VALUES:
                continue
            sets = self.by_value.get(name)
            if sets is None or any(value_key(item) not in sets for item in value):
                raise NotIndexed(name)
            chosen = [sets[value_key(item)] for item in value]
            ids = ids & (frozenset.intersection(*chosen) if name in ALL_OF else union(chosen))
        ranks = None
        if filterset.is_searching:
            found = self.text_matches(filterset.search_text, among=ids)
            ranks = {pk: rank for pk, rank in found.items() if pk in ids}
            ids = set(ranks)
        sort = filterset.current_sort
        if sort == Sort.RELEVANCE:
            position = self.positions[Sort.NAME]
            return Matches(ids, key=lambda pk: (-ranks[pk], position[pk]))
        return Matches(ids, order=self.orders[sort], key=self.positions[sort].__getitem__)

    def text_matches(self, text: str, among) -> dict[int, float]:
        """{id: rank} of the public programmes matching `text`, as the database matches and ranks them (search.py).

        Among all public programmes, remembered per search words with the index (so per revision) for the
        SEARCHES_KEPT most recent; a search among at most SEARCH_AMONG filter matches asks only about those.
        """
        if not among:
            return {}
        key = tuple(search_terms(text))
        with self.lock:
            found = self.searches.get(key)
            if found is not None:
                self.searches.move_to_end(key)
                return found
        searched = Programme.objects.public()
        if len(among) <= SEARCH_AMONG:
            searched = searched.filter(pk__in=among)
        found = dict(search_programmes(searched, text).order_by().values_list("pk", "rank"))
        if len(among) > SEARCH_AMONG:
            with self.lock:
                self.searches[key] = found
                while len(self.searches) > SEARCHES_KEPT:
                    self.searches.popitem(last=False)
        return found


class Matches:
    """The matching ids in order, computed only as far as the page asked for (Django's Paginator slices it)."""

    def __init__(self, ids, *, key, order=None):
        self.ids, self.order, self.key = ids, order, key

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("Matches are only sliced")
        start, stop = index.start or 0, len(self.ids) if index.stop is None else index.stop
        if self.order is None or len(self.ids) * WALK_FROM < len(self.order):
            return heapq.nsmallest(stop, self.ids, key=self.key)[start:]
        # Many matches: the first of them come soon in the whole order.
        return list(islice((pk for pk in self.order if pk in self.ids), start, stop))


def union(sets):
    """The union of frozensets, without copying the only one."""
    return sets[0] if len(sets) == 1 else frozenset().union(*sets)


_kept: ProgrammeIndex | None = None
_lock = threading.Lock()


def programme_index() -> ProgrammeIndex | None:
    """This catalogue revision's index, built once per process and revision; None with the catalogue cache off."""
    global _kept
    if not settings.CATALOG_OVERVIEW_CACHE_SECONDS:
        return None
    revision = catalogue_revision()
    kept = _kept
    if kept is None or kept.revision != revision:
        with _lock:
            kept = _kept
            if kept is None or kept.revision != revision:
                kept = _kept = ProgrammeIndex.build(revision)
    return kept


def forget_programme_index() -> None:
    """Build the index again on its next use (the tests' databases roll back; a token may come back)."""
    global _kept
    _kept = None
