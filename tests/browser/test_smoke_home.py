"""The home page renders in a real browser, in Dutch, without accessibility violations, on a laptop and a phone."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_dutch_and_accessible(page, assert_accessible):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).is_visible()
    # The 2014 reach estimate is shown as dated, with its source, never as today's figure.
    figure = page.locator("figure.tk-dated-figure")
    assert figure.get_by_text("Schatting uit 2014").is_visible()
    assert "Trimbos-instituut" in figure.locator("figcaption").inner_text()
    assert_accessible(page)


def test_home_page_fits_a_phone_without_sideways_scrolling(page, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_english_home_page_is_accessible(page, assert_accessible):
    page.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
