"""Project-wide pages: the home page and the health check."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from practices.prevalence import REACH_EXPECTED, REACH_SOURCE, REACH_YEAR


@require_GET
def home(request):
    # The reach figures are an estimate from 2014: the page says so and names the source (CONTENT.md).
    context = {
        "reach_year": REACH_YEAR,
        "reach_source": REACH_SOURCE,
        "reach_expected": REACH_EXPECTED,
    }
    return render(request, "home.html", context)


@never_cache
@require_GET
def healthz(request):
    """Answers without touching the database: the floor every benchmark is measured against."""
    return HttpResponse("ok", content_type="text/plain")
