"""Account pages: the lock-out page (django-axes) and accepting an invitation to a practice."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.forms import InvitationSignupForm
from practices.selectors import invitation_for_token
from practices.services import (
    AlreadyMember,
    InvitationForOtherAddress,
    InvitationUnusable,
    invitation_accept,
    invitation_accept_new_user,
    same_address,
)


def locked_out(request, original_response=None, credentials=None):
    """settings.AXES_LOCKOUT_CALLABLE: says plainly until when logging in with this name is paused."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60),
        # Every try while locked starts the cool-off again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
        "retry_at": timezone.localtime(timezone.now() + cool_off),
    }
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def _unusable(request, state: str, status: int):
    return render(request, "accounts/invitation_unusable.html", {"state": state}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept_view(request, token):
    """The link from the invitation e-mail: works once, until it expires or the manager withdraws it."""
    invitation = invitation_for_token(token)
    if invitation is None:
        return _unusable(request, "unknown", 404)
    if invitation.state != "pending":
        return _unusable(request, invitation.state, 410)
    practice = invitation.practice

    if request.user.is_authenticated:
        already_member = practice.memberships.filter(user=request.user).exists()
        other_address = not already_member and not same_address(request.user.email, invitation.email)
        if request.method == "POST" and not already_member and not other_address:
            try:
                invitation_accept(invitation=invitation, user=request.user)
            except InvitationUnusable as exc:
                return _unusable(request, exc.state, 410)
            except (AlreadyMember, InvitationForOtherAddress):
                pass
            else:
                messages.success(request, _("Welcome to %(practice)s.") % {"practice": practice.name})
                return redirect(practice)
        context = {"invitation": invitation, "already_member": already_member, "other_address": other_address}
        status = 403 if other_address and request.method == "POST" else 200
        return render(request, "accounts/invitation_join.html", context, status=status)

    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            membership = invitation_accept_new_user(
                invitation=invitation,
                username=form.cleaned_data["username"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except InvitationUnusable as exc:
            return _unusable(request, exc.state, 410)
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is ready. Welcome to %(practice)s.") % {"practice": practice.name})
        return redirect(practice)
    return render(request, "accounts/invitation_signup.html", {"invitation": invitation, "form": form})
