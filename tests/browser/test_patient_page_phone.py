"""A patient reads the practice's patient page on a phone: buttons to open each programme, no code to scan,
and the practice's number is a link that calls it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from practices import services
from practices.models import Role
from tests import factories as catalog
from tests.practices import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def patient_page(live_server):
    practice = factories.practice("Huisartsen Noord", slug="noord", phone="030 123 4567", patient_page_published=True)
    manager = factories.member(practice, Role.MANAGER, "manager-noord")
    programme = catalog.programme("Kleur je leven", website="https://www.kleurjeleven.nl/")
    services.menu_add(practice=practice, by=manager, programme=programme)
    return reverse("practices:patient_page", kwargs={"practice_slug": practice.slug})


def test_on_a_phone_the_patient_gets_a_button_not_a_code(page, patient_page, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(patient_page)
    expect(page.get_by_role("link", name="Naar Kleur je leven")).to_be_visible()
    expect(page.locator(".qr-box")).to_be_hidden()
    call = page.get_by_role("link", name="030 123 4567")
    expect(call).to_have_attribute("href", "tel:0301234567")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_on_a_laptop_the_code_is_there_for_the_phone(page, patient_page, assert_accessible):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(patient_page)
    expect(page.locator(".qr-box svg")).to_be_visible()
    assert_accessible(page)
