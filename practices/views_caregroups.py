"""Care-group pages: the coordinator's overview under /zorggroep/<slug>/ (through practices.scoping.care_group_view)
and the practice's own page about its care groups under /praktijk/<slug>/zorggroepen/ (through practice_view)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from practices import care_group_sections, care_groups
from practices.audit import audit_record_many
from practices.forms import bootstrap
from practices.models import AuditEvent, Practice, agb_code_validator
from practices.permissions import Capability
from practices.reach import TARGET_PERCENT
from practices.scoping import care_group_view, joined_practice, practice_view


class CareGroupInviteForm(forms.Form):
    agb_code = forms.CharField(
        label=gettext_lazy("AGB code of the practice"),
        max_length=8,
        validators=[agb_code_validator],
        help_text=gettext_lazy("Exactly 8 digits. The practice's manager sees your invitation and decides."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap(self)


# The coordinator -----------------------------------------------------------------------------------------------


def _overview(request, form, status=200):
    """The overview: its practices, programmes, open invitations and empty invite form come rendered from the cache
    while nothing they show has changed (practices.care_group_cache); the coordinator check (care_group_view), the
    audit entries, the CSRF token and an invite form with errors are done on every visit."""
    care_group = request.care_group
    query = request.GET.get("q", "").strip()[: care_group_sections.SEARCH_MAX_LENGTH]
    number = request.GET.get("page", "")
    sections = care_group_sections.overview_sections(care_group, query, number)
    shown = sections.shown
    # Every practice shown is a view of that practice's data: one entry in each practice's own audit log.
    if shown.practice_ids:
        audit_record_many(
            practices=shown.practice_ids,
            user=request.user,
            action=AuditEvent.Action.VIEW,
            subject=care_groups.SUBJECT_OVERVIEW.format(name=care_group),
            path=request.path,
        )
    context = {
        "care_group": care_group,
        # Rendered from escaped values only (the templates and care_group_rows).
        "practices_html": mark_safe(shown.html),  # noqa: S308
        "programmes_html": mark_safe(sections.programmes_html),  # noqa: S308
        "invitations_html": mark_safe(sections.invitations_html),  # noqa: S308
        "invite_form_html": care_group_sections.invite_form_html(request, care_group, form, sections.invite_form_key),
        "rows": sections.rows,  # the rows read on this visit, None when the page came from the cache
        "page_obj": shown.page,
    }
    return render(request, "practices/care_groups/overview.html", context, status=status)


@care_group_view(audit_subject="care group overview")
@require_GET
def overview(request):
    return _overview(request, CareGroupInviteForm())


@care_group_view(audit_subject="care group practice")
@require_GET
def practice_detail(request, practice_slug):
    """One joined practice in more detail; a practice that never joined or has left is a 404 here."""
    care_group = request.care_group
    practice = joined_practice(care_group, practice_slug)  # its own query: the membership check is never cached
    audit_record_many(
        practices=[practice],
        user=request.user,
        action=AuditEvent.Action.VIEW,
        subject=care_groups.SUBJECT_PRACTICE.format(name=care_group),
        path=request.path,
    )
    (row,) = care_groups.overview_rows([practice])
    context = {
        "care_group": care_group,
        "practice": practice,
        "row": row,
        "year": timezone.localdate().year,
        "target_percent": TARGET_PERCENT,
        "courses": care_groups.course_counts(practice),
    }
    return render(request, "practices/care_groups/practice_detail.html", context)


@care_group_view(audit_subject="care group invite")
@require_POST
def invite(request):
    form = CareGroupInviteForm(request.POST)
    if not form.is_valid():
        return _overview(request, form, status=400)
    practice = Practice.objects.filter(agb_code=form.cleaned_data["agb_code"]).first()
    if practice is None:
        form.add_error("agb_code", _("No practice with this AGB code uses the toolkit yet."))
        return _overview(request, form, status=400)
    try:
        care_groups.care_group_invite(care_group=request.care_group, practice=practice, by=request.user)
    except care_groups.AlreadyJoined:
        messages.info(request, _("This practice has already joined."))
    except care_groups.InvitationAlreadyOpen:
        messages.info(request, _("This practice already has an open invitation."))
    else:
        messages.success(
            request,
            _("Invitation sent to the practice with AGB code %(agb)s. Its manager decides whether to join.")
            % {"agb": practice.agb_code},
        )
    return redirect("care_groups:overview", care_group_slug=request.care_group.slug)


# The practice -------------------------------------------------------------------------------------------------


@practice_view(audit_subject="care groups")
@require_GET
def practice_care_groups(request):
    context = {
        "practice": request.practice,
        "invitations": list(care_groups.open_invitations_for(request.practice)),
        "links": list(care_groups.links_of(request.practice)),
    }
    return render(request, "practices/care_groups/practice.html", context)


def _to_page(request):
    return redirect("practices:care_groups", practice_slug=request.practice.slug)


@practice_view(capability=Capability.MANAGE_TEAM)
@require_POST
def invitation_accept(request, care_group_invitation_id):
    invitation = get_object_or_404(care_groups.open_invitations_for(request.practice), pk=care_group_invitation_id)
    care_groups.care_group_accept(invitation=invitation, by=request.user)
    messages.success(request, _("Your practice has joined %(name)s.") % {"name": invitation.care_group.name})
    return _to_page(request)


@practice_view(capability=Capability.MANAGE_TEAM)
@require_POST
def invitation_decline(request, care_group_invitation_id):
    invitation = get_object_or_404(care_groups.open_invitations_for(request.practice), pk=care_group_invitation_id)
    care_groups.care_group_decline(invitation=invitation, by=request.user)
    messages.success(request, _("The invitation of %(name)s is declined.") % {"name": invitation.care_group.name})
    return _to_page(request)


@practice_view(capability=Capability.MANAGE_TEAM)
@require_http_methods(["POST"])
def leave(request, care_group_slug):
    link = get_object_or_404(care_groups.links_of(request.practice), care_group__slug=care_group_slug)
    care_groups.care_group_leave(link=link, by=request.user)
    messages.success(
        request,
        _("Your practice has left %(name)s. Its coordinators no longer see anything of your practice.")
        % {"name": link.care_group.name},
    )
    return _to_page(request)
