"""The one audit call: every view and change of practice data goes through `audit_record`."""

from practices.models import AuditEvent


def audit_record(*, practice, user, action: str, subject: str, path: str = "") -> AuditEvent:
    return AuditEvent.objects.create(
        practice=practice,
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        action=action,
        subject=str(subject)[:200],
        path=path[:500],
    )
