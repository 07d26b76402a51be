"""Template filters of the training app."""

from django import template

from training.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """`{{ lesson.body|markdown }}`: sanitized HTML from curator Markdown."""
    return render_markdown(text)
