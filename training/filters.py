"""Filters for the manuals index and the funding overview; their state lives in the query string."""

import django_filters
from django.utils.translation import gettext_lazy as _

from catalog.models import Resource
from training.models import Insurer, InsurerRule
from training.selectors import manual_programmes


class ResourceFilter(django_filters.FilterSet):
    programme = django_filters.ModelChoiceFilter(
        queryset=manual_programmes(),
        to_field_name="slug",
        label=_("Programme"),
        empty_label=_("All programmes"),
    )
    audience = django_filters.ChoiceFilter(
        choices=Resource.Audience.choices, label=_("For"), empty_label=_("Professionals and patients")
    )
    kind = django_filters.ChoiceFilter(choices=Resource.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))

    class Meta:
        model = Resource
        fields = ["programme", "audience", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs["class"] = "form-select"


class InsurerRuleFilter(django_filters.FilterSet):
    insurer = django_filters.ModelChoiceFilter(
        queryset=Insurer.objects.all(),
        to_field_name="slug",
        label=_("Health insurer"),
        empty_label=_("All insurers"),
    )

    class Meta:
        model = InsurerRule
        fields = ["insurer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["insurer"].widget.attrs["class"] = "form-select"
