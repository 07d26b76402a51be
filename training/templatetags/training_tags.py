"""Template filters of the training app."""

from django import template

from training.accreditation import is_accredited
from training.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """`{{ lesson.body|markdown }}`: sanitized HTML from curator Markdown."""
    return render_markdown(text)


@register.filter(name="accredited")
def accredited_filter(course):
    """`{% if course|accredited %}`: points recorded with the accrediting body and its registration number."""
    return is_accredited(course)
