"""Properties of the keuzehulp that must hold for any answers at all (hypothesis)."""

from dataclasses import replace

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.keuzehulp import (
    NEAREST_LIMIT,
    QUERY_KEYS,
    AgeGroup,
    AnswerOptions,
    Answers,
    Device,
    Guidance,
    ProgrammeFacts,
    Reading,
    RedFlag,
    Severity,
    judge,
    rank,
)
from catalog.models import Criterion, Programme, Verdict
from tests import factories

FAST = settings(max_examples=50, deadline=None)
THEMES = ["depressieve-klachten", "angstklachten", "alcohol"]
LANGUAGES = ["nl", "tr", "ar", "en"]
TARGET_GROUPS = ["volwassenen", "jongeren", "ouderen", "laaggeletterden", "migranten"]
OPTIONS = AnswerOptions(
    themes={slug: slug.title() for slug in THEMES}, languages={code: code.upper() for code in LANGUAGES}
)

# Text as a browser could send it: anything but lone surrogates, which cannot be encoded at all.
garbage = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)
keys = st.one_of(st.sampled_from([*QUERY_KEYS, "p"]), garbage)
raw_queries = st.lists(st.tuples(keys, garbage), max_size=12)


def _subset(values):
    return st.frozensets(st.sampled_from(values))


programmes_data = st.lists(
    st.builds(
        ProgrammeFacts,
        id=st.integers(1, 10_000),
        slug=st.from_regex(r"[a-z]{1,12}", fullmatch=True),
        name=st.text(min_size=1, max_size=20),
        themes=_subset(THEMES),
        target_groups=_subset(TARGET_GROUPS),
        languages=_subset(LANGUAGES),
        reading_level=st.sampled_from(Programme.ReadingLevel.values),
        offers_self_help=st.booleans(),
        offers_guided=st.booleans(),
        offers_blended=st.booleans(),
        suits_mild=st.booleans(),
        suits_moderate=st.booleans(),
        anonymous_use=st.booleans(),
        on_web=st.booleans(),
        on_ios=st.booleans(),
        on_android=st.booleans(),
        approach=st.sampled_from(Programme.Approach.values),
        cost=st.sampled_from(Programme.Cost.values),
        verdicts=st.dictionaries(st.sampled_from(Criterion.values), st.sampled_from(Verdict.values)),
    ),
    max_size=12,
    unique_by=lambda programme: programme.id,
)


def _maybe(values):
    return st.sampled_from(["", *values])


hard_answers = st.builds(
    Answers,
    theme=_maybe(THEMES),
    severity=_maybe(Severity.values),
    red_flags=_subset(RedFlag.values),
    language=_maybe(LANGUAGES),
    anonymous=st.booleans(),
    device=_maybe(Device.values),
    submitted=st.just(True),
)
soft_preferences = st.fixed_dictionaries(
    {},
    optional={
        "age": st.sampled_from(AgeGroup.values),
        "reading": st.sampled_from(Reading.values),
        "guidance": st.sampled_from(Guidance.values),
        "strength": st.just(True),
    },
)


def _query(pairs) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@FAST
@given(pairs=raw_queries, programmes=programmes_data)
def test_any_query_gives_clean_answers_and_a_valid_advice(pairs, programmes):
    answers = Answers.from_query(_query(pairs), OPTIONS)
    assert answers.theme in ["", *THEMES] and answers.language in ["", *LANGUAGES]
    assert answers.red_flags <= set(RedFlag.values)
    advice = rank(programmes, answers, OPTIONS)
    assert all(match.fits for match in advice.matches)
    assert all(not match.fits for match in advice.nearest)
    assert len(advice.nearest) <= NEAREST_LIMIT
    assert bool(advice.nearest) == (not advice.matches and bool(programmes))
    assert len(advice.matches) == len({match.programme.id for match in advice.matches})
    for match in (*advice.matches, *advice.nearest):
        assert all(isinstance(text, str) and text for text in (*match.reasons, *match.watch_points))


@FAST
@given(programmes=programmes_data, answers=hard_answers, preferences=soft_preferences)
def test_adding_a_soft_preference_never_drops_a_fitting_programme(programmes, answers, preferences):
    fitting = {programme.id for programme in programmes if judge(programme, answers, OPTIONS).fits}
    preferring = replace(answers, **preferences)
    kept = {match.programme.id for match in rank(programmes, preferring, OPTIONS).matches}
    assert kept == fitting


@FAST
@given(programmes=programmes_data, answers=hard_answers, data=st.data())
def test_the_practice_menu_reorders_but_never_adds_or_drops(programmes, answers, data):
    ids = [programme.id for programme in programmes]
    menu = data.draw(st.frozensets(st.sampled_from(ids))) if ids else frozenset()
    plain = rank(programmes, answers, OPTIONS)
    with_menu = rank(programmes, answers, OPTIONS, menu=menu)
    assert {m.programme.id for m in plain.matches} == {m.programme.id for m in with_menu.matches}
    on_menu = [match.on_menu for match in with_menu.matches]
    assert on_menu == sorted(on_menu, reverse=True)


@pytest.fixture
def small_catalogue(db):
    depression = factories.theme("Depressieve klachten")
    factories.programme("Kleur je leven", themes=[depression], website="https://www.kleurjeleven.nl/")
    factories.programme("Psyfit", themes=[depression], offers_guided=True, reading_level="A2")


# The catalogue is made once per test, not per example: the pages only read, so examples cannot interfere.
@settings(FAST, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=raw_queries)
def test_any_query_string_gives_a_page(client, small_catalogue, pairs):
    data = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    for name in ["catalog:keuzehulp", "catalog:keuzehulp_advice"]:
        response = client.get(reverse(name), data)
        assert response.status_code == 200
