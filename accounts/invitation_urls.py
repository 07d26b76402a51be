"""The link from the invitation e-mail, at /uitnodiging/<token>/ (the address already sent out stays valid)."""

from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("uitnodiging/<str:token>/", views.invitation_accept_view, name="invitation_accept"),
]
