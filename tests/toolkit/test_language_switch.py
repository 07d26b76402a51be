"""The language switch links every page to the same page in the other language, with its filters."""

import re

import pytest
from django.urls import translate_url

from tests import factories

pytestmark = pytest.mark.django_db

SWITCH = re.compile(r'<a class="nav-link" href="([^"]*)" hreflang="(\w+)"')


def switch_links(response):
    return dict((code, href.replace("&amp;", "&")) for href, code in SWITCH.findall(response.text))


@pytest.mark.parametrize(
    "path",
    ["/", "/catalogus/", "/catalogus/keuzehulp/", "/scholing/handleidingen/", "/open-data/", "/bestaat-niet/"],
)
def test_the_switch_gives_what_translate_url_gives(client, path):
    response = client.get(path)
    assert switch_links(response) == {"en": translate_url(path, "en")}


def test_a_page_with_a_slug_and_filters_keeps_both(client):
    programme = factories.programme("Kleur je leven")
    path = programme.get_absolute_url()
    response = client.get(path + "?van=overzicht")
    assert switch_links(response) == {"en": translate_url(path, "en") + "?van=overzicht"}
    assert translate_url(path, "en") != path  # the English address really differs
    english = client.get(switch_links(response)["en"].split("?")[0])
    assert english.status_code == 200
    assert switch_links(english) == {"nl": path}
