"""The API's programme filters: the overview's FilterSet, plus the one choice the overview does not offer (status).

The lookup filters (theme, target group, language, provider) read their slugs from a map kept per catalogue
revision instead of a query per filter: on a first visit of a filter combination those queries were a third of the
list's. The FilterSet's form class is built once (its fields depend only on the class; labels translate lazily).
"""

import copy

from django.conf import settings
from django.core.cache import cache
from django.db.models import TextChoices
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from catalog.filters import LenientModelMultipleChoiceField, LookupFilter, MultipleFilter, ProgrammeFilter
from catalog.lenient import bounded, split_known
from catalog.models import Language, Programme, Provider, TargetGroup, Theme
from catalog.overview_cache import catalogue_revision


class PublicStatus(TextChoices):
    PUBLISHED = Programme.Status.PUBLISHED.value, _("Published")
    WITHDRAWN = Programme.Status.WITHDRAWN.value, _("No longer offered")


# {model label: (cache key, {slug: object})}: the last map read per model, so a request does not unpickle it again.
_in_process: dict[str, tuple[str, dict]] = {}


def forget_lookup_objects() -> None:
    """Read the maps from the shared cache again (the tests' databases roll back; a token may come back)."""
    _in_process.clear()


def lookup_objects(model) -> dict | None:
    """{slug: object} of a lookup table (or the providers), kept per catalogue revision; None with the cache off."""
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    if not timeout:
        return None
    label = model._meta.label_lower
    key = f"catalog:api-slugs:{label}:{catalogue_revision()}"
    kept = _in_process.get(label)
    if kept is not None and kept[0] == key:
        return kept[1]
    found = cache.get(key)
    if found is None:
        found = {obj.slug: obj for obj in model.objects.all()}
        cache.set(key, found, timeout)
    _in_process[label] = (key, found)
    return found


class KeptLookupField(LenientModelMultipleChoiceField):
    """LenientModelMultipleChoiceField reading the slugs from lookup_objects (with the cache off: a query)."""

    def clean(self, value):
        if not value:
            self.ignored = []
            return []
        found = lookup_objects(self.queryset.model) if self.to_field_name == "slug" else None
        if found is None:
            return super().clean(value)
        known, self.ignored = split_known(bounded(value), found.__contains__)
        return [found[item] for item in known]


class KeptLookupFilter(LookupFilter):
    field_class = KeptLookupField


class ApiProgrammeFilter(ProgrammeFilter):
    """Every overview parameter with the same name and meaning; without `status` the list is the overview's."""

    theme = KeptLookupFilter(label=_("Theme"), queryset=Theme.objects.all(), to_field_name="slug", method="filter_m2m")
    target_group = KeptLookupFilter(
        label=_("Target group"), queryset=TargetGroup.objects.all(), to_field_name="slug", method="filter_m2m"
    )
    language = KeptLookupFilter(
        label=_("Language"), queryset=Language.objects.all(), to_field_name="slug", method="filter_m2m"
    )
    provider = KeptLookupFilter(
        label=_("Provider"), queryset=Provider.objects.all(), to_field_name="slug", method="filter_provider"
    )
    status = MultipleFilter(
        label=_("Status"),
        choices=PublicStatus.choices,
        method="filter_status",
        help_text=_("published (the default, as on the overview) and/or withdrawn (no longer offered)."),
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # FilterSet.__init__ deep-copies every filter (their querysets, choices and labels) for each request, a
        # fifth of an answer from the index. A filter keeps no state of a request but its model and parent: a
        # shallow copy does, with a filter method bound again to the copy (setting `method` binds it).
        # Otherwise as django-filter's BaseFilterSet.__init__.
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, base in self.base_filters.items():
            filter_ = self.filters[name] = copy.copy(base)
            if filter_.method is not None:
                filter_.method = filter_.method
            filter_.model = self.queryset.model
            filter_.parent = self

    def filter_status(self, queryset, name, value):
        return queryset  # applied in filter_queryset, which also knows the default

    def filter_queryset(self, queryset):
        statuses = self.cleaned.get("status") or [PublicStatus.PUBLISHED]
        return super().filter_queryset(queryset.filter(status__in=statuses))

    def get_form_class(self):
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            type(self)._form_class = form_class
        return form_class
