"""Curators see in the admin which practices are demo practices, and can mark one."""

import pytest
from django.urls import reverse

from tests import factories
from tests.otp import verified_login
from tests.practices import factories as practice_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    verified_login(client, factories.user("beheerder", is_staff=True, is_superuser=True))
    return client


def test_the_practice_list_shows_and_filters_demo_practices(admin_client):
    practice_factories.practice("Echte praktijk", slug="echt")
    practice_factories.practice("Voorbeeld", slug="voorbeeld", is_demo=True)
    url = reverse("admin:practices_practice_changelist")
    listing = admin_client.get(url)
    assert "is_demo" in listing.context["cl"].list_display
    demo_only = admin_client.get(url, {"is_demo__exact": "1"})
    assert [practice.slug for practice in demo_only.context["cl"].result_list] == ["voorbeeld"]


def test_the_practice_form_has_the_demo_switch(admin_client):
    practice = practice_factories.practice("Voorbeeld", slug="voorbeeld")
    page = admin_client.get(reverse("admin:practices_practice_change", args=[practice.pk])).text
    assert 'name="is_demo"' in page
