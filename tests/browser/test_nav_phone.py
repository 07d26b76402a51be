"""On a phone: the practice workspace folds its menu behind one button so the page starts in the first screen,
the comparison scrolls inside its own region, and the patient page offers buttons and a number to call."""

import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import Role
from tests import factories as catalog
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def manager():
    practice = factories.practice("Huisartsen Noord", slug="noord", phone="030 123 4567")
    return factories.member(practice, Role.MANAGER, "manager-noord")


def _wait_until(condition, tries=50):
    # page.wait_for_function evaluates a string, which the Content Security Policy forbids.
    for _ in range(tries):
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def _workspace(name, user):
    return reverse(f"practices:{name}", kwargs={"practice_slug": user.memberships.get().practice.slug})


@pytest.mark.parametrize("name", ["dashboard", "vision", "task_split", "menu"])
def test_on_a_phone_the_workspace_page_starts_in_the_first_screen(page, live_server, manager, assert_accessible, name):
    page.set_viewport_size(PHONE)
    log_in(page.context, manager, live_server.url)
    page.goto(_workspace(name, manager))
    heading = page.locator("main h1").first
    box = heading.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], box
    expect(page.get_by_role("navigation", name="Praktijkmenu")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_on_a_phone_the_menu_button_opens_the_practice_menu(page, live_server, manager, assert_accessible):
    page.set_viewport_size(PHONE)
    log_in(page.context, manager, live_server.url)
    page.goto(_workspace("dashboard", manager))
    button = page.get_by_role("button", name="Praktijkmenu")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    menu = page.get_by_role("navigation", name="Praktijkmenu")
    expect(menu).to_be_visible()
    assert_accessible(page)
    menu.get_by_role("link", name="Taakverdeling").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Taakverdeling")
    expect(page.get_by_role("navigation", name="Praktijkmenu")).to_be_hidden()  # folded again on the next page


def test_the_slim_collapse_script_folds_the_menu_again_without_errors(page, live_server, manager):
    # Only Bootstrap's Collapse plugin is shipped (static/vendor/bootstrap/collapse.min.js, `make css`).
    errors, scripts = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.set_viewport_size(PHONE)
    log_in(page.context, manager, live_server.url)
    page.goto(_workspace("dashboard", manager))
    button = page.get_by_role("button", name="Praktijkmenu")
    menu = page.get_by_role("navigation", name="Praktijkmenu")
    button.click()
    expect(menu).to_be_visible()
    # Collapse ignores a click while it still slides; once open, the wrapper is "collapse show" again.
    expect(page.locator("#practice-nav")).to_have_class(
        re.compile(r"^(?=.*\bcollapse\b)(?=.*\bshow\b)(?!.*collapsing)")
    )
    button.click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    assert errors == []
    assert any(url.endswith("/static/vendor/bootstrap/collapse.min.js") for url in scripts), scripts
    assert not any("bootstrap.bundle" in url for url in scripts), scripts


def test_on_a_laptop_the_practice_menu_is_open_beside_the_page(page, live_server, manager, assert_accessible):
    page.set_viewport_size(DESKTOP)
    log_in(page.context, manager, live_server.url)
    page.goto(_workspace("dashboard", manager))
    expect(page.get_by_role("navigation", name="Praktijkmenu")).to_be_visible()
    expect(page.get_by_role("button", name="Praktijkmenu")).to_be_hidden()
    assert_accessible(page)


@pytest.fixture
def catalogue():
    gloom, alcohol = catalog.theme("Depressieve klachten"), catalog.theme("Alcohol")
    for name in ["Kleur je leven", "Psyfit", "Mindfit"]:
        catalog.programme(name, themes=[gloom], summary=f"{name}: een online cursus bij somberheid en piekeren.")
    catalog.programme("Minder drinken", themes=[alcohol])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_compare_starts_on_a_programme_page_and_scrolls_inside_its_region(page, catalogue, assert_accessible, viewport):
    page.set_viewport_size(viewport)
    page.goto(reverse("catalog:programme_detail", kwargs={"slug": "kleur-je-leven"}))
    assert_accessible(page)
    page.get_by_label("Vergelijk Kleur je leven met").select_option(label="Psyfit")
    page.get_by_role("button", name="Vergelijken", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programma’s vergelijken")
    region = page.get_by_role("region", name="2 programma’s naast elkaar")
    expect(region).to_be_visible()
    expect(region).to_have_attribute("tabindex", "0")
    expect(region.get_by_role("columnheader", name="Psyfit")).to_be_attached()
    # The page itself never scrolls sideways; on a phone the table does, inside its focusable region.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    if viewport is PHONE:
        assert region.evaluate("element => element.scrollWidth > element.clientWidth")
        region.focus()
        page.keyboard.press("ArrowRight")
        _wait_until(lambda: region.evaluate("element => element.scrollLeft") > 0)
    assert_accessible(page)


def test_a_gp_adds_a_programme_to_the_menu_from_its_page_and_goes_back_to_the_filtered_overview(
    page, live_server, manager, catalogue, assert_accessible
):
    log_in(page.context, manager, live_server.url)
    page.goto(reverse("catalog:programme_list") + "?theme=depressieve-klachten")
    page.get_by_role("link", name="Psyfit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Psyfit")
    assert_accessible(page)
    page.get_by_role("button", name="Toevoegen aan het aanbod van Huisartsen Noord").click()
    expect(page.get_by_role("status").first).to_contain_text("Psyfit staat nu in uw aanbod.")
    expect(page.get_by_text("In het aanbod van Huisartsen Noord.")).to_be_visible()
    expect(page.get_by_role("button", name="Toevoegen aan het aanbod")).to_have_count(0)
    assert_accessible(page)
    # Back to the overview with the theme still chosen: no alcohol programme in sight.
    page.get_by_role("link", name="← Alle programma’s").click()
    assert "theme=depressieve-klachten" in page.url
    expect(page.get_by_role("link", name="Minder drinken")).to_have_count(0)
    expect(page.get_by_role("link", name="Kleur je leven")).to_be_visible()
    assert_accessible(page)
    # The menu lists it, with a link to its page.
    page.goto(_workspace("menu", manager))
    page.get_by_role("link", name="Psyfit", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Psyfit")


def test_on_a_phone_a_gp_adds_a_programme_from_the_keuzehulp_result(
    page, live_server, manager, catalogue, assert_accessible
):
    page.set_viewport_size(PHONE)
    log_in(page.context, manager, live_server.url)
    page.goto(reverse("catalog:keuzehulp") + "?theme=depressieve-klachten&severity=mild&age=adult")
    page.get_by_role("button", name="Mindfit toevoegen aan het aanbod van Huisartsen Noord").click()
    expect(page.get_by_role("status").first).to_contain_text("Mindfit staat nu in uw aanbod.")
    assert "severity=mild" in page.url  # back on the same result
    expect(page.get_by_role("button", name="Mindfit toevoegen aan het aanbod")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
