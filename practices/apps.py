from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from catalog.signals import advice_sheet_shown
        from practices import care_group_cache, membership_audit
        from practices.reach_services import count_advice_sheet

        membership_audit.connect()
        care_group_cache.connect()
        advice_sheet_shown.connect(count_advice_sheet, dispatch_uid="practices_count_advice_sheet")
