"""Gzip for public pages only, so compression never helps a BREACH attack (docs/security.md, "Compression and BREACH").

BREACH reads a secret out of a compressed page by reflecting guesses into the same page and watching its length.
A page can only leak a secret it holds: the CSRF token of a form, or anything a session shows. So only a response
that carries neither is compressed: a GET or HEAD without a session cookie or credentials, whose view used no CSRF
token and set no cookie. Every member page (logged in means a session) and every form with a token go out as they
are. Static files never reach this: WhiteNoise answers them earlier, with its own .br and .gz files.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

# Text worth compressing; images, PDFs and downloads are compressed already or streamed.
COMPRESSIBLE = {"text/html", "text/plain", "application/json", "application/problem+json", "application/xml"}


def is_public_response(request, response) -> bool:
    """True when the response holds no secret of the visitor's: no session, no credentials, no CSRF token."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    # csrf.get_token() marks the request when a template or view took the token (every {% csrf_token %}).
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if response.cookies or response.streaming:
        return False
    return response.get("Content-Type", "").split(";")[0].strip().lower() in COMPRESSIBLE


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its random-length filename padding), for public responses only."""

    def process_response(self, request, response):
        if not is_public_response(request, response):
            return response
        return super().process_response(request, response)
