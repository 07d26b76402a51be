"""The training app's part of the open API: /api/v1/funding-schemes/ (the rest is catalog/api/urls.py)."""

from rest_framework.routers import SimpleRouter

from training.api import FundingSchemeViewSet

router = SimpleRouter()
router.register("funding-schemes", FundingSchemeViewSet, basename="funding-scheme")

app_name = "training_api"
urlpatterns = router.urls
