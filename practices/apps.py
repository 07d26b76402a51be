from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from accounts.reminders import REMINDER_JOBS
        from catalog.signals import advice_sheet_shown
        from practices import membership_audit, reach_reminders
        from practices.reach_services import count_advice_sheet

        membership_audit.connect()
        reach_reminders.register(REMINDER_JOBS)
        advice_sheet_shown.connect(count_advice_sheet, dispatch_uid="practices_count_advice_sheet")
