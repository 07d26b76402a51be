"""Forms of the practice workspace: team, settings and invitations, and the three steps."""

import re
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.formats import get_format, number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from catalog.models import Language, Programme
from practices.models import (
    SHARE_FIELDS,
    TASK_HELP,
    MenuItem,
    PopulationProfile,
    Practice,
    Role,
    Task,
    TaskSplit,
    Weekday,
    agb_code_validator,
)
from practices.services import PRACTICE_SETTING_FIELDS
from practices.task_split import TaskParts, task_split_problems
from practices.vision import VISION_SECTIONS


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of your colleague"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role in the practice"), choices=Role.choices)

    def __init__(self, *args, practice: Practice, **kwargs):
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.practice.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this e-mail address is already a member of the practice."))
        return email


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class PracticeSettingsForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = [*PRACTICE_SETTING_FIELDS, "insurers"]
        widgets = {
            "insurers": forms.CheckboxSelectMultiple,
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "agb_code": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "agb_code": _("The practice's AGB code from Vektis: exactly 8 digits."),
            "phone": _("Shown to patients on the practice's patient page."),
            "website": _("Shown to patients on the practice's patient page."),
        }
        error_messages = {"agb_code": {"unique": _("Another practice already has this AGB code.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One clear message for every wrong AGB code, too long ones included (not "at most 8 characters").
        self.fields["agb_code"].validators = [agb_code_validator]


def bootstrap(form: forms.BaseForm) -> None:
    """Give every widget its Bootstrap class; errors are styled through aria-invalid in practices.css."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect, forms.CheckboxInput)):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs["class"] = css


# Vision -----------------------------------------------------------------------------------------------------


class VisionForm(forms.Form):
    """One text area per section, plus the revision the form was opened at (for conflict detection)."""

    # A form without a (valid) revision counts as opened before anything was saved: at worst a conflict page.
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_base_revision(self):
        return max(self.cleaned_data.get("base_revision") or 0, 0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in VISION_SECTIONS:
            self.fields[section.key] = forms.CharField(
                label=section.title,
                help_text=section.guidance,
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
        bootstrap(self)

    def sections(self) -> dict[str, str]:
        return {section.key: self.cleaned_data.get(section.key, "") for section in VISION_SECTIONS}

    def section_fields(self):
        return [self[section.key] for section in VISION_SECTIONS]


class VisionAdoptForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# Task split -------------------------------------------------------------------------------------------------


class ResponsibleRadioSelect(forms.RadioSelect):
    """Radio buttons that report every value posted, so a forged second 'responsible' is seen, not dropped."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)


class ResponsibleField(forms.Field):
    widget = ResponsibleRadioSelect

    def __init__(self, *, choices, **kwargs):
        super().__init__(required=False, **kwargs)
        self.choices = list(choices)
        self.widget.choices = self.choices

    def to_python(self, value):
        if value in (None, ""):
            return ()
        values = value if isinstance(value, (list, tuple)) else [value]
        return tuple(str(item) for item in values if item not in (None, ""))


class TaskSplitForm(forms.Form):
    """The matrix: per task one responsible role (radio buttons) and any supporting roles (checkboxes)."""

    feedback_day = forms.TypedChoiceField(label=_("Day"), choices=Weekday.choices, coerce=int)
    feedback_minutes = forms.IntegerField(
        label=_("Minutes"),
        validators=[
            MinValueValidator(5, _("Plan at least 5 minutes.")),
            MaxValueValidator(480, _("A block of more than 8 hours (480 minutes) is not a block.")),
        ],
        help_text=_("For example 60 minutes every Tuesday for reading and answering what patients did."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for task in Task:
            self.fields[f"responsible_{task.value}"] = ResponsibleField(
                label=format_lazy(_("Responsible for “{task}”"), task=task.label), choices=Role.choices
            )
            self.fields[f"supporting_{task.value}"] = forms.MultipleChoiceField(
                label=format_lazy(_("Supporting “{task}”"), task=task.label),
                choices=Role.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        bootstrap(self)

    @classmethod
    def initial_from(cls, parts: dict[str, TaskParts], split: TaskSplit | None) -> dict:
        initial = {}
        for task, task_parts in parts.items():
            initial[f"responsible_{task}"] = list(task_parts.responsible)
            initial[f"supporting_{task}"] = list(task_parts.supporting)
        if split is not None:
            initial.update(feedback_day=split.feedback_day, feedback_minutes=split.feedback_minutes)
        return initial

    def parts(self) -> dict[str, TaskParts]:
        data = self.cleaned_data
        return {
            task: TaskParts(tuple(data.get(f"responsible_{task}", ())), tuple(data.get(f"supporting_{task}", ())))
            for task in Task.values
        }

    def clean(self):
        cleaned = super().clean()
        for task, messages in task_split_problems(self.parts()).items():
            for message in messages:
                # The message sits with the task's responsible radios, where the fix is made.
                self.add_error(f"responsible_{task}", message)
        return cleaned

    def rows(self):
        """Per task: its label, help text and the two bound fields (errors sit on the responsible field)."""
        return [
            {
                "task": task,
                "help": TASK_HELP[task],
                "responsible": self[f"responsible_{task.value}"],
                "supporting": self[f"supporting_{task.value}"],
            }
            for task in Task
        ]


# Population -------------------------------------------------------------------------------------------------

# A share typed with a point and one or two decimals ("61.5") means a decimal, not thousands: no share reaches 1000.
_DECIMAL_POINT_SHARE = re.compile(r"^\s*(\d{1,3})\.(\d{1,2})\s*%?\s*$")


def localize_number_field(field: forms.Field, *, inputmode: str) -> None:
    """Read and show the number the Dutch way ("3.844", "61,5"); a text box, since a number box refuses a comma."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": inputmode, "autocomplete": "off"})
    field.widget.is_localized = True


def forgiving_share(value):
    """What people type for a percentage: "61,5", "61.5", "61,5 %" all mean 61.5."""
    if isinstance(value, str):
        value = value.strip().removesuffix("%").strip()
        match = _DECIMAL_POINT_SHARE.match(value)
        if match:
            value = f"{match.group(1)},{match.group(2)}" if get_format("DECIMAL_SEPARATOR") == "," else value
    return value


class ShareField(forms.DecimalField):
    """A percentage of the practice's patients, typed with a decimal comma (a decimal point is understood too)."""

    def to_python(self, value):
        return super().to_python(forgiving_share(value))


SHARE_VALIDATORS = [
    MinValueValidator(Decimal(0), _("A share cannot be negative.")),
    MaxValueValidator(Decimal(100), _("A share cannot be more than 100%%.")),
]


class PopulationForm(forms.ModelForm):
    languages = forms.ModelMultipleChoiceField(
        label=_("Main languages spoken"),
        queryset=Language.objects.order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )

    class Meta:
        model = PopulationProfile
        fields = ["registered_patients", *SHARE_FIELDS, "languages"]
        field_classes = dict.fromkeys(SHARE_FIELDS, ShareField)
        error_messages = {
            "registered_patients": {"required": _("Give the number of registered patients.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        patients = self.fields["registered_patients"]
        patients.validators += [
            MinValueValidator(1, _("A practice has at least one registered patient.")),
            MaxValueValidator(1_000_000, _("That is more patients than any practice or care group has.")),
        ]
        localize_number_field(patients, inputmode="numeric")
        for name in SHARE_FIELDS:
            field = self.fields[name]
            field.validators += SHARE_VALIDATORS
            localize_number_field(field, inputmode="decimal")
            field.error_messages["required"] = _("Give a percentage (0 if none).")
            field.error_messages["invalid"] = _("Give a number, such as 61,5.")
        bootstrap(self)

    def clean(self):
        cleaned = super().clean()
        bands = [cleaned.get(name) for name in ("share_0_17", "share_18_64", "share_65_plus")]
        if all(band is not None for band in bands):
            total = sum(bands)
            if abs(total - 100) > PopulationProfile.ROUNDING_MARGIN:
                message = format_lazy(
                    _("The three age groups together make {total}%; they should add up to 100%."),
                    total=number_format(total),
                )
                for name in ("share_0_17", "share_18_64", "share_65_plus"):
                    self.add_error(name, message)
        return cleaned


# Programme menu ---------------------------------------------------------------------------------------------


class MenuAddForm(forms.Form):
    # A hidden id: the page offers programmes through its suggestions and a name search (ProgrammeSearchForm),
    # never as a list of the whole catalogue, which weighed hundreds of kilobytes at thousands of programmes.
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Choose a published programme that is not on your menu yet.")},
    )

    def __init__(self, *args, practice, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = (
            Programme.objects.published().exclude(menu_items__practice=practice).order_by("name")
        )
        bootstrap(self)


class ProgrammeSearchForm(forms.Form):
    q = forms.CharField(label=_("Name of the programme"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


class MenuItemForm(forms.ModelForm):
    class Meta:
        model = MenuItem
        fields = ["guided_by", "licence_arranged", "note", "position"]
        widgets = {"position": forms.NumberInput(attrs={"min": 1, "max": 99})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guided_by"].choices = [("", _("Nobody (self-help)")), *Role.choices]
        self.fields["position"].validators.append(MaxValueValidator(99))
        bootstrap(self)


# Examples from practice --------------------------------------------------------------------------------------


class ExampleShareForm(forms.Form):
    show_name = forms.TypedChoiceField(
        label=_("How other practices see where the example comes from"),
        choices=[
            ("no", _("Anonymously: without the practice's name or place")),
            ("yes", _("With the practice's name and place")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        error_messages={"required": _("Choose whether the practice's name is shown.")},
    )


class DraftFromExampleForm(forms.Form):
    # The revision of the practice's own vision when the example page was opened (0: none yet).
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
