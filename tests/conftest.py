"""Fixtures every test may use (tests/README.md says where the rest lives)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from django.utils import translation

from catalog.api.filters import forget_lookup_objects
from catalog.api.programme_index import forget_programme_index
from catalog.defaults import REDACTIE_GROUP
from catalog.models import ChecklistQuestion
from catalog.overview_cache import forget_catalogue_revision
from practices.content import content_load

# The data migrations that fill tables the schema alone leaves empty: the curators' group with its rights, and
# the standard quality checklist questions.
DATA_MIGRATIONS = [
    ("catalog", "0003_redactie_group"),
    ("catalog", "0009_redactie_sources_and_link_checks"),
    ("training", "0003_redactie_permissions"),
]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs collectstatic; tests serve static files straight from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _mail_sent_at_once(settings):
    # Tests read mail.outbox right after the request; tests/toolkit/test_mail_queue.py runs the real queue and worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


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
def _revision_read_every_time(settings):
    # A token memoized in one test may have been rolled back with its database; and with a memo, how many queries
    # a request makes would depend on how long the test took. tests/catalog/test_overview_cache.py tests the memo.
    settings.REVISION_MEMO_SECONDS = 0
    forget_catalogue_revision()
    yield
    forget_catalogue_revision()


@pytest.fixture(autouse=True)
def _empty_cache():
    # The test database is rolled back after each test; pages cached during one must not reach the next, nor what
    # a process keeps per catalogue revision (a rolled-back token may come back).
    cache.clear()
    forget_lookup_objects()
    forget_programme_index()
    yield
    cache.clear()
    forget_lookup_objects()
    forget_programme_index()


def _replay_data_migrations():
    """Run the data migrations' own forward functions again, on the models as the last migration leaves them."""
    loader = MigrationLoader(connection)
    migrated_apps = loader.project_state().apps
    schema_editor = SimpleNamespace(connection=connection)  # the functions only read the connection's alias
    for key in DATA_MIGRATIONS:
        for operation in loader.graph.nodes[key].operations:
            if isinstance(operation, RunPython):
                operation.code(migrated_apps, schema_editor)


# A transactional test (every browser test) ends with a flush: it keeps the schema but empties every table, also
# what the data migrations made. A test that needs that data asks for it here and gets it back if it is gone.


@pytest.fixture
def redactie_group(db):
    """The curators' group `Redactie`, with the rights its migrations give it."""
    if not Group.objects.filter(name=REDACTIE_GROUP).exists():
        _replay_data_migrations()
    return Group.objects.get(name=REDACTIE_GROUP)


@pytest.fixture
def checklist_questions(db):
    """The standard quality checklist questions of migration catalog 0003."""
    if not ChecklistQuestion.objects.exists():
        _replay_data_migrations()
    return list(ChecklistQuestion.objects.order_by("criterion", "position"))


@pytest.fixture(scope="module")
def content_loaded_once(django_db_setup, django_db_blocker):
    """The curated content, loaded once for a whole test module and rolled back when the module ends.

    Loading it takes seconds, and the modules that only read it ran the load once per test. Each test still runs
    in its own savepoint inside this outer transaction, so what one test changes never reaches the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield content_load()
        transaction.set_rollback(True)
