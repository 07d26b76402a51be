"""Validators for API responses: an ETag and Last-Modified from the catalogue revision, and 304 before any work.

The revision token (catalog/overview_cache.py) changes in the same transaction as any change to what the API
shows, so a client holding the token's ETag still holds the current answer. The ETag also depends on the address
(path and query) and the language, because both change the body.
"""

import hashlib
from datetime import UTC

from django.db import connection
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import get_language
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from catalog.models import CatalogueRevision
from catalog.overview_cache import REVISION_PK

_table = CatalogueRevision._meta.db_table
REVISION_SQL = f"SELECT token, changed_at FROM {_table} WHERE id = %s"  # noqa: S608 - no user input


class NotModified(APIException):
    status_code = 304


def catalogue_validators(request) -> tuple[str, int | None]:
    """(ETag, Last-Modified as a timestamp or None) for this request, in one query."""
    # Plain SQL: this is all a 304 costs, and building the ORM query took as long as running it.
    with connection.cursor() as cursor:
        cursor.execute(REVISION_SQL, [REVISION_PK])
        row = cursor.fetchone()
    token, changed_at = row or ("initial", None)
    if isinstance(changed_at, str):  # SQLite returns naive UTC text
        changed_at = parse_datetime(changed_at).replace(tzinfo=UTC)
    seed = "\n".join([token, request.get_full_path(), get_language() or ""])
    etag = f'"{hashlib.sha256(seed.encode()).hexdigest()[:32]}"'
    return etag, int(changed_at.timestamp()) if changed_at else None


class ConditionalMixin:
    """For DRF views: answers 304 after authentication and throttling but before the query, and stamps validators."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.validators = catalogue_validators(request)
        if request.method in ("GET", "HEAD"):
            etag, last_modified = self.validators
            if get_conditional_response(request, etag=etag, last_modified=last_modified) is not None:
                raise NotModified

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            return Response(status=304)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        validators = getattr(self, "validators", None)
        if validators and response.status_code in (200, 304):
            etag, last_modified = validators
            response["ETag"] = etag
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = "public, max-age=0, must-revalidate"
            response["Vary"] = "Accept, Accept-Language, Origin"
        return response
