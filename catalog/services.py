"""Writes on the catalogue: moving a programme through the curators' workflow, behind the publish gate.

The workflow is draft → in review → published → no longer offered (withdrawn) → archived, with these rules
(ALLOWED_SOURCES):

- "send for review" only from draft; it records who sent it and when (`submitted_by`, `submitted_at`);
- "publish" only from in review, and only when `publish_blockers()` finds nothing missing: all four criteria
  assessed with a date, an "unknown" verdict explained publicly, every other verdict with a source, a real summary
  (not a "Concept…"), a text for patients that passes the readability check (catalog.readability), provider,
  themes, severity and delivery known, and a second curator (four eyes: whoever sent
  it for review cannot publish it);
- "withdraw" (no longer offered) only from published, with a public reason; the page stays reachable;
- "archive" from any status but archived;
- "back to draft" from in review, published, withdrawn or archived; it clears the review round's submitter.

An archived or withdrawn programme is never published directly: its information may be stale, so it goes back
to draft, is checked and goes through review again. Publishing stamps `last_reviewed` with today when it is empty
and sets `next_review` to twelve months after `last_reviewed`, the interval the "review due" filter uses (so
publishing a programme last reviewed over a year ago leaves it due for review, which is the truth).
django-simple-history records every change with the curator and a change reason.
"""

import calendar
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from catalog import readability
from catalog.models import Criterion, Programme, QualityAssessment, Verdict

Status = Programme.Status

# Target status -> the statuses a programme may come from.
ALLOWED_SOURCES = {
    Status.IN_REVIEW: {Status.DRAFT},
    Status.PUBLISHED: {Status.IN_REVIEW},
    Status.WITHDRAWN: {Status.PUBLISHED},
    Status.ARCHIVED: {Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN},
    Status.DRAFT: {Status.IN_REVIEW, Status.PUBLISHED, Status.WITHDRAWN, Status.ARCHIVED},
}
REVIEW_MONTHS = 12
# Statuses with a public page: an edit may not take away what the publish gate asked for.
PUBLIC_STATUSES = frozenset({Status.PUBLISHED, Status.WITHDRAWN})
# A summary that starts like this is a placeholder, not text for the public.
PLACEHOLDER_SUMMARY_START = "concept"


class WorkflowRefused(Exception):
    """A workflow step was refused; the message says why, in words a curator can act on."""


class TransitionRefused(WorkflowRefused):
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


class PublishBlocked(WorkflowRefused):
    """The programme does not pass the publish gate; `blockers` lists every missing thing."""

    def __init__(self, programme, blockers):
        self.programme, self.blockers = programme, list(blockers)
        super().__init__(
            gettext("“%(name)s” cannot be published yet. Still missing: %(missing)s")
            % {"name": programme.name, "missing": " ".join(self.blockers)}
        )


class ReasonRequired(WorkflowRefused):
    def __init__(self):
        super().__init__(gettext("Give the reason why the programme is no longer offered; the public page shows it."))


def transition_allowed(source: str, target: str) -> bool:
    return source in ALLOWED_SOURCES.get(target, set())


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (29 Feb -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


# --- the publish gate ---------------------------------------------------------------------------------------
# Small rules, each returning the sentence a curator reads, or None. The admin's forms reuse the field rules so a
# published programme cannot be edited back into something the gate would have refused.


def summary_blocker(summary: str) -> str | None:
    summary = (summary or "").strip()
    if not summary:
        return gettext("Write the summary.")
    if summary.lower().startswith(PLACEHOLDER_SUMMARY_START):
        return gettext("The summary still starts with “Concept”: write the text for the public.")
    return None


def patient_text_blocker(patient_text: str) -> str | None:
    """Patients read this text, not the professional summary: it must be there and easy to read."""
    if not (patient_text or "").strip():
        return gettext("Write the text for patients (plain Dutch at B1).")
    problems = readability.problems(patient_text)
    return " ".join(problems) if problems else None


def severity_blocker(suits_mild: bool | None, suits_moderate: bool | None) -> str | None:
    if suits_mild is None and suits_moderate is None:
        return gettext("Fill in the severity: whether it suits mild or moderate complaints.")
    return None


def delivery_blocker(self_help: bool | None, guided: bool | None, blended: bool | None) -> str | None:
    if self_help is None and guided is None and blended is None:
        return gettext("Fill in the delivery: self-help, guided by the POH-ggz or blended.")
    return None


def verdict_source_blocker(criterion_label: str, verdict: str, has_sources: bool) -> str | None:
    """A verdict other than unknown rests on at least one source (CONTENT.md: every claim has its source)."""
    if verdict != Verdict.UNKNOWN and not has_sources:
        return gettext("The verdict on “%(criterion)s” has no source: add the source it rests on.") % {
            "criterion": criterion_label
        }
    return None


def unknown_rationale_blocker(criterion_label: str, verdict: str, rationale: str) -> str | None:
    if verdict == Verdict.UNKNOWN and not (rationale or "").strip():
        return gettext(
            "The verdict on “%(criterion)s” is unknown: explain in one public sentence what is not known and why."
        ) % {"criterion": criterion_label}
    return None


def assessment_blockers(programme: Programme) -> list[str]:
    assessments = {assessment.criterion: assessment for assessment in programme.assessments.prefetch_related("sources")}
    blockers = []
    for criterion in Criterion:
        assessment = assessments.get(criterion.value)
        if assessment is None or assessment.assessed_on is None:
            blockers.append(
                gettext("Assess “%(criterion)s” and fill in the date of the assessment.")
                % {"criterion": criterion.label}
            )
            if assessment is None:
                continue
        has_sources = bool(assessment.sources.all())
        for blocker in (
            unknown_rationale_blocker(criterion.label, assessment.verdict, assessment.rationale),
            verdict_source_blocker(criterion.label, assessment.verdict, has_sources),
        ):
            if blocker:
                blockers.append(blocker)
    return blockers


# The programme's own fields the gate checks: the field a message stands next to -> the fields it is about.
GATED_FIELD_GROUPS = {
    "summary": ("summary",),
    "patient_text": ("patient_text",),
    "suits_mild": ("suits_mild", "suits_moderate"),
    "offers_self_help": ("offers_self_help", "offers_guided", "offers_blended"),
}
GATED_FIELDS = tuple(name for group in GATED_FIELD_GROUPS.values() for name in group)


def field_blockers(values: dict) -> dict[str, str]:
    """The gate's rules on a programme's own fields (`values` maps GATED_FIELDS to values): field -> message."""
    blockers = {
        "summary": summary_blocker(values.get("summary", "")),
        "patient_text": patient_text_blocker(values.get("patient_text", "")),
        "suits_mild": severity_blocker(values.get("suits_mild"), values.get("suits_moderate")),
        "offers_self_help": delivery_blocker(
            values.get("offers_self_help"), values.get("offers_guided"), values.get("offers_blended")
        ),
    }
    return {field: message for field, message in blockers.items() if message}


def content_blockers(programme: Programme) -> list[str]:
    """What the public page still lacks; the same list whoever publishes."""
    blockers = []
    if not programme.provider_id:
        blockers.append(gettext("Choose the provider."))
    if not (programme.pk and programme.themes.exists()):
        blockers.append(gettext("Choose at least one theme."))
    blockers += field_blockers({name: getattr(programme, name) for name in GATED_FIELDS}).values()
    if programme.pk:
        blockers += assessment_blockers(programme)
    return blockers


def review_blockers(programme: Programme, *, by) -> list[str]:
    """The workflow part of the gate: in review, and a second curator publishes (four eyes)."""
    if programme.status == Status.PUBLISHED:
        return [gettext("It is published already.")]
    if programme.status == Status.DRAFT:
        return [gettext("Send it for review first; a second curator then publishes it.")]
    if programme.status != Status.IN_REVIEW:
        return [
            gettext("It has status ‘%(status)s’: move it back to draft, check it and send it for review again.")
            % {"status": programme.get_status_display()}
        ]
    if programme.submitted_by_id is None:
        return [gettext("Nobody is recorded as having sent it for review: move it back to draft and send it again.")]
    if by is None:
        return [gettext("Only a named curator can publish: log in as yourself.")]
    if programme.submitted_by_id == by.pk:
        return [gettext("You sent it for review yourself: a second curator must check and publish it.")]
    return []


def publish_blockers(programme: Programme, *, by) -> list[str]:
    """Every thing that stops `by` from publishing `programme`, one sentence each; empty when it may be published."""
    return content_blockers(programme) + review_blockers(programme, by=by)


# --- status changes -----------------------------------------------------------------------------------------


def _transition(*, programme: Programme, target: str, by, also=None, check=None) -> Programme:
    """Move `programme` to `target`; `check(locked)` may refuse, `also(locked)` changes more fields (returns names)."""
    # Lock the row and decide on its current state, so two curators clicking at once cannot both win.
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    if check:
        check(locked)
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
    """Ask a second curator to check the programme; whoever sends it cannot publish it."""

    def record_submitter(locked):
        locked.submitted_by = by
        locked.submitted_at = timezone.now()
        return ["submitted_by", "submitted_at"]

    return _transition(programme=programme, target=Status.IN_REVIEW, by=by, also=record_submitter)


@transaction.atomic
def programme_publish(*, programme: Programme, by, today: date | None = None) -> Programme:
    """Make the programme public; raises PublishBlocked (listing everything missing) unless it passes the gate."""
    today = today or timezone.localdate()

    def gate(locked):
        blockers = publish_blockers(locked, by=by)
        if blockers:
            raise PublishBlocked(locked, blockers)

    def stamp_review_dates(locked):
        locked.last_reviewed = locked.last_reviewed or today
        locked.next_review = add_months(locked.last_reviewed, REVIEW_MONTHS)
        # Offered again after a withdrawal: the old reason no longer describes it (the history keeps it).
        locked.withdrawn_on, locked.withdrawn_reason = None, ""
        return ["last_reviewed", "next_review", "withdrawn_on", "withdrawn_reason"]

    return _transition(programme=programme, target=Status.PUBLISHED, by=by, check=gate, also=stamp_review_dates)


@transaction.atomic
def programme_withdraw(*, programme: Programme, by, reason: str, on: date | None = None) -> Programme:
    """The programme is no longer offered: it leaves the overview and keuzehulp; its page says why and since when."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()

    def record_withdrawal(locked):
        locked.withdrawn_on = on or timezone.localdate()
        locked.withdrawn_reason = reason
        return ["withdrawn_on", "withdrawn_reason"]

    return _transition(programme=programme, target=Status.WITHDRAWN, by=by, also=record_withdrawal)


@transaction.atomic
def programme_archive(*, programme: Programme, by) -> Programme:
    return _transition(programme=programme, target=Status.ARCHIVED, by=by)


@transaction.atomic
def programme_back_to_draft(*, programme: Programme, by) -> Programme:
    """Back to work: a new review round starts, so the last round's submitter no longer counts."""

    def clear_submitter(locked):
        locked.submitted_by = None
        locked.submitted_at = None
        return ["submitted_by", "submitted_at"]

    return _transition(programme=programme, target=Status.DRAFT, by=by, also=clear_submitter)


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
