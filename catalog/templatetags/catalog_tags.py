"""Template helpers for the catalogue pages: quality rows, facts that may be unknown, and sanitized Markdown."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from catalog import facts, quality, selectors

register = template.Library()

# Markdown from curators may format and link, nothing more.
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}


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


@register.filter
def markdown(text: str) -> str:
    html = markdown_lib.markdown(text or "")
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, link_rel="noopener noreferrer"))  # noqa: S308 - sanitized
