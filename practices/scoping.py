"""The one place where a practice page finds its practice and checks that the visitor belongs to it.

Every view under /praktijk/<practice_slug>/ is wrapped in `practice_view`. It resolves the practice from the URL
through the visitor's own memberships, so a practice the visitor does not belong to is a 404 (a 403 would confirm
that it exists); a member whose role may not do this gets a 403. It sets `request.practice` and
`request.membership`, and writes a "view" event to the audit log for every page shown.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from practices.audit import audit_record
from practices.models import AuditEvent, Membership


def membership_for(user, practice_slug: str) -> Membership:
    """The user's membership of the practice with this slug, or Http404."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("practice").filter(user=user, practice__slug=practice_slug).first()
    )
    if membership is None:
        raise Http404
    return membership


def practice_view(*, roles=None, audit_subject=None):
    """Decorate a view taking `practice_slug`; `roles` limits it to members with one of those roles."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, practice_slug, *args, **kwargs):
            membership = membership_for(request.user, practice_slug)
            if roles is not None and membership.role not in roles:
                raise PermissionDenied
            request.practice = membership.practice
            request.membership = membership
            if request.method in ("GET", "HEAD"):
                audit_record(
                    practice=membership.practice,
                    user=request.user,
                    action=AuditEvent.Action.VIEW,
                    subject=audit_subject or view.__name__,
                    path=request.path,
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
