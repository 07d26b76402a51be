"""The admin site: a password and a code from an authenticator app (TOTP) for every staff member."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.models import Device

from practices.audit import audit_refusal
from practices.models import AuditEvent

# Whatever was wrong (user name, password, code, no authenticator app, codes paused), the page says only this:
# a separate answer for a wrong code would tell someone guessing that the password was right.
REFUSED = _(
    "The user name, password or code is not right. After a few wrong codes, wait a minute before trying again. "
    "Without an authenticator app set up you cannot log in here: ask an administrator to set one up."
)


class TwoFactorAdminLoginForm(OTPAdminAuthenticationForm):
    """One form, one submit: user name, password and the current code from the authenticator app."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the six-digit code from your authenticator app."),
        "invalid_token": _("That code is not right. Enter the newest code your authenticator app shows."),
        "device_required": _("Choose the authenticator that gives you the code."),
        "verification_not_allowed": _("Checking codes is paused for this account. Try again in a minute."),
        "n_failed_attempts": ngettext_lazy(
            "Checking codes is paused after %(failure_count)d wrong code; try again in a minute.",
            "Checking codes is paused after %(failure_count)d wrong codes; try again in a minute.",
            "failure_count",
        ),
    }

    def clean(self):
        """Password and code are checked together; any failure gets the one message REFUSED."""
        try:
            AdminAuthenticationForm.clean(self)
        except forms.ValidationError:
            raise forms.ValidationError(REFUSED, code="refused") from None
        user = self.get_user()
        try:
            self.clean_otp(user)
        except forms.ValidationError as error:
            audit_refusal(
                request=self.request,
                action=AuditEvent.Action.OTP_FAILED,
                subject=f"admin log-in: {error.code or 'code'}",
                username=user.get_username(),
            )
            self.user_cache = None
            raise forms.ValidationError(REFUSED, code="refused") from None
        return self.cleaned_data

    def _update_form(self, user):
        # django-otp re-renders the password and lists the devices after a right password: both would tell that
        # the password was right. Staff have one device each (totp_enrol), so there is nothing to choose.
        pass

    def clean_otp(self, user):
        if user is not None and not any(devices_for_user(user)):
            # Without this a staff member without a device would only ever hear "enter the code".
            raise forms.ValidationError(
                _(
                    "Your account has no authenticator app set up yet, so it cannot open the admin. "
                    "Ask an administrator to set one up for you."
                ),
                code="no_device",
            )
        super().clean_otp(user)

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            # With exactly one device there is nothing to choose, and no other device to throttle.
            devices = list(devices_for_user(user))
            if len(devices) == 1:
                device = Device.from_persistent_id(devices[0].persistent_id, for_verify=True)
        return device


class TwoFactorAdminSite(OTPAdminSite):
    """Staff get in only when verified by a confirmed TOTP device (django-otp); everyone else is refused."""

    site_header = _("eMH toolkit – editorial office")
    site_title = _("eMH toolkit admin")
    index_title = _("Curate the toolkit")
    login_form = TwoFactorAdminLoginForm
    login_template = "accounts/admin_login.html"

    def __init__(self, name="admin"):
        # OTPAdminSite defaults to the name "otpadmin"; keep "admin" so every admin:… URL name still works.
        super().__init__(name)
