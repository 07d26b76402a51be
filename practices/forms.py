"""Forms for the practice's team and settings, and for accepting an invitation."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from practices.models import Practice, Role, agb_code_validator
from practices.services import PRACTICE_SETTING_FIELDS


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
            raise forms.ValidationError(
                _("Someone with this e-mail address is already a member of the practice.")
            )
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
            "care_group": _("The care group (zorggroep) the practice belongs to, if any."),
        }
        error_messages = {"agb_code": {"unique": _("Another practice already has this AGB code.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One clear message for every wrong AGB code, too long ones included (not "at most 8 characters").
        self.fields["agb_code"].validators = [agb_code_validator]
        self.fields["care_group"].queryset = Practice.objects.filter(kind=Practice.Kind.CARE_GROUP).exclude(
            pk=self.instance.pk
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Practice.Kind.CARE_GROUP and cleaned.get("care_group"):
            self.add_error("care_group", _("A care group cannot itself belong to a care group."))
        return cleaned


class InvitationSignupForm(UserCreationForm):
    """A new account for the invited e-mail address: a user name, a name and a password (checked twice)."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "last_name")

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        # The password checks compare against the e-mail address too (no password that looks like it).
        self.instance.email = email
        for name in ("first_name", "last_name"):
            self.fields[name].required = True
        self.fields["username"].help_text = _(
            "You log in with this name. Letters, digits and @ . + - _ only."
        )
