"""The API's programme filters: the overview's FilterSet, plus the one choice the overview does not offer (status)."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from catalog.filters import MultipleFilter, ProgrammeFilter
from catalog.models import Programme


class PublicStatus(TextChoices):
    PUBLISHED = Programme.Status.PUBLISHED.value, _("Published")
    WITHDRAWN = Programme.Status.WITHDRAWN.value, _("No longer offered")


class ApiProgrammeFilter(ProgrammeFilter):
    """Every overview parameter with the same name and meaning; without `status` the list is the overview's."""

    status = MultipleFilter(
        label=_("Status"),
        choices=PublicStatus.choices,
        method="filter_status",
        help_text=_("published (the default, as on the overview) and/or withdrawn (no longer offered)."),
    )

    def filter_status(self, queryset, name, value):
        return queryset  # applied in filter_queryset, which also knows the default

    def filter_queryset(self, queryset):
        statuses = self.cleaned.get("status") or [PublicStatus.PUBLISHED]
        return super().filter_queryset(queryset.filter(status__in=statuses))
