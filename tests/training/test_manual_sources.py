"""The manuals index shows the sources behind each manual and links to its programme, in a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Resource
from tests import factories as common
from tests.publishing import source

pytestmark = pytest.mark.django_db
URL = reverse("training:manual_list")


def manual(programme, title, *sources, audience=Resource.Audience.PROFESSIONALS):
    resource = Resource.objects.create(
        programme=programme, title=title, kind=Resource.Kind.MANUAL, audience=audience, url="https://x.example/"
    )
    resource.sources.add(*sources)
    return resource


def count_queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return len(queries)


def test_each_manual_shows_its_sources_with_the_date_seen(client):
    psyfit = common.programme("Psyfit")
    manual(psyfit, "Handleiding Psyfit", source("Psyfit voor professionals", publisher="Trimbos-instituut"))
    manual(psyfit, "Zonder bron")
    body = client.get(URL).content.decode()
    with_source = body.split("Handleiding Psyfit</h3>", 1)[1].split("</article>", 1)[0]
    assert "bron:" in with_source
    assert "Psyfit voor professionals</a>, Trimbos-instituut, gezien op 15 januari 2026" in with_source
    without_source = body.split("Zonder bron</h3>", 1)[1].split("</article>", 1)[0]
    assert "bron:" not in without_source


def test_manuals_link_to_their_programme_page(client):
    psyfit = common.programme("Psyfit")
    manual(psyfit, "Handleiding Psyfit")
    body = client.get(URL).content.decode()
    assert f'href="{psyfit.get_absolute_url()}"' in body


def test_filters_still_apply_with_sources_shown(client):
    psyfit, kleur = common.programme("Psyfit"), common.programme("Kleur je leven")
    manual(psyfit, "Handleiding Psyfit", source("Bron Psyfit"))
    manual(kleur, "Folder Kleur je leven", source("Bron Kleur"), audience=Resource.Audience.PATIENTS)
    response = client.get(URL, {"programme": "kleur-je-leven", "audience": "patients", "kind": "manual"})
    assert [resource.title for resource in response.context["page"].object_list] == ["Folder Kleur je leven"]
    body = response.content.decode()
    assert "Bron Kleur" in body
    assert "Bron Psyfit" not in body


def test_query_count_does_not_grow_with_manuals_and_their_sources(client, django_assert_max_num_queries):
    first = common.programme("Eerste")
    manual(first, "Handleiding 0", source("Bron 0", seen_on=date(2026, 2, 1)))
    one = count_queries(client)
    for index in range(4):
        programme = common.programme(f"Programma {index}")
        for number in range(4):
            manual(
                programme,
                f"Handleiding {index}-{number}",
                source(f"Bron {index}-{number}a"),
                source(f"Bron {index}-{number}b"),
            )
    with django_assert_max_num_queries(6):
        many = count_queries(client)
    assert many == one
    assert "Bron 3-3b" in client.get(URL).content.decode()
