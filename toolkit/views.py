"""Project-wide pages: the home page, the privacy and accessibility statements, the health check and the icon."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe


@require_GET
def home(request):
    # The reach figures (an estimate from 2014, with its source) come from practices' {% prevalence_facts %}.
    return render(request, "home.html")


@require_GET
def privacy_statement(request):
    # The figures the statement gives come from the settings that enforce them, so they cannot drift apart.
    context = {
        "contact_email": settings.CONTACT_EMAIL,
        "session_days": settings.SESSION_COOKIE_AGE // (24 * 60 * 60),
        "invitation_days": settings.INVITATION_VALID_DAYS,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "retention_days": settings.AUDIT_RETENTION_DAYS,
    }
    return render(request, "statements/privacy.html", context)


@require_GET
def accessibility_statement(request):
    return render(request, "statements/accessibility.html", {"contact_email": settings.CONTACT_EMAIL})


@never_cache
@require_GET
def healthz(request):
    """Answers without touching the database: the floor every benchmark is measured against."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers and bots ask for /favicon.ico whatever the page links; the icon is a hashed static file."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
