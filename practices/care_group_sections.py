"""The coordinator's overview in sections kept rendered (practices.care_group_cache says when they change): the
page of practices (per page and search), the programmes in use, the open invitations and the empty invite form
(with a placeholder for the CSRF token). The view (practices.views_caregroups) does on every visit what is never
kept: the coordinator check, the audit entries, and the invite form when it holds the coordinator's input."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from practices import care_group_cache, care_groups
from practices.kept_forms import CSRF_PLACEHOLDER, with_csrf_token
from practices.reach import TARGET_PERCENT
from practices.scoping import joined_practices
from practices.templatetags.care_group_rows import care_group_rows

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
class ShownPage:
    """A page of the overview as kept in the cache: the practices' ids (for the audit log), the page's number, the
    number of practices found and the practices section's HTML."""

    practice_ids: list[int]
    number: int
    count: int
    html: str

    @property
    def page(self) -> Page:
        return Page(self.practice_ids, self.number, Paginator(range(self.count), PRACTICES_PER_PAGE))


@dataclass(frozen=True)
class OverviewSections:
    """The overview's kept parts: the page of practices, with its rows when they were read on this visit (None when
    it came from the cache), and the programmes and open invitations as HTML."""

    shown: ShownPage
    rows: list | None
    programmes_html: str
    invitations_html: str
    invite_form_key: str


def overview_sections(care_group, query, number) -> OverviewSections:
    """Each part from the cache, or read and rendered now and kept; the keys are made once (they read the
    catalogue revision)."""
    page_key, programmes_key, invitations_key, invite_form_key = care_group_cache.cache_keys(
        care_group, ("page", query, number), ("programmes",), ("invitations",), ("invite-form",)
    )
    shown, rows = _practices_section(care_group, page_key, query, number)
    programmes = _section(
        programmes_key,
        "practices/care_groups/overview_programmes.html",
        lambda: {"programmes": care_groups.programme_totals(care_group)},
    )
    invitations = _section(
        invitations_key,
        "practices/care_groups/overview_invitations.html",
        lambda: {"invitations": list(care_groups.open_invitations_of(care_group))},
    )
    return OverviewSections(shown, rows, programmes, invitations, invite_form_key)


INVITE_FORM_TEMPLATE = "practices/care_groups/overview_invite_form.html"


def invite_form_html(request, care_group, form, key) -> str:
    """The invite form with this visitor's CSRF token. Empty, it is the same for every coordinator of the group in a
    language, so it is kept (its rendering, error summary and field included, was a tenth of a kept visit); with
    the coordinator's input and its errors it is rendered for this request only."""
    if form.is_bound:
        context = {"care_group": care_group, "form": form, "csrf_token": get_token(request)}
        return mark_safe(render_to_string(INVITE_FORM_TEMPLATE, context))  # noqa: S308 - rendered by a template
    html = _section(
        key, INVITE_FORM_TEMPLATE, lambda: {"care_group": care_group, "form": form, "csrf_token": CSRF_PLACEHOLDER}
    )
    return with_csrf_token(request, html)


def _practices_section(care_group, key, query, number) -> tuple[ShownPage, list | None]:
    """The page of practices asked for, from the cache or read and rendered now (then with its rows, else None)."""
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
    shown = ShownPage([row.practice.pk for row in rows], page.number, page.paginator.count, html)
    care_group_cache.keep(key, shown)
    return shown, rows


def _section(key, template, context) -> str:
    """A section of the overview rendered from `context()`, kept in the cache under `key`."""
    html = care_group_cache.kept(key)
    if html is None:
        html = render_to_string(template, context()).strip()
        care_group_cache.keep(key, html)
    return html
