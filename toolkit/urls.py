"""Root URLs. Pages are Dutch at their plain address and English under /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from toolkit import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers and bots ask for /favicon.ico whatever the page says; the icon itself is a hashed static file.
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("account/", include("accounts.urls")),
    path("", include("accounts.invitation_urls")),
    path("catalog/", include("catalog.urls")),
    path("training/", include("training.urls")),
    path("", include("practices.urls")),
    prefix_default_language=False,
)
# Uploaded files are not served from MEDIA_URL, not even in development: catalog.views.resource_file sends them
# as downloads after checking their type (catalog/uploads.py).
