"""Every change to who belongs to a practice reaches its audit log, whatever made it.

The services and the practice admin write their own, more telling events; they run their membership writes inside
`audited_by_caller()`. Anything else — deleting a user in the admin (the memberships go with it), a membership
edited in its own admin or from the shell, a data load — is caught here, through the model's signals, so no path
can change a practice's members without a trace. The actor is the logged-in user of the current request
(simple_history's request middleware keeps it), or nobody for a command.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from simple_history.models import HistoricalRecords

from practices.audit import audit_record
from practices.models import AuditEvent, Membership, Practice

_audited_by_caller = ContextVar("membership_audited_by_caller", default=False)


@contextmanager
def audited_by_caller():
    """Membership writes in this block are audited by the caller itself; the signals stay silent."""
    token = _audited_by_caller.set(True)
    try:
        yield
    finally:
        _audited_by_caller.reset(token)


def _actor():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _is_deletion_of(origin, model) -> bool:
    if isinstance(origin, QuerySet):
        return origin.model is model
    return isinstance(origin, model)


def _remember_role(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._role_before = None
        return
    instance._role_before = Membership.objects.filter(pk=instance.pk).values_list("role", flat=True).first()


def _record_save(sender, instance, created, raw=False, **kwargs):
    if raw or _audited_by_caller.get():
        return
    username = instance.user.get_username()
    if created:
        action, subject = AuditEvent.Action.CREATE, f"membership: {username} as {instance.role}"
    else:
        before = getattr(instance, "_role_before", None)
        if before is None or before == instance.role:
            return
        action, subject = AuditEvent.Action.CHANGE, f"membership: role of {username}: {before} -> {instance.role}"
    audit_record(practice=instance.practice, user=_actor(), action=action, subject=subject)


def _record_delete(sender, instance, origin=None, **kwargs):
    if _audited_by_caller.get() or _is_deletion_of(origin, Practice):
        # A practice deleted as a whole takes its log with it (and may only go while it has none).
        return
    actor = _actor()
    subject = f"membership: {instance.user.get_username()} ({instance.role}) removed"
    if _is_deletion_of(origin, get_user_model()):
        subject += " with the account"
        if actor is not None and actor.pk == instance.user_id:
            actor = None  # the account is being deleted; the event may not point at it
    audit_record(practice=instance.practice, user=actor, action=AuditEvent.Action.DELETE, subject=subject)


def connect():
    pre_save.connect(_remember_role, sender=Membership, dispatch_uid="membership_audit_role")
    post_save.connect(_record_save, sender=Membership, dispatch_uid="membership_audit_save")
    post_delete.connect(_record_delete, sender=Membership, dispatch_uid="membership_audit_delete")
