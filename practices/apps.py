from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")


class TwoFactorAdminConfig(admin_apps.AdminConfig):
    """The Django admin with `admin.site` replaced by a site that demands a verified TOTP device."""

    default = False  # named explicitly in INSTALLED_APPS; `practices` itself stays PracticesConfig
    default_site = "practices.admin_site.TwoFactorAdminSite"
