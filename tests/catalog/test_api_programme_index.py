"""The API list from the revision's index (catalog/api/programme_index.py) answers exactly as the SQL path does.

The same catalogue is asked the same addresses twice: with the catalogue cache off (the SQL path, filter_queryset
and DRF's count and page queries) and on (the index); the answers must be the same bytes, status and all.
"""

import datetime
import random
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from catalog.api import programme_index
from catalog.api.filters import ApiProgrammeFilter
from catalog.api.programme_index import ProgrammeIndex
from catalog.models import Criterion, Programme, Verdict
from catalog.overview_cache import bump_catalogue_revision
from tests import factories

pytestmark = pytest.mark.django_db

LIST = "/api/v1/programmes/"
WORDS = ["somber", "angst", "slaap", "cursus", "Piekeren", "zzzz", "!!", "slaap angst", "ÉÉN"]
# Names that share words (search), differ only in case or accents, and repeat (the order falls back to the id).
NAMES = ["Angst de baas", "angst online", "Slaap beter", "Één stap", "Eén stap", "Zelf piekeren", "Somber"]


@pytest.fixture
def catalogue():
    """Programmes that differ at random on every filter, with every status, ties in name, dates and rank."""
    rng = random.Random(15)
    themes = [factories.theme(name) for name in ["Angst", "Depressie", "Slaap", "Leeg thema"]]
    groups = [factories.target_group(name) for name in ["Volwassenen", "Jongeren", "Ouderen"]]
    languages = [factories.language("Nederlands", "nl"), factories.language("Turks", "tr")]
    providers = [factories.provider(name) for name in ["Mirro", "Trimbos-instituut", "Minddistrict"]]
    statuses = [Programme.Status.PUBLISHED] * 5 + [Programme.Status.WITHDRAWN] + list(Programme.Status)
    summaries = ["Online cursus bij somberheid.", "Minder piekeren, beter slapen.", "Angst en paniek.", ""]
    facts = [True, False, None]
    for number in range(40):
        name = rng.choice(NAMES)
        programme = factories.programme(
            name,
            slug=f"programma-{number}",
            summary=rng.choice(summaries),
            themes=rng.sample(themes, rng.randint(0, 2)),
            target_groups=rng.sample(groups, rng.randint(0, 2)),
            languages=rng.sample(languages, rng.randint(0, 2)),
            provider=rng.choice(providers),
            status=rng.choice(statuses),
            offers_self_help=rng.choice(facts),
            offers_guided=rng.choice(facts),
            offers_blended=rng.choice(facts),
            cost=rng.choice(Programme.Cost.values),
            last_reviewed=rng.choice([None, datetime.date(2026, 1, 1), datetime.date(2025, 6, rng.randint(1, 3))]),
            verdicts={criterion: rng.choice(Verdict.values) for criterion in Criterion.values},
        )
        created = timezone.make_aware(datetime.datetime(2026, 1, rng.randint(1, 3)))
        Programme.objects.filter(pk=programme.pk).update(created_at=created)  # ties in "newest" too
    bump_catalogue_revision()


def random_query(rng) -> str:
    """An address as clients write them: known and unknown values, repeated parameters, pages and page sizes."""
    choices = {
        "q": WORDS,
        "theme": ["angst", "depressie", "slaap", "leeg-thema", "onbekend"],
        "target_group": ["volwassenen", "jongeren", "ouderen", "niemand"],
        "language": ["nederlands", "turks", "klingon"],
        "provider": ["mirro", "trimbos-instituut", "minddistrict", "nergens"],
        "delivery": ["self_help", "guided", "blended", "unknown", "per-post"],
        "cost": [*Programme.Cost.values, "gratis"],
        "quality": [*Criterion.values, "snelheid"],
        "status": ["published", "withdrawn", "draft", "archived", "review"],
        "sort": ["relevance", "name", "newest", "reviewed", "random"],
        "page_size": ["1", "3", "7", "100", "500", "0", "x"],
        "page": ["1", "2", "3", "last", "9", "0"],
    }
    query = []
    for key in rng.sample(sorted(choices), rng.randint(0, 5)):
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            query.append((key, rng.choice(choices[key])))
    return urlencode(query)


def answer(client, settings, path, *, indexed):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600 if indexed else 0
    response = client.get(path)
    return response.status_code, response.content


@pytest.fixture
def counted(monkeypatch):
    """How often the index answered (so a test knows the index path, not the cache or the fallback, ran)."""
    calls = []
    original = ProgrammeIndex.matches

    def matches(self, filterset):
        found = original(self, filterset)
        calls.append(len(found))
        return found

    monkeypatch.setattr(ProgrammeIndex, "matches", matches)
    return calls


# Every search word in every order over both statuses, whole (the order of every match counts).
EVERY_ORDER = [
    urlencode([("q", word), *([("sort", sort)] if sort else []), ("status", "published"), ("status", "withdrawn")])
    + "&page_size=100"
    for word in WORDS
    for sort in ["", "relevance", "name", "newest", "reviewed"]
]


def assert_same_answers(client, settings, queries, counted):
    settings.API_ANON_RATE = "100000/min"  # one client asking hundreds of times
    paths = list(dict.fromkeys(f"{LIST}?{query}" for query in queries))
    for path in paths:
        assert answer(client, settings, path, indexed=True) == answer(client, settings, path, indexed=False), path
    assert len(counted) == len(paths)  # each address once from the index, none from the answer cache
    assert sum(1 for found in counted if found) > len(paths) / 2  # most found something: the comparison says much


def test_two_hundred_random_addresses_answer_the_same(client, settings, catalogue, counted):
    rng = random.Random(2015)
    assert_same_answers(client, settings, EVERY_ORDER + [random_query(rng) for _ in range(200)], counted)


def test_a_search_among_all_programmes_answers_the_same(client, settings, catalogue, counted, monkeypatch):
    monkeypatch.setattr(programme_index, "SEARCH_AMONG", 0)  # the text match over all, not the filters' matches
    rng = random.Random(15)
    queries = EVERY_ORDER + [f"q={rng.choice(WORDS)}&{random_query(rng)}" for _ in range(30)]
    assert_same_answers(client, settings, queries, counted)


def test_drafts_never_appear(client, settings, catalogue):
    hidden = Programme.objects.exclude(status__in=["published", "withdrawn"])
    assert hidden.exists()
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    body = client.get(f"{LIST}?status=published&status=withdrawn&status=draft&status=review&page_size=100").json()
    assert body["count"] == Programme.objects.public().count()
    assert not {item["slug"] for item in body["results"]} & set(hidden.values_list("slug", flat=True))
    assert not set(programme_index.programme_index().bodies) & set(hidden.values_list("pk", flat=True))


def test_a_new_revision_builds_a_new_index(client, settings, catalogue):
    path = f"{LIST}?theme=angst&sort=name&page_size=100"
    first = answer(client, settings, path, indexed=True)
    kept = programme_index.programme_index()
    programme = Programme.objects.public().exclude(themes__slug="angst").first()
    programme.themes.add(factories.theme("Angst"))  # a signal gives the catalogue a new revision
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    assert programme_index.programme_index() is not kept
    second = answer(client, settings, path, indexed=True)
    assert second != first
    assert programme.slug.encode() in second[1]
    assert second == answer(client, settings, path, indexed=False)


def test_a_value_the_index_lacks_is_answered_by_sql(client, settings, catalogue, counted):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    index = programme_index.programme_index()
    angst = factories.theme("Angst")
    del index.by_value["theme"][angst.pk]  # as if the lookup were newer than the index
    path = f"{LIST}?theme=angst&theme=slaap"
    assert answer(client, settings, path, indexed=True) == answer(client, settings, path, indexed=False)
    assert counted == []


def test_each_filterset_has_filters_of_its_own(catalogue):
    # ApiProgrammeFilter copies its filters shallowly: each must still be bound to its own FilterSet.
    first = ApiProgrammeFilter(QueryDict("theme=angst&cost=free"), queryset=Programme.objects.public())
    second = ApiProgrammeFilter(QueryDict("theme=slaap"), queryset=Programme.objects.public())
    for name in first.filters:
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name].parent is first and second.filters[name].parent is second
        if first.filters[name].method:
            assert first.filters[name].filter.method.__self__ is first
    assert set(first.qs) == set(Programme.objects.published().filter(themes__slug="angst", cost="free"))
    assert set(second.qs) == set(Programme.objects.published().filter(themes__slug="slaap"))


def test_a_programme_changed_during_the_build_cannot_match_without_its_item(client, settings, catalogue, monkeypatch):
    # As if a programme were drafted after the sets were read and before the items were: it is left out.
    gone = Programme.objects.published().first()
    read_items = programme_index.list_item_bodies
    monkeypatch.setattr(
        programme_index,
        "list_item_bodies",
        lambda rows, queryset=None: {pk: item for pk, item in read_items(rows, queryset).items() if pk != gone.pk},
    )
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    body = client.get(f"{LIST}?page_size=100").json()
    assert body["count"] == Programme.objects.published().count() - 1
    assert gone.slug not in {item["slug"] for item in body["results"]}
