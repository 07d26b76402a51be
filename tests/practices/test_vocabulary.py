"""The lookups' meaning is data (age band, low literacy, migration background, prevalence key, home language), and
every rule reads it the same way: the keuzehulp, the programme suggestions and the expected numbers never disagree
about a target group, a theme or a language."""

import importlib
import itertools
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from catalog.keuzehulp import AgeGroup, AnswerOptions, Answers, judge
from catalog.keuzehulp_selectors import answer_options, keuzehulp_programmes
from catalog.models import AgeBand, Language, PrevalenceKey, Programme, TargetGroup, Theme
from practices.prevalence import PREVALENCE_12_MONTH
from practices.suggestions import PopulationFacts, made_for, rank_programmes
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
# Modules that build demo or synthetic data name lookups as data, not as rules.
DATA_BUILDERS = {"synthetic.py", "demo.py"}
MIGRATION = importlib.import_module("catalog.migrations.0010_lookup_vocabulary")
BANDS = [AgeBand.YOUTH, AgeBand.ADULT, AgeBand.OLDER, AgeBand.NONE]


def _suggestion_programmes():
    return Programme.objects.published().prefetch_related("languages", "target_groups", "themes")


@pytest.fixture
def every_kind_of_target_group():
    """One published programme per target group, for every combination of what a group can say."""
    for number, (band, low, migration) in enumerate(itertools.product(BANDS, [True, False], [True, False])):
        group = factories.target_group(
            f"Groep {number}", age_band=band, low_literacy=low, migration_background=migration
        )
        factories.programme(f"Programma {number}", target_groups=[group])


def test_keuzehulp_and_suggestions_classify_every_target_group_the_same_way(every_kind_of_target_group):
    keuzehulp = {facts.slug: facts for facts in keuzehulp_programmes()}
    for programme in _suggestion_programmes():
        suggestions, facts = made_for(programme), keuzehulp[programme.slug]
        for band in AgeGroup.values:
            assert (band in facts.age_bands) is (band in suggestions), (programme.name, band)
        assert facts.for_low_literacy is ("low_literacy" in suggestions), programme.name


def test_a_group_made_for_young_people_or_low_literacy_is_a_reason_in_both_rules(every_kind_of_target_group):
    """The same behaviour in words: the keuzehulp says "made for" exactly where the suggestions give the reason."""
    facts = PopulationFacts(share_0_17=Decimal(30), share_65_plus=Decimal(30), share_low_literacy=Decimal(30))
    suggested = {
        suggestion.programme.slug: suggestion for suggestion in rank_programmes(_suggestion_programmes(), facts)
    }
    options = AnswerOptions()
    for programme in keuzehulp_programmes():
        reasons = suggested[programme.slug].reasons
        for age, words in ((AgeGroup.YOUTH, "Made for young people"), (AgeGroup.OLDER, "Made for older people")):
            keuzehulp_says = any(r.startswith("made for:") for r in judge(programme, Answers(age=age), options).reasons)
            assert keuzehulp_says is any(reason.startswith(words) for reason in reasons), (programme.name, age)
        easiest = judge(programme, Answers(reading="low"), options).score
        plain = judge(programme, Answers(reading="plain"), options).score
        assert (easiest > plain) is any(reason.startswith("Made for people with low literacy") for reason in reasons)


def test_young_adults_are_adults_everywhere():
    """The case that once disagreed: the keuzehulp counted "jongvolwassenen" as adult, the suggestions as young."""
    TargetGroup.objects.create(name="Jongvolwassenen", slug="jongvolwassenen")
    MIGRATION.classify(apps, SimpleNamespace(connection=connection))
    group = TargetGroup.objects.get(slug="jongvolwassenen")
    assert group.age_band == AgeBand.ADULT
    programme = factories.programme("Voor jongvolwassenen", target_groups=[group])
    ranked = rank_programmes(_suggestion_programmes(), PopulationFacts(share_0_17=Decimal(40)))
    assert not any("young people" in reason for reason in ranked[0].reasons)
    assert keuzehulp_programmes()[0].age_bands == {AgeBand.ADULT} and made_for(programme) == {AgeBand.ADULT}


def test_the_migration_classifies_the_known_slugs_and_leaves_the_rest_alone():
    for slug in ("jongeren", "ouderen", "laaggeletterden", "lage-geletterdheid", "migranten", "laagopgeleiden", "x"):
        TargetGroup.objects.create(name=slug, slug=slug)
    Theme.objects.create(name="Angst", slug="angst")
    Theme.objects.create(name="Slaap", slug="slaap")
    Language.objects.create(name="Nederlands", slug="nederlands", code="nl")
    Language.objects.create(name="Turks", slug="turks", code="tr")
    MIGRATION.classify(apps, SimpleNamespace(connection=connection))
    groups = {group.slug: group for group in TargetGroup.objects.all()}
    assert (groups["jongeren"].age_band, groups["ouderen"].age_band) == (AgeBand.YOUTH, AgeBand.OLDER)
    assert {slug for slug, group in groups.items() if group.low_literacy} == {"laaggeletterden", "lage-geletterdheid"}
    assert {slug for slug, group in groups.items() if group.migration_background} == {"migranten"}
    assert groups["x"].age_band == AgeBand.NONE
    assert dict(Theme.objects.values_list("slug", "prevalence_key")) == {"angst": "anxiety", "slaap": ""}
    assert list(Language.objects.filter(is_home_language=True).values_list("code", flat=True)) == ["nl"]


def test_the_prevalence_figures_and_the_themes_share_one_set_of_keys():
    assert [figure.key for figure in PREVALENCE_12_MONTH] == PrevalenceKey.values


def test_a_theme_counts_for_the_expected_numbers_by_its_prevalence_key_not_its_slug():
    factories.programme("Somber", themes=[factories.theme("Iets anders", prevalence_key=PrevalenceKey.DEPRESSION)])
    factories.programme("Slaap", themes=[factories.theme("Depressie")])  # a telling slug, but no key
    ranked = {s.programme.name: s for s in rank_programmes(_suggestion_programmes(), PopulationFacts())}
    assert "Helps with depressive complaints." in ranked["Somber"].reasons
    assert not any("Helps with" in reason for reason in ranked["Slaap"].reasons)


def test_the_home_language_is_a_flag_the_keuzehulp_reads():
    dutch = factories.language("Nederlands", "nl", is_home_language=True)
    factories.programme(languages=[dutch, factories.language("Turks", "tr")])
    options = answer_options()
    assert options.home_languages == {"nl"} and options.home_language == "nl"
    Language.objects.filter(code="nl").update(is_home_language=False)
    assert answer_options().home_language == ""


def test_the_keuzehulp_age_question_asks_in_the_target_groups_age_bands():
    assert set(AgeGroup.values) == set(AgeBand.values) - {AgeBand.NONE}


def _quoted(slugs, modules) -> list[str]:
    pattern = re.compile(r"""["']({})["']""".format("|".join(map(re.escape, slugs))))
    root = Path(settings.BASE_DIR)
    return [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in modules
        for match in pattern.finditer(path.read_text())
    ]


def test_no_rule_names_a_lookup_slug():
    """A curator who renames a lookup must not change what the rules do: no production module lists its slugs.

    Target-group slugs are looked for everywhere; theme slugs ("alcohol", "angst") are ordinary words that the
    search's synonyms and the prevalence keys use too, so for them the rule modules are read.
    """
    root = Path(settings.BASE_DIR)
    everywhere = [
        path
        for app in ("catalog", "practices", "training", "toolkit")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts and path.name not in DATA_BUILDERS
    ]
    target_groups = {
        *itertools.chain.from_iterable(MIGRATION.AGE_BANDS.values()),
        *MIGRATION.LOW_LITERACY,
        *MIGRATION.MIGRATION_BACKGROUND,
    }
    assert not _quoted(target_groups, everywhere)
    rules = [
        root / "catalog" / "keuzehulp.py",
        root / "practices" / "suggestions.py",
        root / "practices" / "prevalence.py",
    ]
    assert not _quoted(itertools.chain.from_iterable(MIGRATION.PREVALENCE_KEYS.values()), rules)
