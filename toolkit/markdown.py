"""Curator-written Markdown to safe HTML: the one renderer and sanitising policy for every app.

Programme materials, lessons, quizzes, manuals and funding texts all go through `render_markdown`, in templates
as `{% load markdown_tags %}{{ text|markdown }}`.
"""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

# What curators need for programme materials, course and manual texts. Each page has its own h1: a Markdown
# "# title" becomes h2.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
# No javascript:, data: or vbscript: links; nh3 drops an href with any other scheme.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_H1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def render_markdown(text: str) -> SafeString:
    """Render Markdown and sanitize the result, so nothing a curator (or an attacker) types can run."""
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    html = _H1.sub(r"<\1h2", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitized by nh3 just above
