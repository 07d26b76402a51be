"""Fixtures every test may use."""

import pytest
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
