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
    """A huisartspraktijk or gezondheidscentrum. Care groups it joins are in practices.models_caregroups."""

    class Kind(models.TextChoices):
        GP_PRACTICE = "gp_practice", _("GP practice")
        HEALTH_CENTRE = "health_centre", _("Health centre")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GP_PRACTICE)
    place = models.CharField(_("place"), max_length=100)
    agb_code = models.CharField(_("AGB code"), max_length=8, unique=True, validators=[agb_code_validator])
    insurers = models.ManyToManyField(
        "training.Insurer", blank=True, related_name="practices", verbose_name=_("contracted health insurers")
    )
    phone = models.CharField(_("phone number for patients"), max_length=40, blank=True)
    is_demo = models.BooleanField(
        _("demo practice"),
        default=False,
        help_text=_("A fictitious practice for trying the toolkit; its public pages say so."),
    )
    website = models.URLField(_("website"), blank=True)
    patient_page_published = models.BooleanField(
        _("patient page published"),
        default=False,
        help_text=_("When on, anyone can read the practice's patient page, leaflet and waiting-room screen."),
    )
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
    """Who did what with which practice's data, from where and when (UTC), and every refused access. Append-only.

    A refused access (a failed log-in, a lock-out, a wrong two-factor code) may concern no practice at all.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        DELETE = "delete", _("deleted")
        ADOPT = "adopt", _("adopted")
        PUBLISH = "publish", _("published")
        INVITE = "invite", _("invited")
        JOIN = "join", _("joined")
        EXPORT = "export", _("downloaded")
        LEAVE = "leave", _("left")
        SHARE = "share", _("shared")
        # Refused access (NEN 7513 asks for these too): a 403 or 404 on a practice page, and failed log-ins.
        REFUSED = "refused", _("refused access")
        LOGIN_FAILED = "login_failed", _("failed log-in")
        LOCKED_OUT = "locked_out", _("locked out")
        OTP_FAILED = "otp_failed", _("wrong two-factor code")

    practice = models.ForeignKey(
        Practice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("practice"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    # Kept as text so the log still says who it was after an account is removed.
    username = models.CharField(_("user name"), max_length=150)
    action = models.CharField(_("action"), max_length=20, choices=Action)
    subject = models.CharField(_("subject"), max_length=200, help_text=_("What was viewed or changed."))
    path = models.CharField(_("address"), max_length=500, blank=True)
    # As the trusted reverse proxies report it (settings.TRUSTED_PROXY_COUNT, toolkit/client_address.py).
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
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


# Step 1 — Visie ---------------------------------------------------------------------------------------------


class VisionVersion(models.Model):
    """One version of a practice's vision on e-mental health: the draft being written, or an adopted version.

    A practice has at most one draft. Adopting it makes it final; the next draft starts as a copy of the last
    adopted version. `revision` counts every saved change to the practice's vision, so a form opened at an
    older revision is recognised as stale instead of silently overwriting a colleague's work.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="visions", verbose_name=_("practice"))
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    sections = models.JSONField(_("sections"), default=dict, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )

    class Meta:
        ordering = ["practice", "-number"]
        verbose_name = _("vision version")
        verbose_name_plural = _("vision versions")
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="one_vision_per_number"),
            models.UniqueConstraint(
                fields=["practice"], condition=models.Q(status="draft"), name="one_vision_draft_per_practice"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(adopted_at__isnull=False),
                name="adopted_vision_has_date",
            ),
        ]

    def __str__(self):
        label = _("vision")
        return f"{self.practice.name} – {label} {self.number} ({self.get_status_display()})"

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED

    def text(self, key: str) -> str:
        return self.sections.get(key, "")


# Step 1 — Taakverdeling -------------------------------------------------------------------------------------


class Task(models.TextChoices):
    """The tasks around e-mental health the sources name; each gets one responsible role in the task split."""

    SIGNALLING = "signalling", _("Signalling complaints")
    DISCUSSING = "discussing", _("Discussing the complaints with the patient")
    OFFERING = "offering", _("Offering a programme and referring")
    ACTIVATING = "activating", _("Activating the patient's account")
    GUIDANCE = "guidance", _("Guidance and feedback")
    MONITORING = "monitoring", _("Monitoring progress")
    EVALUATING = "evaluating", _("Evaluating with the patient")
    REPORTING = "reporting", _("Reporting back to the HIS/KIS")
    TECHNICAL_HELP = "technical_help", _("Helping with technical questions")
    CRISIS = "crisis", _("Explaining what to do in an acute crisis")


TASK_HELP = {
    Task.SIGNALLING: _("Noticing depressive complaints, anxiety or problem drinking during a consultation."),
    Task.DISCUSSING: _("Talking the complaints through with the patient; is help needed?"),
    Task.OFFERING: _("Explaining the online programmes, deciding together and referring the patient."),
    Task.ACTIVATING: _("Creating or activating the patient's account in the programme."),
    Task.GUIDANCE: _("Reading what the patient did and giving feedback, in a weekly block planned below."),
    Task.MONITORING: _("Checking whether the patient started and keeps going, and acting when they stop."),
    Task.EVALUATING: _("Looking back on the result with the patient at the end."),
    Task.REPORTING: _("Recording start, progress and result in the GP's or care group's information system."),
    Task.TECHNICAL_HELP: _("First point of contact when logging in or the programme does not work."),
    Task.CRISIS: _("Telling every patient whom to call in a crisis: nobody watches the programme 24/7."),
}


class TaskAssignment(models.Model):
    """A role's part in one task: responsible (exactly one role per task) or supporting (any number)."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="task_assignments", verbose_name=_("practice")
    )
    task = models.CharField(_("task"), max_length=20, choices=Task)
    role = models.CharField(_("role"), max_length=20, choices=Role)
    responsible = models.BooleanField(_("responsible"), default=False)

    class Meta:
        ordering = ["practice", "task", "-responsible", "role"]
        verbose_name = _("task assignment")
        verbose_name_plural = _("task assignments")
        constraints = [
            # A role is either responsible or supporting for a task, never both.
            models.UniqueConstraint(fields=["practice", "task", "role"], name="one_part_per_role_and_task"),
            models.UniqueConstraint(
                fields=["practice", "task"],
                condition=models.Q(responsible=True),
                name="one_responsible_per_task",
            ),
        ]

    def __str__(self):
        part = _("responsible") if self.responsible else _("supporting")
        return f"{self.get_task_display()}: {self.get_role_display()} ({part})"


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")


class TaskSplit(models.Model):
    """What belongs to the task split besides the matrix: the weekly block for giving feedback."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, related_name="task_split", verbose_name=_("practice")
    )
    feedback_day = models.PositiveSmallIntegerField(_("day of the weekly feedback block"), choices=Weekday)
    feedback_minutes = models.PositiveSmallIntegerField(_("minutes in the weekly feedback block"))
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )

    class Meta:
        verbose_name = _("task split")
        verbose_name_plural = _("task splits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(feedback_minutes__gte=5, feedback_minutes__lte=480),
                name="feedback_block_5_to_480_minutes",
            ),
        ]

    def __str__(self):
        return f"{self.practice.name}: {self.get_feedback_day_display()} {self.feedback_minutes} min"


# Step 2/3 — Patient population and the programme menu ------------------------------------------------------


def _share(verbose_name, help_text=""):
    return models.DecimalField(verbose_name, max_digits=4, decimal_places=1, help_text=help_text)


SHARE_FIELDS = ("share_0_17", "share_18_64", "share_65_plus", "share_low_literacy", "share_migration")


class PopulationProfile(models.Model):
    """The practice's patients as aggregates only (AVG data minimisation): no field identifies a patient."""

    # The age bands may be off by this many percentage points in total, to allow for rounding.
    ROUNDING_MARGIN = 1

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, related_name="population", verbose_name=_("practice")
    )
    registered_patients = models.PositiveIntegerField(_("registered patients"))
    share_0_17 = _share(_("aged 0–17 (%)"))
    share_18_64 = _share(_("aged 18–64 (%)"))
    share_65_plus = _share(_("aged 65 and over (%)"))
    share_low_literacy = _share(
        _("low education or low literacy (%)"),
        _("An estimate is fine; nationally it is roughly one adult in six."),
    )
    share_migration = _share(_("migration background (%)"))
    languages = models.ManyToManyField("catalog.Language", related_name="+", verbose_name=_("main languages spoken"))
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )

    class Meta:
        verbose_name = _("population profile")
        verbose_name_plural = _("population profiles")
        constraints = [
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
                    name=f"population_{field}_0_100",
                )
                for field in SHARE_FIELDS
            ),
            models.CheckConstraint(
                condition=models.Q(registered_patients__gte=1, registered_patients__lte=1_000_000),
                name="population_registered_patients_range",
            ),
        ]

    def __str__(self):
        return f"{self.practice.name}: {self.registered_patients}"

    @property
    def adults_18_64(self) -> int:
        return round(self.registered_patients * self.share_18_64 / 100)


class MenuItem(models.Model):
    """A programme the practice offers its patients ("ons aanbod"): who guides it, is the licence in order."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="menu_items", verbose_name=_("practice")
    )
    programme = models.ForeignKey(
        "catalog.Programme", on_delete=models.PROTECT, related_name="menu_items", verbose_name=_("programme")
    )
    guided_by = models.CharField(
        _("guided by"),
        max_length=20,
        choices=Role,
        blank=True,
        help_text=_("Leave empty for self-help without guidance."),
    )
    licence_arranged = models.BooleanField(_("licence arranged"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order on the patient page"), default=1)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["practice", "position", "id"]
        verbose_name = _("programme on the menu")
        verbose_name_plural = _("programmes on the menu")
        constraints = [
            models.UniqueConstraint(fields=["practice", "programme"], name="programme_once_per_menu"),
        ]

    def __str__(self):
        return f"{self.practice.name}: {self.programme}"


# The examples practices share with each other live in their own module; imported here so Django finds the model.
# Care groups live in their own module; imported here so Django registers them with the app.
from practices.models_caregroups import (  # noqa: E402, F401
    CareGroup,
    CareGroupInvitation,
    CareGroupMembership,
    CareGroupPractice,
)
from practices.models_examples import SharedExample  # noqa: E402, F401

# Step 3 — Monthly reach (counts only), in its own module ---------------------------------------------------
from practices.models_reach import AdviceCount, MonthlyReach  # noqa: E402, F401
