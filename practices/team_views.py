"""The practice's team, settings and audit log. Every view goes through practices.scoping.practice_view."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from practices.audit import audit_record
from practices.audit_export import audit_csv_lines
from practices.audit_wording import audit_subject_label
from practices.filters import AuditLogFilter
from practices.forms import InvitationForm, MembershipRoleForm, PracticeSettingsForm
from practices.invitation_limits import invitation_rate_limited
from practices.models import AuditEvent, Practice, Role
from practices.permissions import Capability, may
from practices.scoping import practice_view
from practices.selectors import member_training, pending_invitations, practice_members
from practices.services import (
    InvitationPending,
    InvitationUnusable,
    LastManagerError,
    invitation_create,
    invitation_withdraw,
    membership_change_role,
    membership_remove,
    practice_update,
)

AUDIT_EVENTS_PER_PAGE = 50


def _to_members(request):
    return redirect("practices:members", practice_slug=request.practice.slug)


@practice_view(audit_subject="members")
@require_GET
def members(request):
    context = {
        "practice": request.practice,
        "members": practice_members(request.practice),
        "invitations": (
            pending_invitations(request.practice) if may(request.membership, Capability.MANAGE_TEAM) else []
        ),
        "roles": Role.choices,
    }
    return render(request, "practices/members.html", context)


@practice_view(capability=Capability.MANAGE_TEAM, audit_subject="invite a colleague")
@require_http_methods(["GET", "POST"])
def invite(request):
    form = InvitationForm(request.POST or None, practice=request.practice)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        pending = pending_invitations(request.practice).filter(email__iexact=email).first()
        if pending is None and invitation_rate_limited(request, email):
            form.add_error("email", _("Too many invitations in a short time. Please try again later."))
            status = 429
        else:
            try:
                invitation = invitation_create(
                    practice=request.practice,
                    email=email,
                    role=form.cleaned_data["role"],
                    invited_by=request.user,
                    site_url=request.build_absolute_uri("/"),
                )
            except InvitationPending as exc:
                _say_already_invited(request, exc.invitation)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s. The link in it works once, for %(days)d days.")
                    % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
                )
            return _to_members(request)
    return render(request, "practices/invite.html", {"practice": request.practice, "form": form}, status=status)


def _say_already_invited(request, invitation):
    messages.info(
        request,
        _(
            "%(email)s already has an open invitation (as %(role)s, valid until %(date)s); no second e-mail was "
            "sent. To change it, withdraw it and invite again."
        )
        % {
            "email": invitation.email,
            "role": invitation.get_role_display(),
            "date": date_format(timezone.localtime(invitation.expires_at), "j F Y"),
        },
    )


@practice_view(capability=Capability.MANAGE_TEAM)
@require_POST
def membership_role(request, membership_id):
    membership = get_object_or_404(practice_members(request.practice), pk=membership_id)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
        return _to_members(request)
    try:
        membership = membership_change_role(membership=membership, role=form.cleaned_data["role"], by=request.user)
    except LastManagerError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {
                "name": membership.user.get_full_name() or membership.user,
                "role": membership.get_role_display(),
            },
        )
    return _to_members(request)


@practice_view(capability=Capability.MANAGE_TEAM)
@require_POST
def membership_remove_view(request, membership_id):
    membership = get_object_or_404(practice_members(request.practice), pk=membership_id)
    try:
        membership_remove(membership=membership, by=request.user)
    except LastManagerError as exc:
        messages.error(request, exc.message)
        return _to_members(request)
    name = membership.user.get_full_name() or membership.user.get_username()
    messages.success(request, _("%(name)s is no longer a member of the practice.") % {"name": name})
    if membership.user == request.user:
        return redirect("practices:choose")
    return _to_members(request)


@practice_view(capability=Capability.MANAGE_TEAM)
@require_POST
def invitation_withdraw_view(request, invitation_id):
    invitation = get_object_or_404(request.practice.invitations.all(), pk=invitation_id)
    try:
        invitation_withdraw(invitation=invitation, by=request.user)
    except InvitationUnusable:
        messages.error(request, _("This invitation was already used, withdrawn or expired."))
    else:
        messages.success(request, _("The invitation for %(email)s is withdrawn.") % {"email": invitation.email})
    return _to_members(request)


@practice_view(capability=Capability.MANAGE_TEAM, audit_subject="practice settings")
@require_http_methods(["GET", "POST"])
def practice_settings(request):
    # A fresh copy: a form with errors must not leave its half-typed values on request.practice (the menu).
    practice = Practice.objects.get(pk=request.practice.pk)
    form = PracticeSettingsForm(request.POST or None, instance=practice)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.cleaned_data if name != "insurers"}
        changed = practice_update(
            practice=request.practice, by=request.user, values=values, insurers=form.cleaned_data["insurers"]
        )
        messages.success(request, _("The settings are saved.") if changed else _("Nothing was changed."))
        return redirect("practices:settings", practice_slug=request.practice.slug)
    return render(request, "practices/settings.html", {"practice": request.practice, "form": form})


@practice_view(capability=Capability.MANAGE_TEAM, audit_subject="audit log")
@require_GET
def audit_log(request):
    filterset = AuditLogFilter(request.GET, practice=request.practice)
    page = Paginator(filterset.qs, AUDIT_EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "practice": request.practice,
        "filterset": filterset,
        "page_obj": page,
        "events": [(event, audit_subject_label(event.subject)) for event in page],
        "query": query.urlencode(),  # the filters, kept by the page links and the download
    }
    return render(request, "practices/audit_log.html", context)


@practice_view(capability=Capability.MANAGE_TEAM, log_view=False)
@require_GET
def audit_log_export(request):
    """The filtered log as CSV. The download is itself logged, with the filters it used."""
    filterset = AuditLogFilter(request.GET, practice=request.practice)
    download = audit_record(
        practice=request.practice,
        user=request.user,
        action=AuditEvent.Action.EXPORT,
        subject="audit log export",
        path=request.get_full_path(),
    )
    # The rows are read while streaming, after the download's own entry was written: leave that one out.
    events = filterset.qs.exclude(pk=download.pk)
    response = StreamingHttpResponse(audit_csv_lines(events), content_type="text/csv; charset=utf-8")
    name = _("audit-log")
    filename = f"{name}-{request.practice.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@practice_view(capability=Capability.MANAGE_TEAM, audit_subject="training overview")
@require_GET
def training_overview(request):
    context = {"practice": request.practice, "rows": member_training(request.practice)}
    return render(request, "practices/training_overview.html", context)
