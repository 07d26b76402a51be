"""Refused log-ins go to the audit log (NEN 7513): failed passwords and lock-outs, with the client's address.

Connected in AccountsConfig.ready. A wrong two-factor code is written by the admin's log-in form
(accounts/admin_site.py), which has the request at hand; django-otp's own signal has none.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from practices.audit import audit_refusal
from practices.models import AuditEvent


@receiver(user_login_failed, dispatch_uid="accounts.access_log.login_failed")
def log_failed_login(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    audit_refusal(
        request=request,
        action=AuditEvent.Action.LOGIN_FAILED,
        subject="log-in",
        username=str(credentials.get("username", "")),
    )


@receiver(user_locked_out, dispatch_uid="accounts.access_log.locked_out")
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    if request is None:
        return
    audit_refusal(request=request, action=AuditEvent.Action.LOCKED_OUT, subject="log-in", username=str(username or ""))
