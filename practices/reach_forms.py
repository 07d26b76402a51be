"""The compact monthly reach form: one row of four counts per programme on the menu, for one open month."""

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.forms import bootstrap
from practices.models_reach import COUNT_FIELDS, MAX_MONTHLY_COUNT
from practices.reach import ReachLine

COUNT_LABELS = {
    "offered": _("offered"),
    "started": _("started"),
    "finished": _("finished"),
    "stopped": _("stopped"),
}


def month_param(value: str | None) -> date | None:
    """'2026-11' → 1 November 2026; anything else → None."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


class ReachMonthForm(forms.Form):
    """Four whole numbers per programme; finished and stopped are of those who started in the month."""

    def __init__(self, *args, lines: list[ReachLine], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            saved = line.saved
            for field in COUNT_FIELDS:
                if saved is not None:
                    initial = getattr(saved, field)
                else:
                    # Nothing saved yet: the keuzehulp's advice sheets are the suggested number offered.
                    initial = line.advice_sheets if field == "offered" else 0
                self.fields[self.field_name(line, field)] = forms.IntegerField(
                    label=format_lazy("{name}: {what}", name=line.programme.name, what=COUNT_LABELS[field]),
                    initial=initial,
                    validators=[
                        MinValueValidator(0, _("A count cannot be negative.")),
                        MaxValueValidator(
                            MAX_MONTHLY_COUNT,
                            format_lazy(_("More than {n} in a month is not plausible."), n=MAX_MONTHLY_COUNT),
                        ),
                    ],
                    error_messages={
                        "required": _("Give a number (0 if none)."),
                        "invalid": _("Give a whole number, such as 3."),
                    },
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 5}),
                )
        bootstrap(self)

    @staticmethod
    def field_name(line: ReachLine, field: str) -> str:
        return f"p{line.programme.pk}_{field}"

    def clean(self):
        cleaned = super().clean()
        for line in self.lines:
            values = {field: cleaned.get(self.field_name(line, field)) for field in COUNT_FIELDS}
            if None in values.values():
                continue
            if values["finished"] + values["stopped"] > values["started"]:
                self.add_error(
                    self.field_name(line, "finished"),
                    _("Finished and stopped together cannot be more than started this month."),
                )
        return cleaned

    def rows(self):
        """Per programme: the line (with the keuzehulp's count) and its four bound fields."""
        return [(line, [self[self.field_name(line, field)] for field in COUNT_FIELDS]) for line in self.lines]

    def counts(self) -> dict:
        return {
            line.programme: {field: self.cleaned_data[self.field_name(line, field)] for field in COUNT_FIELDS}
            for line in self.lines
        }
