"""The curators' workflow: which status changes are allowed, and what publishing stamps on a programme."""

from datetime import date

import pytest

from catalog import services
from catalog.models import Criterion, Programme, QualityAssessment
from tests import factories

pytestmark = pytest.mark.django_db
Status = Programme.Status
TODAY = date(2026, 3, 10)


@pytest.fixture
def curator():
    return factories.user("curator", is_staff=True)


def test_draft_can_be_sent_for_review(curator):
    programme = factories.programme(status=Status.DRAFT)
    services.programme_send_for_review(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.IN_REVIEW


@pytest.mark.parametrize("source", [Status.DRAFT, Status.IN_REVIEW])
def test_draft_or_reviewed_programme_can_be_published(source, curator):
    programme = factories.programme(status=source)
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED


def test_archived_programme_cannot_be_published_directly(curator):
    programme = factories.programme(status=Status.ARCHIVED)
    with pytest.raises(services.TransitionRefused, match=str(Status.ARCHIVED.label)):
        services.programme_publish(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.ARCHIVED


def test_archived_programme_is_published_again_through_draft(curator):
    programme = factories.programme(status=Status.ARCHIVED)
    services.programme_back_to_draft(programme=programme, by=curator)
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("source", "step"),
    [
        (Status.IN_REVIEW, services.programme_send_for_review),
        (Status.PUBLISHED, services.programme_send_for_review),
        (Status.PUBLISHED, services.programme_publish),
        (Status.ARCHIVED, services.programme_archive),
        (Status.DRAFT, services.programme_back_to_draft),
    ],
)
def test_refused_transitions_leave_the_programme_as_it_was(source, step, curator):
    programme = factories.programme(status=source)
    with pytest.raises(services.TransitionRefused):
        step(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == source


@pytest.mark.parametrize("source", [Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED])
def test_any_programme_that_is_not_archived_can_be_archived(source, curator):
    programme = factories.programme(status=source)
    services.programme_archive(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.ARCHIVED


def test_publishing_a_never_reviewed_programme_stamps_today_and_a_review_in_a_year(curator):
    programme = factories.programme(status=Status.DRAFT, last_reviewed=None, next_review=None)
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.last_reviewed == TODAY
    assert programme.next_review == date(2027, 3, 10)


def test_publishing_keeps_an_existing_review_date_and_plans_the_next_from_it(curator):
    programme = factories.programme(status=Status.IN_REVIEW, last_reviewed=date(2026, 1, 31))
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.last_reviewed == date(2026, 1, 31)
    assert programme.next_review == date(2027, 1, 31)


def test_twelve_months_after_29_february_is_28_february():
    assert services.add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


def test_publishing_adds_missing_assessments_as_unknown(curator):
    programme = factories.programme(status=Status.DRAFT)
    programme.assessments.exclude(criterion=Criterion.EFFECTIVENESS).delete()
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    assert sorted(programme.assessments.values_list("criterion", flat=True)) == sorted(Criterion.values)
    assert QualityAssessment.objects.filter(programme=programme, verdict="unknown").count() == 4


def test_mark_reviewed_sets_today_and_next_review(curator):
    programme = factories.programme(last_reviewed=date(2024, 5, 1))
    services.programme_mark_reviewed(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert (programme.last_reviewed, programme.next_review) == (TODAY, date(2027, 3, 10))
    assert programme not in Programme.objects.review_due(today=TODAY)


def test_status_change_is_in_the_history_with_curator_and_reason(curator):
    programme = factories.programme(status=Status.DRAFT)
    services.programme_publish(programme=programme, by=curator, today=TODAY)
    record = programme.history.latest()
    assert record.history_user == curator
    assert record.status == Status.PUBLISHED
    assert "→" in record.history_change_reason


def test_refusal_message_names_the_programme_and_both_statuses(curator):
    programme = factories.programme("Kleurjeleven", status=Status.ARCHIVED)
    with pytest.raises(services.TransitionRefused) as refused:
        services.programme_publish(programme=programme, by=curator)
    message = str(refused.value)
    assert "Kleurjeleven" in message
    assert str(Status.ARCHIVED.label) in message
    assert str(Status.PUBLISHED.label) in message
