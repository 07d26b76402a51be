"""The API list's items from plain rows (catalog/api/list_items.py) are ProgrammeSerializer's, byte for byte."""

import datetime
import json

import pytest
from django.test import RequestFactory
from django.utils import translation
from rest_framework.renderers import JSONRenderer

from catalog.api import list_items
from catalog.api.filters import ApiProgrammeFilter
from catalog.api.list_items import page_rows, programme_list_items
from catalog.api.serializers import ProgrammeSerializer
from catalog.models import Criterion, Programme, QualityAssessment, Verdict
from catalog.overview_cache import catalogue_revision
from catalog.selectors import api_programmes
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/programmes/"


@pytest.fixture
def catalogue():
    """Programmes with every relation, several of each, lookups whose order is not their creation order."""
    late = factories.theme("Angst", position=200)
    early = factories.theme("Slaap", position=10)
    same_position = factories.theme("Depressie", position=10)
    adults, youth = factories.target_group("Volwassenen", position=50), factories.target_group("Jongeren")
    dutch, turkish = factories.language("Nederlands", "nl"), factories.language("Turks", "tr", position=1)
    mirro, trimbos = factories.provider("Mirro"), factories.provider("Trimbos-instituut")
    full = factories.programme(
        "Kleur je leven",
        summary="Online cursus bij somberheid — “depressie”.",
        themes=[late, early, same_position],
        target_groups=[youth, adults],
        languages=[dutch, turkish],
        provider=trimbos,
        website="https://www.kleurjeleven.nl/",
        offers_self_help=None,
        offers_guided=True,
        offers_blended=False,
        cost=Programme.Cost.INSURER,
        cost_note="Via de zorgverzekeraar.",
        duration_weeks=8,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review=datetime.date(2027, 3, 1),
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.DOES_NOT},
    )
    QualityAssessment.objects.filter(programme=full, criterion=Criterion.SAFETY).update(
        assessed_on=datetime.date(2026, 2, 3)
    )
    factories.programme("Grip op je dip", themes=[early], target_groups=[], languages=[], provider=mirro)
    factories.programme(
        "Oude cursus",
        provider=mirro,
        status=Programme.Status.WITHDRAWN,
        withdrawn_on=datetime.date(2025, 12, 31),
        duration_weeks=None,
    )
    bare = factories.programme("Zonder oordelen", themes=[], provider=mirro)
    bare.assessments.all().delete()


def as_json(data) -> bytes:
    return JSONRenderer().render(data)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "query", ["status=published&status=withdrawn", "sort=newest&status=withdrawn&status=published", "theme=slaap"]
)
def test_items_equal_the_serializers_byte_for_byte(catalogue, query, language):
    request = RequestFactory().get(f"{LIST}?{query}")
    with translation.override(language):
        queryset = ApiProgrammeFilter(request.GET, queryset=api_programmes()).qs
        expected = ProgrammeSerializer(queryset, many=True, context={"request": request}).data
        plain = ApiProgrammeFilter(request.GET, queryset=Programme.objects.public()).qs
        items = programme_list_items(page_rows(plain), request)
    assert len(items) >= 1
    assert as_json(items) == as_json(expected)


def test_items_equal_with_the_lookup_order_cached(catalogue, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    request = RequestFactory().get(LIST)
    expected = ProgrammeSerializer(api_programmes().order_by("name"), many=True, context={"request": request}).data
    for _ in range(2):  # the second time from the cached lookup order
        items = programme_list_items(page_rows(Programme.objects.public().order_by("name")), request)
        assert as_json(items) == as_json(expected)


def test_a_lookup_missing_from_the_kept_order_is_read_again(catalogue, settings, monkeypatch):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    request = RequestFactory().get(LIST)
    old_revision = catalogue_revision()
    programme_list_items(page_rows(Programme.objects.public()), request)  # keeps the order for this revision
    newer = factories.theme("Rouw", position=1)
    Programme.objects.get(slug="grip-op-je-dip").themes.add(newer)
    # As in another process that still has the previous revision in its memo: the kept order lacks the new theme.
    monkeypatch.setattr(list_items, "catalogue_revision", lambda: old_revision)
    items = programme_list_items(page_rows(Programme.objects.filter(slug="grip-op-je-dip")), request)
    assert items[0]["themes"] == ["rouw", "slaap"]


def test_list_endpoint_answers_what_the_serializer_gives(client, catalogue):
    response = client.get(f"{LIST}?status=published&status=withdrawn&page_size=2&page=2")
    request = RequestFactory().get(LIST)
    request.META["HTTP_HOST"] = "testserver"
    queryset = ApiProgrammeFilter({"status": ["published", "withdrawn"]}, queryset=api_programmes()).qs
    expected = ProgrammeSerializer(queryset[2:4], many=True, context={"request": request}).data
    body = json.loads(response.content)
    assert body["count"] == 4
    assert body["results"] == json.loads(as_json(expected))
