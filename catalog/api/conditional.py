"""Validators for API responses: an ETag and Last-Modified from the catalogue revision, and 304 before any work.

The revision token (catalog/overview_cache.py) changes in the same transaction as any change to what the API
shows, so a client holding the token's ETag still holds the current answer. The ETag also depends on the address
(path and query) and the language, because both change the body.

A revalidation is answered twice over: by NotModifiedMiddleware, right after LocaleMiddleware, before CSRF, the
session's user, DRF and its throttle run (a 304 costs the client nothing to receive, so it is not throttled), and,
for what the middleware leaves (a logged-in visitor's request), by ConditionalMixin inside the view. Both take the
validators from `catalogue_validators` and stamp them with `stamp_validators`, so they send the same headers.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from catalog.overview_cache import catalogue_revision_row

API_PREFIX = "/api/"
CACHE_CONTROL = "public, max-age=0, must-revalidate"
VARY = "Accept, Accept-Language, Origin"


class NotModified(APIException):
    status_code = 304


def catalogue_validators(request) -> tuple[str, int | None]:
    """(ETag, Last-Modified as a timestamp or None) for this request (a Django or a DRF request)."""
    token, changed_at = catalogue_revision_row()
    seed = "\n".join([token, request.get_full_path(), get_language() or ""])
    etag = f'"{hashlib.sha256(seed.encode()).hexdigest()[:32]}"'
    return etag, int(changed_at.timestamp()) if changed_at else None


def stamp_validators(response, validators) -> None:
    etag, last_modified = validators
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    response["Vary"] = VARY


def not_modified(request, validators) -> bool:
    etag, last_modified = validators
    return get_conditional_response(request, etag=etag, last_modified=last_modified) is not None


class ConditionalMixin:
    """For DRF views: answers 304 after authentication and throttling but before the query, and stamps validators."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.validators = catalogue_validators(request)
        if request.method in ("GET", "HEAD") and not_modified(request, self.validators):
            raise NotModified

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            return Response(status=304)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        validators = getattr(self, "validators", None)
        if validators and response.status_code in (200, 304):
            stamp_validators(response, validators)
        return response


def _is_conditional_view(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "cls", None)  # DRF's as_view() keeps the class here
    return view_class is not None and issubclass(view_class, ConditionalMixin)


class NotModifiedMiddleware:
    """304 for a revalidation of an API view with ConditionalMixin, before the rest of the stack runs.

    Only anonymous requests (no session cookie): a logged-in visitor's answers get other cache headers
    (toolkit.response_headers.PrivatePagesMiddleware), so those go the whole way. The view would send the same
    304 after authentication and throttling; skipping them is the point: a 304 reads only the revision token.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path_info.startswith(API_PREFIX)
            and ("HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and _is_conditional_view(request.path_info)
        ):
            validators = catalogue_validators(request)
            if not_modified(request, validators):
                response = HttpResponseNotModified()
                stamp_validators(response, validators)
                # As the whole stack's 304 says: the session middleware, which this skips, varies on the cookie.
                patch_vary_headers(response, ["Cookie"])
                return response
        return self.get_response(request)
