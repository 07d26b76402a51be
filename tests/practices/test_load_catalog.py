"""`manage.py load_catalog`: the curated content in production (DEBUG off), twice in a row, without accounts."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from catalog.models import Programme, Source, Theme
from practices.content import CONTENT_FIXTURES, HISTORY_REASON, content_load
from practices.models import Practice
from training.models import Course, FundingScheme

pytestmark = pytest.mark.django_db

CONTENT_APPS = ["catalog", "training"]


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def _fixture_rows():
    rows = {}
    for name in CONTENT_FIXTURES:
        for row in json.loads((settings.BASE_DIR / "fixtures" / f"{name}.json").read_text(encoding="utf-8")):
            rows[row["model"]] = rows.get(row["model"], 0) + 1
    return rows


def _counts():
    return {
        model._meta.label_lower: model.objects.count()
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_loads_every_row_of_the_content_fixtures_with_debug_off():
    out = StringIO()
    call_command("load_catalog", stdout=out)
    counts = _counts()
    for label, expected in _fixture_rows().items():
        assert counts[label] == expected, label
    assert Programme.objects.published().exists()
    assert Course.objects.published().exists()
    assert FundingScheme.objects.exists()
    assert "row(s) created" in out.getvalue()


def test_creates_no_accounts_and_no_practices():
    call_command("load_catalog", stdout=StringIO())
    call_command("load_catalog", stdout=StringIO())
    assert not get_user_model().objects.exists()
    assert not Practice.objects.exists()


def test_running_twice_changes_nothing():
    call_command("load_catalog", stdout=StringIO())
    first = _counts()
    out = StringIO()
    call_command("load_catalog", stdout=out)
    assert _counts() == first
    assert "0 row(s) created" in out.getvalue()


def test_a_curators_later_change_is_not_overwritten():
    content_load()
    programme = Programme.objects.get(slug="kleurjeleven")
    programme.summary = "Door de redactie herschreven samenvatting."
    programme.save()
    programme.themes.clear()
    source = Source.objects.get(pk=1)
    source.title = "Gecorrigeerde titel"
    source.save()
    result = content_load()
    assert result.created_total == 0
    programme.refresh_from_db()
    assert programme.summary == "Door de redactie herschreven samenvatting."
    assert not programme.themes.exists()
    assert Source.objects.get(pk=1).title == "Gecorrigeerde titel"


def test_a_row_that_is_missing_is_created_again_and_the_rest_kept():
    content_load()
    Theme.objects.filter(slug="slaapproblemen").delete()
    before = Theme.objects.count()
    result = content_load()
    assert Theme.objects.count() == before + (result.created["catalog.theme"])
    assert result.kept_total > 0


def test_new_rows_after_loading_get_free_ids():
    content_load()
    highest = Theme.objects.order_by("-pk").first().pk
    theme = Theme.objects.create(name="Nieuw thema van de redactie", slug="nieuw-thema")
    assert theme.pk > highest


def test_history_says_where_the_rows_came_from():
    content_load()
    programme = Programme.objects.get(slug="kleurjeleven")
    first = programme.history.earliest("history_date")
    assert first.history_type == "+" and first.history_change_reason == HISTORY_REASON


def test_a_clash_with_a_curators_own_row_loads_nothing(settings):
    Theme.objects.create(pk=900, name="Depressieve klachten", slug="depressieve-klachten-eigen")
    with pytest.raises(CommandError, match="Nothing loaded"):
        call_command("load_catalog", stdout=StringIO())
    assert not Programme.objects.exists()
    assert Theme.objects.count() == 1


def test_load_demo_uses_the_same_content_and_adds_only_demo_accounts_and_practices(settings):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_catalog", stdout=StringIO())
    content = _counts()
    call_command("load_demo", stdout=StringIO())
    after = _counts()
    # The demo adds people, practices and their data, not catalogue or course content.
    for label in _fixture_rows():
        assert after[label] == content[label], label
    assert Practice.objects.filter(is_demo=True).count() == Practice.objects.count() > 0
