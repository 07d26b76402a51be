"""Fixtures every test may use."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs collectstatic; tests serve static files straight from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # A request under /en/ leaves English active in the test thread; every test starts in Dutch again.
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture(autouse=True)
def _overview_rendered_every_time(settings):
    # Tests look at what the overview renders; tests/catalog/test_overview_cache.py and the browser journeys
    # switch the cache on to test it.
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache():
    # The test database is rolled back after each test; pages cached during one must not reach the next.
    cache.clear()
    yield
    cache.clear()
