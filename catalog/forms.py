"""Forms of the catalogue's public pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.keuzehulp import (
    AgeGroup,
    AnswerOptions,
    Device,
    Guidance,
    Reading,
    RedFlag,
    Severity,
    language_name,
)
from catalog.plain_widgets import PlainCheckboxInput, PlainCheckboxSelectMultiple, PlainRadioSelect, PlainSelect


class KeuzehulpForm(forms.Form):
    """The keuzehulp's questions, sent by GET. Only renders: `Answers.from_query` reads what comes back.

    Field names are the query-string keys of catalog.keuzehulp, so a result URL can be shared or bookmarked.
    """

    theme = forms.ChoiceField(label=_("Main complaint"), required=False, widget=PlainSelect)
    severity = forms.ChoiceField(
        label=_("How severe"),
        required=False,
        choices=[("", _("Not specified")), *Severity.choices],
        widget=PlainRadioSelect,
    )
    flag = forms.MultipleChoiceField(
        label=_("Warning signs"), required=False, choices=RedFlag.choices, widget=PlainCheckboxSelectMultiple
    )
    age = forms.ChoiceField(
        label=_("Age group"), required=False, choices=[("", _("Any age")), *AgeGroup.choices], widget=PlainSelect
    )
    language = forms.ChoiceField(label=_("Language"), required=False, widget=PlainSelect)
    reading = forms.ChoiceField(
        label=_("Reading"),
        required=False,
        choices=[("", _("Reads without difficulty")), *Reading.choices],
        widget=PlainSelect,
    )
    guidance = forms.ChoiceField(
        label=_("Guidance"),
        required=False,
        choices=[("", _("No preference")), *Guidance.choices],
        widget=PlainSelect,
    )
    device = forms.ChoiceField(
        label=_("Device"), required=False, choices=[("", _("Any device")), *Device.choices], widget=PlainSelect
    )
    anonymous = forms.BooleanField(label=_("Wants to stay anonymous"), required=False, widget=PlainCheckboxInput)
    strength = forms.BooleanField(
        label=_("Prefers a strength-based approach"), required=False, widget=PlainCheckboxInput
    )

    def __init__(self, *args, options: AnswerOptions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Any complaint")), *options.themes.items()]
        languages = [(code, language_name(code, options)) for code in options.languages]
        self.fields["language"].choices = [("", _("Any language")), *languages]
        for field in self.fields.values():
            widget = field.widget
            is_check = isinstance(widget, forms.RadioSelect | forms.CheckboxInput)
            widget.attrs["class"] = "form-check-input" if is_check else "form-select"
