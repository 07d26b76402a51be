"""Error pages in the site's layout, in Dutch (English under /en/): what happened, where to go, the crisis line.

With DEBUG off (as in production, and in every test) Django renders templates/400.html, 403.html, 404.html and
500.html; a refused CSRF check renders 403_csrf.html.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db

CRISIS_NL = "113 Zelfmoordpreventie op 0800-0113"
CRISIS_EN = "113 Zelfmoordpreventie on 0800-0113"


def test_a_missing_page_is_a_dutch_404_in_the_sites_layout(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    text = response.text
    assert '<html lang="nl">' in text
    assert "<h1>Pagina niet gevonden</h1>" in text
    assert CRISIS_NL in text
    assert 'href="/catalogus/"' in text  # where to go next
    assert "Not Found" not in text


def test_a_missing_page_under_en_is_english(client):
    text = client.get("/en/does-not-exist/").text
    assert "<h1>Page not found</h1>" in text and CRISIS_EN in text


def test_a_missing_programme_is_the_same_404(client):
    response = client.get("/catalogus/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


@pytest.mark.parametrize(
    ("view", "exception", "status", "title"),
    [
        (defaults.bad_request, Exception("kapot"), 400, "Het verzoek kon niet worden gelezen"),
        (defaults.permission_denied, PermissionDenied(), 403, "Geen toegang"),
    ],
)
def test_400_and_403_are_dutch_with_the_crisis_line(view, exception, status, title):
    request = RequestFactory().get("/")
    with translation.override("nl"):
        response = view(request, exception)
    assert response.status_code == status
    text = response.content.decode()
    assert f"<h1>{title}</h1>" in text and CRISIS_NL in text


def test_500_renders_without_a_request_context():
    request = RequestFactory().get("/")
    with translation.override("nl"):
        response = defaults.server_error(request)
    assert response.status_code == 500
    text = response.content.decode()
    assert "<h1>Er ging iets mis</h1>" in text and CRISIS_NL in text


def test_a_refused_csrf_check_explains_it_in_dutch(django_user_model):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/account/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.text
    assert CRISIS_NL in response.text


def test_the_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.headers["Location"].endswith(".svg")
    assert 'rel="icon"' in client.get("/").text
