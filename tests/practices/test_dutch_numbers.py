"""Dutch numbers on the population form and page: "61,5" is read as 61.5, "3.844" shown and accepted."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from practices.forms import forgiving_share
from practices.models import PopulationProfile
from tests import factories as catalog_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch():
    return catalog_factories.language("Nederlands", "nl")


def _url(practice):
    return reverse("practices:population", kwargs={"practice_slug": practice.slug})


def _data(dutch, **overrides):
    data = {
        "registered_patients": "3844",
        "share_0_17": "19",
        "share_18_64": "61,5",
        "share_65_plus": "19,5",
        "share_low_literacy": "12,5",
        "share_migration": "8",
        "languages": [dutch.pk],
    }
    return {**data, **overrides}


def _input(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_a_decimal_comma_is_read_as_a_decimal(client, practice, manager, dutch):
    client.force_login(manager)
    assert client.post(_url(practice), _data(dutch)).status_code == 302
    profile = PopulationProfile.objects.get(practice=practice)
    assert (profile.share_18_64, profile.share_65_plus) == (Decimal("61.5"), Decimal("19.5"))


@pytest.mark.parametrize("typed", ["61.5", "61,5 %", " 61,5"])
def test_a_decimal_point_or_a_percent_sign_is_forgiven(typed):
    assert forgiving_share(typed) == "61,5"


def test_thousands_with_a_point_are_accepted(client, practice, manager, dutch):
    client.force_login(manager)
    assert client.post(_url(practice), _data(dutch, registered_patients="3.844")).status_code == 302
    assert PopulationProfile.objects.get(practice=practice).registered_patients == 3844


def test_the_form_and_page_show_dutch_numbers(client, practice, manager, dutch):
    client.force_login(manager)
    client.post(_url(practice), _data(dutch))
    html = client.get(_url(practice)).text
    assert 'value="3.844"' in _input(html, "registered_patients")
    share = _input(html, "share_18_64")
    assert 'value="61,5"' in share and 'inputmode="decimal"' in share
    assert "ongeveer 2.364 volwassenen" in html  # 3844 × 61.5%, with the thousands separator


def test_a_wrong_number_is_kept_and_explained(client, practice, manager, dutch):
    client.force_login(manager)
    response = client.post(_url(practice), _data(dutch, share_migration="acht"))
    assert response.status_code == 200
    assert 'value="acht"' in _input(response.text, "share_migration")
    assert "Geef een getal, zoals 61,5." in response.text
    assert 'href="#id_share_migration"' in response.text


def test_chart_coordinates_stay_plain_numbers(client, practice, manager, dutch):
    client.force_login(manager)
    client.post(_url(practice), _data(dutch, registered_patients="250000"))
    html = client.get(_url(practice)).text
    for value in re.findall(r'<rect[^>]* width="([^"]+)"', html) + re.findall(r'viewBox="([^"]+)"', html):
        assert "," not in value and not re.search(r"\d\.\d{3}", value), value
