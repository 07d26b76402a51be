"""The `markdown` template filter: `{% load markdown_tags %}{{ resource.body|markdown }}`."""

from django import template

from toolkit.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Sanitized HTML from curator Markdown (toolkit/markdown.py holds the one policy)."""
    return render_markdown(text)
