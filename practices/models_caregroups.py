"""Care groups (zorggroep, gezondheidscentrum): organisations that practices join, and their coordinators.

A practice joins only when its manager accepts an invitation (`CareGroupInvitation`); while it is joined there is a
`CareGroupPractice` row, and leaving deletes that row, which ends everything the care group saw at once: every
coordinator page asks `practices.scoping.joined_practices`, which reads only these rows. What a coordinator sees
is in practices/care_groups.py; it never includes vision drafts, the audit log, names of team members or quiz
answers. Models are registered through practices/models.py (they import it at the bottom).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CareGroup(models.Model):
    class Kind(models.TextChoices):
        CARE_GROUP = "zorggroep", _("Care group (zorggroep)")
        HEALTH_CENTRE = "gezondheidscentrum", _("Health centre (gezondheidscentrum)")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CARE_GROUP)
    is_demo = models.BooleanField(_("demo care group"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Goes up with every change to anything the coordinator's overview shows of the joined practices
    # (practices.care_group_cache): the overview's cached parts are kept per value, so a change shows at once.
    data_version = models.PositiveBigIntegerField(_("data version"), default=0, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("care group")
        verbose_name_plural = _("care groups")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The data version only goes up, by its own UPDATE (practices.care_group_cache): saving an instance read
        # before a bump (an admin form, a data load) must not write its older number back.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "data_version"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("care_groups:overview", kwargs={"care_group_slug": self.slug})


class CareGroupMembership(models.Model):
    """A coordinator of the care group: sees its joined practices' progress, never their people or drafts."""

    care_group = models.ForeignKey(
        CareGroup, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("care group")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="care_group_memberships",
        verbose_name=_("coordinator"),
    )
    created_at = models.DateTimeField(_("coordinator since"), auto_now_add=True)

    class Meta:
        ordering = ["care_group", "user__username"]
        verbose_name = _("care group coordinator")
        verbose_name_plural = _("care group coordinators")
        constraints = [models.UniqueConstraint(fields=["care_group", "user"], name="one_coordinator_role_per_group")]

    def __str__(self):
        return f"{self.user} – {self.care_group}"


class CareGroupPractice(models.Model):
    """A practice that joined the care group (its manager accepted). Leaving deletes the row."""

    care_group = models.ForeignKey(
        CareGroup, on_delete=models.CASCADE, related_name="joined", verbose_name=_("care group")
    )
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="care_group_links", verbose_name=_("practice")
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        ordering = ["care_group", "practice__name"]
        verbose_name = _("practice in a care group")
        verbose_name_plural = _("practices in a care group")
        constraints = [models.UniqueConstraint(fields=["care_group", "practice"], name="practice_joins_group_once")]

    def __str__(self):
        return f"{self.practice} – {self.care_group}"


class CareGroupInvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True)


class CareGroupInvitation(models.Model):
    """A care group's invitation to one practice; only a manager of that practice accepts or declines it."""

    care_group = models.ForeignKey(
        CareGroup, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("care group")
    )
    practice = models.ForeignKey(
        "practices.Practice",
        on_delete=models.CASCADE,
        related_name="care_group_invitations",
        verbose_name=_("practice"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    objects = CareGroupInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("care group invitation")
        verbose_name_plural = _("care group invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["care_group", "practice"],
                condition=models.Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="one_open_care_group_invitation",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(declined_at__isnull=True),
                name="care_group_invitation_accepted_or_declined",
            ),
        ]

    def __str__(self):
        return f"{self.care_group} → {self.practice}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.declined_at is None
