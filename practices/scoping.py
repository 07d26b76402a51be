"""The one place where a practice page finds its practice and checks that the visitor belongs to it.

Every view under /praktijk/<practice_slug>/ is wrapped in `practice_view`. It resolves the practice from the
URL through the visitor's own memberships, so a practice the visitor does not belong to is a 404 (a 403 would
confirm that it exists); a member whose role may not do this gets a 403. It sets `request.practice` and
`request.membership`, remembers the practice as the visitor's current one (in the session), and writes a
"view" event to the audit log for every page shown. A refusal (the 404 or 403 above, or one the view raises itself)
is written too, with the practice when one has that slug: NEN 7513 asks for refused attempts as well.

Put `practice_view` OUTERMOST, above `require_POST`/`require_GET`: then an outsider gets the 404 and an
anonymous visitor the log-in page whatever the method, and only members learn that a method is not allowed.
What each role may do is in practices.permissions; `capability` names what the view needs.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from practices.audit import audit_record, audit_refusal
from practices.models import AuditEvent, Membership, Practice
from practices.permissions import Capability, may

# The session key holding the slug of the practice the visitor worked in last (see practices.selectors).
CURRENT_PRACTICE_SESSION_KEY = "current_practice"


def membership_for(user, practice_slug: str) -> Membership:
    """The user's membership of the practice with this slug, or Http404."""
    if not user.is_authenticated:
        raise Http404
    membership = Membership.objects.select_related("practice").filter(user=user, practice__slug=practice_slug).first()
    if membership is None:
        raise Http404
    return membership


def practice_view(*, capability: Capability | None = None, audit_subject=None, log_view: bool = True):
    """Decorate a view taking `practice_slug`; `capability` limits it to members whose role has it.

    `log_view=False` is for a view that writes its own, more telling audit entry (the log's CSV download).
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, practice_slug, *args, **kwargs):
            try:
                return _checked(request, practice_slug, *args, **kwargs)
            except (Http404, PermissionDenied) as refusal:
                status = 404 if isinstance(refusal, Http404) else 403
                audit_refusal(
                    request=request,
                    action=AuditEvent.Action.REFUSED,
                    subject=f"{status} {audit_subject or view.__name__}",
                    practice=Practice.objects.filter(slug=practice_slug).first(),
                )
                raise

        def _checked(request, practice_slug, *args, **kwargs):
            membership = membership_for(request.user, practice_slug)
            if capability is not None and not may(membership, capability):
                raise PermissionDenied
            request.practice = membership.practice
            request.membership = membership
            session = getattr(request, "session", None)
            if session is not None and session.get(CURRENT_PRACTICE_SESSION_KEY) != practice_slug:
                session[CURRENT_PRACTICE_SESSION_KEY] = practice_slug
            response = view(request, *args, **kwargs)
            # Only a page actually shown is a view; a refused method (405) or a redirect is not.
            if log_view and request.method in ("GET", "HEAD") and response.status_code == 200:
                audit_record(
                    practice=membership.practice,
                    user=request.user,
                    action=AuditEvent.Action.VIEW,
                    subject=audit_subject or view.__name__,
                    path=request.path,
                )
            return response

        return wrapper

    return decorator


# Care groups -------------------------------------------------------------------------------------------------
# A coordinator's pages under /zorggroep/<care_group_slug>/ go through `care_group_view`: the care group is found
# through the visitor's own coordinator role (anyone else gets a 404), and what the coordinator may see of a
# practice is only ever read through `joined_practices`, so a practice that leaves is gone from every page at once.


def care_group_for(request, care_group_slug: str):
    """The care group with this slug if the visitor coordinates it, else Http404."""
    from practices.models_caregroups import CareGroup

    user = request.user
    if not user.is_authenticated:
        raise Http404
    care_group = CareGroup.objects.filter(slug=care_group_slug, coordinators__user=user).first()
    if care_group is None:
        raise Http404
    return care_group


def joined_practices(care_group):
    """The practices that joined the care group and have not left: the only practices a coordinator sees."""
    return Practice.objects.filter(care_group_links__care_group=care_group).order_by("name", "pk")


def joined_practice(care_group, practice_slug: str) -> Practice:
    """One joined practice by its slug, else Http404 (a practice that never joined or has left)."""
    practice = joined_practices(care_group).filter(slug=practice_slug).first()
    if practice is None:
        raise Http404
    return practice


def care_group_view(*, audit_subject: str):
    """Decorate a coordinator view taking `care_group_slug`; sets `request.care_group`. Refusals are logged.

    The view itself writes the "view" event in the log of each practice it shows (practices.audit_record_many).
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, care_group_slug, *args, **kwargs):
            try:
                request.care_group = care_group_for(request, care_group_slug)
                return view(request, *args, **kwargs)
            except (Http404, PermissionDenied) as refusal:
                status = 404 if isinstance(refusal, Http404) else 403
                audit_refusal(request=request, action=AuditEvent.Action.REFUSED, subject=f"{status} {audit_subject}")
                raise

        return wrapper

    return decorator
