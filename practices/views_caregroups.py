"""Care-group pages: the coordinator's overview under /zorggroep/<slug>/ (through practices.scoping.care_group_view)
and the practice's own page about its care groups under /praktijk/<slug>/zorggroepen/ (through practice_view)."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from practices import care_group_cache, care_groups
from practices.audit import audit_record_many
from practices.forms import bootstrap
from practices.models import AuditEvent, Practice, agb_code_validator
from practices.permissions import Capability
from practices.reach import TARGET_PERCENT
from practices.scoping import care_group_view, joined_practice, joined_practices, practice_view
from practices.templatetags.care_group_rows import care_group_rows


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


# A page of practices: each is a row, and a view in its own audit log; 25 keep the page quick at 500 practices.
PRACTICES_PER_PAGE = 25
SEARCH_MAX_LENGTH = 100


def _page_of(practices, number):
    """The page of practices as Paginator.get_page gives it, but with the total counted by the page's own query (a
    window count) instead of a query of its own; a page past the end or not a number goes the usual way."""
    paginator = Paginator(practices, PRACTICES_PER_PAGE)
    try:
        number = int(number or 1)
    except ValueError:
        return paginator.get_page(number)
    if number >= 1:
        bottom = (number - 1) * PRACTICES_PER_PAGE
        shown = list(practices.annotate(total=Window(Count("pk")))[bottom : bottom + PRACTICES_PER_PAGE])
        if shown:
            paginator.count = shown[0].total
            return Page(shown, number, paginator)
    return paginator.get_page(number)


@dataclass(frozen=True)
class _ShownPage:
    """A page of the overview as kept in the cache: the practices' ids (for the audit log), the page's number, the
    number of practices found and the practices section's HTML."""

    practice_ids: list[int]
    number: int
    count: int
    html: str

    @property
    def page(self) -> Page:
        return Page(self.practice_ids, self.number, Paginator(range(self.count), PRACTICES_PER_PAGE))


def _shown_page(care_group, key, query, number) -> tuple[_ShownPage, list | None]:
    """The page asked for, from the cache or read and rendered now (then with its rows, else None)."""
    shown = care_group_cache.kept(key)
    if shown is not None:
        return shown, None
    practices = joined_practices(care_group)
    if query:
        practices = practices.filter(name__icontains=query)
    page = _page_of(care_groups.overview_practices(practices), number)
    rows = care_groups.overview_rows(list(page))
    context = {
        "care_group": care_group,
        "rows_html": care_group_rows(rows, care_group),
        "year": timezone.localdate().year,
        "target_percent": TARGET_PERCENT,
        "page_obj": page,
        "query": query,
        "query_max_length": SEARCH_MAX_LENGTH,
    }
    html = render_to_string("practices/care_groups/overview_practices.html", context).strip()
    shown = _ShownPage([row.practice.pk for row in rows], page.number, page.paginator.count, html)
    care_group_cache.keep(key, shown)
    return shown, rows


def _section(key, template, context) -> str:
    """A section of the overview rendered from `context()`, kept in the cache under `key`."""
    html = care_group_cache.kept(key)
    if html is None:
        html = render_to_string(template, context()).strip()
        care_group_cache.keep(key, html)
    return html


def _overview(request, form, status=200):
    """The overview: its practices, programmes and open invitations come rendered from the cache while nothing
    they show has changed (practices.care_group_cache); the coordinator check (care_group_view), the audit entries
    and the invite form (with its errors and CSRF token) are done on every visit."""
    care_group = request.care_group
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    number = request.GET.get("page", "")
    page_key, programmes_key, invitations_key = care_group_cache.cache_keys(
        care_group, ("page", query, number), ("programmes",), ("invitations",)
    )
    shown, rows = _shown_page(care_group, page_key, query, number)
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
        # Both rendered from escaped values only (the templates and care_group_rows).
        "practices_html": mark_safe(shown.html),  # noqa: S308
        "programmes_html": mark_safe(  # noqa: S308
            _section(
                programmes_key,
                "practices/care_groups/overview_programmes.html",
                lambda: {"programmes": care_groups.programme_totals(care_group)},
            )
        ),
        "invitations_html": mark_safe(  # noqa: S308
            _section(
                invitations_key,
                "practices/care_groups/overview_invitations.html",
                lambda: {"invitations": list(care_groups.open_invitations_of(care_group))},
            )
        ),
        "rows": rows,  # the rows read on this visit, None when the page came from the cache
        "page_obj": shown.page,
        "form": form,
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
