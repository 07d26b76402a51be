"""Changes to practices, memberships and invitations; every change is written to the audit log."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.audit import audit_record
from practices.models import AuditEvent, Invitation, Membership, Practice, Role


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


def invitation_create(*, practice: Practice, email: str, role: str, invited_by, site_url: str) -> Invitation:
    """Store the invitation (only the token's hash) and e-mail the one link that can use it.

    `site_url` is scheme and host ("https://toolkit.example") for the absolute link in the e-mail.
    """
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
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
    link = site_url.rstrip("/") + reverse("practices:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "inviter": invited_by}
    send_mail(
        subject=render_to_string("practices/email/invitation_subject.txt", context).strip(),
        message=render_to_string("practices/email/invitation_body.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return invitation


def _locked_pending(invitation: Invitation) -> Invitation:
    # Locking the row makes "works once" hold when two people click the link at the same moment.
    invitation = Invitation.objects.select_for_update().select_related("practice").get(pk=invitation.pk)
    if invitation.state != "pending":
        raise InvitationUnusable(invitation.state)
    return invitation


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """An existing (logged-in) user joins the practice with the invited role; the link is used up."""
    with transaction.atomic():
        invitation = _locked_pending(invitation)
        if Membership.objects.filter(user=user, practice=invitation.practice).exists():
            raise AlreadyMember
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
    membership = (
        Membership.objects.select_for_update().select_related("user", "practice").get(pk=membership.pk)
    )
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
        membership.delete()
        audit_record(
            practice=membership.practice,
            user=by,
            action=AuditEvent.Action.DELETE,
            subject=f"member {membership.user.get_username()} ({membership.role}) removed",
        )


# The settings a manager may change; the slug (the practice's web address) stays with the admin.
PRACTICE_SETTING_FIELDS = ("name", "place", "agb_code", "kind", "care_group", "phone", "website")


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
