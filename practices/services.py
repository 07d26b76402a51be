"""Every change to a practice's data: one transaction per service, each writing an audit event."""

import secrets
from collections.abc import Iterable, Mapping
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.audit import audit_record
from practices.care_group_cache import bump_care_groups, bumps_deferred
from practices.membership_audit import audited_by_caller
from practices.models import (
    AuditEvent,
    Invitation,
    Membership,
    MenuItem,
    PopulationProfile,
    Practice,
    Role,
    SharedExample,
    TaskAssignment,
    TaskSplit,
    VisionVersion,
)
from practices.task_split import TaskParts, task_split_problems
from practices.vision import SECTION_KEYS, VISION_SECTIONS
from toolkit.mail import queue_templated_mail


class LastManagerError(ValidationError):
    """A practice always keeps at least one manager, or nobody could invite or change roles any more."""

    def __init__(self):
        super().__init__(
            _("A practice needs at least one practice manager. Make someone else manager first."),
            code="last_manager",
        )


class InvitationUnusable(Exception):
    """The link was used, withdrawn or expired; `state` says which (see Invitation.state)."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


class AlreadyMember(Exception):
    pass


class InvitationPending(Exception):
    """The address already has an open invitation to this practice; `invitation` is that one."""

    def __init__(self, invitation: Invitation):
        super().__init__(invitation.email)
        self.invitation = invitation


class InvitationForOtherAddress(Exception):
    """The account's e-mail address is not the one the invitation was sent to."""


def same_address(account_email: str, invited_email: str) -> bool:
    """E-mail addresses compared as people type them: case and surrounding spaces do not count."""
    account_email = (account_email or "").strip().casefold()
    return bool(account_email) and account_email == invited_email.strip().casefold()


def invitation_create(*, practice: Practice, email: str, role: str, invited_by, site_url: str) -> Invitation:
    """Store the invitation (only the token's hash) and e-mail the one link that can use it.

    `site_url` is scheme and host ("https://toolkit.example") for the absolute link in the e-mail.
    An address that already has an open invitation to the practice gets no second one and no second e-mail
    (InvitationPending): a double-clicked button or a repeated form is harmless.
    """
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        # One inviter at a time per practice, so two submits at the same moment cannot both pass the check.
        _lock(practice)
        pending = practice.invitations.pending().filter(email__iexact=email.strip()).first()
        if pending is not None:
            raise InvitationPending(pending)
        invitation = Invitation.objects.create(
            practice=practice,
            email=email,
            role=role,
            token_hash=Invitation.hash_token(token),
            invited_by=invited_by,
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        audit_record(
            practice=practice,
            user=invited_by,
            action=AuditEvent.Action.INVITE,
            subject=f"invitation for {email} as {role}",
        )
    link = site_url.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "inviter": invited_by}
    queue_templated_mail(
        to=email,
        subject_template="practices/email/invitation_subject.txt",
        text_template="practices/email/invitation_body.txt",
        context=context,
    )
    return invitation


def _locked_pending(invitation: Invitation) -> Invitation:
    # Locking the row makes "works once" hold when two people click the link at the same moment.
    invitation = Invitation.objects.select_for_update().select_related("practice").get(pk=invitation.pk)
    if invitation.state != "pending":
        raise InvitationUnusable(invitation.state)
    return invitation


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """An existing (logged-in) user joins the practice with the invited role; the link is used up.

    Only the account of the address the invitation was sent to may use it: a forwarded or leaked link
    (or a colleague logged in on the same computer) cannot join someone else, manager role included.
    """
    with transaction.atomic():
        invitation = _locked_pending(invitation)
        if not same_address(user.email, invitation.email):
            raise InvitationForOtherAddress
        if Membership.objects.filter(user=user, practice=invitation.practice).exists():
            raise AlreadyMember
        with audited_by_caller():
            membership = Membership.objects.create(user=user, practice=invitation.practice, role=invitation.role)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(
            practice=invitation.practice,
            user=user,
            action=AuditEvent.Action.JOIN,
            subject=f"{user.get_username()} joined as {invitation.role} (invited as {invitation.email})",
        )
    return membership


def invitation_accept_new_user(
    *, invitation: Invitation, username: str, first_name: str, last_name: str, password: str
) -> Membership:
    """Create the account for the invited e-mail address and join the practice, all or nothing."""
    with transaction.atomic():
        invitation = _locked_pending(invitation)
        user = get_user_model().objects.create_user(
            username=username,
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        return invitation_accept(invitation=invitation, user=user)


def invitation_withdraw(*, invitation: Invitation, by) -> None:
    with transaction.atomic():
        invitation = _locked_pending(invitation)
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])
        audit_record(
            practice=invitation.practice,
            user=by,
            action=AuditEvent.Action.DELETE,
            subject=f"invitation for {invitation.email} withdrawn",
        )


def _lock_for_manager_rule(membership: Membership) -> tuple[Membership, int]:
    """The membership, fresh, and how many managers the practice has, with those rows locked."""
    managers = list(
        Membership.objects.select_for_update().filter(practice_id=membership.practice_id, role=Role.MANAGER)
    )
    membership = Membership.objects.select_for_update().select_related("user", "practice").get(pk=membership.pk)
    return membership, len(managers)


def membership_change_role(*, membership: Membership, role: str, by) -> Membership:
    with transaction.atomic():
        membership, manager_count = _lock_for_manager_rule(membership)
        if membership.role == role:
            return membership
        if membership.role == Role.MANAGER and manager_count <= 1:
            raise LastManagerError
        old_role = membership.role
        membership.role = role
        with audited_by_caller():
            membership.save(update_fields=["role"])
        audit_record(
            practice=membership.practice,
            user=by,
            action=AuditEvent.Action.CHANGE,
            subject=f"role of {membership.user.get_username()}: {old_role} -> {role}",
        )
    return membership


def membership_remove(*, membership: Membership, by) -> None:
    with transaction.atomic():
        membership, manager_count = _lock_for_manager_rule(membership)
        if membership.role == Role.MANAGER and manager_count <= 1:
            raise LastManagerError
        with audited_by_caller():
            membership.delete()
        audit_record(
            practice=membership.practice,
            user=by,
            action=AuditEvent.Action.DELETE,
            subject=f"member {membership.user.get_username()} ({membership.role}) removed",
        )


# The settings a manager may change; the slug (the practice's web address) stays with the admin.
PRACTICE_SETTING_FIELDS = ("name", "place", "agb_code", "kind", "phone", "website")


def practice_update(*, practice: Practice, by, values: dict, insurers) -> list[str]:
    """Save the practice's settings; returns the names of the fields that changed (audited as one change)."""
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        changed = [name for name in PRACTICE_SETTING_FIELDS if getattr(practice, name) != values[name]]
        for name in changed:
            setattr(practice, name, values[name])
        if changed:
            practice.full_clean()
            practice.save(update_fields=changed)
        new_insurer_ids = {insurer.pk for insurer in insurers}
        if set(practice.insurers.values_list("pk", flat=True)) != new_insurer_ids:
            practice.insurers.set(insurers)
            changed.append("insurers")
        if changed:
            audit_record(
                practice=practice,
                user=by,
                action=AuditEvent.Action.CHANGE,
                subject="settings: " + ", ".join(changed),
            )
    return changed


class VisionConflict(Exception):
    """Someone saved the vision after this form was opened; `current` is what is saved now."""

    def __init__(self, current: VisionVersion | None):
        super().__init__("The vision changed since the form was opened.")
        self.current = current


class VisionIncomplete(ValidationError):
    """Adopting refused because sections are still empty; `empty_keys` names them, so the form can mark each."""

    def __init__(self, message, empty_keys: list[str]):
        super().__init__(message)
        self.empty_keys = empty_keys


def _lock(practice: Practice) -> None:
    # One writer per practice at a time (PostgreSQL); SQLite serialises writers anyway.
    Practice.objects.select_for_update().filter(pk=practice.pk).first()


def _latest_vision(practice: Practice) -> VisionVersion | None:
    return practice.visions.order_by("-number").first()


def _clean_sections(sections: Mapping[str, str]) -> dict[str, str]:
    return {key: (sections.get(key) or "").replace("\r\n", "\n").strip() for key in SECTION_KEYS}


@transaction.atomic
def vision_save_draft(*, practice: Practice, by, sections: Mapping[str, str], base_revision: int) -> VisionVersion:
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
    empty = [section for section in VISION_SECTIONS if not draft.text(section.key).strip()]
    if empty:
        raise VisionIncomplete(
            format_lazy(
                _("Fill in every section before adopting. Still empty: {sections}."),
                sections="; ".join(str(section.title) for section in empty),
            ),
            empty_keys=[section.key for section in empty],
        )
    draft.status = VisionVersion.Status.ADOPTED
    draft.adopted_at = timezone.now()
    draft.adopted_by = by
    draft.save(update_fields=["status", "adopted_at", "adopted_by"])
    audit_record(practice=practice, user=by, action=AuditEvent.Action.ADOPT, subject=f"vision {draft.number}")
    return draft


def vision_save_and_adopt(*, practice: Practice, by, sections: Mapping[str, str], base_revision: int) -> VisionVersion:
    """Adopt the text as it stands in the adopter's form: it is saved as the draft first, in its own transaction.

    So nothing typed is lost: when adopting is then refused (a section still empty), the text stays saved as the
    draft. A colleague's save in between is a VisionConflict, as for a plain save.
    """
    draft = vision_save_draft(practice=practice, by=by, sections=sections, base_revision=base_revision)
    return vision_adopt(practice=practice, by=by, revision=draft.revision)


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
        raise ValidationError({task: [str(message) for message in messages] for task, messages in problems.items()})
    _lock(practice)
    with bumps_deferred():  # one new version for the practice's care groups, not one per assignment deleted
        practice.task_assignments.all().delete()
        TaskAssignment.objects.bulk_create(
            [
                TaskAssignment(practice=practice, task=task, role=role, responsible=role in task_parts.responsible)
                for task, task_parts in parts.items()
                for role in dict.fromkeys((*task_parts.responsible, *task_parts.supporting))
            ]
        )
        bump_care_groups(practice_ids=[practice.pk])  # bulk_create sends no signal
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
    audit_record(practice=practice, user=by, action=AuditEvent.Action.CREATE, subject=f"menu: {programme.name}")
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
    bump_care_groups(practice_ids=[practice.pk])  # update() sends no signal; the roadmap shows this step
    practice.patient_page_published = published
    audit_record(
        practice=practice,
        user=by,
        action=AuditEvent.Action.PUBLISH if published else AuditEvent.Action.CHANGE,
        subject="patient page published" if published else "patient page withdrawn",
    )
    return practice


# Examples from practice --------------------------------------------------------------------------------------


class NothingToShare(ValidationError):
    def __init__(self):
        super().__init__(_("Adopt a vision first: only an adopted vision can be shared."), code="nothing_to_share")


@transaction.atomic
def example_share(*, practice: Practice, by, show_name: bool) -> SharedExample:
    """Share (or share again) a copy of the last adopted vision and the current task split.

    Sharing again replaces the copy, so the example follows the practice's latest adopted version.
    """
    _lock(practice)
    vision = practice.visions.filter(status=VisionVersion.Status.ADOPTED).order_by("-number").first()
    if vision is None:
        raise NothingToShare()
    split = TaskSplit.objects.filter(practice=practice).first()
    parts: dict[str, dict] = {}
    for assignment in practice.task_assignments.all():
        entry = parts.setdefault(assignment.task, {"responsible": "", "supporting": []})
        if assignment.responsible:
            entry["responsible"] = assignment.role
        else:
            entry["supporting"].append(assignment.role)
    example, _created = SharedExample.objects.update_or_create(
        practice=practice,
        defaults={
            "show_name": show_name,
            "vision_number": vision.number,
            "vision_adopted_at": vision.adopted_at,
            "sections": _clean_sections(vision.sections),
            "task_split": parts,
            "feedback_day": split.feedback_day if split else None,
            "feedback_minutes": split.feedback_minutes if split else None,
            "shared_by": by,
        },
    )
    who = "with name" if show_name else "anonymously"
    audit_record(
        practice=practice, user=by, action=AuditEvent.Action.SHARE, subject=f"example: vision {vision.number} {who}"
    )
    return example


@transaction.atomic
def example_withdraw(*, practice: Practice, by) -> None:
    """Take the example out of the library; the copy is deleted, so no other practice can read it any more."""
    deleted, _rows = SharedExample.objects.filter(practice=practice).delete()
    if deleted:
        audit_record(practice=practice, user=by, action=AuditEvent.Action.DELETE, subject="shared example")


def vision_draft_from_example(*, practice: Practice, by, example: SharedExample, base_revision: int) -> VisionVersion:
    """Copy the example's text into the practice's own vision draft (a copy: later changes to either stay apart).

    Goes through vision_save_draft, so a colleague's save since the page was opened is a VisionConflict, and the
    audit log gets the draft change; the example is named in a second entry.
    """
    with transaction.atomic():
        draft = vision_save_draft(practice=practice, by=by, sections=example.sections, base_revision=base_revision)
        audit_record(
            practice=practice,
            user=by,
            action=AuditEvent.Action.CREATE,
            subject=f"vision draft {draft.number} from shared example {example.pk}",
        )
    return draft
