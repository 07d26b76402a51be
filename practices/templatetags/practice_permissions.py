"""`{% if request.membership|may:"adopt_vision" %}`: templates ask practices.permissions, as the views do."""

from django import template

from practices import permissions

register = template.Library()


@register.filter
def may(membership, capability: str) -> bool:
    return permissions.may(membership, capability)
