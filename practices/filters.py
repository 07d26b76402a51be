"""The audit log's filters: who, what happened, which period; page views are hidden unless asked for."""

from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import AuditEvent
from practices.selectors import audit_events_of


def _start_of(day):
    """Midnight at the start of `day` in Dutch time, so the period follows the calendar the reader uses."""
    return timezone.make_aware(datetime.combine(day, time.min))


class AuditLogFilter(django_filters.FilterSet):
    who = django_filters.ChoiceFilter(field_name="username", label=_("Who"), empty_label=_("Everyone"))
    action = django_filters.ChoiceFilter(
        choices=AuditEvent.Action.choices, label=_("What happened"), empty_label=_("Everything")
    )
    since = django_filters.DateFilter(
        method="filter_since", label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = django_filters.DateFilter(
        method="filter_until", label=_("Up to and including"), widget=forms.DateInput(attrs={"type": "date"})
    )
    with_views = django_filters.BooleanFilter(
        method="filter_nothing", label=_("Also show pages viewed"), widget=forms.CheckboxInput
    )

    class Meta:
        model = AuditEvent
        fields = []

    def __init__(self, data, *, practice, **kwargs):
        # Always bound (an empty query is a valid filter), so the default of hiding page views applies.
        super().__init__(data, queryset=audit_events_of(practice), **kwargs)
        # Names from the log itself: someone whose account was removed can still be chosen.
        names = practice.audit_events.order_by("username").values_list("username", flat=True).distinct()
        self.filters["who"].extra["choices"] = [(name, name or "–") for name in names]

    def filter_since(self, queryset, name, value):
        # Bounds instead of a __date lookup, so the (practice, -at) index is used.
        return queryset.filter(at__gte=_start_of(value))

    def filter_until(self, queryset, name, value):
        return queryset.filter(at__lt=_start_of(value + timedelta(days=1)))

    def filter_nothing(self, queryset, name, value):
        return queryset  # read in filter_queryset, where it decides on the views

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.shows_views:
            return queryset
        return queryset.exclude(action=AuditEvent.Action.VIEW)

    @property
    def shows_views(self) -> bool:
        self.form.is_valid()  # validates; a field in error is left out of cleaned_data, the others still count
        data = self.form.cleaned_data
        return bool(data.get("with_views")) or data.get("action") == AuditEvent.Action.VIEW
