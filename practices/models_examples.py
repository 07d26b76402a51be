"""Examples from practice: a practice's adopted vision and task split, shared for other practices to learn from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SharedExample(models.Model):
    """A copy of what a practice adopted, shared by its manager: with the practice's name, or anonymously.

    A copy, not a link: the practice can adopt a new vision or change its task split without the example changing
    under its readers, and sharing again replaces the copy. Withdrawing deletes it: the text is the practice's.
    """

    practice = models.OneToOneField(
        "practices.Practice", on_delete=models.CASCADE, related_name="shared_example", verbose_name=_("practice")
    )
    show_name = models.BooleanField(
        _("show the practice's name"),
        default=False,
        help_text=_("Off: other practices read the example without your practice's name or place."),
    )
    vision_number = models.PositiveIntegerField(_("vision version"))
    vision_adopted_at = models.DateTimeField(_("vision adopted on"))
    sections = models.JSONField(_("vision sections"), default=dict)
    # {task: {"responsible": role, "supporting": [role, …]}}; empty when the practice had no task split yet.
    task_split = models.JSONField(_("task split"), default=dict, blank=True)
    feedback_day = models.PositiveSmallIntegerField(_("day of the weekly feedback block"), null=True, blank=True)
    feedback_minutes = models.PositiveSmallIntegerField(
        _("minutes in the weekly feedback block"), null=True, blank=True
    )
    shared_at = models.DateTimeField(_("shared on"), auto_now=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("shared by"),
    )

    class Meta:
        ordering = ["-shared_at", "-id"]
        verbose_name = _("shared example")
        verbose_name_plural = _("shared examples")

    def __str__(self):
        return f"{self.practice.name}: {_('vision')} {self.vision_number}"

    @property
    def display_name(self) -> str:
        """What readers in other practices see as the source: the name and place, or nothing that identifies it."""
        if self.show_name:
            return f"{self.practice.name}, {self.practice.place}"
        return str(_("A practice that stays anonymous"))
