"""The public provider pages: who is behind the programmes, what they offer practices, and their sources."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Programme, Resource
from tests import factories
from tests.publishing import source

pytestmark = pytest.mark.django_db

LIST_URL = reverse("catalog:provider_list")
# The provider, its sources, its published programmes with their themes, target groups, languages and verdicts,
# and its programmes no longer offered.
DETAIL_MAX_QUERIES = 8
# One query: the providers with both counts annotated.
LIST_MAX_QUERIES = 1


def detail_url(provider):
    return reverse("catalog:provider_detail", kwargs={"slug": provider.slug})


@pytest.fixture
def mirro():
    provider = factories.provider(
        "Mirro",
        website="https://www.mirro.nl/",
        email="info@mirro.example",
        phone="030 123 45 67",
        address="Postbus 1\n3500 AA Utrecht",
        complaints_procedure_url="https://www.mirro.nl/klachten",
        privacy_statement_url="https://www.mirro.nl/privacy",
        certifications="ISO 27001",
        offer_to_practices="Modules voor de **POH-ggz**, gratis en anoniem.",
    )
    provider.sources.add(source("Over Mirro", publisher="Mirro", seen_on=date(2026, 2, 20)))
    factories.programme("Mirro Rouwverwerking", provider=provider)
    return provider


def test_provider_list_names_providers_with_their_programme_counts(client, mirro):
    factories.programme("Mirro Burn-out", provider=mirro)
    factories.programme("Mirro Oud", provider=mirro, status=Programme.Status.WITHDRAWN)
    body = client.get(LIST_URL).content.decode()
    assert f'href="{detail_url(mirro)}">Mirro</a>' in body
    assert "2 programma’s in de catalogus" in body
    assert "1 niet meer aangeboden" in body


def test_provider_list_leaves_out_a_provider_with_drafts_only(client, mirro):
    hidden = factories.provider("Alleen Concepten")
    factories.programme("Geheim concept", provider=hidden, status=Programme.Status.DRAFT)
    factories.programme("In beoordeling", provider=hidden, status=Programme.Status.IN_REVIEW)
    response = client.get(LIST_URL)
    assert [provider.name for provider in response.context["providers"]] == ["Mirro"]
    assert "Alleen Concepten" not in response.content.decode()


def test_provider_list_keeps_a_provider_whose_only_programme_is_no_longer_offered(client):
    provider = factories.provider("Gestopt")
    factories.programme("Oud programma", provider=provider, status=Programme.Status.WITHDRAWN)
    body = client.get(LIST_URL).content.decode()
    assert "Gestopt" in body
    assert '<p class="small text-muted mb-0">1 niet meer aangeboden</p>' in body


def test_provider_detail_shows_contact_offer_and_rules(client, mirro):
    response = client.get(detail_url(mirro))
    body = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="provider-title">Mirro</h1>' in body
    assert "Modules voor de <strong>POH-ggz</strong>, gratis en anoniem." in body
    assert 'href="mailto:info@mirro.example"' in body
    assert 'href="tel:0301234567">030 123 45 67</a>' in body
    assert "Postbus 1<br>3500 AA Utrecht" in body
    assert 'href="https://www.mirro.nl/privacy"' in body
    assert 'href="https://www.mirro.nl/klachten"' in body
    assert "ISO 27001" in body


def test_provider_detail_shows_its_published_programmes_as_cards(client, mirro):
    factories.programme("Mirro Concept", provider=mirro, status=Programme.Status.DRAFT)
    response = client.get(detail_url(mirro))
    body = response.content.decode()
    assert [programme.name for programme in response.context["programmes"]] == ["Mirro Rouwverwerking"]
    assert 'class="card programme-card' in body
    programme = Programme.objects.get(slug="mirro-rouwverwerking")
    assert f'id="programme-mirro-rouwverwerking"><a href="{programme.get_absolute_url()}">' in body
    assert "Mirro Concept" not in body


def test_provider_detail_lists_a_withdrawn_programme_apart_as_no_longer_offered(client, mirro):
    old = factories.programme(
        "Mirro Oud", provider=mirro, status=Programme.Status.WITHDRAWN, withdrawn_on=date(2025, 6, 1)
    )
    response = client.get(detail_url(mirro))
    body = response.content.decode()
    assert [programme.name for programme in response.context["withdrawn"]] == ["Mirro Oud"]
    withdrawn_section = body.split('id="withdrawn-heading"', 1)[1]
    assert withdrawn_section.startswith(' class="h4">Niet meer aangeboden</h2>')
    assert f'href="{old.get_absolute_url()}">Mirro Oud</a>' in withdrawn_section
    assert "Niet meer aangeboden sinds 1 juni 2025." in withdrawn_section
    # Not as a card among the programmes on offer.
    assert 'id="programme-mirro-oud"' not in body


def test_unknown_provider_slug_is_a_404(client):
    assert client.get(reverse("catalog:provider_detail", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_provider_with_only_drafts_is_a_404(client):
    provider = factories.provider("Alleen Concepten")
    factories.programme("Geheim concept", provider=provider, status=Programme.Status.DRAFT)
    factories.programme("Gearchiveerd", provider=provider, status=Programme.Status.ARCHIVED)
    response = client.get(detail_url(provider))
    assert response.status_code == 404
    assert "Geheim concept" not in response.content.decode()


def test_provider_detail_shows_its_sources_with_the_date_seen(client, mirro):
    body = client.get(detail_url(mirro)).content.decode()
    sources = body.split('id="provider-sources-heading"', 1)[1]
    assert "bron:" in sources
    assert "Over Mirro</a>, Mirro, gezien op 20 februari 2026" in sources


def test_unknown_provider_facts_show_as_not_known(client):
    provider = factories.provider("Onbekend BV")
    factories.programme("Programma van Onbekend", provider=provider)
    body = client.get(detail_url(provider)).content.decode()
    privacy = body.split("Privacyverklaring</dt>", 1)[1][:200]
    assert '<span class="fact-unknown">Nog niet bekend</span>' in privacy
    offer = body.split('id="offer-heading"', 1)[1][:300]
    assert "Nog niet bekend" in offer
    assert "Voor deze gegevens is nog geen openbare bron vastgelegd." in body


def test_offer_to_practices_markdown_is_sanitised(client, mirro):
    mirro.offer_to_practices = "**Licentie** <script>alert('x')</script> [meer](javascript:alert(1))"
    mirro.save()
    body = client.get(detail_url(mirro)).content.decode()
    assert "<strong>Licentie</strong>" in body
    assert "<script>alert" not in body
    assert "javascript:" not in body


def _count(client, url):
    cache.clear()  # a first visit: the compare options are cached per catalogue revision
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _more_programmes(provider, count, prefix):
    themes = [factories.theme("Angst"), factories.theme("Rouw")]
    for index in range(count):
        factories.programme(f"{prefix} {index:02d}", provider=provider, themes=themes)
        factories.programme(f"{prefix} oud {index:02d}", provider=provider, status=Programme.Status.WITHDRAWN)
    provider.sources.add(*(source(f"{prefix} bron {index}") for index in range(count)))


def test_provider_detail_queries_do_not_grow_with_its_programmes(client, mirro, django_assert_max_num_queries):
    _more_programmes(mirro, 2, "Klein")  # 3 published programmes
    small = _count(client, detail_url(mirro))
    _more_programmes(mirro, 7, "Groot")  # 10 published programmes
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        large = _count(client, detail_url(mirro))
    assert small == large
    assert len(client.get(detail_url(mirro)).context["programmes"]) == 10


def test_provider_list_queries_do_not_grow_with_providers_or_programmes(client, django_assert_max_num_queries):
    for index in range(3):
        _more_programmes(factories.provider(f"Aanbieder {index}"), 1, f"Eerste {index}")
    small = _count(client, LIST_URL)
    for index in range(3, 10):
        _more_programmes(factories.provider(f"Aanbieder {index}"), 3, f"Tweede {index}")
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        large = _count(client, LIST_URL)
    assert small == large
    assert len(client.get(LIST_URL).context["providers"]) == 10


# --- The programme page links to its provider and shows the sources of the provider and of each resource ---


def test_programme_page_links_to_the_provider_page(client, mirro):
    body = client.get(reverse("catalog:programme_detail", kwargs={"slug": "mirro-rouwverwerking"})).content.decode()
    assert f'van <a href="{detail_url(mirro)}">Mirro</a>' in body
    provider_section = body.split('id="provider-heading"', 1)[1]
    assert f'<a href="{detail_url(mirro)}">Mirro</a>' in provider_section
    assert "Over Mirro</a>, Mirro, gezien op 20 februari 2026" in provider_section


def _resources_with_sources(programme, count, prefix):
    for index in range(count):
        resource = Resource.objects.create(
            programme=programme, kind=Resource.Kind.MANUAL, title=f"{prefix} {index}", url="https://x.example/"
        )
        resource.sources.add(source(f"{prefix} handleidingbron {index}", seen_on=date(2026, 3, 2)))


def test_programme_page_shows_each_resource_with_its_sources(client, mirro):
    programme = Programme.objects.get(slug="mirro-rouwverwerking")
    _resources_with_sources(programme, 1, "Handleiding")
    body = client.get(programme.get_absolute_url()).content.decode()
    resources = body.split('id="resources-heading"', 1)[1]
    assert "Handleiding 0" in resources
    assert "Handleiding handleidingbron 0</a>, Trimbos-Instituut, gezien op 2 maart 2026" in resources


def test_programme_page_queries_do_not_grow_with_resources_and_their_sources(client, mirro):
    programme = Programme.objects.get(slug="mirro-rouwverwerking")
    _resources_with_sources(programme, 1, "Een")
    one = _count(client, programme.get_absolute_url())
    _resources_with_sources(programme, 9, "Meer")
    assert _count(client, programme.get_absolute_url()) == one
