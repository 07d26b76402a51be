"""The suggestions' ranking input for the whole catalogue, kept per catalogue revision in the shared cache.

Loading every published programme as ORM objects and ranking them in Python cost seconds per menu page at 5,000
programmes. What the rules read from a programme (suggestions.Traits) changes only when the catalogue does, so it
is read with four plain queries once per catalogue revision. The order for one population is kept per revision
too (practices with the same profile share it). A request then only walks that order, skipping what is already on
the menu, and loads the handful of programmes it shows.
"""

import hashlib
from collections import defaultdict

from django.core.cache import cache

from catalog.models import Programme
from catalog.overview_cache import catalogue_revision
from practices.suggestions import PopulationFacts, Traits, made_for_groups, score

# The revision is in the key, so an entry is never stale; the timeout only frees memory of old revisions.
CACHE_SECONDS = 24 * 60 * 60
# The ranked entry keeps the traits of this many of the best in each group, so the reasons of the programmes shown
# need no queries; a menu that holds more of them than this makes a request read the few it lacks.
TRAITS_KEPT = 60


def _catalogue_traits() -> tuple[list[int], list[Traits], list[int]]:
    """Published programmes in name order: their ids, the distinct traits, and each programme's traits number."""
    published = Programme.objects.published()
    groups, languages, prevalence = defaultdict(list), defaultdict(list), defaultdict(set)
    through = Programme.target_groups.through.objects.filter(programme__in=published)
    for programme_id, *group in through.values_list(
        "programme_id", "targetgroup__age_band", "targetgroup__low_literacy", "targetgroup__migration_background"
    ):
        groups[programme_id].append(group)
    through = Programme.languages.through.objects.filter(programme__in=published)
    for programme_id, *language in through.order_by("language__position", "language__name").values_list(
        "programme_id", "language__code", "language__is_home_language"
    ):
        languages[programme_id].append(tuple(language))
    through = Programme.themes.through.objects.filter(programme__in=published)
    for programme_id, key in through.values_list("programme_id", "theme__prevalence_key"):
        prevalence[programme_id].add(key)
    rows = published.values_list("pk", "name", "reading_level", "approach", "available_after_treatment")
    # The final tie-breaks of rank_programmes() are the lower-cased name and then the id.
    rows = sorted(rows, key=lambda row: (row[1].lower(), row[0]))
    numbers: dict[Traits, int] = {}
    ids, traits_numbers = [], []
    for pk, _name, reading_level, approach, available_after_treatment in rows:
        traits = Traits(
            made_for=frozenset(made_for_groups(groups[pk])),
            reading_level=reading_level,
            languages=tuple(languages[pk]),
            prevalence_keys=frozenset(prevalence[pk]),
            approach=approach,
            available_after_treatment=available_after_treatment,
        )
        ids.append(pk)
        traits_numbers.append(numbers.setdefault(traits, len(numbers)))
    return ids, list(numbers), traits_numbers


def _ranked_ids(revision: str, facts: PopulationFacts | None) -> tuple[list[int], int, dict[int, Traits]]:
    """Every published programme's id, best suggestion first, how many of them fit the population, and the traits
    of the first TRAITS_KEPT of each group."""
    facts_digest = hashlib.sha256(repr(facts).encode()).hexdigest()[:32]
    # "ranked2": the entry holds kept traits too; an entry of the earlier shape in a shared cache is never read.
    key = f"practices:suggestions:ranked2:{revision}:{facts_digest}"
    ranked = cache.get(key)
    if ranked is None:
        index_key = f"practices:suggestions:traits:{revision}"
        index = cache.get(index_key)
        if index is None:
            index = _catalogue_traits()
            cache.set(index_key, index, CACHE_SECONDS)
        ids, distinct_traits, traits_numbers = index
        scores = [score(traits, facts) for traits in distinct_traits]
        # Programmes are in name order already: a stable sort on (fit, general) gives rank_programmes()'s order.
        order = sorted(range(len(ids)), key=lambda i: (-scores[traits_numbers[i]][0], -scores[traits_numbers[i]][1]))
        fitting = sum(1 for i in order if scores[traits_numbers[i]][0] > 0)
        kept = [*order[:TRAITS_KEPT], *order[fitting : fitting + TRAITS_KEPT]]
        ranked = ([ids[i] for i in order], fitting, {ids[i]: distinct_traits[traits_numbers[i]] for i in kept})
        cache.set(key, ranked, CACHE_SECONDS)
    return ranked


def suggested_ids(facts: PopulationFacts | None, *, exclude: set[int], per_group: int) -> list[int]:
    """The ids of the best `per_group` programmes that fit the population and the best `per_group` that don't."""
    return list(suggested(facts, exclude=exclude, per_group=per_group))


def suggested(
    facts: PopulationFacts | None, *, exclude: set[int], per_group: int, revision: str | None = None
) -> dict[int, Traits | None]:
    """suggested_ids() in the same order, each with its traits when the ranked entry keeps them (else None).

    `revision`: the catalogue revision, when the caller has read it already."""
    ranked, fitting, traits = _ranked_ids(revision or catalogue_revision(), facts)
    chosen = []
    for start, stop in ((0, fitting), (fitting, len(ranked))):
        taken = 0
        for pk in ranked[start:stop]:
            if taken == per_group:
                break
            if pk not in exclude:
                chosen.append(pk)
                taken += 1
    return {pk: traits.get(pk) for pk in chosen}
