from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Programme catalogue")

    def ready(self):
        from catalog.defaults import restore_after_flush
        from catalog.overview_cache import connect_signals

        connect_signals()

        # Runs after auth created the catalogue's permissions (auth is earlier in INSTALLED_APPS).
        post_migrate.connect(restore_after_flush, sender=self, dispatch_uid="catalog_restore_after_flush")
