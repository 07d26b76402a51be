"""Workspace URLs under /praktijk/<practice_slug>/ (all through practice_view) and the public /p/ pages.

Paths are translated (English msgid, Dutch msgstr in practices' .po): /praktijk/demo/visie/ in Dutch,
/en/practice/demo/vision/ in English. /p/<slug>/ is the same in both: it is printed on posters and leaflets.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices import example_views, reach_views, team_views, views, views_caregroups

app_name = "practices"
urlpatterns = [
    path(_("practice/"), views.choose, name="choose"),
    path(_("practice/<slug:practice_slug>/"), views.dashboard, name="dashboard"),
    path(_("practice/<slug:practice_slug>/team/"), team_views.members, name="members"),
    path(_("practice/<slug:practice_slug>/team/invite/"), team_views.invite, name="invite"),
    path(
        _("practice/<slug:practice_slug>/team/<int:membership_id>/role/"),
        team_views.membership_role,
        name="membership_role",
    ),
    path(
        _("practice/<slug:practice_slug>/team/<int:membership_id>/remove/"),
        team_views.membership_remove_view,
        name="membership_remove",
    ),
    path(
        _("practice/<slug:practice_slug>/invitations/<int:invitation_id>/withdraw/"),
        team_views.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    path(_("practice/<slug:practice_slug>/settings/"), team_views.practice_settings, name="settings"),
    path(_("practice/<slug:practice_slug>/audit-log/"), team_views.audit_log, name="audit_log"),
    path(_("practice/<slug:practice_slug>/audit-log/csv/"), team_views.audit_log_export, name="audit_log_export"),
    path(_("practice/<slug:practice_slug>/training/"), team_views.training_overview, name="training_overview"),
    path(_("practice/<slug:practice_slug>/care-groups/"), views_caregroups.practice_care_groups, name="care_groups"),
    path(
        _("practice/<slug:practice_slug>/care-groups/invitations/<int:care_group_invitation_id>/accept/"),
        views_caregroups.invitation_accept,
        name="care_group_accept",
    ),
    path(
        _("practice/<slug:practice_slug>/care-groups/invitations/<int:care_group_invitation_id>/decline/"),
        views_caregroups.invitation_decline,
        name="care_group_decline",
    ),
    path(
        _("practice/<slug:practice_slug>/care-groups/<slug:care_group_slug>/leave/"),
        views_caregroups.leave,
        name="care_group_leave",
    ),
    path(_("practice/<slug:practice_slug>/vision/"), views.vision, name="vision"),
    path(_("practice/<slug:practice_slug>/vision/adopt/"), views.vision_adopt, name="vision_adopt"),
    path(_("practice/<slug:practice_slug>/vision/versions/"), views.vision_versions, name="vision_versions"),
    path(
        _("practice/<slug:practice_slug>/vision/versions/<int:number>/"),
        views.vision_version,
        name="vision_version",
    ),
    path(_("practice/<slug:practice_slug>/vision/print/"), views.vision_print, name="vision_print"),
    path(_("practice/<slug:practice_slug>/task-split/"), views.task_split, name="task_split"),
    path(_("practice/<slug:practice_slug>/population/"), views.population, name="population"),
    path(_("practice/<slug:practice_slug>/menu/"), views.menu, name="menu"),
    path(_("practice/<slug:practice_slug>/menu/add/"), views.menu_add, name="menu_add"),
    path(
        _("practice/<slug:practice_slug>/menu/add-programme/"),
        views.menu_add_programme,
        name="menu_add_programme",
    ),
    path(_("practice/<slug:practice_slug>/menu/<int:item_id>/"), views.menu_item_update, name="menu_item_update"),
    path(
        _("practice/<slug:practice_slug>/menu/<int:item_id>/remove/"),
        views.menu_item_remove,
        name="menu_item_remove",
    ),
    path(
        _("practice/<slug:practice_slug>/patient-page/"),
        views.patient_page_settings,
        name="patient_page_settings",
    ),
    path(
        _("practice/<slug:practice_slug>/patient-page/publish/"),
        views.patient_page_publish,
        name="patient_page_publish",
    ),
    path(_("practice/<slug:practice_slug>/examples/"), example_views.examples, name="examples"),
    path(_("practice/<slug:practice_slug>/examples/share/"), example_views.example_share, name="example_share"),
    path(
        _("practice/<slug:practice_slug>/examples/withdraw/"),
        example_views.example_withdraw,
        name="example_withdraw",
    ),
    path(
        _("practice/<slug:practice_slug>/examples/<int:example_id>/"),
        example_views.example_detail,
        name="example_detail",
    ),
    path(
        _("practice/<slug:practice_slug>/examples/<int:example_id>/start-draft/"),
        example_views.example_start_draft,
        name="example_start_draft",
    ),
    path(_("practice/<slug:practice_slug>/reach/"), reach_views.reach, name="reach"),
    path(_("practice/<slug:practice_slug>/reach/counts/"), reach_views.reach_counts, name="reach_counts"),
    path(_("practice/<slug:practice_slug>/reach/csv/"), reach_views.reach_csv, name="reach_csv"),
    # Public: no login. A practice that has not published its page gives a 404 here.
    path("p/<slug:practice_slug>/", views.patient_page, name="patient_page"),
    path(_("p/<slug:practice_slug>/leaflet/"), views.patient_leaflet, name="patient_leaflet"),
    path(_("p/<slug:practice_slug>/screen/"), views.patient_screen, name="patient_screen"),
]
