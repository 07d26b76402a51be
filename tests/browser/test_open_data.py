"""A developer at a care group reads the open data page and the API docs; the docs run from the site's own files
under its Content Security Policy, with every request to another host blocked, and both pages pass axe-core."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue():
    factories.programme("Kleur je leven", provider=factories.provider("Trimbos-instituut"))


def block_other_hosts(page):
    """Abort every request that leaves the test server, and remember it."""
    blocked = []

    def route(request_route):
        host = urlsplit(request_route.request.url).hostname
        if host in ("localhost", "127.0.0.1"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    return blocked


def test_docs_render_under_the_csp_without_other_hosts(page, assert_accessible, catalogue):
    blocked = block_other_hosts(page)
    page.goto(reverse("api:docs"))
    expect(page.locator(".swagger-ui .opblock-tag").first).to_be_visible()
    expect(page.get_by_text("/api/v1/programmes/").first).to_be_visible()
    assert blocked == []
    assert_accessible(page)


def test_docs_in_english_show_english_descriptions(page, catalogue):
    block_other_hosts(page)
    page.goto(reverse("api:docs") + "?lang=en")
    expect(page.locator(".swagger-ui .info")).to_contain_text("CC BY 4.0")
    expect(page.locator(".swagger-ui .info")).to_contain_text("read-only")


def test_open_data_page_from_the_footer(page, assert_accessible, catalogue):
    page.goto(reverse("home"))
    page.locator("footer").get_by_role("link", name="Open data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    expect(page.locator("main")).to_contain_text("curl")
    assert_accessible(page)
    page.get_by_role("link", name="API-documentatie").click()
    expect(page.locator(".swagger-ui .opblock-tag").first).to_be_visible()
