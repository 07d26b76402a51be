"""Forms of the account pages: a new account for someone accepting an invitation."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _


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
        self.fields["username"].help_text = _("You log in with this name. Letters, digits and @ . + - _ only.")

    def clean(self):
        cleaned = super().clean()
        # One account per address: whoever has one logs in with it, so the invitation joins that account.
        if get_user_model().objects.filter(email__iexact=self.instance.email).exists():
            raise forms.ValidationError(
                _(
                    "There is already an account for %(email)s. Log in with that account and open the link from "
                    "the e-mail again."
                ),
                params={"email": self.instance.email},
                code="address_has_account",
            )
        return cleaned
