"""Root URLs. Pages are Dutch at their plain address and English under /en/; the paths themselves are translated
(`/catalogus/` and `/en/catalogue/`). Old addresses redirect permanently (toolkit.legacy_urls)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from toolkit import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers and bots ask for /favicon.ico whatever the page says; the icon itself is a hashed static file.
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    # The open data API: one address for every language (the schema takes ?lang=en).
    path("api/v1/", include("catalog.api.urls")),
    path("api/v1/", include("training.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy_statement, name="privacy_statement"),
    path(_("accessibility/"), views.accessibility_statement, name="accessibility_statement"),
    path("", include("catalog.open_data_urls")),
    path("account/", include("accounts.urls")),
    path("", include("accounts.invitation_urls")),
    path(_("catalogue/"), include("catalog.urls")),
    path("", include("training.urls")),
    path("", include("practices.urls")),
    path(_("care-group/"), include("practices.urls_caregroups")),
    # Last, so an address that is the same before and after the translation still reaches its own view.
    path("", include("toolkit.legacy_urls")),
    prefix_default_language=False,
)
# Uploaded files are not served from MEDIA_URL, not even in development: catalog.views.resource_file sends them
# as downloads after checking their type (catalog/uploads.py).
