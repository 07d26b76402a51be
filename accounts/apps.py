from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts import access_log, session_limits  # noqa: F401  (connects the receivers)


class TwoFactorAdminConfig(admin_apps.AdminConfig):
    """The Django admin with `admin.site` replaced by a site that demands a verified TOTP device."""

    default = False  # named explicitly in INSTALLED_APPS; `accounts` itself stays AccountsConfig
    default_site = "accounts.admin_site.TwoFactorAdminSite"
