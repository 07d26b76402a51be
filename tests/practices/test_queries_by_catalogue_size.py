"""Every page the benchmark measures takes as many queries at 25 programmes as at 3 (a first visit, cache empty)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Programme
from practices import services
from tests.catalog.test_queries import build_catalogue
from tests.practices import factories

pytestmark = pytest.mark.django_db


def _pages(practice):
    slug = {"practice_slug": practice.slug}
    compare = ["programma-000", "programma-001", "programma-002"]
    return {
        "overview": (reverse("catalog:programme_list"), {"q": "programma", "theme": "angst", "delivery": "guided"}),
        "programme page": (reverse("catalog:programme_detail", kwargs={"slug": "programma-001"}), {}),
        "compare": (reverse("catalog:compare"), {"p": compare}),
        "keuzehulp": (reverse("catalog:keuzehulp"), {"theme": "angst", "age": "adult", "language": "nl"}),
        "menu": (reverse("practices:menu", kwargs=slug), {}),
        "dashboard": (reverse("practices:dashboard", kwargs=slug), {}),
        "patient page": (reverse("practices:patient_page", kwargs=slug), {}),
    }


def _counts(client, practice):
    counts = {}
    for name, (url, params) in _pages(practice).items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_every_measured_page_takes_the_same_queries_at_3_and_25_programmes(client, practice, manager):
    build_catalogue(3)
    factories.population(practice)
    for programme in Programme.objects.order_by("name")[:2]:
        services.menu_add(practice=practice, by=manager, programme=programme)
    practice.patient_page_published = True
    practice.save()
    client.force_login(manager)
    client.get(reverse("practices:dashboard", kwargs={"practice_slug": practice.slug}))  # remembers the practice
    small = _counts(client, practice)
    build_catalogue(22, prefix="Meer")
    assert _counts(client, practice) == small
