"""HTML is gzipped on the way out only where BREACH has no secret to read (toolkit/compression.py)."""

import gzip

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from tests.practices import factories
from toolkit.compression import is_public_response

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
PAGE = "<!doctype html><p>" + "Online zelfhulp bij angst en somberheid. " * 50 + "</p>"


def test_an_anonymous_page_is_gzipped_for_a_browser_that_accepts_it(client):
    response = client.get(reverse("catalog:programme_list"), **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "<!doctype html>" in html
    assert int(response["Content-Length"]) == len(response.content) < len(html.encode())


def test_a_client_that_does_not_accept_gzip_gets_the_page_as_it_is(client):
    response = client.get(reverse("catalog:programme_list"))
    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"<!doctype html>")


def test_a_logged_in_page_is_not_compressed(client):
    practice = factories.practice("Huisartsenpraktijk De Linde", slug="de-linde")
    client.force_login(factories.member(practice))
    for url in (reverse("practices:dashboard", kwargs={"practice_slug": practice.slug}), reverse("home")):
        response = client.get(url, **GZIP)
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding"), url


def test_an_anonymous_page_with_a_csrf_form_is_not_compressed(client):
    response = client.get(reverse("login"), **GZIP)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def _request(method="get", cookies=None, **meta):
    request = getattr(RequestFactory(), method)("/", **meta)
    request.COOKIES.update(cookies or {})
    return request


def test_only_a_get_without_session_credentials_token_or_cookie_counts_as_public():
    page = HttpResponse(PAGE)
    assert is_public_response(_request(), page)
    assert is_public_response(_request("head"), page)
    assert not is_public_response(_request("post"), page)
    # A session cookie, even of an anonymous session, may stand for data the page shows.
    assert not is_public_response(_request(cookies={settings.SESSION_COOKIE_NAME: "abc"}), page)
    assert not is_public_response(_request(HTTP_AUTHORIZATION="Token abc"), page)
    used_token = _request()
    used_token.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not is_public_response(used_token, page)
    sets_cookie = HttpResponse(PAGE)
    sets_cookie.set_cookie("django_language", "en")
    assert not is_public_response(_request(), sets_cookie)


def test_only_text_is_compressed():
    assert is_public_response(_request(), HttpResponse("{}", content_type="application/json"))
    assert not is_public_response(_request(), HttpResponse(b"%PDF", content_type="application/pdf"))
    assert not is_public_response(_request(), HttpResponse(b"\x89PNG", content_type="image/png"))


def test_the_middleware_sits_after_whitenoise_and_before_the_session():
    middleware = settings.MIDDLEWARE
    position = middleware.index("toolkit.compression.PublicGZipMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < position
    assert position < middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
