"""Public catalogue URLs. Fixed paths (compare/, keuzehulp/, …) come before <slug>/ so no slug shadows them.

Paths are translated (English msgid, Dutch msgstr in catalog's .po): /catalogus/vergelijk/ in Dutch,
/en/catalogue/compare/ in English. The names never change, so reverse() and {% url %} keep working.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from catalog import keuzehulp_views, views
from catalog.api import downloads
from catalog.feeds import CatalogueChangesFeed

app_name = "catalog"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path(_("compare/"), views.compare, name="compare"),
    path(_("changes.atom"), CatalogueChangesFeed(), name="changes_feed"),
    path(_("how-we-assess/"), views.how_we_assess, name="how_we_assess"),
    path(_("decision-aid/"), keuzehulp_views.keuzehulp, name="keuzehulp"),
    path(_("decision-aid/advice/"), keuzehulp_views.keuzehulp_advice, name="keuzehulp_advice"),
    path(_("providers/"), views.provider_list, name="provider_list"),
    path(_("providers/<slug:slug>/"), views.provider_detail, name="provider_detail"),
    path(_("material/<int:pk>/file/"), views.resource_file, name="resource_file"),
    path(_("download.csv"), downloads.programmes_csv, name="programmes_csv"),
    path(_("download.json"), downloads.programmes_json, name="programmes_json"),
    path("<slug:slug>/", views.programme_detail, name="programme_detail"),
]
