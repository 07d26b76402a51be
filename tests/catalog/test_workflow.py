"""The curators' workflow: which status changes are allowed, and what each step records on a programme."""

from datetime import date

import pytest

from catalog import services
from catalog.models import Programme
from tests import factories
from tests.publishing import publish, ready_for_review

pytestmark = pytest.mark.django_db
Status = Programme.Status
TODAY = date(2026, 3, 10)


@pytest.fixture
def curator():
    return factories.user("curator", is_staff=True)


@pytest.fixture
def second_curator():
    return factories.user("tweede", is_staff=True)


def test_draft_sent_for_review_records_who_sent_it_and_when(curator):
    programme = factories.programme(status=Status.DRAFT)
    services.programme_send_for_review(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.IN_REVIEW
    assert programme.submitted_by == curator
    assert programme.submitted_at is not None


def test_programme_in_review_is_published_by_a_second_curator(second_curator):
    programme = ready_for_review()
    services.programme_publish(programme=programme, by=second_curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED


def test_a_draft_is_never_published_directly(curator):
    programme = factories.programme(status=Status.DRAFT)
    with pytest.raises(services.PublishBlocked, match="beoordeling"):
        services.programme_publish(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT


def test_archived_programme_cannot_be_published_directly(curator):
    programme = factories.programme(status=Status.ARCHIVED)
    with pytest.raises(services.PublishBlocked, match=str(Status.ARCHIVED.label)):
        services.programme_publish(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.ARCHIVED


def test_archived_programme_is_published_again_through_draft_and_review(curator, second_curator):
    programme = ready_for_review(status=Status.ARCHIVED)
    services.programme_back_to_draft(programme=programme, by=curator)
    services.programme_send_for_review(programme=programme, by=curator)
    services.programme_publish(programme=programme, by=second_curator, today=TODAY)
    programme.refresh_from_db()
    assert programme.status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("source", "step"),
    [
        (Status.IN_REVIEW, services.programme_send_for_review),
        (Status.PUBLISHED, services.programme_send_for_review),
        (Status.PUBLISHED, services.programme_publish),
        (Status.WITHDRAWN, services.programme_publish),
        (Status.ARCHIVED, services.programme_archive),
        (Status.DRAFT, services.programme_back_to_draft),
    ],
)
def test_refused_transitions_leave_the_programme_as_it_was(source, step, curator):
    programme = factories.programme(status=source)
    with pytest.raises(services.WorkflowRefused):
        step(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == source


@pytest.mark.parametrize("source", [Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN])
def test_any_programme_that_is_not_archived_can_be_archived(source, curator):
    programme = factories.programme(status=source)
    services.programme_archive(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.ARCHIVED


def test_back_to_draft_starts_a_new_review_round(curator):
    programme = ready_for_review(submitted_by=curator)
    services.programme_back_to_draft(programme=programme, by=curator)
    programme.refresh_from_db()
    assert programme.status == Status.DRAFT
    assert (programme.submitted_by, programme.submitted_at) == (None, None)


def test_publishing_a_never_reviewed_programme_stamps_today_and_a_review_in_a_year():
    programme = ready_for_review(last_reviewed=None, next_review=None)
    publish(programme, today=TODAY)
    programme.refresh_from_db()
    assert programme.last_reviewed == TODAY
    assert programme.next_review == date(2027, 3, 10)


def test_publishing_keeps_an_existing_review_date_and_plans_the_next_from_it():
    programme = ready_for_review(last_reviewed=date(2026, 1, 31))
    publish(programme, today=TODAY)
    programme.refresh_from_db()
    assert programme.last_reviewed == date(2026, 1, 31)
    assert programme.next_review == date(2027, 1, 31)


def test_twelve_months_after_29_february_is_28_february():
    assert services.add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


def test_mark_reviewed_sets_today_and_next_review(curator):
    programme = factories.programme(last_reviewed=date(2024, 5, 1))
    services.programme_mark_reviewed(programme=programme, by=curator, today=TODAY)
    programme.refresh_from_db()
    assert (programme.last_reviewed, programme.next_review) == (TODAY, date(2027, 3, 10))
    assert programme not in Programme.objects.review_due(today=TODAY)


def test_status_change_is_in_the_history_with_curator_and_reason(second_curator):
    programme = ready_for_review()
    publish(programme, by=second_curator, today=TODAY)
    record = programme.history.latest()
    assert record.history_user == second_curator
    assert record.status == Status.PUBLISHED
    assert "→" in record.history_change_reason


def test_sending_for_review_is_in_the_history_with_the_submitter(curator):
    programme = factories.programme(status=Status.DRAFT)
    services.programme_send_for_review(programme=programme, by=curator)
    record = programme.history.latest()
    assert (record.history_user, record.submitted_by, record.status) == (curator, curator, Status.IN_REVIEW)


def test_refusal_message_names_the_programme_and_both_statuses(curator):
    programme = factories.programme("Kleurjeleven", status=Status.ARCHIVED)
    with pytest.raises(services.TransitionRefused) as refused:
        services.programme_archive(programme=programme, by=curator)
    message = str(refused.value)
    assert "Kleurjeleven" in message
    assert message.count(str(Status.ARCHIVED.label)) == 2
