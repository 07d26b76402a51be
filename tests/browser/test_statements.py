"""The privacy and accessibility statements in a real browser: reached from the footer, accessible at both sizes."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = [{"width": 1366, "height": 900}, {"width": 390, "height": 844}]


@pytest.mark.parametrize("size", SIZES)
def test_both_statements_open_from_the_footer_and_are_accessible(page, assert_accessible, size):
    page.set_viewport_size(size)
    for link, heading in [
        ("Privacyverklaring", "Privacyverklaring"),
        ("Toegankelijkheidsverklaring", "Toegankelijkheidsverklaring"),
    ]:
        page.goto("/")
        page.get_by_role("contentinfo").get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_accessible(page)


def test_the_english_statements_are_accessible(page, assert_accessible):
    for path in ["/en/privacy/", "/en/accessibility/"]:
        page.goto(path)
        assert_accessible(page)
