"""Template helpers for the catalogue pages: quality rows and facts that may be unknown.

Markdown is rendered by the `markdown` filter of toolkit/templatetags/markdown_tags.py.
"""

from django import template

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
