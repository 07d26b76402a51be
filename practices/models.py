"""GP practices, their members and roles, and the audit log of everything done with practice data."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

agb_code_validator = RegexValidator(r"^\d{8}$", _("An AGB code has exactly 8 digits."))


class Practice(models.Model):
    """A huisartspraktijk, gezondheidscentrum or zorggroep; a zorggroep can hold practices."""

    class Kind(models.TextChoices):
        GP_PRACTICE = "gp_practice", _("GP practice")
        HEALTH_CENTRE = "health_centre", _("Health centre")
        CARE_GROUP = "care_group", _("Care group")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GP_PRACTICE)
    care_group = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member_practices",
        limit_choices_to={"kind": Kind.CARE_GROUP},
        verbose_name=_("care group"),
    )
    place = models.CharField(_("place"), max_length=100)
    agb_code = models.CharField(_("AGB code"), max_length=8, unique=True, validators=[agb_code_validator])
    insurers = models.ManyToManyField(
        "training.Insurer", blank=True, related_name="practices", verbose_name=_("contracted health insurers")
    )
    phone = models.CharField(_("phone number for patients"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        constraints = [
            models.CheckConstraint(condition=models.Q(agb_code__regex=r"^[0-9]{8}$"), name="agb_code_eight_digits"),
        ]

    def __str__(self):
        return f"{self.name} ({self.place})"

    def get_absolute_url(self):
        return reverse("practices:dashboard", kwargs={"practice_slug": self.slug})


class Role(models.TextChoices):
    HUISARTS = "huisarts", _("GP")
    POH_GGZ = "poh_ggz", _("POH-ggz")
    MANAGER = "manager", _("Practice manager")
    ASSISTANT = "assistant", _("Practice assistant")


class Membership(models.Model):
    """A user working in a practice with one role; a user can belong to several practices."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("practice")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        ordering = ["practice", "role", "user__last_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "practice"], name="one_membership_per_practice")]

    def __str__(self):
        return f"{self.user} – {self.practice} ({self.get_role_display()})"


class AuditEventQuerySet(models.QuerySet):
    """Audit events are written once and never changed: bulk update and delete are refused."""

    def update(self, **kwargs):
        raise PermissionDenied("The audit log cannot be changed.")

    def delete(self):
        raise PermissionDenied("The audit log cannot be changed.")


class AuditEvent(models.Model):
    """Who did what with which practice's data, and when (UTC). Append-only."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        DELETE = "delete", _("deleted")
        ADOPT = "adopt", _("adopted")
        PUBLISH = "publish", _("published")
        INVITE = "invite", _("invited")
        JOIN = "join", _("joined")

    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, related_name="audit_events", verbose_name=_("practice")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    # Kept as text so the log still says who it was after an account is removed.
    username = models.CharField(_("user name"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action)
    subject = models.CharField(_("subject"), max_length=200, help_text=_("What was viewed or changed."))
    path = models.CharField(_("address"), max_length=500, blank=True)
    at = models.DateTimeField(_("when (UTC)"), auto_now_add=True, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["practice", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.subject}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit log cannot be changed.")


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A manager's invitation to join the practice with a role. Only a hash of the link's token is stored."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("practice")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role)
    # SHA-256 of the token in the link: a leaked database does not yield working links.
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.practice} ({self.get_role_display()})"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def state(self) -> str:
        """'accepted', 'withdrawn', 'expired' or 'pending': a link works only while pending."""
        if self.accepted_at is not None:
            return "accepted"
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"
