"""The curators' group and the quality checklist exist from the migrations on.

After a flush only the test fixtures of tests/conftest.py bring them back: no production code restores them.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from catalog.models import ChecklistQuestion, Criterion


def redactie_codenames():
    return set(Group.objects.get(name="Redactie").permissions.values_list("codename", flat=True))


@pytest.mark.django_db
def test_redactie_may_add_change_delete_and_view_every_catalogue_model(redactie_group):
    codenames = redactie_codenames()
    models = ["programme", "provider", "qualityassessment", "checklistanswer", "study", "resource", "theme"]
    for model in models:
        assert {f"{action}_{model}" for action in ["add", "change", "delete", "view"]} <= codenames


@pytest.mark.django_db
def test_redactie_may_only_view_the_history_tables(redactie_group):
    codenames = redactie_codenames()
    assert "view_historicalprogramme" in codenames
    assert "delete_historicalprogramme" not in codenames


@pytest.mark.django_db
def test_every_criterion_has_checklist_questions_in_dutch(checklist_questions):
    for criterion in Criterion.values:
        assert ChecklistQuestion.objects.filter(criterion=criterion).exists()
    assert ChecklistQuestion.objects.filter(text__icontains="klachtenprocedure").exists()


def checklist():
    return list(ChecklistQuestion.objects.order_by("criterion", "position").values_list("criterion", "text"))


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_test_fixtures_give_back_exactly_what_the_migrations_made(request):
    if not Group.objects.filter(name="Redactie").exists():
        # Another transactional test in this worker flushed first: what the migrations made is gone, so there is
        # nothing to compare with in this run (the test runs first in a run of this file alone, and in CI's order).
        pytest.skip("the data migrations' rows were flushed by an earlier test")
    migrated = (redactie_codenames(), checklist())
    assert {"change_programme", "change_course", "view_certificate"} <= migrated[0]
    call_command("flush", interactive=False, verbosity=0)
    assert not Group.objects.filter(name="Redactie").exists()
    assert not ChecklistQuestion.objects.exists()

    request.getfixturevalue("redactie_group")
    request.getfixturevalue("checklist_questions")
    assert (redactie_codenames(), checklist()) == migrated


@pytest.mark.django_db
def test_redactie_may_curate_sources_and_the_sources_of_facts(redactie_group):
    codenames = redactie_codenames()
    for model in ["source", "factsource"]:
        assert {f"{action}_{model}" for action in ["add", "change", "delete", "view"]} <= codenames
    assert "view_historicalsource" in codenames
    assert "change_historicalsource" not in codenames


@pytest.mark.django_db
def test_redactie_only_reads_the_link_checks_the_command_writes(redactie_group):
    codenames = redactie_codenames()
    assert "view_linkcheck" in codenames
    assert not {"add_linkcheck", "change_linkcheck", "delete_linkcheck"} & codenames
