"""CSV import and export of programmes (django-import-export): provider by name, lookups by slug.

A row is matched on `slug` (made from the name when left empty). Bad values give a row error naming the column
and the value, shown in the import preview, never a server error. `status` (and the withdrawal fields) are
exported but not imported: imported programmes start as drafts and go through the workflow and its publish gate
like any other, and a row cannot edit a public programme into something the gate would refuse.

Unknown is a value: a yes/no fact is exported as 1, 0 or "unknown", and an empty cell, "unknown" or "onbekend"
imports as unknown, never as no. The same goes for the choice columns that have an "unknown" choice (reading
level, approach, cost, CE/MDR class). A column that is left out of the file leaves the value as it is.
`internal_notes` travels with the curators' export: the file is for the editorial team only.
"""

import re

import tablib
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV

from catalog import services
from catalog.models import IcpcCode, Language, Programme, Provider, TargetGroup, Theme, Therapy
from toolkit.csv_safe import escape_row, unescape_cell

SEPARATOR = "|"


class SpreadsheetCSV(CSV):
    """CSV with commas, or with semicolons as a spreadsheet with Dutch settings writes it.

    Cells that a spreadsheet would run as a formula are exported as text (toolkit/csv_safe.py), and that
    escaping is undone on import, so an exported file imports unchanged.
    """

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes) and self.encoding:
            in_stream = in_stream.decode(self.encoding)
        header = in_stream.split("\n", 1)[0]
        if header.count(";") > header.count(","):
            kwargs.setdefault("delimiter", ";")
        dataset = super().create_dataset(in_stream, **kwargs)
        rows = [[unescape_cell(value) for value in row] for row in dataset]
        return tablib.Dataset(*rows, headers=dataset.headers)

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(*(escape_row(list(row)) for row in dataset), headers=dataset.headers)
        return super().export_data(safe, **kwargs)


class PlainDiff(resources.Diff):
    """The preview's change marks as bare <ins>/<del>: the coloured inline styles would break the CSP."""

    def as_html(self):
        # diff-match-patch has escaped the values already; only its style attributes are dropped.
        return [mark_safe(re.sub(r' style="[^"]*"', "", html)) for html in super().as_html()]


class ProviderByNameWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Provider, field="name")

    def clean(self, value, row=None, **kwargs):
        name = (value or "").strip()
        if not name:
            raise ValueError(_("Fill in the provider's name."))
        try:
            return self.model.objects.get(name__iexact=name)
        except Provider.DoesNotExist:
            raise ValueError(
                _("Unknown provider “%(name)s”: add the provider in the admin first, or check the spelling.")
                % {"name": name}
            ) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Like ManyToManyWidget, but an unknown value is an error instead of being dropped without a word."""

    def __init__(self, model, field="slug", *, required=False):
        super().__init__(model, separator=SEPARATOR, field=field)
        self.required = required

    def clean(self, value, row=None, **kwargs):
        wanted = [part.strip() for part in str(value or "").split(self.separator) if part.strip()]
        if not wanted and self.required:
            raise ValueError(_("Give at least one value, separated by “%(sep)s”.") % {"sep": self.separator})
        found = self.model.objects.filter(**{f"{self.field}__in": wanted})
        missing = sorted(set(wanted) - {str(getattr(obj, self.field)) for obj in found})
        if missing:
            raise ValueError(
                _("Unknown %(what)s: %(values)s.")
                % {"what": self.model._meta.verbose_name_plural, "values": ", ".join(missing)}
            )
        return found


# What a cell may say for "not known yet" (compared without case and surrounding spaces).
UNKNOWN_WORDS = {"", "unknown", "onbekend", "nog niet bekend", "?"}
UNKNOWN = "unknown"


def _is_unknown(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS)


class YesNoUnknownWidget(widgets.BooleanWidget):
    """1/0, true/false, yes/no or ja/nee; empty, "unknown" or "onbekend" is unknown (None); anything else an error."""

    TRUE_VALUES = ["1", "true", "yes", "ja"]
    FALSE_VALUES = ["0", "false", "no", "nee"]

    def clean(self, value, row=None, **kwargs):
        if _is_unknown(value):
            return None
        word = str(value).strip().lower()
        if word in self.TRUE_VALUES:
            return True
        if word in self.FALSE_VALUES:
            return False
        raise ValueError(
            _("“%(value)s” is not yes, no or unknown; use 1, 0 or unknown (an empty cell is unknown too).")
            % {"value": value}
        )

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return UNKNOWN
        return "1" if value else "0"


class ChoiceOrUnknownWidget(widgets.Widget):
    """A choice column whose field has an "unknown" choice: an empty cell or "onbekend" imports as unknown."""

    def clean(self, value, row=None, **kwargs):
        return UNKNOWN if _is_unknown(value) else str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return value or UNKNOWN


def _m2m(name, model, field="slug", *, required=False):
    return fields.Field(
        attribute=name, column_name=name, widget=StrictManyToManyWidget(model, field, required=required)
    )


class ProgrammeResource(resources.ModelResource):
    provider = fields.Field(attribute="provider", column_name="provider", widget=ProviderByNameWidget())
    themes = _m2m("themes", Theme, required=True)
    target_groups = _m2m("target_groups", TargetGroup)
    languages = _m2m("languages", Language, "code", required=True)
    therapies = _m2m("therapies", Therapy)
    icpc_codes = _m2m("icpc_codes", IcpcCode, "code")
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    withdrawn_on = fields.Field(
        attribute="withdrawn_on", column_name="withdrawn_on", readonly=True, widget=widgets.DateWidget()
    )
    withdrawn_reason = fields.Field(attribute="withdrawn_reason", column_name="withdrawn_reason", readonly=True)

    class Meta:
        model = Programme
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "provider",
            "status",
            "website",
            "summary",
            "description",
            "themes",
            "target_groups",
            "languages",
            "reading_level",
            "offers_self_help",
            "offers_guided",
            "offers_blended",
            "duration_weeks",
            "duration_note",
            "cost",
            "cost_note",
            "anonymous_use",
            "on_web",
            "on_ios",
            "on_android",
            "approach",
            "therapies",
            "suits_mild",
            "suits_moderate",
            "icpc_codes",
            "his_feedback",
            "available_after_treatment",
            "medical_device_class",
            "quality_marks",
            "last_reviewed",
            "next_review",
            "withdrawn_on",
            "withdrawn_reason",
            "internal_notes",
        ]
        export_order = fields
        # Model validation (choices, lengths, URLs, required fields) turns into row errors in the preview.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_diff_class(self):
        return PlainDiff

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if f.get_internal_type() == "BooleanField":
            return YesNoUnknownWidget
        if f.choices and UNKNOWN in dict(f.choices):
            return ChoiceOrUnknownWidget
        return super().widget_from_django_field(f, default)

    def before_import(self, dataset, **kwargs):
        if "slug" not in dataset.headers and "name" in dataset.headers:
            dataset.append_col([""] * len(dataset), header="slug")

    def before_import_row(self, row, **kwargs):
        if not (row.get("slug") or "").strip() and row.get("name"):
            row["slug"] = slugify(row["name"])[:200]

    def after_save_instance(self, instance, row, **kwargs):
        # Like a programme saved in the admin form, an imported one has its four criteria (as "unknown").
        services.programme_assessments_complete(programme=instance, by=kwargs.get("user"))

    def import_instance(self, instance, row, **kwargs):
        # The base class reads many-to-many columns only while saving, after validation, where an unknown slug
        # would surface as a bare exception; checking them here puts the message in the preview's row errors.
        errors = {}
        before = {name: getattr(instance, name) for name in services.GATED_FIELDS}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as exc:
                    errors[field.attribute] = [str(exc)]
        if instance.pk and instance.status in services.PUBLIC_STATUSES:
            # A row may not change a public programme into something the publish gate would have refused.
            after = {name: getattr(instance, name) for name in services.GATED_FIELDS}
            for name, message in services.field_blockers(after).items():
                if any(before[field] != after[field] for field in services.GATED_FIELD_GROUPS[name]):
                    errors.setdefault(name, []).append(message)
        if errors:
            raise ValidationError(errors)
