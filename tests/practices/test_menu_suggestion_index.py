"""The menu page at any catalogue size: suggestions from the per-revision index rank exactly as the rules do on
the whole catalogue, and the add form searches by name instead of listing every programme."""

import random
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from catalog.models import Programme
from practices import selectors, services
from practices.suggestions import rank_programmes
from tests import factories as catalog
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _menu_url(practice):
    return reverse("practices:menu", kwargs={"practice_slug": practice.slug})


def _varied_catalogue(count, seed=7):
    """Programmes with every trait the rules read, mixed at random, some with the same name in other cases."""
    rng = random.Random(seed)
    dutch, turkish, arabic = catalog.language(), catalog.language("Turks", "tr"), catalog.language("Arabisch", "ar")
    groups = [
        catalog.target_group("Volwassenen", age_band="adult"),
        catalog.target_group("Ouderen", age_band="older"),
        catalog.target_group("Jongeren", age_band="youth"),
        catalog.target_group("Laaggeletterden", low_literacy=True),
        catalog.target_group("Migranten", migration_background=True),
    ]
    themes = [
        catalog.theme("Depressie", prevalence_key="depression"),
        catalog.theme("Angst", prevalence_key="anxiety"),
        catalog.theme("Slaap"),
    ]
    for number in range(count):
        catalog.programme(
            f"{rng.choice(['Alpha', 'alpha', 'Beta', 'Gamma'])} {number % 5}",
            slug=f"programma-{number}",
            reading_level=rng.choice(["A2", "B1", "C1", "unknown"]),
            approach=rng.choice(list(Programme.Approach.values)),
            available_after_treatment=rng.choice([True, False, None]),
            languages=rng.sample([dutch, turkish, arabic], rng.randint(1, 3)),
            target_groups=rng.sample(groups, rng.randint(0, 3)),
            themes=rng.sample(themes, rng.randint(1, 2)),
        )


def _expected(practice, profile, per_group=6):
    """The first version's answer: rank every published programme not on the menu, take the best of each kind."""
    programmes = (
        Programme.objects.published()
        .exclude(menu_items__practice=practice)
        .prefetch_related("languages", "target_groups", "themes")
    )
    ranked = rank_programmes(programmes, selectors.population_facts(profile))
    fitting = [s for s in ranked if s.fits_population][:per_group]
    others = [s for s in ranked if not s.fits_population][:per_group]
    return fitting + others


def _shown(suggestions):
    return [(s.programme.pk, s.fit, s.general, s.reasons) for s in suggestions]


@pytest.mark.parametrize(
    "population",
    [
        None,
        {"share_low_literacy": Decimal("30"), "share_migration": Decimal("25"), "share_65_plus": Decimal("22")},
        {"share_0_17": Decimal("30"), "share_low_literacy": Decimal("5")},
    ],
)
def test_suggestions_from_the_index_rank_exactly_as_the_rules_on_the_whole_catalogue(practice, manager, population):
    _varied_catalogue(40)
    profile = None
    if population is not None:
        languages = [catalog.language(), catalog.language("Turks", "tr")]
        profile = factories.population(practice, languages=languages, **population)
        profile = selectors.population_profile(practice)
    for programme in Programme.objects.order_by("pk")[:3]:
        services.menu_add(practice=practice, by=manager, programme=programme)
    assert _shown(selectors.programme_suggestions(practice, profile)) == _shown(_expected(practice, profile))


def test_suggestions_follow_a_change_to_the_catalogue_at_once(practice, manager):
    _varied_catalogue(10)
    before = selectors.programme_suggestions(practice, None)  # fills the index for this revision
    best = catalog.programme(
        "Aaa beste", approach=Programme.Approach.STRENGTH, available_after_treatment=True, reading_level="A2"
    )
    after = selectors.programme_suggestions(practice, None)
    assert best.pk not in [s.programme.pk for s in before]
    assert _shown(after) == _shown(_expected(practice, None))


def test_add_form_lists_no_programmes_until_a_name_is_searched(client, practice, manager):
    catalog.programme("Kleur je leven")
    client.force_login(manager)
    page = client.get(_menu_url(practice)).content.decode()
    add_part = page.split('id="add-title"', 1)[1]
    assert "<select" not in add_part
    assert "Kleur je leven" not in add_part


def test_name_search_lists_matching_programmes_not_on_the_menu(client, practice, manager):
    catalog.programme("Kleur je leven")
    catalog.programme("Minder drinken")
    on_menu = catalog.programme("Kleurrijk op menu")
    services.menu_add(practice=practice, by=manager, programme=on_menu)
    client.force_login(manager)
    add_part = client.get(_menu_url(practice), {"q": "kleur"}).content.decode().split('id="add-title"', 1)[1]
    assert "Add Kleur je leven to the menu" in add_part
    assert "Kleurrijk op menu" not in add_part
    assert "Minder drinken" not in add_part


def test_name_search_shows_a_bounded_number_and_says_there_are_more(client, practice, manager, monkeypatch):
    monkeypatch.setattr("practices.views.MENU_SEARCH_LIMIT", 3)
    for number in range(5):
        catalog.programme(f"Slaapcursus {number}")
    client.force_login(manager)
    add_part = client.get(_menu_url(practice), {"q": "slaap"}).content.decode().split('id="add-title"', 1)[1]
    assert add_part.count("Add Slaapcursus") == 3
    assert "These are the first 3 matches" in add_part


def test_name_search_without_a_match_says_so(client, practice, manager):
    catalog.programme("Kleur je leven")
    client.force_login(manager)
    page = client.get(_menu_url(practice), {"q": "xyz"}).content.decode()
    assert "No published programme that is not on your menu yet has “xyz” in its name." in page


def test_programme_found_by_name_can_be_added(client, practice, manager):
    programme = catalog.programme("Kleur je leven")
    client.force_login(manager)
    response = client.post(
        reverse("practices:menu_add", kwargs={"practice_slug": practice.slug}), {"programme": programme.pk}
    )
    assert response.status_code == 302
    assert practice.menu_items.get().programme == programme


def test_a_warm_menu_page_reads_no_programme_rows_for_its_ranking(
    client, practice, manager, django_assert_max_num_queries
):
    """After the first visit of a catalogue revision, the ranking comes from the cache (4 queries fewer), and the
    suggestions as rendered too (no query for the shown programmes)."""
    factories.population(practice, languages=[catalog.language(), catalog.language("Turks", "tr")])
    _varied_catalogue(12)
    client.force_login(manager)
    client.get(_menu_url(practice))
    cache.clear()
    with django_assert_max_num_queries(40) as first:
        client.get(_menu_url(practice))
    with django_assert_max_num_queries(40) as warm:
        client.get(_menu_url(practice))
    assert len(first.captured_queries) - len(warm.captured_queries) == 5
