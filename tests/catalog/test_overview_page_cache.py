"""The whole overview page is cached for anonymous visitors only, per address, and never carries a visitor's own."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("catalog:programme_list")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600


def test_a_member_never_gets_the_page_an_anonymous_visitor_filled(client):
    factories.programme("Psyfit")
    anonymous = client.get(OVERVIEW, {"theme": "depressieve-klachten"}).content.decode()
    assert "Uitloggen" not in anonymous
    client.force_login(factories.user("ingelogde-huisarts"))
    member = client.get(OVERVIEW, {"theme": "depressieve-klachten"}).content.decode()
    assert "Uitloggen" in member
    client.logout()
    assert client.get(OVERVIEW, {"theme": "depressieve-klachten"}).content.decode() == anonymous


def test_the_language_links_keep_the_query_string_as_it_was_sent(client):
    factories.programme("Psyfit")
    first = client.get(OVERVIEW, {"theme": "depressieve-klachten", "cost": "free"}).content.decode()
    swapped = client.get(f"{OVERVIEW}?cost=free&theme=depressieve-klachten").content.decode()
    assert "?theme=depressieve-klachten&amp;cost=free" in first
    assert "?cost=free&amp;theme=depressieve-klachten" in swapped
