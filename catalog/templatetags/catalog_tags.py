"""Template helpers for the catalogue pages: quality rows and facts that may be unknown.

Markdown is rendered by the `markdown` filter of toolkit/templatetags/markdown_tags.py.
"""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from catalog import facts, quality, selectors

register = template.Library()


@register.simple_tag
def quality_rows(programme):
    return selectors.quality_rows(programme)


@register.inclusion_tag("catalog/includes/yes_no.html")
def yes_no(value, yes="", no=""):
    """A yes/no fact as Ja / Nee / Nog niet bekend; `yes` and `no` may say it in more words."""
    return {"value": value, "yes": yes, "no": no}


@register.inclusion_tag("catalog/includes/flags.html")
def flags(programme, group):
    """A group of yes/no facts (delivery, platforms, severity): what is offered, and what is not known yet."""
    return {"summary": facts.flag_summary(programme, group)}


@register.inclusion_tag("catalog/includes/choice_fact.html")
def choice_fact(programme, field_name):
    """A choice fact (cost, reading level, approach, CE class) in words, or "not known yet" when unsettled."""
    value = getattr(programme, field_name)
    display = getattr(programme, f"get_{field_name}_display")()
    return {"unknown": facts.is_unknown_choice(value), "display": display}


@register.simple_tag
def overdue_notice():
    return quality.overdue_notice()


MORE_AFTER = 8  # a facet shows this many options; the rest fold away under "n more"


@register.simple_tag
def facet_options(facet):
    """A facet's checkboxes with their counts: what a per-option template loop rendered, written out in Python
    because the overview shows up to ~70 options and renders them on every cache miss."""
    name = conditional_escape(facet.name)
    described = format_html(' aria-describedby="facet-{}-help"', facet.name) if facet.help_text else ""
    total = len(facet.options)
    parts = []
    for counter, option in enumerate(facet.options, start=1):
        if counter == MORE_AFTER + 1:
            rest = total - MORE_AFTER
            opened = " open" * sum(1 for later in facet.options[MORE_AFTER:] if later.selected)
            more = ngettext("%(counter)s more", "%(counter)s more", rest) % {"counter": localize(rest)}
            parts.append(f'<details class="more-options"{opened}><summary class="small">{more}</summary>')
        count = localize(option.count)
        programmes = ngettext("%(counter)s programme", "%(counter)s programmes", option.count) % {"counter": count}
        field_id = f"filter-{name}-{counter}"
        checked = " checked" if option.selected else ""
        parts.append(
            f'<div class="form-check">\n'
            f'  <input class="form-check-input" type="checkbox" name="{name}"'
            f' value="{conditional_escape(option.value)}" id="{field_id}"{checked}{described}>\n'
            f'  <label class="form-check-label d-flex justify-content-between gap-2" for="{field_id}">\n'
            f"    <span>{conditional_escape(option.label)}</span>\n"
            f'    <span class="facet-count" aria-hidden="true">{count}</span>\n'
            f'    <span class="visually-hidden">({programmes})</span>\n'
            f"  </label>\n"
            f"</div>\n"
        )
        if counter == total and counter > MORE_AFTER:
            parts.append("</details>")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above
