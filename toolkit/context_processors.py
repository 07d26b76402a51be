"""Template context shared by every page."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, override


def language_switch(request):
    """Links to the same page in each other language; the query string (filter state) travels along."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = _in_language(request, code)
        links.append({"code": code, "name": name, "url": f"{url}?{query}" if query else url})
    return {"other_languages": links}


def _in_language(request, code):
    """The page's address in that language, as translate_url gives it, but from the match the request already has:
    resolving the path again walked every URL pattern once more on every page (about 1 ms)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(request.path, code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


# The main menu's sections: a view name (namespace:name) or a whole namespace -> the menu item it belongs to.
# The first match wins, so the keuzehulp is not counted as "Programmes" although it lives in the catalog app.
NAV_SECTIONS = (
    ("catalog:keuzehulp", "keuzehulp"),
    ("catalog:keuzehulp_advice", "keuzehulp"),
    ("catalog:", "programmes"),
    ("training:manual_list", "manuals"),
    ("training:funding_list", "funding"),
    ("training:", "elearning"),
    ("practices:", "practice"),
)


def nav_section(request):
    """Which main-menu item the current page belongs to, so the menu can mark it (aria-current)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    for prefix, section in NAV_SECTIONS:
        if view_name == prefix or (prefix.endswith(":") and view_name.startswith(prefix)):
            return {"nav_section": section}
    return {"nav_section": ""}
