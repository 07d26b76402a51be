"""Free-text search over programmes on both databases: Dutch stemming and the GIN index on PostgreSQL."""

import pytest
from django.db import connection

from catalog.models import Programme
from catalog.search import search_programmes
from tests import factories

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")


def found(text: str) -> list[str]:
    return sorted(programme.name for programme in search_programmes(Programme.objects.published(), text))


def test_search_finds_words_in_name_summary_and_description():
    factories.programme("Mentaal Vitaal")
    factories.programme("Kleur je leven", summary="Een cursus bij somberheid.")
    factories.programme("Drinktest", description="Test hoe riskant je drinkt.")
    assert found("vitaal") == ["Mentaal Vitaal"]
    assert found("somberheid") == ["Kleur je leven"]
    assert found("riskant") == ["Drinktest"]


def test_search_finds_a_longer_word_from_its_beginning():
    factories.programme("Minder drinken", summary="Grip op je alcoholgebruik.")
    assert found("alcohol") == ["Minder drinken"]


def test_search_needs_every_word_to_match():
    factories.programme("Angst de baas", summary="Leer omgaan met angst en paniek.")
    factories.programme("Paniek online", summary="Voor mensen met paniekaanvallen.")
    assert found("angst paniek") == ["Angst de baas"]


def test_search_ignores_case():
    factories.programme("Psyfit")
    assert found("PSYFIT") == ["Psyfit"]


def test_search_never_returns_unpublished_programmes():
    factories.programme("Psyfit concept", status=Programme.Status.DRAFT)
    assert found("psyfit") == []


@pytest.mark.parametrize("text", ["alcohol & | ! :* ( )", "'; drop table x; --", "a:*b", "\\", "!!!"])
def test_search_text_with_operators_or_punctuation_is_harmless(text):
    factories.programme("Minder drinken", summary="Over alcohol.")
    result = found(text)
    assert result in ([], ["Minder drinken"])


def test_empty_search_changes_nothing():
    factories.programme("Psyfit")
    assert found("   ") == ["Psyfit"]


@on_postgresql
def test_search_finds_plural_dutch_word_via_its_stem():
    factories.programme("Online zelfhulp", description="Een behandeling die je thuis volgt.")
    assert found("behandelingen") == ["Online zelfhulp"]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="documents the SQLite fallback")
def test_sqlite_fallback_does_not_stem_dutch_plurals():
    # The fallback is a plain substring match: "behandeling" finds "behandelingen", not the other way round.
    # Stemming needs PostgreSQL's Dutch dictionary, which is what production and CI use.
    factories.programme("Online zelfhulp", description="Een behandeling die je thuis volgt.")
    assert found("behandeling") == ["Online zelfhulp"]
    assert found("behandelingen") == []


def test_a_name_match_ranks_above_a_description_match():
    factories.programme("Slaapcoach", summary="Beter slapen.")
    factories.programme("Fit in je hoofd", description="Ook aandacht voor slaapcoach-technieken.")
    ranked = search_programmes(Programme.objects.published(), "slaapcoach").order_by("-rank", "name")
    assert [programme.name for programme in ranked] == ["Slaapcoach", "Fit in je hoofd"]


@on_postgresql
def test_search_can_use_the_gin_index():
    factories.programme("Minder drinken", summary="Grip op alcoholgebruik.")
    queryset = search_programmes(Programme.objects.all(), "alcohol")
    with connection.cursor() as cursor:
        # Without sequential scans the planner takes the index if, and only if, the expression matches.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "programme_search_nl_gin" in plan, plan
