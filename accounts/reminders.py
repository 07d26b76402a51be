"""Reminder e-mails that arrive: the kinds there are (REMINDER_JOBS) and the run `manage.py send_reminders` does.

A kind of reminder is a ReminderJob: whom it is for (roles), how often (period), what it says (templates) and a
function that decides who is due today. Adding a kind is one more entry in REMINDER_JOBS; the opt-out page, the
command and the once-per-period bookkeeping (SentReminder) then work for it unchanged.

The command is meant to run daily from cron or a systemd timer (README). It can run any number of times: a
reminder sent for a period is recorded in the same transaction that queues its mail, so a second run in the
same week or month sends nothing; nor does a run for a person who opted out. The mail itself goes through the
task queue (toolkit.mail), which retries a failed send.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderOptOut, SentReminder
from catalog.defaults import REDACTIE_GROUP
from catalog.models import LinkCheck, Programme
from practices.models import Membership, Practice, Role
from practices.reach import add_months, this_month
from toolkit.mail import queue_templated_mail

# Besides the practice roles (practices.models.Role), reminders can be for the catalogue's curators.
CURATOR = "curator"


class Period(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"

    def key(self, today: date) -> str:
        """The period `today` falls in, as stored with each sent reminder: "2026-W48" or "2026-11"."""
        if self == Period.WEEKLY:
            year, week, _weekday = today.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{today:%Y-%m}"


@dataclass(frozen=True)
class Due:
    """One person due for a reminder, with what the mail says. `scope` tells apart two reminders of the same kind
    to one person in one period (the practice's slug, for someone in two practices)."""

    user: object
    context: dict = field(default_factory=dict)
    scope: str = ""


@dataclass(frozen=True)
class ReminderJob:
    kind: str  # stable: stored with every sent reminder and opt-out
    label: object  # shown on the opt-out page
    help_text: object
    roles: frozenset[str]  # practice roles (Role values) and/or CURATOR: who may get it, and opt out of it
    period: Period
    subject_template: str
    text_template: str
    due: Callable[["ReminderJob", date], Iterable[Due]]


def users_with_roles(roles: Iterable[str]) -> QuerySet:
    """Active users with an e-mail address who hold one of `roles` in any practice, or are curators."""
    roles = set(roles)
    query = Q(memberships__role__in=roles - {CURATOR})
    if CURATOR in roles:
        query |= Q(is_staff=True, groups__name=REDACTIE_GROUP)
    return get_user_model().objects.filter(query, is_active=True).exclude(email="").distinct()


def members_with_roles(practice, roles: Iterable[str]) -> QuerySet:
    """The practice's active members with one of `roles` and an e-mail address (for a practice's reminders)."""
    return (
        get_user_model()
        .objects.filter(memberships__practice=practice, memberships__role__in=set(roles), is_active=True)
        .exclude(email="")
        .distinct()
    )


def curator_digest_due(job: ReminderJob, today: date) -> Iterable[Due]:
    """Every curator, once a week, when a published programme's review is due or a link in the catalogue is dead."""
    programmes = list(
        Programme.objects.published()
        .filter(Q(pk__in=Programme.objects.overdue(today=today)) | Q(pk__in=Programme.objects.review_due(today=today)))
        .order_by("next_review", "last_reviewed", "name")
        .only("pk", "name", "next_review", "last_reviewed")
    )
    dead_links = list(LinkCheck.objects.filter(ok=False).order_by("url"))
    if not programmes and not dead_links:
        return
    context = {"programmes": programmes, "dead_links": dead_links, "today": today}
    for user in users_with_roles(job.roles).order_by("pk"):
        yield Due(user=user, context=context)


def practices_without_counts_for(month: date) -> QuerySet:
    """Practices with programmes on their menu that saved no reach counts for `month` (one query)."""
    return (
        Practice.objects.filter(menu_items__isnull=False).exclude(monthly_reach__month=month).distinct().order_by("pk")
    )


def reach_form_due(job: ReminderJob, today: date) -> Iterable[Due]:
    """From the first of a month: last month's reach counts, where the practice has not entered them yet."""
    month = add_months(this_month(today), -1)
    # One query for every due practice's recipients, not one per practice.
    memberships = (
        Membership.objects.filter(
            practice__in=practices_without_counts_for(month),
            role__in=job.roles,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("practice", "user")
        .order_by("practice_id", "user_id")
    )
    for membership in memberships:
        practice = membership.practice
        yield Due(user=membership.user, context={"practice": practice, "month": month}, scope=practice.slug)


REMINDER_JOBS: list[ReminderJob] = [
    ReminderJob(
        kind="curator_digest",
        label=_("Weekly overview for curators"),
        help_text=_("Programmes whose review is due and links in the catalogue that no longer work."),
        roles=frozenset({CURATOR}),
        period=Period.WEEKLY,
        subject_template="accounts/email/curator_digest_subject.txt",
        text_template="accounts/email/curator_digest_body.txt",
        due=curator_digest_due,
    ),
    ReminderJob(
        kind="monthly_reach",
        label=_("Monthly reach form"),
        help_text=_("Once a month, when your practice has not yet entered last month's reach counts."),
        roles=frozenset({Role.POH_GGZ, Role.MANAGER}),
        period=Period.MONTHLY,
        subject_template="accounts/email/reach_due_subject.txt",
        text_template="accounts/email/reach_due_body.txt",
        due=reach_form_due,
    ),
]


def jobs_for(user) -> list[ReminderJob]:
    """The kinds of reminder this person can get, so the opt-out page offers exactly those."""
    return [job for job in REMINDER_JOBS if users_with_roles(job.roles).filter(pk=user.pk).exists()]


@dataclass
class RunSummary:
    sent: int = 0
    opted_out: int = 0
    already_sent: int = 0


def reminders_send(*, today: date, dry_run: bool = False, kinds: Iterable[str] | None = None) -> dict[str, RunSummary]:
    """Queue every reminder due today that was not sent in its period and whose recipient did not opt out."""
    summaries = {}
    for job in REMINDER_JOBS:
        if kinds and job.kind not in kinds:
            continue
        summaries[job.kind] = summary = RunSummary()
        period = job.period.key(today)
        opted_out = set(ReminderOptOut.objects.filter(kind=job.kind).values_list("user_id", flat=True))
        for due in job.due(job, today):
            if due.user.pk in opted_out:
                summary.opted_out += 1
            elif dry_run:
                sent = SentReminder.objects.filter(kind=job.kind, user=due.user, period=period, scope=due.scope)
                if sent.exists():
                    summary.already_sent += 1
                else:
                    summary.sent += 1
            elif _send(job, due, period):
                summary.sent += 1
            else:
                summary.already_sent += 1
    return summaries


@transaction.atomic
def _send(job: ReminderJob, due: Due, period: str) -> bool:
    # The record and the queued mail commit together: a crash between them neither loses nor doubles the reminder.
    _record, created = SentReminder.objects.get_or_create(kind=job.kind, user=due.user, period=period, scope=due.scope)
    if not created:
        return False
    site = settings.SITE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **due.context,
            "user": due.user,
            "site_url": site,
            "settings_link": site + reverse("reminder_settings"),
        }
        queue_templated_mail(
            to=due.user.email,
            subject_template=job.subject_template,
            text_template=job.text_template,
            context=context,
        )
    return True
