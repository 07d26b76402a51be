"""The open API under /api/v1/: the catalogue's endpoints, the schema and the docs (funding: training/api_urls.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from catalog.api import views

router = DefaultRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("providers", views.ProviderViewSet, basename="provider")
router.register("resources", views.ResourceViewSet, basename="resource")
router.register("lookups/themes", views.ThemeViewSet, basename="theme")
router.register("lookups/target-groups", views.TargetGroupViewSet, basename="target-group")
router.register("lookups/languages", views.LanguageViewSet, basename="language")
router.register("lookups/therapies", views.TherapyViewSet, basename="therapy")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    *router.urls,
]
