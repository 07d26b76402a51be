"""Workspace URLs under /praktijk/<practice_slug>/ (all through practice_view) and the public /p/ pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import team_views, views

app_name = "practices"
urlpatterns = [
    path("praktijk/", views.choose, name="choose"),
    path("praktijk/<slug:practice_slug>/", views.dashboard, name="dashboard"),
    path("praktijk/<slug:practice_slug>/team/", team_views.members, name="members"),
    path("praktijk/<slug:practice_slug>/team/uitnodigen/", team_views.invite, name="invite"),
    path(
        "praktijk/<slug:practice_slug>/team/<int:membership_id>/rol/",
        team_views.membership_role,
        name="membership_role",
    ),
    path(
        "praktijk/<slug:practice_slug>/team/<int:membership_id>/verwijderen/",
        team_views.membership_remove_view,
        name="membership_remove",
    ),
    path(
        "praktijk/<slug:practice_slug>/uitnodigingen/<int:invitation_id>/intrekken/",
        team_views.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    path("praktijk/<slug:practice_slug>/instellingen/", team_views.practice_settings, name="settings"),
    path("praktijk/<slug:practice_slug>/logboek/", team_views.audit_log, name="audit_log"),
    path("praktijk/<slug:practice_slug>/scholing/", team_views.training_overview, name="training_overview"),
    path("praktijk/<slug:practice_slug>/visie/", views.vision, name="vision"),
    path("praktijk/<slug:practice_slug>/visie/vaststellen/", views.vision_adopt, name="vision_adopt"),
    path("praktijk/<slug:practice_slug>/visie/versies/", views.vision_versions, name="vision_versions"),
    path(
        "praktijk/<slug:practice_slug>/visie/versies/<int:number>/",
        views.vision_version,
        name="vision_version",
    ),
    path("praktijk/<slug:practice_slug>/visie/afdrukken/", views.vision_print, name="vision_print"),
    path("praktijk/<slug:practice_slug>/taakverdeling/", views.task_split, name="task_split"),
    path("praktijk/<slug:practice_slug>/populatie/", views.population, name="population"),
    path("praktijk/<slug:practice_slug>/aanbod/", views.menu, name="menu"),
    path("praktijk/<slug:practice_slug>/aanbod/toevoegen/", views.menu_add, name="menu_add"),
    path(
        _("practice/<slug:practice_slug>/menu/add-programme/"),
        views.menu_add_programme,
        name="menu_add_programme",
    ),
    path("praktijk/<slug:practice_slug>/aanbod/<int:item_id>/", views.menu_item_update, name="menu_item_update"),
    path(
        "praktijk/<slug:practice_slug>/aanbod/<int:item_id>/verwijderen/",
        views.menu_item_remove,
        name="menu_item_remove",
    ),
    path(
        "praktijk/<slug:practice_slug>/patientenpagina/",
        views.patient_page_settings,
        name="patient_page_settings",
    ),
    path(
        "praktijk/<slug:practice_slug>/patientenpagina/publiceren/",
        views.patient_page_publish,
        name="patient_page_publish",
    ),
    # Public: no login. A practice that has not published its page gives a 404 here.
    path("p/<slug:practice_slug>/", views.patient_page, name="patient_page"),
    path("p/<slug:practice_slug>/folder/", views.patient_leaflet, name="patient_leaflet"),
    path("p/<slug:practice_slug>/scherm/", views.patient_screen, name="patient_screen"),
]
