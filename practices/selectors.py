"""Reads about practices: a user's memberships, the current practice, members, invitations, the audit log."""

from django.db.models import QuerySet

from practices.models import AuditEvent, Invitation, Membership, Practice
from practices.scoping import CURRENT_PRACTICE_SESSION_KEY
from toolkit.practice_context import PracticeContext


def memberships_of(user) -> QuerySet[Membership]:
    """The user's memberships with their practices, in practice-name order (empty for anonymous visitors)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("practice").order_by("practice__name", "pk")


def current_membership(request) -> Membership | None:
    """The membership of the practice the user worked in last (remembered in the session).

    A user with exactly one practice needs no choice, so that one counts as current even before any visit.
    """
    memberships = list(memberships_of(request.user))
    slug = request.session.get(CURRENT_PRACTICE_SESSION_KEY) if hasattr(request, "session") else None
    for membership in memberships:
        if membership.practice.slug == slug:
            return membership
    return memberships[0] if len(memberships) == 1 else None


def practice_contact_line(practice: Practice) -> str:
    """ "De Linde, Utrecht — 030 123 4567": how the catalogue names the practice to a patient."""
    line = f"{practice.name}, {practice.place}"
    return f"{line} — {practice.phone}" if practice.phone else line


def _menu_programme_ids(practice: Practice) -> frozenset[int]:
    # The programme menu ("ons aanbod") is built on another branch; until that is merged the menu is empty.
    return frozenset()


def practice_context_for_request(request) -> PracticeContext | None:
    """settings.PRACTICE_CONTEXT_PROVIDER: what catalogue and training may know of the visitor's practice."""
    if not request.user.is_authenticated:
        return None
    # Several catalogue parts may ask during one request; work it out once.
    if not hasattr(request, "_practice_context"):
        membership = current_membership(request)
        if membership is None:
            request._practice_context = None
        else:
            practice = membership.practice
            request._practice_context = PracticeContext(
                name=practice.name,
                slug=practice.slug,
                contact_line=practice_contact_line(practice),
                programme_ids=_menu_programme_ids(practice),
                insurer_ids=frozenset(practice.insurers.values_list("pk", flat=True)),
            )
    return request._practice_context


def practice_members(practice: Practice) -> QuerySet[Membership]:
    return practice.memberships.select_related("user").order_by("user__last_name", "user__first_name", "pk")


def pending_invitations(practice: Practice) -> QuerySet[Invitation]:
    return practice.invitations.pending().select_related("invited_by").order_by("-created_at")


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("practice").filter(token_hash=Invitation.hash_token(token)).first()
    )


def audit_events_of(practice: Practice) -> QuerySet[AuditEvent]:
    """Newest first; the user name is stored on the event, so no join is needed."""
    return practice.audit_events.order_by("-at", "-id")
