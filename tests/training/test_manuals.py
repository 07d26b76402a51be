"""The manuals index: every resource of a published programme, filterable, rendered safely, few queries."""

import pytest
from django.urls import reverse

from catalog.models import Programme, Resource
from tests import factories as common

pytestmark = pytest.mark.django_db
URL = reverse("training:manual_list")


def resource(programme, title, *, kind=Resource.Kind.MANUAL, audience=Resource.Audience.PROFESSIONALS, **fields):
    fields.setdefault("url", "https://example.org/handleiding")
    return Resource.objects.create(programme=programme, title=title, kind=kind, audience=audience, **fields)


@pytest.fixture
def materials():
    kleur = common.programme("Kleur je leven")
    drink = common.programme("Minder drinken")
    draft = common.programme("Concept", status=Programme.Status.DRAFT)
    resource(kleur, "Handleiding Kleur je leven voor de POH")
    resource(kleur, "Uitlegfilm Kleur je leven", kind=Resource.Kind.VIDEO, audience=Resource.Audience.PATIENTS)
    resource(drink, "Folder Minder drinken", kind=Resource.Kind.LEAFLET, audience=Resource.Audience.PATIENTS)
    resource(draft, "Handleiding concept")
    return kleur, drink


def titles(response):
    return [r.title for r in response.context["page"].object_list]


def test_lists_resources_of_published_programmes_only(client, materials):
    response = client.get(URL)
    assert sorted(titles(response)) == [
        "Folder Minder drinken",
        "Handleiding Kleur je leven voor de POH",
        "Uitlegfilm Kleur je leven",
    ]
    assert "Handleiding concept" not in response.content.decode()


def test_filters_by_programme_slug(client, materials):
    response = client.get(URL, {"programme": "minder-drinken"})
    assert titles(response) == ["Folder Minder drinken"]


def test_filters_by_audience_and_kind_together(client, materials):
    response = client.get(URL, {"audience": "patients", "kind": "video"})
    assert titles(response) == ["Uitlegfilm Kleur je leven"]


def test_filter_state_is_kept_in_the_form(client, materials):
    body = client.get(URL, {"programme": "kleur-je-leven", "audience": "patients"}).content.decode()
    assert '<option value="kleur-je-leven" selected>' in body
    assert '<option value="patients" selected>' in body


def test_an_unknown_programme_gives_a_message_not_an_error(client, materials):
    response = client.get(URL, {"programme": "bestaat-niet"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors["programme"]


def test_a_resource_body_is_rendered_as_sanitized_markdown(client):
    programme = common.programme("Psyfit")
    resource(programme, "Werkwijze", url="", body="**Stap 1** <script>alert(1)</script> [meer](javascript:x)")
    body = client.get(URL).content.decode()
    assert "<strong>Stap 1</strong>" in body
    assert "alert(1)" not in body
    assert "javascript:" not in body


def test_query_count_does_not_grow_with_the_number_of_resources(client, django_assert_max_num_queries):
    for n in range(5):
        programme = common.programme(f"Programma {n}")
        for m in range(4):
            resource(programme, f"Materiaal {n}-{m}", body="Tekst met **nadruk**.")
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert len(titles(response)) == 20
