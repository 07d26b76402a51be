"""Properties of the keuzehulp that must hold for any answers at all (hypothesis)."""

from dataclasses import replace
from datetime import date

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.keuzehulp import (
    HARD_CONSTRAINTS,
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
AGE_BANDS = ["youth", "adult", "older"]
OPTIONS = AnswerOptions(
    themes={slug: slug.title() for slug in THEMES},
    languages={code: code.upper() for code in LANGUAGES},
    home_languages=frozenset({"nl"}),
)

# Text as a browser could send it: anything but lone surrogates, which cannot be encoded at all.
garbage = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)
keys = st.one_of(st.sampled_from([*QUERY_KEYS, "p"]), garbage)
raw_queries = st.lists(st.tuples(keys, garbage), max_size=12)


def _subset(values):
    return st.frozensets(st.sampled_from(values))


facts_values = st.sampled_from([True, False, None])  # yes, no, not known yet

programmes_data = st.lists(
    st.builds(
        ProgrammeFacts,
        id=st.integers(1, 10_000),
        slug=st.from_regex(r"[a-z]{1,12}", fullmatch=True),
        name=st.text(min_size=1, max_size=20),
        themes=_subset(THEMES),
        age_bands=_subset(AGE_BANDS),
        for_low_literacy=st.booleans(),
        languages=_subset(LANGUAGES),
        reading_level=st.sampled_from(Programme.ReadingLevel.values),
        offers_self_help=facts_values,
        offers_guided=facts_values,
        offers_blended=facts_values,
        suits_mild=facts_values,
        suits_moderate=facts_values,
        anonymous_use=facts_values,
        on_web=facts_values,
        on_ios=facts_values,
        on_android=facts_values,
        approach=st.sampled_from(Programme.Approach.values),
        cost=st.sampled_from(Programme.Cost.values),
        verdicts=st.dictionaries(st.sampled_from(Criterion.values), st.sampled_from(Verdict.values)),
        assessed_on=st.dictionaries(st.sampled_from(Criterion.values), st.dates(date(2020, 1, 1), date(2027, 1, 1))),
        overdue=st.booleans(),
    ),
    max_size=12,
    unique_by=lambda programme: programme.id,
)
# The yes/no facts a hard constraint reads, by the answer that makes it read them.
ASKED_FACTS = {
    ("severity", Severity.MILD): "suits_mild",
    ("severity", Severity.MODERATE): "suits_moderate",
    ("severity", Severity.SEVERE): "suits_moderate",
    ("device", Device.WEB): "on_web",
    ("device", Device.IOS): "on_ios",
    ("device", Device.ANDROID): "on_android",
}
YES_NO_FACTS = (
    "offers_self_help",
    "offers_guided",
    "offers_blended",
    "suits_mild",
    "suits_moderate",
    "anonymous_use",
    "on_web",
    "on_ios",
    "on_android",
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
    themed = [p for p in programmes if not answers.theme or answers.theme in p.themes]
    assert bool(advice.nearest) == (not advice.matches and bool(themed))
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


def _asked_facts(answers: Answers) -> list[str]:
    facts = [ASKED_FACTS[key, getattr(answers, key)] for key in ("severity", "device") if getattr(answers, key)]
    return [*facts, "anonymous_use"] if answers.anonymous else facts


@FAST
@given(programmes=programmes_data, answers=hard_answers, preferences=soft_preferences)
def test_a_fact_not_known_yet_never_passes_a_hard_constraint(programmes, answers, preferences):
    answers = replace(answers, **preferences)
    for match in rank(programmes, answers, OPTIONS).matches:
        for fact in _asked_facts(answers):
            assert getattr(match.programme, fact) is True


@FAST
@given(programmes=programmes_data, answers=hard_answers)
def test_every_nearest_match_has_the_chosen_theme_and_says_why_it_is_shown(programmes, answers):
    for match in rank(programmes, answers, OPTIONS).nearest:
        assert not answers.theme or answers.theme in match.programme.themes
        assert match.misfits or match.unknowns
        assert all(text.endswith("; ask the provider") for text in match.unknowns)


@FAST
@given(programmes=programmes_data, answers=hard_answers, preferences=soft_preferences, data=st.data())
def test_making_a_fact_unknown_never_adds_a_reason_or_a_match(programmes, answers, preferences, data):
    """Forgetting a fact (yes or no becomes "not known yet") never counts for more than knowing "no".

    No new match, and no reason that neither the known value nor a plain "no" would give. (A "no" may let another,
    known fact speak: guidance unknown but blended use known still meets the wish for guidance.)
    """
    answers = replace(answers, **preferences)
    for programme in programmes:
        fact = data.draw(st.sampled_from([*YES_NO_FACTS, "reading_level", "approach", "cost"]))
        unknown_value = None if fact in YES_NO_FACTS else "unknown"
        forgotten = replace(programme, **{fact: unknown_value})
        before, after = judge(programme, answers, OPTIONS), judge(forgotten, answers, OPTIONS)
        allowed = set(before.reasons)
        if fact in YES_NO_FACTS:
            allowed |= set(judge(replace(programme, **{fact: False}), answers, OPTIONS).reasons)
        assert set(after.reasons) <= allowed
        assert before.fits or not after.fits
        hard = [rule(forgotten, answers, OPTIONS) for rule in HARD_CONSTRAINTS]
        assert not any(miss and miss.unknown and "cannot" in miss.text for miss in hard)


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
