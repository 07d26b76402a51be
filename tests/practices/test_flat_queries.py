"""The keuzehulp result, the practice menu and the dashboard take as many queries at 40 programmes as at 5, both on
a first visit (cache empty) and a warm one (cache on); and the menu's suggestions need no programme relations."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Programme
from practices import selectors, services, suggestion_index
from tests.catalog.test_queries import build_catalogue
from tests.practices import factories
from tests.practices.test_menu_suggestion_index import _expected, _shown, _varied_catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

KEUZEHULP = {"theme": "angst", "severity": "moderate", "age": "adult", "language": "nl", "guidance": "guided"}


def _pages(practice):
    slug = {"practice_slug": practice.slug}
    return {
        "keuzehulp": (reverse("catalog:keuzehulp"), KEUZEHULP),
        "menu": (reverse("practices:menu", kwargs=slug), {}),
        "dashboard": (reverse("practices:dashboard", kwargs=slug), {}),
    }


def _counts(client, practice, *, warm):
    counts = {}
    for name, (url, params) in _pages(practice).items():
        cache.clear()
        if warm:
            assert client.get(url, params).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


@pytest.mark.parametrize("warm", [False, True], ids=["first visit", "warm"])
def test_queries_do_not_grow_from_5_to_40_programmes(client, practice, manager, settings, warm):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600 if warm else 0
    build_catalogue(5)
    factories.population(practice, share_low_literacy=Decimal("20"))
    for programme in Programme.objects.order_by("name")[:2]:
        services.menu_add(practice=practice, by=manager, programme=programme)
    client.force_login(manager)
    client.get(reverse("practices:dashboard", kwargs={"practice_slug": practice.slug}))  # remembers the practice
    small = _counts(client, practice, warm=warm)
    build_catalogue(35, prefix="Meer")
    assert _counts(client, practice, warm=warm) == small


def test_suggestions_read_only_the_shown_programmes_rows(practice, manager):
    """The ranked entry keeps the traits of the best: the shown programmes come in one query, no relations."""
    _varied_catalogue(20)
    profile = selectors.population_profile(practice)
    selectors.programme_suggestions(practice, profile)  # fills the index and the ranked entry
    with CaptureQueriesContext(connection) as queries:
        suggestions = selectors.programme_suggestions(practice, profile)
    assert suggestions
    assert len(queries) == 3  # the menu's programme ids, the catalogue revision, the shown programmes


def test_suggestions_read_the_traits_the_ranked_entry_lacks_and_rank_the_same(practice, manager, monkeypatch):
    monkeypatch.setattr(suggestion_index, "TRAITS_KEPT", 1)
    _varied_catalogue(30)
    factories.population(practice, share_low_literacy=Decimal("30"), share_65_plus=Decimal("25"))
    profile = selectors.population_profile(practice)
    for programme in Programme.objects.order_by("pk")[:4]:
        services.menu_add(practice=practice, by=manager, programme=programme)
    assert _shown(selectors.programme_suggestions(practice, profile)) == _shown(_expected(practice, profile))
