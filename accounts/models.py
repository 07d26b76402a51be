"""What a person chose about the reminder e-mails, and which reminders were sent (so none goes out twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderOptOut(models.Model):
    """A person who does not want one kind of reminder (a kind from accounts.reminders.REMINDER_JOBS)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_opt_outs", verbose_name=_("user")
    )
    kind = models.CharField(_("kind of reminder"), max_length=50)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["user", "kind"]
        verbose_name = _("reminder opt-out")
        verbose_name_plural = _("reminder opt-outs")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_user_and_kind")]

    def __str__(self):
        return f"{self.user}: {self.kind}"


class SentReminder(models.Model):
    """One reminder mailed to one person for one period; the unique key makes a second run send nothing."""

    kind = models.CharField(_("kind of reminder"), max_length=50)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    # "2026-11" for a monthly reminder, "2026-W48" for a weekly one.
    period = models.CharField(_("period"), max_length=10)
    # What the reminder is about when one person can get several of a kind, e.g. the practice's slug; else empty.
    scope = models.CharField(_("about"), max_length=100, blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "user", "period", "scope"], name="one_reminder_per_period"),
        ]
        indexes = [models.Index(fields=["kind", "period"])]

    def __str__(self):
        return f"{self.kind} {self.period} → {self.user}"
