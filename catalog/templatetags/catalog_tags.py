"""Template helpers for the catalogue pages: quality rows, yes/no features and sanitized Markdown."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from catalog import selectors

register = template.Library()

# Markdown from curators may format and link, nothing more.
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"}


@register.simple_tag
def quality_rows(programme):
    return selectors.quality_rows(programme)


@register.filter
def true_flags(programme, field_names: str) -> list[str]:
    """The labels of the boolean fields (comma-separated names) that are true, e.g. the platforms offered."""
    labels = [str(programme._meta.get_field(name).verbose_name) for name in field_names.split(",")]
    return [
        _capfirst(label)
        for name, label in zip(field_names.split(","), labels, strict=True)
        if getattr(programme, name)
    ]


def _capfirst(label: str) -> str:
    # "iOS app" must not become "IOS app".
    return label if label[1:2].isupper() else capfirst(label)


@register.filter
def markdown(text: str) -> str:
    html = markdown_lib.markdown(text or "")
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS, link_rel="noopener noreferrer"))  # noqa: S308 - sanitized
