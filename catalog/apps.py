from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Programme catalogue")

    def ready(self):
        from catalog.overview_cache import connect_signals

        connect_signals()
