"""Writes on the catalogue: moving a programme through the curators' workflow.

The workflow is draft → in review → published → archived, with these rules (ALLOWED_SOURCES):

- "send for review" only from draft;
- "publish" from draft or in review (a small team may publish a draft directly; review is advised);
- "archive" from any status but archived;
- "back to draft" from in review, published or archived.

An archived programme is never published directly: its information may be stale, so it goes back to
draft and is checked first. Publishing stamps `last_reviewed` with today when it is empty and sets
`next_review` to twelve months after `last_reviewed`, the interval the "review due" filter uses (so
publishing a programme last reviewed over a year ago leaves it due for review, which is the truth).
django-simple-history records every change with the curator and a change reason.
"""

import calendar
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from catalog.models import Criterion, Programme, QualityAssessment

Status = Programme.Status

# Target status -> the statuses a programme may come from.
ALLOWED_SOURCES = {
    Status.IN_REVIEW: {Status.DRAFT},
    Status.PUBLISHED: {Status.DRAFT, Status.IN_REVIEW},
    Status.ARCHIVED: {Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED},
    Status.DRAFT: {Status.IN_REVIEW, Status.PUBLISHED, Status.ARCHIVED},
}
REVIEW_MONTHS = 12


class TransitionRefused(Exception):
    """The programme's current status does not allow the requested step."""

    def __init__(self, programme, target):
        self.programme, self.target = programme, target
        super().__init__(
            gettext("“%(name)s” has status ‘%(current)s’; it cannot move to ‘%(target)s’ from there.")
            % {
                "name": programme.name,
                "current": programme.get_status_display(),
                "target": Status(target).label,
            }
        )


def transition_allowed(source: str, target: str) -> bool:
    return source in ALLOWED_SOURCES.get(target, set())


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (29 Feb -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _transition(*, programme: Programme, target: str, by, also=None) -> Programme:
    """Move `programme` to `target`; `also(locked)` may change more fields and returns their names."""
    # Lock the row and decide on its current status, so two curators clicking at once cannot both win.
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    if not transition_allowed(locked.status, target):
        raise TransitionRefused(locked, target)
    old_label = locked.get_status_display()
    locked.status = target
    changed = ["status", "updated_at", *(also(locked) if also else [])]
    locked._history_user = by
    locked._change_reason = gettext("Status: %(old)s → %(new)s") % {
        "old": old_label,
        "new": locked.get_status_display(),
    }
    locked.save(update_fields=changed)
    # The caller's instance shows the new state too (the admin reuses it in its messages).
    for name in changed:
        setattr(programme, name, getattr(locked, name))
    return locked


@transaction.atomic
def programme_send_for_review(*, programme: Programme, by) -> Programme:
    return _transition(programme=programme, target=Status.IN_REVIEW, by=by)


@transaction.atomic
def programme_publish(*, programme: Programme, by, today: date | None = None) -> Programme:
    """Make the programme public; it always has its four quality assessments once published."""
    today = today or timezone.localdate()

    def stamp_review_dates(locked):
        locked.last_reviewed = locked.last_reviewed or today
        locked.next_review = add_months(locked.last_reviewed, REVIEW_MONTHS)
        return ["last_reviewed", "next_review"]

    published = _transition(programme=programme, target=Status.PUBLISHED, by=by, also=stamp_review_dates)
    programme_assessments_complete(programme=published, by=by)
    return published


@transaction.atomic
def programme_archive(*, programme: Programme, by) -> Programme:
    return _transition(programme=programme, target=Status.ARCHIVED, by=by)


@transaction.atomic
def programme_back_to_draft(*, programme: Programme, by) -> Programme:
    return _transition(programme=programme, target=Status.DRAFT, by=by)


@transaction.atomic
def programme_mark_reviewed(*, programme: Programme, by, today: date | None = None) -> Programme:
    """Record that a curator checked the programme today; the next review is due in twelve months."""
    today = today or timezone.localdate()
    programme.last_reviewed = today
    programme.next_review = add_months(today, REVIEW_MONTHS)
    programme._history_user = by
    programme._change_reason = gettext("Reviewed")
    programme.save(update_fields=["last_reviewed", "next_review", "updated_at"])
    return programme


@transaction.atomic
def programme_assessments_complete(*, programme: Programme, by) -> list[QualityAssessment]:
    """Add an 'unknown' assessment for every criterion the programme has none for yet; returns the added ones.

    The public pages show all four criteria side by side, so a missing one must read as "unknown", not vanish.
    """
    existing = set(programme.assessments.values_list("criterion", flat=True))
    added = []
    for criterion in Criterion.values:
        if criterion in existing:
            continue
        assessment = QualityAssessment(programme=programme, criterion=criterion)
        assessment._history_user = by
        assessment.save()
        added.append(assessment)
    return added
