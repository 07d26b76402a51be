"""The keuzehulp's pages: the questions with their result, and the patient's printable advice sheet.

The whole answer lives in the query string, so a result can be shared and the back button works. Nothing
about the patient is kept: no session writes, no database writes, no logging, no caching, no Referer. The one
thing counted is that an advice sheet was shown, with its programmes (`catalog.signals.advice_sheet_shown`): the
practices app counts it for a logged-in member's practice; the answers are never part of it.
"""

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog.forms import KeuzehulpForm
from catalog.keuzehulp import Answers
from catalog.keuzehulp_advice import chosen_slugs, patient_message, sheet_items
from catalog.keuzehulp_his import his_entry
from catalog.keuzehulp_index import advise
from catalog.keuzehulp_selectors import chosen_programmes, his_theme
from catalog.keuzehulp_snapshot import catalogue_answer_options, catalogue_index
from catalog.signals import advice_sheet_shown

# The result shows the best this many until the user asks for all: at thousands of programmes, rendering every
# match was most of the page's time and hundreds of kilobytes.
SHOWN_MATCHES = 20
SHOW_ALL_KEY = "alle"
# "Show all" still stops here: past this many, narrowing the answers helps a GP more than a longer page.
MOST_SHOWN = 200


def private_page(view):
    """Keep the answers out of shared caches and out of every Referer, to a programme's website or to this site."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        # strict-origin: a Referer carries at most the site's address, never the path or the answers in the query.
        # Not no-referrer: under it the browser sends "Origin: null" with a form POST, and Django's CSRF check
        # then refuses a practice member's own "add to our menu" button on the result.
        response["Referrer-Policy"] = "strict-origin"
        return response

    return wrapper


@require_GET
@private_page
def keuzehulp(request):
    options = catalogue_answer_options()
    answers = Answers.from_query(request.GET, options)
    practice = getattr(request, "practice_context", None)  # practices.middleware, when installed
    advice, show_all_url = None, None
    if answers.submitted:
        menu = practice.programme_ids if practice else frozenset()
        show_all = SHOW_ALL_KEY in request.GET
        # Only the matches shown are worded; the rest are counted (catalog/keuzehulp_index.py).
        advice = advise(catalogue_index(), answers, options, menu=menu, limit=MOST_SHOWN if show_all else SHOWN_MATCHES)
        if advice.match_count > len(advice.matches) and not show_all:
            query = urlencode([*answers.as_query(), (SHOW_ALL_KEY, "1")])
            show_all_url = f"{reverse('catalog:keuzehulp')}?{query}#result"
        initial = answers.as_initial()
    else:
        initial = {"language": options.home_language} if options.home_language else {}
    context = {
        "form": KeuzehulpForm(options=options, initial=initial),
        "advice": advice,
        "shown_matches": advice.matches if advice else (),
        "show_all_url": show_all_url,
        "most_shown": MOST_SHOWN,
        "answers": answers,
        "practice": practice,
        "answer_query": answers.as_query(),
        "compare_url": _compare_url(advice.compare_slugs) if advice else None,
    }
    return render(request, "catalog/keuzehulp/keuzehulp.html", context)


@require_GET
@private_page
def keuzehulp_advice(request):
    answers = Answers.from_query(request.GET, catalogue_answer_options())
    slugs, left_out = chosen_slugs(request.GET)
    programmes = chosen_programmes(slugs)
    practice = getattr(request, "practice_context", None)  # practices.middleware, when installed
    if programmes:
        advice_sheet_shown.send(sender=keuzehulp_advice, request=request, programme_ids=[p.id for p in programmes])
    context = {
        "items": sheet_items(programmes, answers),
        "answers": answers,
        "practice": practice,
        "some_left_out": left_out or len(programmes) < len(slugs),
        "patient_message": patient_message(programmes, practice) if programmes else "",
        # For the GP's record: shown to copy, never stored (the page is private, no-store, like the rest).
        "his_entry": his_entry(his_theme(answers.theme), programmes, answers) if programmes else "",
        "back_url": f"{reverse('catalog:keuzehulp')}?{urlencode(answers.as_query())}#result",
    }
    return render(request, "catalog/keuzehulp/advice.html", context)


def _compare_url(slugs) -> str | None:
    if not slugs:
        return None
    return f"{reverse('catalog:compare')}?{urlencode([('p', slug) for slug in slugs])}"
