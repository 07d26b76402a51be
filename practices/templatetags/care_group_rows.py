"""The coordinator's overview table rows and reach cells, written in Python (`{% care_group_rows rows care_group %}`,
`{% reach_cells reach %}`).

A page of 25 practices is 200 cells with lookups, conditions and translations; through the template engine they
took most of the page's time, as in the practice menu (practices.templatetags.plain_fields). The markup is what
the templates gave, escaped by format_html; counts go through practices.small_numbers.
"""

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from practices.small_numbers import small_number

register = template.Library()


def _reach_share(reach) -> str:
    if reach is not None and reach.share is not None:
        return f"{localize(reach.share)}%" + (" ✓" if reach.meets_target else "")
    if reach is None or not reach.months_recorded:
        return "–"
    if reach.expected is None:
        return _("no population profile")
    return _("fewer than 5 started")


@register.simple_tag
def reach_cells(reach) -> SafeString:
    """Started this year (from 5 on, else "< 5"; "not recorded" without counts) and the share of the expected,
    only from 5 started (practices.reach.PracticeReach.share)."""
    started = small_number(reach.started) if reach is not None and reach.months_recorded else _("not recorded")
    return format_html("<td>{}</td>\n<td>{}</td>", started, _reach_share(reach))


def _programme(item) -> str:
    if not item.needs_licence:
        return item.programme.name
    licence = _("paid licence, arranged") if item.licence_arranged else _("paid licence, not arranged yet")
    return f"{item.programme.name} ({licence})"


def _row(row, care_group) -> SafeString:
    roadmap = row.roadmap
    return format_html(
        '<tr>\n<th scope="row"><a href="{}">{}</a><span class="d-block small fw-normal">{}</span></th>\n'
        "<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n{}\n</tr>",
        reverse("care_groups:practice", args=[care_group.slug, row.practice.slug]),
        row.practice.name,
        row.practice.place,
        _("%(percent)s%% done") % {"percent": localize(roadmap.percent)},
        roadmap.next.item.label if roadmap.next else _("All steps done"),
        small_number(row.training.trained),
        small_number(row.training.certificates),
        "; ".join(_programme(item) for item in row.programmes) or "–",
        reach_cells(row.reach),
    )


@register.simple_tag
def care_group_rows(rows, care_group) -> SafeString:
    """The overview table's rows: practice (linked), roadmap, next step, training counts, programmes, reach."""
    return mark_safe("\n".join(_row(row, care_group) for row in rows))  # each row is escaped by format_html
