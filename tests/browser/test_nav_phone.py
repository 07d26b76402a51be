"""On a phone: the practice workspace folds its menu behind one button so the page starts in the first screen,
the comparison scrolls inside its own region, and the patient page offers buttons and a number to call."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices.models import Role
from tests.browser.helpers_practices import log_in
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def manager():
    practice = factories.practice("Huisartsen Noord", slug="noord", phone="030 123 4567")
    return factories.member(practice, Role.MANAGER, "manager-noord")


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


def test_on_a_laptop_the_practice_menu_is_open_beside_the_page(page, live_server, manager, assert_accessible):
    page.set_viewport_size(DESKTOP)
    log_in(page.context, manager, live_server.url)
    page.goto(_workspace("dashboard", manager))
    expect(page.get_by_role("navigation", name="Praktijkmenu")).to_be_visible()
    expect(page.get_by_role("button", name="Praktijkmenu")).to_be_hidden()
    assert_accessible(page)
