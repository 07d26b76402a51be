"""Writes of the reach figures: the month's counts (each correction audited) and the keuzehulp's advice counter."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from practices.audit import audit_record
from practices.care_group_cache import bumps_deferred
from practices.models import AuditEvent, Practice
from practices.models_reach import COUNT_FIELDS, AdviceCount, MonthlyReach
from practices.reach import is_open, month_start, this_month


class ReachMonthLocked(ValidationError):
    def __init__(self):
        super().__init__(
            _("This month is closed: counts can be entered for this month and the three before it."),
            code="month_locked",
        )


@dataclass(frozen=True)
class ReachSaved:
    created: int  # programmes counted for the first time this month
    corrected: int  # programmes whose saved counts changed


@transaction.atomic
@bumps_deferred()  # one new version for the practice's care groups, not one per programme saved
def reach_save(
    *, practice: Practice, month: date, by, counts: Mapping, today: date | None = None, is_demo: bool = False
) -> ReachSaved:
    """Store the month's counts per programme ({programme: {"offered": n, …}}); the form has checked them.

    The first entry of a programme in a month is a "create" in the audit log; every later change of a saved count
    is a correction, logged with the old and the new numbers (counts only, nothing about a patient).
    """
    month = month_start(month)
    if not is_demo and not is_open(month, today):
        raise ReachMonthLocked
    existing = {
        row.programme_id: row for row in MonthlyReach.objects.select_for_update().filter(practice=practice, month=month)
    }
    created = corrected = 0
    new_names = []
    for programme, values in counts.items():
        values = {field: int(values[field]) for field in COUNT_FIELDS}
        row = existing.get(programme.pk)
        if row is None:
            MonthlyReach.objects.create(
                practice=practice, month=month, programme=programme, updated_by=by, is_demo=is_demo, **values
            )
            created += 1
            new_names.append(programme.name)
            continue
        changes = [
            f"{field} {getattr(row, field)} -> {values[field]}"
            for field in COUNT_FIELDS
            if getattr(row, field) != values[field]
        ]
        if not changes:
            continue
        for field, value in values.items():
            setattr(row, field, value)
        row.updated_by, row.is_demo = by, is_demo
        row.save()
        corrected += 1
        audit_record(
            practice=practice,
            user=by,
            action=AuditEvent.Action.CHANGE,
            subject=f"reach {month:%Y-%m} corrected: {programme.name} ({', '.join(changes)})",
        )
    if created:
        audit_record(
            practice=practice,
            user=by,
            action=AuditEvent.Action.CREATE,
            subject=f"reach {month:%Y-%m} entered: {', '.join(new_names)}",
        )
    return ReachSaved(created=created, corrected=corrected)


def advice_count_add(*, practice_id: int, programme_ids: Iterable[int], today: date | None = None) -> None:
    """Count one advice sheet for each programme on it, for the practice and this month. Nothing else is kept."""
    month = this_month(today)
    for programme_id in dict.fromkeys(programme_ids):
        with transaction.atomic():
            counter, _created = AdviceCount.objects.get_or_create(
                practice_id=practice_id, month=month, programme_id=programme_id
            )
            AdviceCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)


def count_advice_sheet(sender, *, request, programme_ids, **kwargs):
    """The catalogue's `advice_sheet_shown` signal: count it when a member of a practice handed it out."""
    context = getattr(request, "practice_context", None)
    if not context or not context.practice_id or not programme_ids:
        return
    advice_count_add(practice_id=context.practice_id, programme_ids=programme_ids)
