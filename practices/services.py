"""Everything that changes a practice's data: each service is one transaction and writes an audit event."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.audit import audit_record
from practices.models import (
    AuditEvent,
    MenuItem,
    PopulationProfile,
    Practice,
    TaskAssignment,
    TaskSplit,
    VisionVersion,
)
from practices.task_split import TaskParts, task_split_problems
from practices.vision import SECTION_KEYS, VISION_SECTIONS


class VisionConflict(Exception):
    """Someone saved the vision after this form was opened; `current` is what is saved now."""

    def __init__(self, current: VisionVersion | None):
        super().__init__("The vision changed since the form was opened.")
        self.current = current


def _lock(practice: Practice) -> None:
    # One writer per practice at a time (PostgreSQL); SQLite serialises writers anyway.
    Practice.objects.select_for_update().filter(pk=practice.pk).first()


def _latest_vision(practice: Practice) -> VisionVersion | None:
    return practice.visions.order_by("-number").first()


def _clean_sections(sections: Mapping[str, str]) -> dict[str, str]:
    return {key: (sections.get(key) or "").replace("\r\n", "\n").strip() for key in SECTION_KEYS}


@transaction.atomic
def vision_save_draft(
    *, practice: Practice, by, sections: Mapping[str, str], base_revision: int
) -> VisionVersion:
    """Save the practice's draft vision, or start one from the last adopted version.

    `base_revision` is the revision the user's form was opened at. If a colleague saved since, nothing is
    written and VisionConflict says what is saved now, so the user can merge instead of losing either text.
    Returns the draft, or the unchanged latest version when the form holds nothing new.
    """
    _lock(practice)
    latest = _latest_vision(practice)
    current_revision = latest.revision if latest else 0
    if base_revision != current_revision:
        raise VisionConflict(latest)
    cleaned = _clean_sections(sections)
    if latest is not None and _clean_sections(latest.sections) == cleaned:
        return latest
    if latest is not None and latest.status == VisionVersion.Status.DRAFT:
        # Compare-and-set: only the revision the user saw may be overwritten.
        updated = practice.visions.filter(pk=latest.pk, revision=base_revision, status=latest.status).update(
            sections=cleaned, revision=F("revision") + 1, updated_by=by, updated_at=timezone.now()
        )
        if not updated:
            raise VisionConflict(_latest_vision(practice))
        draft = practice.visions.get(pk=latest.pk)
    else:
        try:
            with transaction.atomic():
                draft = practice.visions.create(
                    number=(latest.number + 1) if latest else 1,
                    sections=cleaned,
                    revision=current_revision + 1,
                    updated_by=by,
                )
        except IntegrityError as error:  # a colleague started the new draft at the same moment
            raise VisionConflict(_latest_vision(practice)) from error
    audit_record(
        practice=practice,
        user=by,
        action=AuditEvent.Action.CHANGE,
        subject=f"vision draft {draft.number} (revision {draft.revision})",
    )
    return draft


@transaction.atomic
def vision_adopt(*, practice: Practice, by, revision: int | None = None) -> VisionVersion:
    """Make the draft the practice's adopted vision, dated and signed; earlier versions stay as they were.

    With `revision`, the draft is only adopted if it is still the text the adopter reviewed.
    """
    _lock(practice)
    draft = practice.visions.filter(status=VisionVersion.Status.DRAFT).first()
    if draft is None:
        raise ValidationError(_("There is no draft to adopt."))
    if revision is not None and draft.revision != revision:
        raise VisionConflict(draft)
    empty = [str(section.title) for section in VISION_SECTIONS if not draft.text(section.key).strip()]
    if empty:
        raise ValidationError(
            format_lazy(
                _("Fill in every section before adopting. Still empty: {sections}."),
                sections="; ".join(empty),
            )
        )
    draft.status = VisionVersion.Status.ADOPTED
    draft.adopted_at = timezone.now()
    draft.adopted_by = by
    draft.save(update_fields=["status", "adopted_at", "adopted_by"])
    audit_record(practice=practice, user=by, action=AuditEvent.Action.ADOPT, subject=f"vision {draft.number}")
    return draft


@transaction.atomic
def task_split_save(
    *,
    practice: Practice,
    by,
    parts: Mapping[str, TaskParts],
    feedback_day: int,
    feedback_minutes: int,
) -> TaskSplit:
    """Replace the practice's task split; refuses a split where a task lacks exactly one responsible role."""
    problems = task_split_problems(parts)
    if problems:
        raise ValidationError(
            {task: [str(message) for message in messages] for task, messages in problems.items()}
        )
    _lock(practice)
    practice.task_assignments.all().delete()
    TaskAssignment.objects.bulk_create(
        [
            TaskAssignment(
                practice=practice, task=task, role=role, responsible=role in task_parts.responsible
            )
            for task, task_parts in parts.items()
            for role in dict.fromkeys((*task_parts.responsible, *task_parts.supporting))
        ]
    )
    split, _created = TaskSplit.objects.update_or_create(
        practice=practice,
        defaults={"feedback_day": feedback_day, "feedback_minutes": feedback_minutes, "updated_by": by},
    )
    audit_record(practice=practice, user=by, action=AuditEvent.Action.CHANGE, subject="task split")
    return split


@transaction.atomic
def population_save(*, practice: Practice, by, languages: Iterable, **figures) -> PopulationProfile:
    """Store the practice's population profile (aggregates only); the form has checked the figures."""
    profile, created = PopulationProfile.objects.update_or_create(
        practice=practice, defaults={**figures, "updated_by": by}
    )
    profile.languages.set(languages)
    audit_record(
        practice=practice,
        user=by,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE,
        subject="population profile",
    )
    return profile


@transaction.atomic
def menu_add(*, practice: Practice, by, programme) -> MenuItem:
    """Put a published catalogue programme on the practice's menu, at the end."""
    if not programme.is_published:
        raise ValidationError(_("Only published programmes can be offered."))
    _lock(practice)
    if practice.menu_items.filter(programme=programme).exists():
        raise ValidationError(format_lazy(_("{name} is already on your menu."), name=programme.name))
    last = practice.menu_items.aggregate(last=Max("position"))["last"] or 0
    item = practice.menu_items.create(programme=programme, position=last + 1)
    audit_record(
        practice=practice, user=by, action=AuditEvent.Action.CREATE, subject=f"menu: {programme.name}"
    )
    return item


@transaction.atomic
def menu_item_update(
    *, item: MenuItem, by, guided_by: str, licence_arranged: bool, note: str, position: int
) -> MenuItem:
    item.guided_by, item.licence_arranged, item.note, item.position = (
        guided_by,
        licence_arranged,
        note,
        position,
    )
    item.save(update_fields=["guided_by", "licence_arranged", "note", "position"])
    audit_record(
        practice=item.practice,
        user=by,
        action=AuditEvent.Action.CHANGE,
        subject=f"menu: {item.programme.name}",
    )
    return item


@transaction.atomic
def menu_item_remove(*, item: MenuItem, by) -> None:
    name = item.programme.name
    item.delete()
    audit_record(practice=item.practice, user=by, action=AuditEvent.Action.DELETE, subject=f"menu: {name}")


@transaction.atomic
def patient_page_publish(*, practice: Practice, by, published: bool) -> Practice:
    """Show or hide the practice's public patient page, leaflet and waiting-room screen."""
    Practice.objects.filter(pk=practice.pk).update(patient_page_published=published)
    practice.patient_page_published = published
    audit_record(
        practice=practice,
        user=by,
        action=AuditEvent.Action.PUBLISH if published else AuditEvent.Action.CHANGE,
        subject="patient page published" if published else "patient page withdrawn",
    )
    return practice
