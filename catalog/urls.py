"""Public catalogue URLs. Fixed paths (compare/, keuzehulp/, …) come before <slug>/ so no slug shadows them."""

from django.urls import path

from catalog import keuzehulp_views, views

app_name = "catalog"
urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("compare/", views.compare, name="compare"),
    path("hoe-wij-beoordelen/", views.how_we_assess, name="how_we_assess"),
    path("keuzehulp/", keuzehulp_views.keuzehulp, name="keuzehulp"),
    path("keuzehulp/advies/", keuzehulp_views.keuzehulp_advice, name="keuzehulp_advice"),
    path("aanbieders/", views.provider_list, name="provider_list"),
    path("aanbieders/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path("materiaal/<int:pk>/bestand/", views.resource_file, name="resource_file"),
    path("<slug:slug>/", views.programme_detail, name="programme_detail"),
]
