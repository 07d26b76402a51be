"""The monthly reminder that the reach form is due, for the practice's POH-ggz and manager (opt-out per person).

It joins accounts.reminders.REMINDER_JOBS when the practices app is ready, so `send_reminders` sends it with the
same once-per-month bookkeeping and opt-out as every other reminder.
"""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext_lazy as _

from accounts.reminders import Due, Period, ReminderJob, members_with_roles
from practices.models import Practice, Role
from practices.reach import add_months, this_month


def practices_without_counts_for(month: date):
    """Practices with programmes on their menu that saved no counts for `month` (one query)."""
    return (
        Practice.objects.filter(menu_items__isnull=False).exclude(monthly_reach__month=month).distinct().order_by("pk")
    )


def reach_form_due(job: ReminderJob, today: date) -> Iterable[Due]:
    """From the first of a month: last month's counts, where the practice has not entered them yet."""
    month = add_months(this_month(today), -1)
    for practice in practices_without_counts_for(month):
        for user in members_with_roles(practice, job.roles).order_by("pk"):
            yield Due(user=user, context={"practice": practice, "month": month}, scope=practice.slug)


MONTHLY_REACH = ReminderJob(
    kind="monthly_reach",
    label=_("Monthly reach form"),
    help_text=_("Once a month, when your practice has not yet entered last month's reach counts."),
    roles=frozenset({Role.POH_GGZ, Role.MANAGER}),
    period=Period.MONTHLY,
    subject_template="practices/email/reach_due_subject.txt",
    text_template="practices/email/reach_due_body.txt",
    due=reach_form_due,
)


def register(jobs: list[ReminderJob]) -> None:
    if all(job.kind != MONTHLY_REACH.kind for job in jobs):
        jobs.append(MONTHLY_REACH)
