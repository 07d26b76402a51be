"""The overview's facets: the number of programmes next to each filter option, and the canonical URL state.

Works on a bound ProgrammeFilter through django-filter's public API only: the form's cleaned data, the filters'
own `filter(queryset, value)`, and the queryset it was given. Counting never changes what the filters match.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Q, TextChoices, Value, When
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from catalog.models import Criterion, Language, Programme, Provider, QualityAssessment, TargetGroup, Theme, Verdict
from catalog.overview_cache import MAX_CACHED_QUERY_LENGTH, catalogue_revision


class Delivery(TextChoices):
    SELF_HELP = "self_help", _("Self-help")
    GUIDED = "guided", _("Guided by the POH-ggz")
    BLENDED = "blended", _("Blended with face-to-face care")
    # No source says yet how it can be followed: its own option, never counted as "no" (nor as "yes").
    UNKNOWN = "unknown", _("Not known yet")


# The one map from delivery mode to the programme's fact field (the admin's list filter reads it too).
DELIVERY_FIELDS = {
    Delivery.SELF_HELP: "offers_self_help",
    Delivery.GUIDED: "offers_guided",
    Delivery.BLENDED: "offers_blended",
}


def delivery_condition(mode: str) -> Q:
    """Programmes known to offer `mode`; for UNKNOWN, those not known to offer any mode with at least one unknown.

    A fact nobody checked (None) matches no mode: "not known" is never read as "offered" or as "not offered".
    """
    if mode != Delivery.UNKNOWN:
        return Q(**{DELIVERY_FIELDS[mode]: True})
    none_offered = Q()
    some_unknown = Q()
    for field in DELIVERY_FIELDS.values():
        # ~Q(field=True) also holds for NULL: Django adds "IS NOT NULL" inside the negation.
        none_offered &= ~Q(**{field: True})
        some_unknown |= Q(**{f"{field}__isnull": True})
    return none_offered & some_unknown


# Facets in the order the sidebar shows them; the first a GP reaches for comes first.
FACET_ORDER = ["theme", "delivery", "target_group", "language", "cost", "quality", "provider"]
# Lookup facets: filter name -> (model, the programme's many-to-many field or None for the provider FK).
LOOKUP_FACETS = {
    "theme": (Theme, "themes"),
    "target_group": (TargetGroup, "target_groups"),
    "language": (Language, "languages"),
    "provider": (Provider, None),
}


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    help_text: str = ""


@dataclass(frozen=True)
class ActiveFilter:
    facet_label: str
    label: str
    remove_query: str  # the overview's query string without this one value


# --- the canonical URL state ---------------------------------------------------------------------------------


def canonical_query(filterset) -> QueryDict:
    """The query string of what is in effect: bookmarkable, and what pagination links carry.

    Only known values, in the sidebar's order; the sort only when it is not the default; never `page` or tracking.
    """
    query = QueryDict(mutable=True)
    if filterset.search_text:
        query["q"] = filterset.search_text
    for name in FACET_ORDER:
        if values := filterset.selected_values(name):
            query.setlist(name, values)
    if filterset.current_sort != filterset.default_sort:
        query["sort"] = filterset.current_sort
    return query


def active_filters(filterset) -> list[ActiveFilter]:
    """Each value in effect with the query string that removes just that one."""
    state = filterset.state
    active = []
    if filterset.search_text:
        active.append(ActiveFilter(str(_("Search")), f"“{filterset.search_text}”", _query_without(state, "q")))
    labels = _option_labels(filterset)
    for name in FACET_ORDER:
        for value in filterset.selected_values(name):
            label = labels[name].get(value, value)
            facet_label = str(filterset.filters[name].label)
            active.append(ActiveFilter(facet_label, label, _query_without(state, name, value)))
    return active


def _query_without(state: QueryDict, name, value=None) -> str:
    query = state.copy()
    remaining = [item for item in query.getlist(name) if value is not None and item != value]
    if remaining:
        query.setlist(name, remaining)
    else:
        query.pop(name, None)
    return query.urlencode()


def _option_labels(filterset) -> dict[str, dict[str, str]]:
    labels = {name: {obj.slug: str(obj) for obj in filterset.cleaned.get(name) or []} for name in LOOKUP_FACETS}
    labels["delivery"] = {value: str(label) for value, label in Delivery.choices}
    labels["cost"] = {value: str(label) for value, label in Programme.Cost.choices}
    labels["quality"] = {value: str(label) for value, label in Criterion.choices}
    return labels


# --- facet counts --------------------------------------------------------------------------------------------


def cached_facets(filterset) -> "FacetCounts":
    """count_facets() with the number of results, cached per catalogue revision, day, language and filters: paging
    or re-sorting the same results shows the same counts, so neither is in the key (the overview's own cache key
    holds both)."""
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    query = canonical_query(filterset)
    query.pop("sort", None)
    filters = query.urlencode()
    # What the overview's cache refuses (an overlong query string, not a real visit) is not cached here either.
    if not timeout or len(filterset.data.urlencode()) > MAX_CACHED_QUERY_LENGTH:
        return _facet_counts(filterset)
    digest = hashlib.sha256(filters.encode()).hexdigest()[:32]
    key = f"catalog:facets:{catalogue_revision()}:{timezone.localdate().isoformat()}:{get_language()}:{digest}"
    counted = cache.get(key)
    if counted is None:
        counted = _facet_counts(filterset)
        cache.set(key, counted, timeout)
    return counted


@dataclass(frozen=True)
class FacetCounts:
    facets: list[Facet]
    total: int  # the number of results: the same query counts them, so the paginator need not


def count_facets(filterset) -> list[Facet]:
    """Every facet with its options and counts, in one query whatever the catalogue and the filters.

    An option's count is the number of results the visitor would get by adding that option, given the other
    facets as they are. Options that would give nothing are left out unless already chosen.
    """
    return _facet_counts(filterset).facets


def _facet_counts(filterset) -> FacetCounts:
    counts = _count_all(filterset)
    options = facet_options()
    facets = []
    for name in FACET_ORDER:
        if name in LOOKUP_FACETS:
            rows = [(slug, label, counts[name].get(pk, 0)) for pk, slug, label in options[name]]
            facet = _facet(filterset, name, rows)
        elif name == "delivery":
            delivery = _delivery_counts(counts["delivery"])
            rows = [(value, label, delivery[value]) for value, label in Delivery.choices]
            facet = _facet(filterset, name, rows, _("A programme counts only where a source says it offers this."))
        elif name == "cost":
            rows = [(value, label, counts["cost"].get(value, 0)) for value, label in Programme.Cost.choices]
            facet = _facet(filterset, name, rows)
        else:
            rows = [(value, label, counts["quality"].get(value, 0)) for value, label in Criterion.choices]
            facet = _facet(filterset, name, rows, _("Shows programmes that meet every criterion you tick."))
        if facet.options:
            facets.append(facet)
    return FacetCounts(facets, counts["total"].get("", 0))


# The revision is in the key, so an edit is seen at once; the timeout only bounds how long an old entry lingers.
FACET_OPTIONS_CACHE_SECONDS = 24 * 60 * 60


def facet_options() -> dict[str, list[tuple[int, str, str]]]:
    """(id, slug, name) of every lookup option in display order, per lookup facet; cached per catalogue revision."""
    cached = bool(settings.CATALOG_OVERVIEW_CACHE_SECONDS)  # with the overview cache off, nothing is kept
    key = f"catalog:facet-options:{catalogue_revision()}" if cached else None
    options = cache.get(key) if cached else None
    if options is None:
        options = {
            name: list(model.objects.order_by(*model._meta.ordering).values_list("pk", "slug", "name"))
            for name, (model, _field) in LOOKUP_FACETS.items()
        }
        if cached:
            cache.set(key, options, FACET_OPTIONS_CACHE_SECONDS)
    return options


def _is_active(value) -> bool:
    return value not in (None, "", [], (), {})


# One bit per facet: a programme's "misses" say which of the active facets' filters it fails.
FACET_BITS = {name: 1 << index for index, name in enumerate(FACET_ORDER)}


def _count_all(filterset) -> dict[str, dict]:
    """All counts and the number of results in one round trip, over one pass of the matching programmes.

    An option's count is taken over the programmes that pass every active filter but its own facet's. So each
    programme the search matches gets one bit per active facet whose filter it fails: with no bit it is a result
    and counts in every facet; with exactly its own facet's bit it counts in that facet only; with any other bit it
    counts nowhere. One scan gives every facet its own set, whichever filters are in use. Returns
    {facet: {key: count}} plus {"total": {"": results}}; delivery's keys are (self_help, guided, blended) fact
    triples, the lookups' keys are ids.
    """
    rows = filterset.queryset.select_related(None).prefetch_related(None).order_by()
    misses = []
    for name, value in filterset.cleaned.items():
        if name not in FACET_BITS:  # the search (and the sort, a no-op) narrows every facet's set alike
            rows = filterset.filters[name].filter(rows, value)
        elif _is_active(value):
            passing = filterset.filters[name].filter(Programme.objects.order_by(), value).values("pk")
            misses.append(Case(When(pk__in=passing, then=Value(0)), default=Value(FACET_BITS[name])))
    programme = Programme._meta
    columns = ["pk", "provider_id", "cost", *DELIVERY_FIELDS.values()]
    rows = rows.annotate(facet_misses=sum(misses[1:], misses[0]) if misses else Value(0)).values_list(
        *columns, "facet_misses"
    )
    rows_sql, params = rows.query.sql_with_params()
    params = list(params)
    table = connection.ops.quote_name

    def counted_in(name):
        return f"facet_misses IN (0, {FACET_BITS[name]})"

    selects = []
    for name in ("theme", "target_group", "language"):
        field = programme.get_field(LOOKUP_FACETS[name][1])
        through = field.remote_field.through._meta
        own = table(through.get_field(field.m2m_field_name()).column)
        other = table(through.get_field(field.m2m_reverse_field_name()).column)
        selects.append(
            f"SELECT '{name}', CAST(link.{other} AS TEXT), COUNT(*) FROM {table(through.db_table)} link "
            f"JOIN facet_set_rows ON facet_set_rows.id = link.{own} WHERE {counted_in(name)} GROUP BY link.{other}"
        )
    selects.append(
        f"SELECT 'provider', CAST(provider AS TEXT), COUNT(*) FROM facet_set_rows "
        f"WHERE {counted_in('provider')} GROUP BY provider"
    )
    selects.append(f"SELECT 'cost', cost, COUNT(*) FROM facet_set_rows WHERE {counted_in('cost')} GROUP BY cost")
    # Each fact as 0, 1 or 2 (unknown), the three as one number: the delivery modes are counted from these.
    flags = [f"COALESCE(CAST({fact} AS INTEGER), 2)" for fact in ("self_help", "guided", "blended")]
    triple = f"{flags[0]} * 9 + {flags[1]} * 3 + {flags[2]}"
    selects.append(
        f"SELECT 'delivery', CAST({triple} AS TEXT), COUNT(*) FROM facet_set_rows "
        f"WHERE {counted_in('delivery')} GROUP BY {triple}"
    )
    # Quality is AND-ed, so an option's count is taken over the current results (its own facet included).
    assessment = QualityAssessment._meta
    criterion = table(assessment.get_field("criterion").column)
    selects.append(
        f"SELECT 'quality', verdicts.{criterion}, COUNT(*) FROM {table(assessment.db_table)} verdicts "
        f"JOIN facet_set_rows ON facet_set_rows.id = verdicts.{table(assessment.get_field('programme').column)} "
        f"WHERE facet_misses = 0 AND verdicts.{table(assessment.get_field('verdict').column)} = %s "
        f"GROUP BY verdicts.{criterion}"
    )
    params.append(Verdict.MEETS.value)
    selects.append("SELECT 'total', '', COUNT(*) FROM facet_set_rows WHERE facet_misses = 0")
    sql = (
        "WITH facet_set_rows(id, provider, cost, self_help, guided, blended, facet_misses) "
        f"AS ({rows_sql}) " + " UNION ALL ".join(selects)
    )
    counts: dict[str, dict] = {name: {} for name in [*FACET_ORDER, "total"]}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, key, count in cursor.fetchall():
            if name in LOOKUP_FACETS:
                key = int(key)
            elif name == "delivery":
                number = int(key)
                key = tuple({0: False, 1: True, 2: None}[digit] for digit in (number // 9, number // 3 % 3, number % 3))
            counts[name][key] = count
    return counts


def _delivery_counts(triples: dict[tuple, int]) -> dict[str, int]:
    """Per delivery mode, the programmes delivery_condition(mode) matches, from counts per (fact, fact, fact)."""
    counts = dict.fromkeys(Delivery.values, 0)
    for facts, count in triples.items():
        for mode, known in zip(DELIVERY_FIELDS, facts, strict=True):
            if known is True:
                counts[mode] += count
        if True not in facts and None in facts:
            counts[Delivery.UNKNOWN] += count
    return counts


def _facet(filterset, name, rows, help_text=""):
    """rows: (value, label, count) in display order."""
    selected = set(filterset.selected_values(name))
    options = [
        FacetOption(value, str(label), count, value in selected)
        for value, label, count in rows
        if count or value in selected
    ]
    return Facet(name, str(filterset.filters[name].label), options, str(help_text))
