"""The open API (/api/v1/): what it shows, that it matches the overview, conditional GET, CORS, throttling."""

import re

import pytest
from django.urls import reverse

from catalog.models import Criterion, IcpcCode, Programme, Theme, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/programmes/"


@pytest.fixture
def catalogue():
    """Published programmes that differ on every facet, one no longer offered, and a draft and one in review."""
    anxiety, depression = factories.theme("Angst"), factories.theme("Depressie")
    adults, youth = factories.target_group("Volwassenen"), factories.target_group("Jongeren")
    dutch, turkish = factories.language("Nederlands", "nl"), factories.language("Turks", "tr")
    mirro, trimbos = factories.provider("Mirro"), factories.provider("Trimbos-instituut")
    factories.programme(
        "Angst de baas",
        themes=[anxiety],
        languages=[dutch],
        provider=mirro,
        cost=Programme.Cost.FREE,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
    )
    factories.programme(
        "Kleur je leven",
        summary="Online cursus bij somberheid en depressie.",
        themes=[depression],
        target_groups=[adults, youth],
        languages=[dutch, turkish],
        provider=trimbos,
        offers_guided=True,
        cost=Programme.Cost.INSURER,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.MEETS},
    )
    factories.programme(
        "Grip op je dip",
        themes=[depression],
        target_groups=[youth],
        provider=trimbos,
        offers_guided=None,
        cost=Programme.Cost.UNKNOWN,
    )
    factories.programme(
        "Oude cursus",
        themes=[depression],
        provider=mirro,
        status=Programme.Status.WITHDRAWN,
        withdrawn_reason="Gestopt",
    )
    factories.programme("Geheim concept", themes=[depression], provider=mirro, status=Programme.Status.DRAFT)
    factories.programme("In beoordeling", themes=[anxiety], provider=mirro, status=Programme.Status.IN_REVIEW)


def api_slugs(client, query=""):
    response = client.get(f"{LIST}?page_size=100&{query}")
    assert response.status_code == 200
    return [item["slug"] for item in response.json()["results"]]


def overview_slugs(client, query=""):
    html = client.get(f"{reverse('catalog:programme_list')}?{query}").content.decode()
    return re.findall(r'id="programme-([\w-]+)"', html)


def test_drafts_never_appear_in_any_list_or_detail(client, catalogue):
    everything = api_slugs(client, "status=published&status=withdrawn")
    assert sorted(everything) == ["angst-de-baas", "grip-op-je-dip", "kleur-je-leven", "oude-cursus"]
    assert client.get(f"{LIST}geheim-concept/").status_code == 404
    assert client.get(f"{LIST}in-beoordeling/").status_code == 404
    body = client.get("/api/v1/providers/?page_size=100").content.decode()
    assert "Geheim concept" not in body


def test_withdrawn_programme_is_listed_on_request_and_keeps_its_detail(client, catalogue):
    assert api_slugs(client, "status=withdrawn") == ["oude-cursus"]
    detail = client.get(f"{LIST}oude-cursus/").json()
    assert detail["status"] == "withdrawn"
    assert detail["withdrawn_reason"] == "Gestopt"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "theme=depressie&delivery=guided",
        "theme=depressie&delivery=unknown",
        "theme=angst&theme=depressie&language=turks",
        "target_group=jongeren&sort=newest",
        "cost=free&cost=insurer",
        "quality=effectiveness&quality=safety",
        "provider=trimbos-instituut&sort=name",
        "q=depressie",
        "theme=onbekend-thema",
        "delivery=guided&delivery=self_help&target_group=volwassenen",
    ],
)
def test_api_list_and_overview_return_the_same_programmes(client, catalogue, query):
    assert api_slugs(client, query) == overview_slugs(client, query)


def test_the_issues_example_gives_the_guided_depression_programme(client, catalogue):
    assert api_slugs(client, "theme=depressie&delivery=guided") == ["kleur-je-leven"]


def test_detail_has_four_assessments_with_sources_and_no_curator_notes(client, catalogue):
    programme = Programme.objects.get(slug="kleur-je-leven")
    programme.assessments.filter(criterion=Criterion.SAFETY).update(curator_notes="nog uitzoeken")
    programme.internal_notes = "voorlopige keuze"
    programme.save()
    response = client.get(f"{LIST}kleur-je-leven/")
    data = response.json()
    assert [row["criterion"] for row in data["quality"]] == Criterion.values
    assert all("sources" in row and "rationale" in row for row in data["quality"])
    assert "nog uitzoeken" not in response.content.decode()
    assert "voorlopige keuze" not in response.content.decode()
    assert data["themes"] == ["depressie"]
    assert data["provider"] == {"slug": "trimbos-instituut", "name": "Trimbos-instituut"}


def test_list_takes_a_fixed_number_of_queries(client, catalogue, django_assert_max_num_queries):
    for number in range(10):
        factories.programme(f"Extra {number}")
    with django_assert_max_num_queries(10):
        assert client.get(LIST).status_code == 200


def test_lookups_list_every_theme(client, catalogue):
    themes = client.get("/api/v1/lookups/themes/").json()
    assert {"slug": "depressie", "name": "Depressie", "icpc_codes": []} in themes


def test_themes_carry_their_icpc_codes_from_the_catalogue(client, catalogue):
    code = IcpcCode.objects.create(code="P76", title="Depressie")
    Theme.objects.get(slug="depressie").icpc_codes.add(code)

    themes = {theme["slug"]: theme for theme in client.get("/api/v1/lookups/themes/").json()}

    assert themes["depressie"]["icpc_codes"] == [{"code": "P76", "title": "Depressie"}]


def test_second_request_with_if_none_match_gets_304(client, catalogue):
    first = client.get(f"{LIST}?theme=depressie&delivery=guided")
    assert first["ETag"] and first["Last-Modified"]
    second = client.get(f"{LIST}?theme=depressie&delivery=guided", headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]


def test_if_modified_since_gets_304_until_the_catalogue_changes(client, catalogue):
    first = client.get(LIST)
    headers = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(LIST, headers=headers).status_code == 304
    assert client.get(f"{LIST}angst-de-baas/", headers=headers).status_code == 304


def test_a_change_to_the_catalogue_gives_a_new_etag(client, catalogue):
    first = client.get(LIST)
    programme = Programme.objects.get(slug="angst-de-baas")
    programme.summary = "Nieuwe samenvatting."
    programme.save()
    second = client.get(LIST, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_other_filters_have_their_own_etag(client, catalogue):
    assert client.get(LIST)["ETag"] != client.get(f"{LIST}?theme=angst")["ETag"]


def test_any_origin_may_read_the_api(client, catalogue):
    response = client.get(LIST, headers={"Origin": "https://zorggroep.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_allows_only_reading_methods(client):
    response = client.options(
        LIST, headers={"Origin": "https://zorggroep.example", "Access-Control-Request-Method": "GET"}
    )
    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_outside_the_api_get_no_cors_headers(client, catalogue):
    response = client.get(reverse("catalog:programme_list"), headers={"Origin": "https://zorggroep.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_anonymous_clients_are_throttled_with_retry_after(client, catalogue, settings):
    settings.API_ANON_RATE = "3/min"
    for _ in range(3):
        assert client.get(LIST).status_code == 200
    response = client.get(LIST)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", [LIST, f"{LIST}angst-de-baas/", "/api/v1/providers/", "/api/v1/lookups/themes/"])
def test_no_write_methods(client, catalogue, method, path):
    before = Programme.objects.count()
    response = getattr(client, method)(path, data={"name": "x"}, content_type="application/json")
    assert response.status_code == 405
    assert Programme.objects.count() == before


def test_schema_states_the_licence_in_both_languages(client):
    dutch = client.get("/api/v1/schema/?format=json&lang=nl").json()
    english = client.get("/api/v1/schema/?format=json&lang=en").json()
    assert dutch["info"]["license"]["name"] == "CC BY 4.0"
    assert english["info"]["license"]["name"] == "CC BY 4.0"
    assert dutch["info"]["description"] != english["info"]["description"]
    theme = next(p for p in english["paths"]["/api/v1/programmes/"]["get"]["parameters"] if p["name"] == "theme")
    theme_nl = next(p for p in dutch["paths"]["/api/v1/programmes/"]["get"]["parameters"] if p["name"] == "theme")
    assert theme["description"] != theme_nl["description"]


def test_every_schema_field_is_described(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_download_csv_has_the_filtered_list_with_the_api_fields(client, catalogue):
    response = client.get(reverse("catalog:programmes_csv") + "?theme=depressie")
    assert response["Content-Disposition"].endswith('.csv"')
    lines = b"".join(response.streaming_content).decode().splitlines()
    header = lines[0].split(",")
    assert header[:3] == ["slug", "name", "status"]
    assert "quality_effectiveness" in header
    assert sorted(line.split(",")[0] for line in lines[1:]) == api_slugs(client, "theme=depressie&sort=name")


def test_download_csv_writes_a_formula_as_text(client, catalogue):
    Programme.objects.filter(slug="angst-de-baas").update(summary='=HYPERLINK("https://evil.example")')
    body = b"".join(client.get(reverse("catalog:programmes_csv")).streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_download_json_equals_the_api_list(client, catalogue):
    query = "theme=depressie&delivery=guided&delivery=unknown"
    downloaded = client.get(f"{reverse('catalog:programmes_json')}?{query}").json()
    listed = client.get(f"{LIST}?{query}").json()["results"]
    assert downloaded == listed


def test_overview_links_the_download_with_its_filters(client, catalogue):
    html = client.get(reverse("catalog:programme_list") + "?theme=depressie").content.decode()
    assert reverse("catalog:programmes_csv") + "?theme=depressie" in html
    assert "Download deze lijst" in html


def test_open_data_page_states_the_licence_and_a_curl_example(client, catalogue):
    html = client.get(reverse("open_data")).content.decode()
    assert "CC BY 4.0" in html
    assert "curl" in html
    assert reverse("open_data") in client.get(reverse("home")).content.decode()


def test_a_new_study_changes_the_programmes_etag(client, catalogue):
    path = f"{LIST}kleur-je-leven/"
    first = client.get(path)
    Programme.objects.get(slug="kleur-je-leven").studies.create(title="RCT in de huisartsenpraktijk", design="rct")
    second = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert second.json()["studies"][0]["title"] == "RCT in de huisartsenpraktijk"


def test_head_is_answered_like_get(client, catalogue):
    response = client.head(LIST)
    assert response.status_code == 200
    assert response["ETag"] == client.get(LIST)["ETag"]
