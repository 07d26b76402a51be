"""The catalogue pages take a fixed number of queries, however large the catalogue."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Criterion, FactSource, Programme, ProgrammeFact, Resource, Source, Study, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


OVERVIEW_MAX_QUERIES = 20
FILTERED = {"q": "programma", "theme": ["angst", "depressie"], "delivery": "guided", "language": "nederlands"}


def add_sources(programme, count: int, prefix: str):
    """`count` sources on the cost fact, the effectiveness verdict, each study, each resource and the provider: the
    detail page shows them all."""
    sources = [
        Source.objects.create(title=f"{prefix} {index}", publisher="Uitgever", seen_on=date(2026, 1, 1))
        for index in range(count)
    ]
    FactSource.objects.bulk_create(
        FactSource(programme=programme, fact=ProgrammeFact.COST, source=source) for source in sources
    )
    programme.assessments.get(criterion=Criterion.EFFECTIVENESS).sources.add(*sources)
    for study in programme.studies.all():
        study.sources.add(*sources)
    for resource in programme.resources.all():
        resource.sources.add(*sources)
    programme.provider.sources.add(*sources)


def build_catalogue(size: int, prefix: str = "Programma"):
    """`size` published programmes, each with several themes, groups, languages, studies and resources."""
    themes = [factories.theme("Angst"), factories.theme("Depressie"), factories.theme("Slaap")]
    groups = [factories.target_group("Volwassenen"), factories.target_group("Jongeren")]
    languages = [factories.language("Nederlands", "nl"), factories.language("Engels", "en")]
    providers = [factories.provider(f"Aanbieder {index}") for index in range(3)]
    for index in range(size):
        programme = factories.programme(
            f"{prefix} {index:03d}",
            summary="Een programma bij angst en somberheid.",
            themes=themes[: 1 + index % 3],
            target_groups=groups,
            languages=languages,
            provider=providers[index % 3],
            offers_guided=True,
            therapies=[factories.therapy()],
            verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
        )
        Study.objects.create(programme=programme, title=f"Studie {index}", design=Study.Design.RCT, year=2020)
        Resource.objects.create(programme=programme, kind=Resource.Kind.VIDEO, title="Video", url="https://x.nl")
        add_sources(programme, 1, prefix=f"{prefix} {index:03d} bron")


def count_queries(client, url, params=None) -> int:
    """The queries of a first visit: nothing cached yet (the overview, facets, compare options)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, FILTERED], ids=["plain", "filtered"])
def test_overview_queries_at_3_and_30_programmes_are_equal(client, params, django_assert_max_num_queries):
    build_catalogue(3)
    small = count_queries(client, reverse("catalog:programme_list"), params)
    assert len(client.get(reverse("catalog:programme_list"), params).context["page_obj"]) == 3
    build_catalogue(27, prefix="Meer")
    with django_assert_max_num_queries(OVERVIEW_MAX_QUERIES):
        large = count_queries(client, reverse("catalog:programme_list"), params)
    assert small == large
    assert len(client.get(reverse("catalog:programme_list"), params).context["page_obj"]) == 20


def test_detail_queries_do_not_grow_with_the_catalogue_or_its_studies(client):
    build_catalogue(3)
    url = reverse("catalog:programme_detail", kwargs={"slug": "programma-000"})
    small = count_queries(client, url)
    for index in range(30):
        factories.programme(f"Ander programma {index:02d}")
    programme = factories.programme("Veel onderzoek")
    for index in range(10):
        Study.objects.create(programme=programme, title=f"Studie {index}", design=Study.Design.COHORT)
        Resource.objects.create(
            programme=programme, kind=Resource.Kind.MANUAL, title=f"Handleiding {index}", url="https://x.nl"
        )
    add_sources(programme, 5, prefix="Veel")
    assert count_queries(client, url) == small
    assert count_queries(client, programme.get_absolute_url()) == small
    # Five more than before sources were shown: the sources of facts, verdicts, studies, resources and the provider;
    # two more for the list of programmes to compare this one with (the catalogue revision and, once per
    # revision, the options themselves); one more for the page's header, read apart from its cached body.
    assert small <= 18


def test_a_second_visit_of_a_programme_page_reads_its_header_only(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    build_catalogue(3)
    url = reverse("catalog:programme_detail", kwargs={"slug": "programma-000"})
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url).content.decode()
    assert second == first
    assert len(queries) <= 3  # the programme with its provider, the catalogue revision (and the session, if any)
    Study.objects.create(programme=Programme.objects.get(slug="programma-000"), title="Nieuwe studie", year=2024)
    assert "Nieuwe studie" in client.get(url).content.decode()


def test_compare_queries_do_not_grow_with_the_number_compared(client):
    build_catalogue(4)
    url = reverse("catalog:compare")
    two = count_queries(client, url, {"p": ["programma-000", "programma-001"]})
    four = count_queries(client, url, {"p": ["programma-000", "programma-001", "programma-002", "programma-003"]})
    assert two == four <= 10


def test_a_second_visit_of_the_same_comparison_reads_only_the_revision(client, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    build_catalogue(3)
    params = {"p": ["programma-000", "programma-001"]}
    first = client.get(reverse("catalog:compare"), params).content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(reverse("catalog:compare"), params).content.decode()
    assert second == first
    assert len(queries) <= 2  # the catalogue revision (and the session, if any)
    programme = Programme.objects.get(slug="programma-001")
    programme.name = "Hernoemd programma"
    programme.save()
    assert "Hernoemd programma" in client.get(reverse("catalog:compare"), params).content.decode()
