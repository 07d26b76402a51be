"""`{% practice_nav %}`: the workspace's side menu, kept rendered per practice, role, page and language.

Every practice page shows it, and its fifteen links cost about as much to write as a small page's own content.
What it shows depends only on the practice's slug and name, the member's role, the page it marks as current and the
language, so it is rendered once per combination of those and kept in the shared cache.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

TEMPLATE = "practices/includes/practice_nav.html"
# Everything the menu shows is in the key, so an entry is never stale; the timeout only frees memory.
CACHE_SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def practice_nav(context):
    request = context["request"]
    practice, membership = getattr(request, "practice", None), getattr(request, "membership", None)
    match = request.resolver_match
    if practice is None or membership is None or match is None:
        return render_to_string(TEMPLATE, {"request": request})
    state = (practice.slug, practice.name, membership.role, match.url_name, get_language())
    key = f"practices:nav:v1:{hashlib.sha256(repr(state).encode()).hexdigest()[:32]}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(TEMPLATE, {"request": request})
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by a template, escaped there
