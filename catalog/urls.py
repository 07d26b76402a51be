from django.urls import path

from catalog import keuzehulp_views

app_name = "catalog"
urlpatterns = [
    # Keuzehulp first: its fixed paths must win over any `<slug>/` pattern added below.
    path("keuzehulp/", keuzehulp_views.keuzehulp, name="keuzehulp"),
    path("keuzehulp/advies/", keuzehulp_views.keuzehulp_advice, name="keuzehulp_advice"),
]
