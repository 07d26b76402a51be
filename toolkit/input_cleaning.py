"""The one place where submitted text is cleaned: control characters and lone surrogates never reach a view.

PostgreSQL cannot store NUL in text (a 500 wherever a parameter reaches a query unvalidated, such as an admin
list filter), and the other control characters (escape sequences, backspace, bell) have no business in a name or
a note: they garble logs, terminals and exports. `CleanInputMiddleware` removes them from every query parameter and
form field, keys included, before any view, form or filter sees them. Tab, line feed and carriage return stay:
text areas hold them.
"""

import re

from django.http import QueryDict

# C0 controls except tab, LF and CR; DEL; C1 controls; UTF-16 surrogates (only ever lone ones in a Python str).
UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str) -> str:
    return UNWANTED.sub("", value)


def cleaned_querydict(query: QueryDict) -> QueryDict:
    """A copy of `query` without unwanted characters; the same object when there was nothing to clean."""
    if not any(UNWANTED.search(key) or any(UNWANTED.search(v) for v in values) for key, values in query.lists()):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(clean_text(key), [clean_text(value) for value in values])
    cleaned._mutable = False
    return cleaned


class CleanInputMiddleware:
    """Cleans request.GET and, for a POST, request.POST (which CSRF protection reads anyway)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = cleaned_querydict(request.GET)
        if request.method == "POST":
            request.POST = cleaned_querydict(request.POST)
        return self.get_response(request)
