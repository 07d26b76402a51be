"""The API's fast paths: the revision memo, the 304 before the stack (NotModifiedMiddleware), cached list answers."""

import pytest
from django.db import transaction

from catalog import overview_cache
from catalog.models import CatalogueRevision, Programme
from catalog.overview_cache import REVISION_PK, bump_catalogue_revision, catalogue_revision, catalogue_revision_row
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/programmes/"
VALIDATOR_HEADERS = [
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
]


@pytest.fixture
def catalogue():
    depression = factories.theme("Depressie")
    for name in ["Kleur je leven", "Grip op je dip", "Somberheid de baas"]:
        factories.programme(name, themes=[depression], offers_guided=True)


@pytest.fixture
def memo(settings):
    settings.REVISION_MEMO_SECONDS = 1


# The memo ------------------------------------------------------------------------------------------------------


def test_the_token_is_read_once_within_the_memo(memo, django_assert_num_queries):
    bump_catalogue_revision()
    with django_assert_num_queries(1):
        tokens = {catalogue_revision() for _ in range(5)}
    assert len(tokens) == 1


def test_the_memo_expires(memo, monkeypatch):
    bump_catalogue_revision()
    first = catalogue_revision()
    # Another process changes the token (without this process's bump): this process sees it after the memo's time.
    CatalogueRevision.objects.filter(pk=REVISION_PK).update(token="from-another-process")
    assert catalogue_revision() == first
    now = overview_cache.time.monotonic()
    monkeypatch.setattr(overview_cache.time, "monotonic", lambda: now + 1.5)
    assert catalogue_revision() == "from-another-process"


def test_a_bump_in_this_process_is_seen_at_once(memo):
    before = catalogue_revision()
    bump_catalogue_revision()
    assert catalogue_revision() != before


def test_the_memo_is_forgotten_when_the_bump_commits(memo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        bump_catalogue_revision()
        catalogue_revision()  # memoizes the token inside the transaction
        assert overview_cache._memo is not None
    assert overview_cache._memo is None


def test_no_memo_when_switched_off(settings, django_assert_num_queries):
    settings.REVISION_MEMO_SECONDS = 0
    with django_assert_num_queries(3):
        for _ in range(3):
            catalogue_revision()


def test_a_bump_moves_changed_at(memo, monkeypatch):
    import datetime

    bump_catalogue_revision()
    _, first = catalogue_revision_row()
    later = first + datetime.timedelta(minutes=5)
    monkeypatch.setattr(overview_cache.timezone, "now", lambda: later)
    bump_catalogue_revision()
    _, second = catalogue_revision_row()
    assert second == later
    assert CatalogueRevision.objects.get(pk=REVISION_PK).changed_at == later


# The 304 before the stack --------------------------------------------------------------------------------------


def test_the_304_comes_before_drf_and_its_throttle(client, catalogue, settings, django_assert_max_num_queries):
    settings.API_ANON_RATE = "2/min"
    path = f"{LIST}?theme=depressie&delivery=guided"
    first = client.get(path)
    for _ in range(5):  # not throttled, and nothing read but the revision
        with django_assert_max_num_queries(1):
            assert client.get(path, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(path).status_code == 200  # the second counted request
    assert client.get(path).status_code == 429


def test_the_middlewares_304_has_the_views_headers(client, catalogue):
    path = f"{LIST}?theme=depressie"
    origin = {"Origin": "https://zorggroep.example"}
    first = client.get(path, headers=origin)
    conditional = {**origin, "If-None-Match": first["ETag"]}
    early = client.get(path, headers=conditional)
    # With a session cookie the middleware leaves the request to the view (ConditionalMixin), as for a member.
    client.cookies["sessionid"] = "not-a-session"
    late = client.get(path, headers=conditional)
    assert early.status_code == late.status_code == 304
    for header in VALIDATOR_HEADERS:
        assert early[header] == late[header], header
    for header in VALIDATOR_HEADERS[:-2]:
        # The 200's body is gzipped, which adds Accept-Encoding; a 304 has no body to compress.
        assert early[header] == first[header].replace(", Accept-Encoding", ""), header


def test_if_modified_since_and_head_get_the_early_304(client, catalogue):
    first = client.get(LIST)
    assert client.head(LIST, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    assert client.get(LIST, headers={"If-None-Match": '"other"'}).status_code == 200


def test_a_change_ends_the_304(client, catalogue, memo):
    first = client.get(LIST)
    programme = Programme.objects.get(slug="kleur-je-leven")
    programme.summary = "Anders."
    programme.save()
    assert client.get(LIST, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_views_without_validators_are_left_alone(client, catalogue):
    response = client.get("/api/v1/schema/?format=json", headers={"If-None-Match": "*"})
    assert response.status_code == 200


# Cached list answers -------------------------------------------------------------------------------------------


@pytest.fixture
def cache_on(settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600


def test_a_list_answer_is_cached_until_the_catalogue_changes(client, catalogue, cache_on):
    first = client.get(f"{LIST}?theme=depressie&sort=name").json()
    Programme.objects.filter(slug="kleur-je-leven").update(name="Stil gewijzigd")  # no signal: still cached
    assert client.get(f"{LIST}?sort=name&theme=depressie").json() == first  # parameter order does not matter
    bump_catalogue_revision()
    names = [item["name"] for item in client.get(f"{LIST}?theme=depressie&sort=name").json()["results"]]
    assert "Stil gewijzigd" in names


def test_cached_answers_differ_by_language_host_and_page(client, catalogue, cache_on):
    one = client.get(f"{LIST}?page_size=1").json()
    two = client.get(f"{LIST}?page_size=1&page=2").json()
    assert one["results"] != two["results"]
    other_host = client.get(f"{LIST}?page_size=1", headers={"Host": "localhost"}).json()
    assert other_host["next"].startswith("http://localhost/")


def test_no_cache_when_switched_off(client, catalogue, django_assert_num_queries):
    client.get(LIST)
    Programme.objects.filter(slug="kleur-je-leven").update(name="Stil gewijzigd")
    assert "Stil gewijzigd" in [item["name"] for item in client.get(LIST).json()["results"]]


# Pages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "count", "names"),
    [
        ("page_size=2", 3, ["Grip op je dip", "Kleur je leven"]),
        ("page_size=2&page=2", 3, ["Somberheid de baas"]),
        ("page_size=2&page=last", 3, ["Somberheid de baas"]),
        ("theme=onbekend", 3, ["Grip op je dip", "Kleur je leven", "Somberheid de baas"]),
        ("q=zzzz", 0, []),
    ],
)
def test_pages_and_counts(client, catalogue, query, count, names):
    body = client.get(f"{LIST}?{query}").json()
    assert body["count"] == count
    assert [item["name"] for item in body["results"]] == names


@pytest.mark.parametrize("page", ["3", "0", "x", "1.5"])
def test_a_page_past_the_end_or_no_number_is_a_404(client, catalogue, page):
    assert client.get(f"{LIST}?page_size=2&page={page}").status_code == 404


def test_next_and_previous_links(client, catalogue):
    body = client.get(f"{LIST}?page_size=1&page=2").json()
    assert body["next"] == "http://testserver/api/v1/programmes/?page=3&page_size=1"
    assert body["previous"] == "http://testserver/api/v1/programmes/?page_size=1"


# Lookup filters read from the kept slugs ------------------------------------------------------------------------


def test_lookup_filters_from_the_kept_slugs(client, catalogue, cache_on, memo, django_assert_max_num_queries):
    other = factories.theme("Angst")
    factories.programme("Angst de baas", themes=[other])
    client.get(f"{LIST}?theme=angst&provider=nergens")  # keeps the slugs and the revision
    with django_assert_max_num_queries(3):  # the count, the page and the page's relations
        body = client.get(f"{LIST}?theme=angst&theme=onbekend&provider=nergens&sort=name").json()
    assert [item["name"] for item in body["results"]] == ["Angst de baas"]
    factories.programme("Rouw verwerken", themes=[factories.theme("Rouw")])  # a new theme: a new revision
    assert [item["name"] for item in client.get(f"{LIST}?theme=rouw").json()["results"]] == ["Rouw verwerken"]
