"""The overview's filters (django-filter) and the number of programmes next to each filter option."""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, TextChoices
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from catalog.models import (
    Criterion,
    Language,
    Programme,
    Provider,
    QualityAssessment,
    TargetGroup,
    Theme,
    Verdict,
)
from catalog.search import search_programmes, search_terms

# Long enough for any real question, short enough that a pasted essay cannot make the query expensive.
Q_MAX_LENGTH = 100
# Per facet; more values than there are options means someone is fiddling with the URL.
MAX_VALUES = 30
MAX_VALUE_LENGTH = 100


class Delivery(TextChoices):
    SELF_HELP = "self_help", _("Self-help")
    GUIDED = "guided", _("Guided by the POH-ggz")
    BLENDED = "blended", _("Blended with face-to-face care")
    # No source says yet how it can be followed: its own option, never counted as "no" (nor as "yes").
    UNKNOWN = "unknown", _("Not known yet")


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


class Sort(TextChoices):
    RELEVANCE = "relevance", _("Best match")
    NAME = "name", _("Name (A–Z)")
    NEWEST = "newest", _("Newest first")
    REVIEWED = "reviewed", _("Most recently reviewed")


# Every ordering ends on a unique column so pages never overlap or skip a programme.
ORDERINGS = {
    Sort.RELEVANCE: [F("rank").desc(), "name", "pk"],
    Sort.NAME: ["name", "pk"],
    Sort.NEWEST: ["-created_at", "name", "pk"],
    Sort.REVIEWED: [F("last_reviewed").desc(nulls_last=True), "name", "pk"],
}


def _bounded(value) -> list[str]:
    """The submitted values of one parameter, deduplicated, without blanks, capped in number and length."""
    values = [value] if isinstance(value, str) else list(value or [])
    cleaned = (str(item).strip()[:MAX_VALUE_LENGTH] for item in values[: MAX_VALUES * 2])
    return list(dict.fromkeys(item for item in cleaned if item))[:MAX_VALUES]


class SearchField(forms.CharField):
    """Free text, cut to Q_MAX_LENGTH characters; `was_cut` tells the page to say so."""

    was_cut = False

    def to_python(self, value):
        value = super().to_python(value).replace("\x00", "")
        self.was_cut = len(value) > Q_MAX_LENGTH
        return value[:Q_MAX_LENGTH].strip()


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and sets the rest aside in `ignored`: a stale bookmark breaks nothing."""

    ignored = ()

    def clean(self, value):
        values = _bounded(value)
        self.ignored = [item for item in values if not self.valid_value(item)]
        return [item for item in values if self.valid_value(item)]


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Like LenientMultipleChoiceField for lookup tables: returns the known objects in the order asked for."""

    ignored = ()

    def clean(self, value):
        values = _bounded(value)
        if not values:
            self.ignored = []
            return []
        key = self.to_field_name
        found = {getattr(obj, key): obj for obj in self.queryset.filter(**{f"{key}__in": values})}
        self.ignored = [item for item in values if item not in found]
        return [found[item] for item in values if item in found]


class LenientChoiceField(forms.ChoiceField):
    ignored = ()

    def clean(self, value):
        value = self.to_python(value)[:MAX_VALUE_LENGTH]
        if value and not self.valid_value(value):
            self.ignored = [value]
            return ""
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class MultipleFilter(django_filters.Filter):
    field_class = LenientMultipleChoiceField


class LookupFilter(django_filters.Filter):
    field_class = LenientModelMultipleChoiceField


class SortFilter(django_filters.Filter):
    field_class = LenientChoiceField


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


# Facets in the order the sidebar shows them; the first a GP reaches for comes first.
FACET_ORDER = ["theme", "delivery", "target_group", "language", "cost", "quality", "provider"]
# Lookup facets: filter name -> (model, the programme's many-to-many field or None for the provider FK).
LOOKUP_FACETS = {
    "theme": (Theme, "themes"),
    "target_group": (TargetGroup, "target_groups"),
    "language": (Language, "languages"),
    "provider": (Provider, None),
}


class ProgrammeFilter(django_filters.FilterSet):
    """Filters over published programmes: OR within a facet, AND across facets (except quality: see there).

    Bind it to request.GET; unknown values are dropped and reported in `notices`, never an error.
    """

    q = SearchFilter(label=_("Search"), method="filter_search")
    theme = LookupFilter(label=_("Theme"), queryset=Theme.objects.all(), to_field_name="slug", method="filter_m2m")
    delivery = MultipleFilter(label=_("Delivery"), choices=Delivery.choices, method="filter_delivery")
    target_group = LookupFilter(
        label=_("Target group"), queryset=TargetGroup.objects.all(), to_field_name="slug", method="filter_m2m"
    )
    language = LookupFilter(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="slug", method="filter_m2m"
    )
    cost = MultipleFilter(label=_("Cost"), choices=Programme.Cost.choices, field_name="cost", lookup_expr="in")
    quality = MultipleFilter(label=_("Meets quality criterion"), choices=Criterion.choices, method="filter_quality")
    provider = LookupFilter(
        label=_("Provider"), queryset=Provider.objects.all(), to_field_name="slug", method="filter_provider"
    )
    sort = SortFilter(label=_("Sort by"), choices=Sort.choices)  # applied last, in filter_queryset

    class Meta:
        model = Programme
        fields = []

    # --- filtering ---

    def filter_search(self, queryset, name, value):
        return search_programmes(queryset, value)

    def filter_m2m(self, queryset, name, value):
        # EXISTS instead of a join: no duplicate rows, so no DISTINCT over wide rows.
        field = Programme._meta.get_field(LOOKUP_FACETS[name][1])
        links = field.remote_field.through.objects.filter(
            **{field.m2m_field_name(): OuterRef("pk"), f"{field.m2m_reverse_field_name()}__in": value}
        )
        return queryset.filter(Exists(links))

    def filter_provider(self, queryset, name, value):
        return queryset.filter(provider__in=value)

    def filter_delivery(self, queryset, name, value):
        condition = Q()
        for mode in value:
            condition |= delivery_condition(mode)
        return queryset.filter(condition)

    def filter_quality(self, queryset, name, value):
        # AND, unlike the other facets: ticking effectiveness and safety never means "either will do".
        for criterion in value:
            meets = QualityAssessment.objects.filter(
                programme=OuterRef("pk"), criterion=criterion, verdict=Verdict.MEETS
            )
            queryset = queryset.filter(Exists(meets))
        return queryset

    def filter_queryset(self, queryset, *, skip=None, ordered=True):
        for name, value in self.cleaned.items():
            if name not in (skip, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by(*ORDERINGS[self.current_sort]) if ordered else queryset

    # --- state ---

    @cached_property
    def cleaned(self):
        self.form.is_valid()
        return self.form.cleaned_data

    @property
    def search_text(self) -> str:
        return self.cleaned.get("q") or ""

    @property
    def is_searching(self) -> bool:
        """True when the search text holds a word to search for (only punctuation searches nothing)."""
        return bool(search_terms(self.search_text))

    @property
    def current_sort(self) -> str:
        """The sort in effect: the one asked for if it applies, else relevance when searching, else name."""
        asked = self.cleaned.get("sort")
        if asked == Sort.RELEVANCE and not self.is_searching:
            asked = ""
        return asked or (Sort.RELEVANCE if self.is_searching else Sort.NAME)

    def sort_options(self):
        return [(value, label) for value, label in Sort.choices if value != Sort.RELEVANCE or self.is_searching]

    def _selected_values(self, name) -> list[str]:
        values = self.cleaned.get(name) or []
        return [obj.slug for obj in values] if name in LOOKUP_FACETS else list(values)

    @cached_property
    def state(self) -> QueryDict:
        """The canonical query string of what is in effect: bookmarkable, and what pagination links carry."""
        query = QueryDict(mutable=True)
        if self.search_text:
            query["q"] = self.search_text
        for name in FACET_ORDER:
            if values := self._selected_values(name):
                query.setlist(name, values)
        default = Sort.RELEVANCE if self.is_searching else Sort.NAME
        if self.current_sort != default:
            query["sort"] = self.current_sort
        return query

    def has_filters(self) -> bool:
        return any(key != "sort" for key in self.state)

    def active_filters(self) -> list[ActiveFilter]:
        active = []
        if self.search_text:
            active.append(ActiveFilter(str(_("Search")), f"“{self.search_text}”", self._query_without("q")))
        labels = self._option_labels()
        for name in FACET_ORDER:
            for value in self._selected_values(name):
                label = labels[name].get(value, value)
                active.append(ActiveFilter(str(self.filters[name].label), label, self._query_without(name, value)))
        return active

    def _query_without(self, name, value=None) -> str:
        query = self.state.copy()
        remaining = [item for item in query.getlist(name) if value is not None and item != value]
        if remaining:
            query.setlist(name, remaining)
        else:
            query.pop(name, None)
        return query.urlencode()

    def _option_labels(self) -> dict[str, dict[str, str]]:
        labels = {name: {obj.slug: str(obj) for obj in self.cleaned.get(name) or []} for name in LOOKUP_FACETS}
        labels["delivery"] = {value: str(label) for value, label in Delivery.choices}
        labels["cost"] = {value: str(label) for value, label in Programme.Cost.choices}
        labels["quality"] = {value: str(label) for value, label in Criterion.choices}
        return labels

    @property
    def notices(self) -> list[str]:
        """What we changed about the request, in words the visitor understands."""
        self.cleaned  # noqa: B018 - make sure the form is cleaned
        notices = []
        if self.form.fields["q"].was_cut:
            notices.append(
                _("Your search text was very long; we searched with its first %(count)d characters.")
                % {"count": Q_MAX_LENGTH}
            )
        ignored = [value for name in [*FACET_ORDER, "sort"] for value in self.form.fields[name].ignored]
        if ignored:
            shown = ", ".join(f"“{value[:40]}”" for value in ignored[:5])
            notices.append(_("We do not know these filter values and ignored them: %(values)s.") % {"values": shown})
        return notices

    # --- facet counts ---

    def _others(self, name) -> QuerySet:
        """Programmes matching every active filter except facet `name`, as a subquery of ids."""
        base = self.queryset.select_related(None).prefetch_related(None)
        return self.filter_queryset(base, skip=name, ordered=False).values("pk")

    def facets(self) -> list[Facet]:
        """Every facet with its options and counts: one aggregate query per facet, whatever the catalogue.

        An option's count is the number of results the visitor would get by adding that option, given the
        other facets as they are. Options that would give nothing are left out unless already chosen.
        """
        builders = {
            "delivery": self._delivery_facet,
            "cost": self._cost_facet,
            "quality": self._quality_facet,
        }
        facets = []
        for name in FACET_ORDER:
            facet = builders[name]() if name in builders else self._lookup_facet(name)
            if facet.options:
                facets.append(facet)
        return facets

    def _facet(self, name, rows, help_text=""):
        """rows: (value, label, count) in display order."""
        selected = set(self._selected_values(name))
        options = [
            FacetOption(value, str(label), count, value in selected)
            for value, label, count in rows
            if count or value in selected
        ]
        return Facet(name, str(self.filters[name].label), options, str(help_text))

    def _lookup_facet(self, name):
        model, _field = LOOKUP_FACETS[name]
        selected = self._selected_values(name)
        rows = (
            model.objects.annotate(matches=Count("programmes", filter=Q(programmes__in=self._others(name))))
            .filter(Q(matches__gt=0) | Q(slug__in=selected))
            .order_by(*model._meta.ordering)
            .values_list("slug", "name", "matches")
        )
        return self._facet(name, rows)

    def _delivery_facet(self):
        counts = self._aggregate_flags("delivery", {mode: delivery_condition(mode) for mode in Delivery.values})
        rows = [(value, label, counts[value]) for value, label in Delivery.choices]
        return self._facet("delivery", rows, _("A programme counts only where a source says it offers this."))

    def _cost_facet(self):
        counts = self._aggregate_flags("cost", {value: Q(cost=value) for value in Programme.Cost.values})
        return self._facet("cost", [(value, label, counts[value]) for value, label in Programme.Cost.choices])

    def _aggregate_flags(self, name, conditions: dict[str, Q]) -> dict[str, int]:
        programmes = Programme.objects.filter(pk__in=self._others(name))
        return programmes.aggregate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})

    def _quality_facet(self):
        # Quality is AND-ed, so an option's count is taken over the current results (its own facet included).
        meets = (
            QualityAssessment.objects.filter(programme__in=self._others(None), verdict=Verdict.MEETS)
            .order_by()
            .values("criterion")
            .annotate(matches=Count("pk"))
        )
        counts = {row["criterion"]: row["matches"] for row in meets}
        rows = [(value, label, counts.get(value, 0)) for value, label in Criterion.choices]
        return self._facet("quality", rows, _("Shows programmes that meet every criterion you tick."))
