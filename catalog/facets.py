"""The overview's facets: the number of programmes next to each filter option, and the canonical URL state.

Works on a bound ProgrammeFilter through django-filter's public API only: the form's cleaned data, the filters'
own `filter(queryset, value)`, and the queryset it was given. Counting never changes what the filters match.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, TextChoices
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


def cached_facets(filterset) -> list[Facet]:
    """count_facets(), cached per catalogue revision, day, language and filters: paging or re-sorting the same
    results shows the same counts, so neither is in the key (the overview's own cache key holds both)."""
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    query = canonical_query(filterset)
    query.pop("sort", None)
    filters = query.urlencode()
    # What the overview's cache refuses (an overlong query string, not a real visit) is not cached here either.
    if not timeout or len(filterset.data.urlencode()) > MAX_CACHED_QUERY_LENGTH:
        return count_facets(filterset)
    digest = hashlib.sha256(filters.encode()).hexdigest()[:32]
    key = f"catalog:facets:{catalogue_revision()}:{timezone.localdate().isoformat()}:{get_language()}:{digest}"
    facets = cache.get(key)
    if facets is None:
        facets = count_facets(filterset)
        cache.set(key, facets, timeout)
    return facets


def count_facets(filterset) -> list[Facet]:
    """Every facet with its options and counts: one aggregate query per facet, whatever the catalogue.

    An option's count is the number of results the visitor would get by adding that option, given the other
    facets as they are. Options that would give nothing are left out unless already chosen.
    """
    builders = {"delivery": _delivery_facet, "cost": _cost_facet, "quality": _quality_facet}
    facets = []
    for name in FACET_ORDER:
        facet = builders[name](filterset) if name in builders else _lookup_facet(filterset, name)
        if facet.options:
            facets.append(facet)
    return facets


def _others(filterset, name):
    """Programmes matching every active filter except facet `name`, as a subquery of ids."""
    queryset = filterset.queryset.select_related(None).prefetch_related(None)
    for other, value in filterset.cleaned.items():
        if other != name:
            queryset = filterset.filters[other].filter(queryset, value)
    return queryset.order_by().values("pk")


def _facet(filterset, name, rows, help_text=""):
    """rows: (value, label, count) in display order."""
    selected = set(filterset.selected_values(name))
    options = [
        FacetOption(value, str(label), count, value in selected)
        for value, label, count in rows
        if count or value in selected
    ]
    return Facet(name, str(filterset.filters[name].label), options, str(help_text))


def _lookup_facet(filterset, name):
    model, _field = LOOKUP_FACETS[name]
    # No HAVING on the count: PostgreSQL would run the filtered subquery twice, once for FILTER and once for
    # HAVING. The lookup tables are short, so _facet() drops the options without matches.
    rows = (
        model.objects.annotate(matches=Count("programmes", filter=Q(programmes__in=_others(filterset, name))))
        .order_by(*model._meta.ordering)
        .values_list("slug", "name", "matches")
    )
    return _facet(filterset, name, rows)


def _delivery_facet(filterset):
    conditions = {mode: delivery_condition(mode) for mode in Delivery.values}
    counts = _aggregate_flags(filterset, "delivery", conditions)
    rows = [(value, label, counts[value]) for value, label in Delivery.choices]
    return _facet(filterset, "delivery", rows, _("A programme counts only where a source says it offers this."))


def _cost_facet(filterset):
    counts = _aggregate_flags(filterset, "cost", {value: Q(cost=value) for value in Programme.Cost.values})
    return _facet(filterset, "cost", [(value, label, counts[value]) for value, label in Programme.Cost.choices])


def _aggregate_flags(filterset, name, conditions: dict[str, Q]) -> dict[str, int]:
    programmes = Programme.objects.filter(pk__in=_others(filterset, name))
    return programmes.aggregate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})


def _quality_facet(filterset):
    # Quality is AND-ed, so an option's count is taken over the current results (its own facet included).
    meets = (
        QualityAssessment.objects.filter(programme__in=_others(filterset, None), verdict=Verdict.MEETS)
        .order_by()
        .values("criterion")
        .annotate(matches=Count("pk"))
    )
    counts = {row["criterion"]: row["matches"] for row in meets}
    rows = [(value, label, counts.get(value, 0)) for value, label in Criterion.choices]
    return _facet(filterset, "quality", rows, _("Shows programmes that meet every criterion you tick."))
