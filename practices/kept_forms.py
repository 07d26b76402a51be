"""Forms kept rendered in the shared cache (the practice menu's sections, the care group's invite form).

A CSRF token belongs to the visitor's session, so a kept form is rendered with CSRF_PLACEHOLDER where its token goes
and gets this request's token when it is shown.
"""

from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe

CSRF_PLACEHOLDER = "CSRFTOKENPLACEHOLDER"


def with_csrf_token(request, html: str) -> str:
    """Kept HTML (rendered by a template, escaped there) with this request's CSRF token in place of the placeholder."""
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308 - rendered by a template
