"""Forms of the account pages: a new account for someone accepting an invitation."""

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
