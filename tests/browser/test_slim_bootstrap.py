"""The slim Bootstrap (`make css`) draws every page exactly as the full Bootstrap of the same version does.

Each page is shown twice in the same browser: with the site's own stylesheet, and with the full Bootstrap CSS
(the xstatic-bootstrap package) served in its place; the two screenshots must be the same, pixel for pixel.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from xstatic.pkg import bootstrap as xstatic_bootstrap

from practices.models import Role
from tests import factories as catalog
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

FULL_CSS = (Path(xstatic_bootstrap.BASE_DIR) / "css/bootstrap.min.css").read_text()
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def manager():
    gloom = catalog.theme("Depressieve klachten")
    for name in ["Kleur je leven", "Psyfit", "Mindfit"]:
        catalog.programme(name, themes=[gloom], summary=f"{name}: een online cursus bij somberheid en piekeren.")
    practice = factories.practice("Huisartsen Noord", slug="noord", phone="030 123 4567")
    practice.patient_page_published = True
    practice.save()
    return factories.member(practice, Role.MANAGER, "manager-noord")


def _same_with_full_bootstrap(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    slim = page.screenshot(full_page=True, animations="disabled")
    page.route(
        "**/static/vendor/bootstrap/bootstrap.min.css",
        lambda route: route.fulfill(status=200, content_type="text/css", body=FULL_CSS),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    full = page.screenshot(full_page=True, animations="disabled")
    page.unroute("**/static/vendor/bootstrap/bootstrap.min.css")
    return slim == full


PUBLIC = [
    ("home", {}, ""),
    ("catalog:programme_list", {}, ""),
    ("catalog:programme_list", {}, "?q=zzz"),
    ("catalog:programme_detail", {"slug": "psyfit"}, ""),
    ("catalog:compare", {}, "?p=psyfit&p=mindfit"),
    ("catalog:keuzehulp", {}, ""),
    ("catalog:keuzehulp", {}, "?theme=depressieve-klachten&severity=mild&age=adult"),
    ("catalog:how_we_assess", {}, ""),
    ("training:course_list", {}, ""),
    ("training:manual_list", {}, ""),
    ("training:funding_list", {}, ""),
    ("practices:patient_page", {"practice_slug": "noord"}, ""),
    ("login", {}, ""),
]
MEMBER = ["dashboard", "members", "invite", "settings", "audit_log", "vision", "task_split", "population", "menu"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_look_the_same_as_with_the_full_bootstrap(page, manager, viewport):
    page.set_viewport_size(viewport)
    different = [
        f"{name}{query}"
        for name, kwargs, query in PUBLIC
        if not _same_with_full_bootstrap(page, reverse(name, kwargs=kwargs) + query)
    ]
    assert different == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_member_pages_look_the_same_as_with_the_full_bootstrap(page, live_server, manager, viewport):
    page.set_viewport_size(viewport)
    log_in(page.context, manager, live_server.url)
    urls = [reverse(f"practices:{name}", kwargs={"practice_slug": "noord"}) for name in MEMBER]
    different = [url for url in urls if not _same_with_full_bootstrap(page, url)]
    assert different == []


def test_a_form_with_errors_looks_the_same_as_with_the_full_bootstrap(page, live_server, manager):
    log_in(page.context, manager, live_server.url)
    url = reverse("practices:invite", kwargs={"practice_slug": "noord"})
    for css in (None, FULL_CSS):
        if css:
            page.route(
                "**/static/vendor/bootstrap/bootstrap.min.css",
                lambda route: route.fulfill(status=200, content_type="text/css", body=FULL_CSS),
            )
        page.goto(url)
        page.locator("form [type=email]").first.fill("geen-adres")
        page.locator("form").last.evaluate("form => form.noValidate = true")
        page.locator("form [type=submit]").last.click()
        page.wait_for_load_state("networkidle")
        if css:
            full = page.screenshot(full_page=True, animations="disabled")
        else:
            assert page.locator(".is-invalid, .invalid-feedback").count() > 0
            slim = page.screenshot(full_page=True, animations="disabled")
    assert slim == full
