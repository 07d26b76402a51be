"""Practice workspace URLs. Every practice page lives under /praktijk/<practice_slug>/ and uses practice_view."""

from django.urls import path

from practices import account_views, team_views, views

app_name = "practices"
urlpatterns = [
    path("praktijk/", account_views.choose, name="choose"),
    path("uitnodiging/<str:token>/", account_views.invitation_accept_view, name="invitation_accept"),
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
]
