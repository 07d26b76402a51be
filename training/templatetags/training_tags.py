"""Template filters of the training app."""

from django import template

from training.accreditation import is_accredited

register = template.Library()


@register.filter(name="accredited")
def accredited_filter(course):
    """`{% if course|accredited %}`: points recorded with the accrediting body and its registration number."""
    return is_accredited(course)
