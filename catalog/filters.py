"""The overview's filters (django-filter): which published programmes match, in which order, and what was ignored.

The number of programmes next to each filter option and the canonical query string live in catalog/facets.py; the
lenient reading of values (keep what we know, report the rest) in catalog/lenient.py.
"""

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, TextChoices
from django.utils.translation import gettext_lazy as _

from catalog.facets import LOOKUP_FACETS, Delivery, active_filters, cached_facets, canonical_query, delivery_condition
from catalog.lenient import MAX_VALUE_LENGTH, bounded, one_of, split_known
from catalog.models import Criterion, Language, Programme, Provider, QualityAssessment, TargetGroup, Theme, Verdict
from catalog.search import search_programmes, search_terms

# Long enough for any real question, short enough that a pasted essay cannot make the query expensive.
Q_MAX_LENGTH = 100


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


class SearchField(forms.CharField):
    """Free text, cut to Q_MAX_LENGTH characters; `was_cut` tells the page to say so."""

    was_cut = False

    def to_python(self, value):
        value = super().to_python(value).replace("\x00", "")  # PostgreSQL text cannot hold NUL
        self.was_cut = len(value) > Q_MAX_LENGTH
        return value[:Q_MAX_LENGTH].strip()


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and sets the rest aside in `ignored`: a stale bookmark breaks nothing."""

    ignored = ()

    def clean(self, value):
        known, self.ignored = split_known(bounded(value), self.valid_value)
        return known


class LenientModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Like LenientMultipleChoiceField for lookup tables: returns the known objects in the order asked for."""

    ignored = ()

    def clean(self, value):
        values = bounded(value)
        key = self.to_field_name
        found = {getattr(obj, key): obj for obj in self.queryset.filter(**{f"{key}__in": values})} if values else {}
        known, self.ignored = split_known(values, found.__contains__)
        return [found[item] for item in known]


class LenientChoiceField(forms.ChoiceField):
    ignored = ()

    def clean(self, value):
        value = self.to_python(value)[:MAX_VALUE_LENGTH]
        known = one_of(value, {choice for choice, _label in self.choices})
        self.ignored = [value] if value and not known else []
        return known


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class MultipleFilter(django_filters.Filter):
    field_class = LenientMultipleChoiceField


class LookupFilter(django_filters.Filter):
    field_class = LenientModelMultipleChoiceField


class SortFilter(django_filters.Filter):
    """Read like any filter; the order itself is applied last, in ProgrammeFilter.filter_queryset."""

    field_class = LenientChoiceField

    def filter(self, qs, value):
        return qs


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

    def filter_queryset(self, queryset):
        """django-filter's hook: every filter as the form cleaned it, then the order in effect."""
        return super().filter_queryset(queryset).order_by(*ORDERINGS[self.current_sort])

    # --- what the visitor asked for, as read ---

    @cached_property
    def cleaned(self) -> dict:
        """The values as the lenient fields kept them (they never fail: unknown values are set aside)."""
        self.is_valid()
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

    @property
    def default_sort(self) -> str:
        return Sort.RELEVANCE if self.is_searching else Sort.NAME

    def sort_options(self):
        return [(value, label) for value, label in Sort.choices if value != Sort.RELEVANCE or self.is_searching]

    def selected_values(self, name) -> list[str]:
        """The values of one filter in effect, as they appear in the URL (slugs for lookups)."""
        values = self.cleaned.get(name) or []
        return [obj.slug for obj in values] if name in LOOKUP_FACETS else list(values)

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
        ignored = [value for name, field in self.form.fields.items() if name != "q" for value in field.ignored]
        if ignored:
            shown = ", ".join(f"“{value[:40]}”" for value in ignored[:5])
            notices.append(_("We do not know these filter values and ignored them: %(values)s.") % {"values": shown})
        return notices

    # --- the overview's URL state and facet counts (catalog/facets.py), for the view and the template ---

    @cached_property
    def state(self):
        """The canonical query string of what is in effect (see catalog.facets.canonical_query)."""
        return canonical_query(self)

    def has_filters(self) -> bool:
        return any(key != "sort" for key in self.state)

    def active_filters(self):
        return active_filters(self)

    @cached_property
    def _counted(self):
        return cached_facets(self)

    def facets(self):
        return self._counted.facets

    def result_count(self) -> int:
        """The number of results, counted by the facets' query (so not counted again)."""
        return self._counted.total
