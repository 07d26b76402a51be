"""A wrong address in a real browser (DEBUG off, as in production): the Dutch 404 in the site's layout, accessible."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("size", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_a_wrong_address_shows_the_dutch_404_with_a_way_on(page, assert_accessible, size):
    page.set_viewport_size(size)
    response = page.goto("/catalogus/bestaat-niet/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Pagina niet gevonden"
    assert page.get_by_text("0800-0113").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
    page.get_by_role("link", name="De keuzehulp").click()
    assert page.url.endswith("/catalogus/keuzehulp/")
