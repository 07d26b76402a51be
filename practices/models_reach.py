"""Monthly reach of the practice's programmes, as counts only: never a name, a date of birth or any patient attribute.

`MonthlyReach` is what the POH-ggz or manager enters per month and per programme on the menu. Offered and started
count what happened in that month. Finished and stopped follow the patients who started in that month (a cohort):
they are updated in the months after, while the month is still open, so finished + stopped can never exceed
started. `AdviceCount` counts the keuzehulp's advice sheets a practice member handed out: a counter, nothing about
the answers.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No practice offers one programme to more patients than this in a month; a larger number is a typing error.
MAX_MONTHLY_COUNT = 10_000
COUNT_FIELDS = ("offered", "started", "finished", "stopped")


def _count(verbose_name, help_text):
    return models.PositiveIntegerField(verbose_name, default=0, help_text=help_text)


class MonthlyReach(models.Model):
    """One programme on the menu in one month: offered, started, and what became of those who started."""

    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="monthly_reach", verbose_name=_("practice")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    programme = models.ForeignKey(
        "catalog.Programme", on_delete=models.PROTECT, related_name="+", verbose_name=_("programme")
    )
    offered = _count(_("offered"), _("Patients offered this programme in this month."))
    started = _count(_("started"), _("Patients who started the programme in this month."))
    finished = _count(_("finished"), _("Of those who started in this month: how many finished it so far."))
    stopped = _count(_("stopped"), _("Of those who started in this month: how many stopped early so far."))
    is_demo = models.BooleanField(_("demo figures"), default=False)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )

    class Meta:
        ordering = ["practice", "month", "programme__name"]
        verbose_name = _("monthly reach")
        verbose_name_plural = _("monthly reach")
        constraints = [
            models.UniqueConstraint(fields=["practice", "month", "programme"], name="reach_once_per_month_programme"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="reach_month_first_day"),
            models.CheckConstraint(
                condition=models.Q(finished__lte=models.F("started") - models.F("stopped")),
                name="reach_finished_stopped_within_started",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__lte": MAX_MONTHLY_COUNT}), name=f"reach_{field}_at_most_max"
                )
                for field in COUNT_FIELDS
            ),
        ]

    def __str__(self):
        return f"{self.practice.name} {self.month:%Y-%m}: {self.programme} ({self.started}/{self.offered})"


class AdviceCount(models.Model):
    """How many keuzehulp advice sheets named this programme for this practice in this month."""

    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="advice_counts", verbose_name=_("practice")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    programme = models.ForeignKey(
        "catalog.Programme", on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    count = models.PositiveIntegerField(_("advice sheets"), default=0)

    class Meta:
        ordering = ["practice", "month", "programme__name"]
        verbose_name = _("keuzehulp advice count")
        verbose_name_plural = _("keuzehulp advice counts")
        constraints = [
            models.UniqueConstraint(fields=["practice", "month", "programme"], name="advice_count_once_per_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="advice_count_month_first_day"),
        ]

    def __str__(self):
        return f"{self.practice.name} {self.month:%Y-%m}: {self.programme} × {self.count}"
