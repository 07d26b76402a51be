"""The coordinator's overview table rows and reach cells, written in Python (`{% care_group_rows rows care_group %}`,
`{% reach_cells reach %}`).

A page of 25 practices is 200 cells with lookups, conditions and translations; through the template engine they
took most of the page's time, as in the practice menu (practices.templatetags.plain_fields). The markup is what
the templates gave: every value escaped, counts through practices.small_numbers. The words are translated once
per table, the practice link reversed once (a slug needs no quoting in a path).
"""

import html
from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from practices.small_numbers import small_number

register = template.Library()

_SLUG_PLACEHOLDER = "practice-slug-placeholder"


def escape(value) -> str:
    """What django.utils.html.escape does (html.escape of str()), without its lazy-string wrapper per call."""
    return html.escape(str(value))


@dataclass(frozen=True)
class _Words:
    """The table's fixed texts in the active language, escaped."""

    done: str
    all_done: str
    arranged: str
    not_arranged: str
    not_recorded: str
    no_profile: str
    fewer_than_5: str

    @classmethod
    def now(cls) -> "_Words":
        return cls(
            *(
                escape(text)
                for text in (
                    _("%(percent)s%% done"),
                    _("All steps done"),
                    _("paid licence, arranged"),
                    _("paid licence, not arranged yet"),
                    _("not recorded"),
                    _("no population profile"),
                    _("fewer than 5 started"),
                )
            )
        )


def _reach_cells(reach, words: _Words) -> str:
    """Started this year (from 5 on, else "< 5"; "not recorded" without counts) and the share of the expected, only
    from 5 started (practices.reach.PracticeReach.share)."""
    recorded = reach is not None and reach.months_recorded
    share = reach.share if reach is not None else None
    if share is not None:
        shown = escape(f"{localize(share)}%" + (" ✓" if reach.meets_target else ""))
    elif not recorded:
        shown = "–"
    elif reach.expected is None:
        shown = words.no_profile
    else:
        shown = words.fewer_than_5
    started = escape(small_number(reach.started)) if recorded else words.not_recorded
    return f"<td>{started}</td>\n<td>{shown}</td>"


@register.simple_tag
def reach_cells(reach) -> SafeString:
    return mark_safe(_reach_cells(reach, _Words.now()))  # every value escaped in _reach_cells


def _programme(item, words: _Words) -> str:
    name = escape(item.name)
    if not item.needs_licence:
        return name
    return f"{name} ({words.arranged if item.licence_arranged else words.not_arranged})"


def _row(row, words: _Words, url: str) -> str:
    roadmap = row.roadmap
    practice = row.practice
    next_step = escape(roadmap.next.item.label) if roadmap.next else words.all_done
    programmes = "; ".join(_programme(item, words) for item in row.programmes) or "–"
    return (
        f'<tr>\n<th scope="row"><a href="{escape(url.replace(_SLUG_PLACEHOLDER, practice.slug))}">'
        f'{escape(practice.name)}</a><span class="d-block small fw-normal">{escape(practice.place)}</span></th>\n'
        f"<td>{words.done % {'percent': roadmap.percent}}</td>\n<td>{next_step}</td>\n"
        f"<td>{escape(small_number(row.training.trained))}</td>\n"
        f"<td>{escape(small_number(row.training.certificates))}</td>\n"
        f"<td>{programmes}</td>\n{_reach_cells(row.reach, words)}\n</tr>"
    )


@register.simple_tag
def care_group_rows(rows, care_group) -> SafeString:
    """The overview table's rows: practice (linked), roadmap, next step, training counts, programmes, reach."""
    words = _Words.now()
    url = reverse("care_groups:practice", args=[care_group.slug, _SLUG_PLACEHOLDER])
    return mark_safe("\n".join(_row(row, words, url) for row in rows))  # every value escaped in _row
