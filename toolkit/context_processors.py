"""Template context shared by every page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def language_switch(request):
    """Links to the same page in each other language; the query string (filter state) travels along."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = translate_url(request.path, code)
        links.append({"code": code, "name": name, "url": f"{url}?{query}" if query else url})
    return {"other_languages": links}
