"""The open data page, at the site's top level (/open-data/, /en/open-data/) beside the privacy statement."""

from django.urls import path

from catalog import views

urlpatterns = [path("open-data/", views.open_data, name="open_data")]
