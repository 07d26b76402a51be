"""The home page renders in a real browser, in Dutch, without accessibility violations."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_dutch_and_accessible(page, assert_accessible):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page)
