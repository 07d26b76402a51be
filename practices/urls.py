"""Practice workspace URLs. Every practice page lives under /praktijk/<practice_slug>/ and uses practice_view."""

from django.urls import path

from practices import views

app_name = "practices"
urlpatterns = [
    path("praktijk/<slug:practice_slug>/", views.dashboard, name="dashboard"),
]
