"""The count of sourced, unsourced and unknown facts and verdicts (catalog.content_report and its command)."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalog.content_report import content_report, fact_known
from catalog.models import Criterion, FactSource, Programme, ProgrammeFact, Verdict
from tests import factories
from tests.publishing import source

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return factories.programme("Telbaar", verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS})


def test_a_no_is_knowledge_and_none_is_unknown(programme):
    programme.his_feedback = False
    programme.available_after_treatment = None
    programme.cost = Programme.Cost.UNKNOWN
    assert fact_known(programme, ProgrammeFact.HIS_FEEDBACK)
    assert not fact_known(programme, ProgrammeFact.AFTER_TREATMENT)
    assert not fact_known(programme, ProgrammeFact.COST)


def test_known_facts_are_split_by_whether_a_source_backs_them(programme):
    FactSource.objects.create(programme=programme, fact=ProgrammeFact.SEVERITY, source=source())
    report = content_report()
    assert report.programmes == 1
    assert report.facts[ProgrammeFact.SEVERITY].sourced == 1
    assert report.facts[ProgrammeFact.COST].unsourced == 1  # the factory's "free", with no source
    assert report.facts[ProgrammeFact.DURATION].unknown == 1
    assert ("Telbaar", str(ProgrammeFact.COST.label)) in report.unsourced_facts
    assert ("Telbaar", str(ProgrammeFact.SEVERITY.label)) not in report.unsourced_facts


def test_verdicts_are_counted_and_unknown_ones_listed_with_their_reason(programme):
    report = content_report()
    assert report.verdicts[Verdict.MEETS] == 1 and report.verdicts[Verdict.UNKNOWN] == 3
    assert report.unknown_verdict_share == 0.75
    assert len(report.unknown_verdicts) == 3


def test_drafts_are_not_counted(programme):
    factories.programme("Concept", status=Programme.Status.DRAFT)
    assert content_report().programmes == 1


def test_the_command_prints_the_counts(programme):
    out = StringIO()
    call_command("content_report", "--details", stdout=out)
    text = out.getvalue()
    assert "Public programmes: 1" in text
    assert "unknown share: 75%" in text
    assert "no source: Telbaar" in text
