"""The link from the invitation e-mail, at /uitnodiging/<token>/ (/en/invitation/<token>/ in English)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts import views

app_name = "accounts"
urlpatterns = [
    path(_("invitation/<str:token>/"), views.invitation_accept_view, name="invitation_accept"),
]
