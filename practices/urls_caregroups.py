"""The coordinator's pages under /zorggroep/<care_group_slug>/ (translated: /en/care-group/…), all through
practices.scoping.care_group_view. The practice's own care-group page is in practices.urls."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import views_caregroups

app_name = "care_groups"
urlpatterns = [
    path("<slug:care_group_slug>/", views_caregroups.overview, name="overview"),
    path(
        _("<slug:care_group_slug>/practice/<slug:practice_slug>/"),
        views_caregroups.practice_detail,
        name="practice",
    ),
    path(_("<slug:care_group_slug>/invite/"), views_caregroups.invite, name="invite"),
]
