"""The keuzehulp's rules, one behaviour per test, on plain data: no HTTP, no database."""

from datetime import date

import pytest
from django.http import QueryDict
from django.utils import translation

from catalog.keuzehulp import (
    HARD_CONSTRAINTS,
    NEAREST_LIMIT,
    SCORE_READING_EASIEST,
    SCORE_READING_EASY,
    AnswerOptions,
    Answers,
    ProgrammeFacts,
    judge,
    rank,
)
from catalog.models import Criterion, Verdict

OPTIONS = AnswerOptions(
    themes={"depressieve-klachten": "Depressieve klachten", "angstklachten": "Angstklachten"},
    languages={"nl": "Nederlands", "tr": "Turks", "en": "Engels", "xx": "Klingon"},
    home_languages=frozenset({"nl"}),
)
_ids = iter(range(1, 10_000))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


ASSESSED = date(2026, 3, 3)
# A fully known programme, as tests/factories.py builds one; a test about unknown facts passes None explicitly.
KNOWN = {
    "offers_self_help": True,
    "offers_guided": False,
    "offers_blended": False,
    "anonymous_use": False,
    "on_web": True,
    "on_ios": False,
    "on_android": False,
    "suits_mild": True,
    "suits_moderate": False,
    "reading_level": "B1",
    "approach": "complaint",
    "cost": "free",
}


def facts(name="Programma", **fields) -> ProgrammeFacts:
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    fields.setdefault("themes", frozenset({"depressieve-klachten"}))
    fields.setdefault("languages", frozenset({"nl"}))
    for fact, value in KNOWN.items():
        fields.setdefault(fact, value)
    if "verdicts" in fields:
        fields.setdefault("assessed_on", {criterion: ASSESSED for criterion in fields["verdicts"]})
    return ProgrammeFacts(id=next(_ids), name=name, **fields)


def answers(**fields) -> Answers:
    return Answers(submitted=True, **fields)


def one(programme, given, **kwargs):
    return judge(programme, given, OPTIONS, **kwargs)


# --- Reading the answers ---------------------------------------------------------------------------------


def test_answers_keep_every_value_the_form_offers():
    query = QueryDict(
        "theme=angstklachten&severity=moderate&age=older&language=tr&reading=low&guidance=alone"
        "&device=android&anonymous=on&strength=on&flag=suicidal&flag=psychosis"
    )
    assert Answers.from_query(query, OPTIONS) == Answers(
        theme="angstklachten",
        severity="moderate",
        age="older",
        language="tr",
        reading="low",
        guidance="alone",
        device="android",
        anonymous=True,
        strength=True,
        red_flags=frozenset({"suicidal", "psychosis"}),
        submitted=True,
    )


def test_unknown_or_tampered_values_are_dropped():
    query = QueryDict(
        "theme=onbekend&severity=extreme&age=200&language=zz&reading=<script>&guidance=1"
        "&device=fax&anonymous=maybe&strength=0&flag=bogus"
    )
    assert Answers.from_query(query, OPTIONS) == Answers(submitted=True)


def test_the_last_of_repeated_values_wins():
    query = QueryDict("theme=angstklachten&theme=depressieve-klachten")
    assert Answers.from_query(query, OPTIONS).theme == "depressieve-klachten"


def test_a_plain_dict_is_read_like_a_query_dict():
    given = Answers.from_query({"theme": "angstklachten", "flag": ["crisis"], "anonymous": "1"}, OPTIONS)
    assert (given.theme, given.red_flags, given.anonymous) == ("angstklachten", {"crisis"}, True)


def test_a_visit_without_answers_is_not_a_submission():
    assert not Answers.from_query(QueryDict(""), OPTIONS).submitted
    assert not Answers.from_query(QueryDict("utm_source=mail"), OPTIONS).submitted
    assert Answers.from_query(QueryDict("theme="), OPTIONS).submitted


def test_answers_survive_a_round_trip_through_the_query_string():
    given = answers(theme="angstklachten", severity="severe", anonymous=True, red_flags=frozenset({"crisis"}))
    query = QueryDict(mutable=True)
    for key, value in given.as_query():
        query.appendlist(key, value)
    assert Answers.from_query(query, OPTIONS) == given


# --- Hard constraints ------------------------------------------------------------------------------------


def test_theme_must_match():
    misfit = one(facts(themes=frozenset({"angstklachten"})), answers(theme="depressieve-klachten"))
    assert misfit.misfits == ("not for depressieve klachten",)


def test_without_a_theme_every_theme_fits():
    assert one(facts(themes=frozenset({"angstklachten"})), answers()).fits


def test_mild_complaints_need_a_programme_for_mild_complaints():
    result = one(facts(suits_mild=False), answers(severity="mild"))
    assert result.misfits == ("not meant for mild complaints",)
    assert one(facts(suits_mild=True), answers(severity="mild")).fits


def test_moderate_complaints_need_a_programme_for_moderate_complaints():
    result = one(facts(suits_moderate=False), answers(severity="moderate"))
    assert result.misfits == ("not meant for moderate complaints",)
    assert one(facts(suits_moderate=True), answers(severity="moderate")).fits


def test_severe_complaints_leave_only_programmes_for_moderate_complaints():
    result = one(facts(suits_moderate=False), answers(severity="severe"))
    assert result.misfits == ("not meant for moderate or severe complaints",)
    assert one(facts(suits_moderate=True), answers(severity="severe")).fits


def test_required_language_must_be_offered():
    assert one(facts(), answers(language="tr")).misfits == ("not available in Turkish",)
    assert one(facts(languages=frozenset({"nl", "tr"})), answers(language="tr")).fits


def test_a_language_django_does_not_know_is_named_as_the_curator_named_it():
    assert one(facts(), answers(language="xx")).misfits == ("not available in Klingon",)


def test_anonymous_use_is_required_only_when_asked():
    assert one(facts(anonymous_use=False), answers(anonymous=True)).misfits == ("cannot be used anonymously",)
    assert one(facts(anonymous_use=False), answers()).fits


@pytest.mark.parametrize(
    "device, missing, misfit",
    [
        ("web", {"on_web": False}, "no website version"),
        ("ios", {"on_ios": False}, "no iPhone app"),
        ("android", {"on_android": False}, "no Android app"),
    ],
)
def test_the_device_must_be_supported(device, missing, misfit):
    assert one(facts(**missing), answers(device=device)).misfits == (misfit,)


def test_an_app_on_the_patients_phone_fits():
    assert one(facts(on_web=False, on_android=True), answers(device="android")).fits


def test_every_failed_constraint_is_listed():
    result = one(
        facts(themes=frozenset({"angstklachten"}), anonymous_use=False),
        answers(theme="depressieve-klachten", language="tr", anonymous=True),
    )
    assert len(result.misfits) == 3


# --- Unknown facts and hard constraints -----------------------------------------------------------------

UNKNOWN_HARD_CASES = [
    ({"suits_mild": None}, answers(severity="mild"), "not known yet whether it suits mild complaints"),
    ({"suits_moderate": None}, answers(severity="moderate"), "not known yet whether it suits moderate complaints"),
    ({"suits_moderate": None}, answers(severity="severe"), "not known yet whether it suits moderate complaints"),
    ({"anonymous_use": None}, answers(anonymous=True), "not known yet whether it can be used anonymously"),
    ({"on_web": None}, answers(device="web"), "not known yet whether there is a website version"),
    ({"on_ios": None}, answers(device="ios"), "not known yet whether there is an iPhone app"),
    ({"on_android": None}, answers(device="android"), "not known yet whether there is an Android app"),
]


@pytest.mark.parametrize("unknown, given, words", UNKNOWN_HARD_CASES)
def test_an_unknown_fact_never_passes_a_hard_constraint_and_says_ask_the_provider(unknown, given, words):
    result = one(facts(**unknown), given)
    assert not result.fits
    assert result.misfits == ()
    assert result.unknowns == (f"{words}; ask the provider",)
    assert rank([facts(**unknown)], given, OPTIONS).matches == ()


@pytest.mark.parametrize("unknown, given, words", UNKNOWN_HARD_CASES)
def test_an_unknown_fact_is_never_said_to_be_missing(unknown, given, words):
    said = " ".join(one(facts(**unknown), given).unknowns)
    for definite in ["cannot", "not meant", "no website", "no iPhone", "no Android"]:
        assert definite not in said


def test_an_unknown_fact_that_was_not_asked_about_is_no_misfit():
    unknown = facts(anonymous_use=None, on_ios=None, suits_moderate=None)
    assert one(unknown, answers(severity="mild", device="web")).fits


def test_unknown_in_dutch_says_vraag_de_aanbieder():
    with translation.override("nl"):
        result = one(facts(anonymous_use=None), answers(anonymous=True))
    assert result.unknowns == ("nog niet bekend of het anoniem kan; vraag de aanbieder",)


def test_every_hard_constraint_on_a_yes_no_fact_fails_on_unknown():
    # Guard for a rule added later: each yes/no fact the constraints read must treat None as "not passed".
    asked = answers(severity="mild", anonymous=True, device="web")
    unknown = facts(suits_mild=None, anonymous_use=None, on_web=None)
    found = [rule(unknown, asked, OPTIONS) for rule in HARD_CONSTRAINTS]
    assert sum(1 for miss in found if miss and miss.unknown) == 3


# --- Unknown facts and soft preferences ------------------------------------------------------------------


@pytest.mark.parametrize(
    "unknown, given, watch",
    [
        (
            {"offers_guided": None, "offers_blended": None},
            answers(guidance="guided"),
            "not known yet whether the POH-ggz can guide it; ask the provider",
        ),
        (
            {"offers_self_help": None},
            answers(guidance="alone"),
            "not known yet whether it can be followed alone; ask the provider",
        ),
        (
            {"offers_self_help": None},
            answers(),
            "not known yet whether it can be followed without guidance; ask the provider",
        ),
        ({"reading_level": "unknown"}, answers(reading="low"), "reading level not known yet; ask the provider"),
        ({"reading_level": "unknown"}, answers(reading="plain"), "reading level not known yet; ask the provider"),
        (
            {"approach": "unknown"},
            answers(strength=True),
            "not known yet whether it is strength-based; ask the provider",
        ),
        ({"cost": "unknown"}, answers(), "cost not known yet; ask the provider"),
    ],
)
def test_an_unknown_soft_fact_is_a_watch_point_never_a_reason(unknown, given, watch):
    result = one(facts(**unknown), given)
    assert watch in result.watch_points
    assert result.fits
    baseline = one(facts(**unknown), answers())
    assert result.reasons == baseline.reasons
    assert result.score == baseline.score


def test_guidance_wish_is_met_by_known_blended_use_even_when_guidance_is_unknown():
    result = one(facts(offers_guided=None, offers_blended=True), answers(guidance="guided"))
    assert "can be combined with consultations (blended)" in result.reasons


def test_no_guidance_when_self_help_is_unknown_is_not_called_self_help_only():
    result = one(facts(offers_self_help=None, offers_guided=False, offers_blended=False), answers(guidance="guided"))
    assert "no guidance offered" in result.watch_points
    assert not any("self-help only" in point for point in result.watch_points)


def test_a_red_flag_gives_no_blended_reason_when_blended_use_is_unknown():
    result = one(facts(offers_blended=None), answers(red_flags=frozenset({"crisis"})))
    assert not any("blended" in reason for reason in result.reasons)


def test_a_programme_with_every_fact_unknown_gets_no_reason_at_all():
    nothing_known = ProgrammeFacts(
        id=1, slug="leeg", name="Leeg", themes=frozenset({"depressieve-klachten"}), languages=frozenset({"nl"})
    )
    given = answers(reading="low", guidance="guided", strength=True, red_flags=frozenset({"suicidal"}))
    result = one(nothing_known, given)
    assert result.reasons == ()
    assert result.score == 0


# --- Soft preferences ------------------------------------------------------------------------------------


def test_wish_for_guidance_is_met_by_guidance_from_the_poh_ggz():
    result = one(facts(offers_guided=True), answers(guidance="guided"))
    assert "can be guided by the POH-ggz" in result.reasons
    assert result.score > one(facts(offers_guided=False), answers(guidance="guided")).score


def test_wish_for_guidance_is_partly_met_by_blended_use():
    result = one(facts(offers_blended=True), answers(guidance="guided"))
    assert "can be combined with consultations (blended)" in result.reasons


def test_wish_for_guidance_warns_about_self_help_only():
    result = one(facts(offers_self_help=True), answers(guidance="guided"))
    assert "self-help only: no guidance offered" in result.watch_points
    assert result.fits


def test_wish_to_work_alone_is_met_by_self_help():
    assert "can be followed alone" in one(facts(offers_self_help=True), answers(guidance="alone")).reasons


def test_wish_to_work_alone_warns_when_guidance_is_needed():
    result = one(facts(offers_self_help=False, offers_guided=True), answers(guidance="alone"))
    assert "needs guidance by the POH-ggz" in result.watch_points
    assert result.score < one(facts(offers_self_help=True), answers(guidance="alone")).score


def test_without_a_wish_a_programme_that_needs_guidance_is_still_a_watch_point():
    result = one(facts(offers_self_help=False, offers_guided=True), answers())
    assert "needs guidance by the POH-ggz" in result.watch_points
    assert result.score == one(facts(offers_self_help=True), answers()).score


@pytest.mark.parametrize(
    "programme, score",
    [
        ({"reading_level": "A2"}, SCORE_READING_EASIEST),
        ({"reading_level": "B2", "for_low_literacy": True}, SCORE_READING_EASIEST),
        ({"reading_level": "B1"}, SCORE_READING_EASY),
    ],
)
def test_low_literacy_is_served_by_a2_b1_or_the_target_group_laaggeletterden(programme, score):
    result = one(facts(**programme), answers(reading="low"))
    assert "suitable for low literacy" in result.reasons
    assert result.score == score + one(facts(**programme), answers()).score


def test_low_literacy_warns_about_demanding_text():
    result = one(facts(reading_level="C1"), answers(reading="low"))
    assert "reading level C1: the text may be too hard" in result.watch_points
    assert result.fits


def test_plain_language_is_served_by_a2_or_b1():
    assert "written in plain language" in one(facts(reading_level="B1"), answers(reading="plain")).reasons
    demanding = one(facts(reading_level="B2"), answers(reading="plain"))
    assert demanding.watch_points[0].startswith("reading level B2")


def test_age_group_matched_through_target_groups():
    result = one(facts(age_bands=frozenset({"youth"})), answers(age="youth"))
    assert "made for: young person (under 18)" in result.reasons


def test_a_programme_for_another_age_group_is_a_watch_point():
    result = one(facts(age_bands=frozenset({"adult"})), answers(age="youth"))
    assert "made for another age group: adult (18 to 65)" in result.watch_points
    assert result.fits


def test_an_older_adult_may_follow_a_programme_for_adults_without_warning():
    result = one(facts(age_bands=frozenset({"adult"})), answers(age="older"))
    assert result.watch_points == one(facts(age_bands=frozenset({"adult"})), answers()).watch_points


def test_target_groups_that_say_nothing_about_age_are_neutral():
    plain = facts(age_bands=frozenset())
    assert one(plain, answers(age="youth")).score == one(plain, answers()).score


def test_strength_based_preference_favours_strength_based_programmes():
    strength = one(facts(approach="strength"), answers(strength=True))
    mixed = one(facts(approach="mixed"), answers(strength=True))
    complaint = one(facts(approach="complaint"), answers(strength=True))
    assert "strength-based approach" in strength.reasons
    assert "partly strength-based" in mixed.reasons
    assert "complaint-focused" in complaint.watch_points
    assert strength.score > mixed.score > complaint.score


def test_without_the_preference_the_approach_says_nothing():
    assert "complaint-focused" not in one(facts(approach="complaint"), answers()).watch_points


def test_proven_effectiveness_raises_the_score():
    proven = one(facts(verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS}), answers())
    unknown = one(facts(verdicts={Criterion.SAFETY: Verdict.MEETS}), answers())
    assert "quality: effectiveness meets (assessed on 3 March 2026)" in proven.reasons
    assert proven.score > unknown.score


def test_an_effectiveness_never_assessed_is_a_watch_point():
    result = one(facts(verdicts={Criterion.SAFETY: Verdict.MEETS}), answers())
    assert "quality: effectiveness not assessed yet" in result.watch_points


def test_an_unknown_verdict_after_a_search_says_when_it_was_searched():
    result = one(facts(verdicts={Criterion.SAFETY: Verdict.MEETS, Criterion.EFFECTIVENESS: Verdict.UNKNOWN}), answers())
    assert "quality: effectiveness not known (searched on 3 March 2026)" in result.watch_points
    assert not any("effectiveness" in reason for reason in result.reasons)


def test_a_verdict_without_an_assessment_date_counts_as_not_assessed():
    # The one wording says "not assessed yet" for it, so it may neither score nor be named as a reason.
    undated = facts(verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS}, assessed_on={})
    result = one(undated, answers())
    assert result.reasons == ()
    assert result.score == one(facts(), answers()).score
    assert "quality: all four criteria not assessed yet" in result.watch_points


def test_a_programme_never_assessed_gets_one_quality_watch_point():
    assert [p for p in one(facts(), answers()).watch_points if p.startswith("quality")] == [
        "quality: all four criteria not assessed yet"
    ]


def test_the_quality_words_are_the_sites_one_wording():
    from catalog.quality import verdict_wording

    programme = facts(verdicts={Criterion.SAFETY: Verdict.PARTLY})
    wording = verdict_wording(Criterion.SAFETY, Verdict.PARTLY, ASSESSED)
    assert f"quality: safety {wording.dated}" in one(programme, answers()).watch_points


def test_failing_a_quality_criterion_lowers_the_score_but_does_not_exclude():
    failing = one(facts(verdicts={Criterion.SAFETY: Verdict.DOES_NOT}), answers())
    partly = one(facts(verdicts={Criterion.SAFETY: Verdict.PARTLY}), answers())
    assert "quality: safety does not meet (assessed on 3 March 2026)" in failing.watch_points
    assert "quality: safety partly meets (assessed on 3 March 2026)" in partly.watch_points
    assert failing.fits and failing.score < partly.score


def test_an_overdue_programme_gets_the_overdue_watch_point():
    overdue = one(facts(overdue=True), answers())
    assert "This information is older than planned; the editorial team is checking it again." in (overdue.watch_points)
    assert overdue.fits and overdue.score == one(facts(), answers()).score
    assert not any("older than planned" in point for point in one(facts(), answers()).watch_points)


def test_the_overdue_watch_point_is_dutch_under_nl():
    with translation.override("nl"):
        points = one(facts(overdue=True), answers()).watch_points
    assert "Deze informatie is ouder dan gepland; de redactie controleert haar opnieuw." in points


def test_another_language_than_dutch_is_named_as_a_reason():
    assert "available in Turkish" in one(facts(languages=frozenset({"tr"})), answers(language="tr")).reasons
    assert not any("available" in reason for reason in one(facts(), answers(language="nl")).reasons)


def test_patient_paying_is_a_watch_point():
    assert "the patient pays for it" in one(facts(cost="patient"), answers()).watch_points


@pytest.mark.parametrize(
    "given",
    [answers(severity="severe"), answers(red_flags=frozenset({"suicidal"})), answers(red_flags={"crisis"})],
)
def test_a_red_flag_puts_safety_first_and_marks_every_programme(given):
    advice = rank([facts(suits_moderate=True)], given, OPTIONS)
    assert advice.safety_first
    assert "only alongside treatment, never as the only help" in advice.matches[0].watch_points


def test_without_a_red_flag_there_is_no_safety_message():
    assert not rank([facts()], answers(severity="moderate"), OPTIONS).safety_first


def test_a_red_flag_favours_programmes_that_combine_with_treatment():
    given = answers(red_flags=frozenset({"psychosis"}))
    assert one(facts(offers_blended=True), given).score > one(facts(offers_blended=False), given).score


def test_red_flags_are_named_in_the_order_the_form_asks():
    given = answers(severity="severe", red_flags=frozenset({"psychosis", "suicidal"}))
    assert given.red_flag_labels == [
        "Severe complaints",
        "Thoughts of suicide",
        "Psychotic symptoms (voices, delusions)",
    ]


# --- The ranking -----------------------------------------------------------------------------------------


def test_best_score_comes_first():
    weak = facts("Aaa", reading_level="C1")
    strong = facts("Zzz", reading_level="A2")
    advice = rank([weak, strong], answers(reading="low"), OPTIONS)
    assert [match.programme.name for match in advice.matches] == ["Zzz", "Aaa"]


def test_equal_scores_are_ordered_by_name():
    advice = rank([facts("Beta"), facts("alfa")], answers(), OPTIONS)
    assert [match.programme.name for match in advice.matches] == ["alfa", "Beta"]


def test_the_practice_menu_comes_first_and_is_marked():
    on_menu = facts("Zzz eigen menu", reading_level="C1")
    better = facts("Aaa beter", reading_level="A2")
    advice = rank([better, on_menu], answers(reading="low"), OPTIONS, menu=frozenset({on_menu.id}))
    assert [match.programme.name for match in advice.matches] == ["Zzz eigen menu", "Aaa beter"]
    assert [match.on_menu for match in advice.matches] == [True, False]


def test_the_practice_menu_does_not_let_a_misfit_through():
    on_menu = facts(themes=frozenset({"angstklachten"}))
    advice = rank([on_menu], answers(theme="depressieve-klachten"), OPTIONS, menu=frozenset({on_menu.id}))
    assert advice.matches == ()


def test_programmes_failing_a_hard_constraint_are_left_out_of_the_matches():
    fitting, other = facts("Past"), facts("Past niet", themes=frozenset({"angstklachten"}))
    advice = rank([fitting, other], answers(theme="depressieve-klachten"), OPTIONS)
    assert [match.programme for match in advice.matches] == [fitting]
    assert advice.nearest == ()


def test_when_nothing_fits_the_nearest_matches_say_what_does_not_fit():
    one_off = facts("Een ernaast", anonymous_use=False)
    two_off = facts("Twee ernaast", anonymous_use=False, languages=frozenset({"tr"}))
    advice = rank([two_off, one_off], answers(language="nl", anonymous=True), OPTIONS)
    assert advice.nothing_fits
    assert [match.programme for match in advice.nearest] == [one_off, two_off]
    assert advice.nearest[0].misfits == ("cannot be used anonymously",)
    assert advice.nearest[1].misfits == ("not available in Dutch", "cannot be used anonymously")


def test_the_nearest_matches_never_cross_the_chosen_theme():
    # A moderate depression case once listed Drinktest, an alcohol self-test, as a near match.
    depression = facts("Kleur je leven", suits_moderate=False)
    alcohol = facts("Drinktest", themes=frozenset({"alcohol"}), suits_moderate=True)
    advice = rank([alcohol, depression], answers(theme="depressieve-klachten", severity="moderate"), OPTIONS)
    assert [match.programme.name for match in advice.nearest] == ["Kleur je leven"]


def test_without_a_programme_for_the_theme_there_are_no_nearest_matches():
    advice = rank([facts(themes=frozenset({"angstklachten"}))], answers(theme="depressieve-klachten"), OPTIONS)
    assert advice.nothing_fits and advice.nearest == ()


def test_without_a_chosen_theme_the_nearest_may_have_any_theme():
    other = facts("Ander thema", themes=frozenset({"angstklachten"}), anonymous_use=False)
    assert [match.programme for match in rank([other], answers(anonymous=True), OPTIONS).nearest] == [other]


def test_every_nearest_match_says_why_it_is_shown():
    known = facts("Kan niet anoniem", anonymous_use=False)
    unknown = facts("Anoniem onbekend", anonymous_use=None)
    advice = rank([known, unknown], answers(theme="depressieve-klachten", anonymous=True), OPTIONS)
    assert len(advice.nearest) == 2
    for match in advice.nearest:
        assert match.misfits or match.unknowns
    by_name = {match.programme.name: match for match in advice.nearest}
    assert by_name["Kan niet anoniem"].misfits == ("cannot be used anonymously",)
    assert by_name["Anoniem onbekend"].unknowns == (
        "not known yet whether it can be used anonymously; ask the provider",
    )


def test_a_fact_not_known_yet_is_nearer_than_one_that_is_known_to_miss():
    known = facts("Aaa kan niet anoniem", anonymous_use=False)
    unknown = facts("Zzz anoniem onbekend", anonymous_use=None)
    advice = rank([known, unknown], answers(anonymous=True), OPTIONS)
    assert [match.programme for match in advice.nearest] == [unknown, known]


def test_the_nearest_matches_are_few():
    programmes = [facts(f"P{index}", anonymous_use=False) for index in range(NEAREST_LIMIT + 3)]
    assert len(rank(programmes, answers(anonymous=True), OPTIONS).nearest) == NEAREST_LIMIT


def test_the_nearest_are_ranked_by_score_within_the_same_distance_wherever_they_stand():
    # Only the closest programmes get scored; the best-scoring one must still win among those equally close.
    plain = [facts(f"A{index}", anonymous_use=False) for index in range(NEAREST_LIMIT)]
    best = facts("Z beste", anonymous_use=False, verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS})
    far = facts("Verder weg", anonymous_use=False, themes=frozenset({"angstklachten"}))
    advice = rank([far, *plain, best], answers(theme="depressieve-klachten", anonymous=True), OPTIONS)
    assert advice.nearest[0].programme == best
    assert far not in [match.programme for match in advice.nearest]


def test_compare_takes_the_top_two_to_four_matches():
    programmes = [facts(f"P{index}") for index in range(6)]
    assert rank(programmes, answers(), OPTIONS).compare_slugs == ("p0", "p1", "p2", "p3")
    assert rank(programmes[:2], answers(), OPTIONS).compare_slugs == ("p0", "p1")
    assert rank(programmes[:1], answers(), OPTIONS).compare_slugs == ()


def test_reasons_come_from_the_data_not_from_the_programme_name():
    given = answers(reading="low", guidance="guided", language="tr")
    first = one(facts("Kleur je leven", reading_level="A2", offers_guided=True, languages={"tr"}), given)
    second = one(facts("Iets anders", reading_level="A2", offers_guided=True, languages={"tr"}), given)
    assert first.reasons == second.reasons
    assert first.watch_points == second.watch_points


def test_reasons_are_translated_to_dutch():
    with translation.override("nl"):
        result = one(facts(reading_level="A2", languages={"tr"}), answers(reading="low", language="tr"))
    assert "geschikt voor laaggeletterden" in result.reasons
    assert "beschikbaar in het Turks" in result.reasons
