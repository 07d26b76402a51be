"""A URLconf for keuzehulp tests: the real URLs plus stand-ins for catalogue pages built on other branches."""

from django.http import HttpResponse
from django.urls import include, path

from catalog import urls as catalog_urls
from toolkit import urls as toolkit_urls


def stand_in(request, **kwargs):
    return HttpResponse("stand-in")


# Listed first, so `catalog:compare` and `catalog:programme_detail` resolve even before those pages exist.
urlpatterns = [
    path(
        "catalog/",
        include(
            (
                [
                    *catalog_urls.urlpatterns,
                    path("vergelijk/", stand_in, name="compare"),
                    path("programma/<slug:slug>/", stand_in, name="programme_detail"),
                ],
                "catalog",
            )
        ),
    ),
    *toolkit_urls.urlpatterns,
]
