"""Public catalogue URLs. Fixed paths (compare/, keuzehulp/) come before <slug>/ so no slug shadows them."""

from django.urls import path

from catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("compare/", views.compare, name="compare"),
    # keuzehulp/ URLs go here, above the slug pattern.
    path("<slug:slug>/", views.programme_detail, name="programme_detail"),
]
