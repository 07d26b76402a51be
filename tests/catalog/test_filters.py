"""The overview's filters and facet counts, tested on the FilterSet without HTTP."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.facets import count_facets, facet_options
from catalog.filters import Q_MAX_LENGTH, ProgrammeFilter
from catalog.models import Criterion, Programme, Verdict
from catalog.selectors import published_programmes
from tests import factories

pytestmark = pytest.mark.django_db


def run(query: str) -> ProgrammeFilter:
    return ProgrammeFilter(QueryDict(query), queryset=published_programmes())


def names(filterset: ProgrammeFilter) -> list[str]:
    return [programme.name for programme in filterset.qs]


def facet(filterset: ProgrammeFilter, name: str) -> dict[str, int]:
    """value -> count of one facet, as shown in the sidebar."""
    for found in count_facets(filterset):
        if found.name == name:
            return {option.value: option.count for option in found.options}
    return {}


@pytest.fixture
def catalogue():
    """Four published programmes that differ on every facet, plus a draft that must never count."""
    anxiety, depression, alcohol = (
        factories.theme("Angst"),
        factories.theme("Depressie"),
        factories.theme("Alcohol"),
    )
    adults, youth = factories.target_group("Volwassenen"), factories.target_group("Jongeren")
    dutch, turkish = factories.language("Nederlands", "nl"), factories.language("Turks", "tr")
    mirro, trimbos = factories.provider("Mirro"), factories.provider("Trimbos-instituut")
    factories.programme(
        "Angst de baas",
        themes=[anxiety],
        target_groups=[adults],
        languages=[dutch],
        provider=mirro,
        offers_self_help=True,
        cost=Programme.Cost.FREE,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS, Criterion.SAFETY: Verdict.MEETS},
    )
    factories.programme(
        "Kleur je leven",
        themes=[depression],
        target_groups=[adults, youth],
        languages=[dutch, turkish],
        provider=mirro,
        offers_self_help=False,
        offers_guided=True,
        cost=Programme.Cost.INSURER,
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
    )
    factories.programme(
        "Minder drinken",
        themes=[alcohol],
        target_groups=[adults],
        languages=[dutch],
        provider=trimbos,
        offers_self_help=True,
        offers_blended=True,
        cost=Programme.Cost.FREE,
        verdicts={Criterion.SAFETY: Verdict.MEETS},
    )
    factories.programme(
        "Somberheid en angst",
        themes=[anxiety, depression],
        target_groups=[youth],
        languages=[turkish],
        provider=trimbos,
        offers_self_help=False,
        offers_guided=True,
        cost=Programme.Cost.PRACTICE_LICENCE,
        verdicts={Criterion.EFFECTIVENESS: Verdict.PARTLY},
    )
    factories.programme("Concept angst", themes=[anxiety], status=Programme.Status.DRAFT, provider=mirro)


def test_without_filters_every_published_programme_shows_sorted_by_name(catalogue):
    assert names(run("")) == ["Angst de baas", "Kleur je leven", "Minder drinken", "Somberheid en angst"]


def test_theme_filter_keeps_programmes_with_that_theme(catalogue):
    assert names(run("theme=angst")) == ["Angst de baas", "Somberheid en angst"]


def test_several_values_of_one_facet_are_combined_with_or(catalogue):
    assert names(run("theme=angst&theme=alcohol")) == [
        "Angst de baas",
        "Minder drinken",
        "Somberheid en angst",
    ]


def test_different_facets_are_combined_with_and(catalogue):
    assert names(run("theme=angst&delivery=guided")) == ["Somberheid en angst"]


def test_a_programme_in_two_chosen_themes_is_listed_once(catalogue):
    assert names(run("theme=angst&theme=depressie")).count("Somberheid en angst") == 1


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("self_help", ["Angst de baas", "Minder drinken"]),
        ("guided", ["Kleur je leven", "Somberheid en angst"]),
        ("blended", ["Minder drinken"]),
    ],
)
def test_delivery_filter_maps_to_the_offers_flags(catalogue, mode, expected):
    assert names(run(f"delivery={mode}")) == expected


def test_target_group_filter(catalogue):
    assert names(run("target_group=jongeren")) == ["Kleur je leven", "Somberheid en angst"]


def test_language_filter(catalogue):
    assert names(run("language=turks")) == ["Kleur je leven", "Somberheid en angst"]


def test_cost_filter_with_two_values(catalogue):
    assert names(run("cost=insurer&cost=practice_licence")) == ["Kleur je leven", "Somberheid en angst"]


def test_provider_filter(catalogue):
    assert names(run("provider=trimbos-instituut")) == ["Minder drinken", "Somberheid en angst"]


def test_quality_filter_keeps_programmes_that_meet_the_criterion(catalogue):
    assert names(run("quality=effectiveness")) == ["Angst de baas", "Kleur je leven"]


def test_quality_criteria_ticked_together_must_all_be_met(catalogue):
    assert names(run("quality=effectiveness&quality=safety")) == ["Angst de baas"]


def test_partly_meeting_a_criterion_does_not_count_as_meeting_it(catalogue):
    assert "Somberheid en angst" not in names(run("quality=effectiveness"))


def test_drafts_never_match_any_filter(catalogue):
    assert "Concept angst" not in names(run("theme=angst&provider=mirro"))


def test_theme_counts_ignore_the_chosen_theme_but_respect_other_facets(catalogue):
    filterset = run("theme=angst&delivery=guided")
    # Only guided programmes count; the chosen theme does not narrow its own facet.
    assert facet(filterset, "theme") == {"angst": 1, "depressie": 2}


def test_delivery_counts_respect_the_chosen_theme(catalogue):
    assert facet(run("theme=angst"), "delivery") == {"self_help": 1, "guided": 1}


def test_counts_without_filters_cover_published_programmes_only(catalogue):
    filterset = run("")
    assert facet(filterset, "theme") == {"angst": 2, "depressie": 2, "alcohol": 1}
    assert facet(filterset, "provider") == {"mirro": 2, "trimbos-instituut": 2}
    assert facet(filterset, "cost") == {"free": 2, "practice_licence": 1, "insurer": 1}
    assert facet(filterset, "language") == {"nederlands": 3, "turks": 2}
    assert facet(filterset, "target_group") == {"volwassenen": 3, "jongeren": 2}


def test_options_that_would_give_nothing_are_hidden_unless_chosen(catalogue):
    filterset = run("theme=alcohol&language=turks")
    assert facet(filterset, "language") == {"nederlands": 1, "turks": 0}
    assert "turks" in facet(filterset, "language")
    assert "jongeren" not in facet(filterset, "target_group")


def test_quality_counts_are_taken_over_the_current_results(catalogue):
    filterset = run("quality=effectiveness")
    assert facet(filterset, "quality") == {"effectiveness": 2, "safety": 1}


def test_counts_follow_the_search_text(catalogue):
    assert facet(run("q=angst"), "theme") == {"angst": 2, "depressie": 1}


def test_facet_counts_take_one_query_however_many_options_and_filters(catalogue, settings):
    settings.CATALOG_OVERVIEW_CACHE_SECONDS = 600
    for index in range(12):
        factories.programme(themes=[factories.theme(f"Extra thema {index}")], provider=factories.provider())
    filterset = run("theme=angst&delivery=self_help&quality=safety&q=angst")
    filterset.cleaned  # validating the chosen values is not part of the count  # noqa: B018
    facet_options()  # the options themselves are read once per catalogue revision
    with CaptureQueriesContext(connection) as queries:
        facets = count_facets(filterset)
    # The catalogue revision (the key of the cached options) and one query counting all seven facets.
    assert len(queries) == 2
    assert len(facets) >= 3


def test_unknown_values_are_ignored_and_reported(catalogue):
    filterset = run("theme=angst&theme=bestaat-niet&delivery=teleport&sort=random")
    assert names(filterset) == ["Angst de baas", "Somberheid en angst"]
    assert filterset.state.getlist("theme") == ["angst"]
    assert "“bestaat-niet”" in filterset.notices[0]
    assert "“teleport”" in filterset.notices[0]
    assert "“random”" in filterset.notices[0]


def test_only_unknown_values_in_a_facet_leave_that_facet_unfiltered(catalogue):
    assert len(names(run("provider=nobody"))) == 4


def test_empty_values_are_not_reported_as_unknown(catalogue):
    filterset = run("q=&theme=&sort=")
    assert filterset.notices == []
    assert len(names(filterset)) == 4


def test_a_very_long_search_is_cut_and_reported(catalogue):
    filterset = run("q=" + "angst " * 200)
    assert len(filterset.search_text) <= Q_MAX_LENGTH
    assert names(filterset) == ["Angst de baas", "Somberheid en angst"]
    assert str(Q_MAX_LENGTH) in filterset.notices[0]


def test_sort_by_newest_puts_the_latest_addition_first(catalogue):
    Programme.objects.filter(name="Minder drinken").update(created_at=timezone.now() + timedelta(days=1))
    assert names(run("sort=newest"))[0] == "Minder drinken"
    assert names(run("sort=name"))[0] == "Angst de baas"


def test_sort_by_last_reviewed_puts_recent_reviews_first_and_never_reviewed_last(catalogue):
    today = date(2026, 6, 1)
    Programme.objects.filter(name="Minder drinken").update(last_reviewed=today)
    Programme.objects.filter(name="Kleur je leven").update(last_reviewed=today - timedelta(days=100))
    Programme.objects.filter(name__in=["Angst de baas", "Somberheid en angst"]).update(last_reviewed=None)
    assert names(run("sort=reviewed")) == [
        "Minder drinken",
        "Kleur je leven",
        "Angst de baas",
        "Somberheid en angst",
    ]


def test_searching_sorts_by_relevance_unless_another_sort_is_chosen(catalogue):
    factories.programme("Zorgen", summary="Over angst en piekeren.")
    factories.programme("Angstig", summary="Iets anders.")
    by_relevance = run("q=angst")
    assert by_relevance.current_sort == "relevance"
    # A name hit outranks a hit in the summary only.
    assert names(by_relevance).index("Angstig") < names(by_relevance).index("Zorgen")
    assert names(run("q=angst&sort=name")) == sorted(names(by_relevance))


def test_relevance_without_a_search_falls_back_to_name(catalogue):
    filterset = run("sort=relevance")
    assert filterset.current_sort == "name"
    assert "relevance" not in [value for value, _label in filterset.sort_options()]


def test_state_is_the_canonical_query_string(catalogue):
    filterset = run("theme=angst&theme=onbekend&delivery=guided&sort=name&page=3&utm=x")
    assert filterset.state.urlencode() == "theme=angst&delivery=guided"


def test_each_active_filter_can_be_removed_on_its_own(catalogue):
    filterset = run("q=angst&theme=angst&theme=depressie&delivery=guided")
    removals = {f"{active.facet_label}: {active.label}": active.remove_query for active in filterset.active_filters()}
    assert removals["Thema: Angst"] == "q=angst&theme=depressie&delivery=guided"
    assert removals["Zoeken: “angst”"] == "theme=angst&theme=depressie&delivery=guided"
    assert removals["Aanbiedvorm: Begeleid door de POH-ggz"] == "q=angst&theme=angst&theme=depressie"


def test_search_text_without_words_sorts_by_name_instead_of_relevance(catalogue):
    filterset = run("q=%26%7C!&sort=relevance")
    assert filterset.current_sort == "name"
    assert len(names(filterset)) == 4


# --- unknown is its own value, never "no" (nor "yes") ---


@pytest.fixture
def unknown_delivery(catalogue):
    anxiety = factories.theme("Angst")
    factories.programme(
        "Vorm onbekend", themes=[anxiety], offers_self_help=None, offers_guided=None, offers_blended=None
    )
    factories.programme(
        "Deels bekend", themes=[anxiety], offers_self_help=None, offers_guided=True, offers_blended=False
    )
    factories.programme(
        "Niets van dit", themes=[anxiety], offers_self_help=False, offers_guided=False, offers_blended=False
    )


@pytest.mark.parametrize("mode", ["self_help", "guided", "blended"])
def test_a_delivery_nobody_checked_never_matches_that_mode(unknown_delivery, mode):
    assert "Vorm onbekend" not in names(run(f"delivery={mode}"))


def test_a_partly_known_delivery_matches_only_what_is_known(unknown_delivery):
    assert "Deels bekend" in names(run("delivery=guided"))
    assert "Deels bekend" not in names(run("delivery=self_help"))


def test_not_known_yet_is_its_own_delivery_option(unknown_delivery):
    # Known to offer nothing ("Niets van dit") is not "not known"; known to offer one mode is not either.
    assert names(run("delivery=unknown")) == ["Vorm onbekend"]


def test_delivery_counts_never_count_unknown_as_offered(unknown_delivery):
    assert facet(run(""), "delivery") == {"self_help": 2, "guided": 3, "blended": 1, "unknown": 1}


def test_delivery_unknown_option_is_labelled_not_known_yet(unknown_delivery):
    [delivery] = [found for found in count_facets(run("")) if found.name == "delivery"]
    assert {option.value: option.label for option in delivery.options}["unknown"] == "Nog niet bekend"
    assert delivery.help_text == "Een programma telt alleen mee als een bron zegt dat het dit biedt."


def test_an_unknown_cost_is_an_option_of_its_own_never_free(catalogue):
    factories.programme("Prijs onbekend", cost=Programme.Cost.UNKNOWN)
    filterset = run("")
    assert facet(filterset, "cost")["unknown"] == 1
    assert facet(filterset, "cost")["free"] == 2
    assert names(run("cost=unknown")) == ["Prijs onbekend"]
    [cost] = [found for found in count_facets(filterset) if found.name == "cost"]
    assert {option.value: option.label for option in cost.options}["unknown"] == "Kosten nog niet bekend"


# --- no longer offered ---


def test_a_programme_no_longer_offered_matches_no_filter_and_counts_in_no_facet(catalogue):
    factories.programme(
        "Gestopt",
        themes=[factories.theme("Angst")],
        provider=factories.provider("Mirro"),
        status=Programme.Status.WITHDRAWN,
        withdrawn_on=date(2026, 1, 1),
        verdicts={Criterion.EFFECTIVENESS: Verdict.MEETS},
    )
    filterset = run("")
    assert "Gestopt" not in names(filterset)
    assert "Gestopt" not in names(run("theme=angst&provider=mirro&quality=effectiveness"))
    assert facet(filterset, "theme")["angst"] == 2
    assert facet(filterset, "provider")["mirro"] == 2
    assert facet(filterset, "delivery")["self_help"] == 2
    assert facet(run("quality=effectiveness"), "quality")["effectiveness"] == 2
