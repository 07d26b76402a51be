"""The keuzehulp's hard constraints as sets of programme ids, and its ranking for only what passes and is shown.

rank() in catalog/keuzehulp.py judges every published programme in Python: at 5,000 programmes each result
spent most of its time checking hard constraints and wording reasons for hundreds of matches of which it shows
twenty. The facts only change with the catalogue, so an index per catalogue revision (kept with the snapshot,
catalog/keuzehulp_snapshot.py) holds, per hard constraint, the ids that pass and the ids whose fact is not known
yet. A result then intersects a few sets, sorts what passes by the same order as rank() (menu first, score,
name, slug) and words only the matches it renders. A programme's points from one soft rule depend only on the
answers that rule reads, so they are remembered per (rule, those answers) in the process.

The rules stay in catalog/keuzehulp.py and are the only source of scores and words: this module calls them,
and tests/catalog/test_keuzehulp_index.py checks it gives rank()'s order exactly.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from catalog.keuzehulp import (
    NEAREST_LIMIT,
    SOFT_PREFERENCES,
    Advice,
    AnswerOptions,
    Answers,
    Device,
    ProgrammeFacts,
    Severity,
    age_group,
    freshness,
    guidance_wish,
    judge,
    language_offered,
    patient_pays,
    quality,
    reading_level,
    red_flag_caution,
    strength_based,
)

# What each soft rule reads of the answers: its points for a programme are the same for the same values.
SOFT_RULE_INPUTS = {
    language_offered: lambda answers: answers.language,
    red_flag_caution: lambda answers: answers.has_red_flag,
    guidance_wish: lambda answers: answers.guidance,
    reading_level: lambda answers: answers.reading,
    age_group: lambda answers: answers.age,
    strength_based: lambda answers: answers.strength,
    quality: lambda answers: None,
    freshness: lambda answers: None,
    patient_pays: lambda answers: None,
}
assert set(SOFT_RULE_INPUTS) == set(SOFT_PREFERENCES), "every soft rule must say which answers it reads"

# The yes/no facts a hard constraint checks: only True passes, None is "not known yet", anything else fails.
CHECKED_FACTS = ("suits_mild", "suits_moderate", "anonymous_use", "on_web", "on_ios", "on_android")
SEVERITY_FACT = {Severity.MILD: "suits_mild", Severity.MODERATE: "suits_moderate", Severity.SEVERE: "suits_moderate"}
DEVICE_FACT = {Device.WEB: "on_web", Device.IOS: "on_ios", Device.ANDROID: "on_android"}


@dataclass
class KeuzehulpIndex:
    """One catalogue revision's published programmes, by id, with the sets the hard constraints intersect."""

    programmes: dict[int, ProgrammeFacts]
    all_ids: frozenset[int]
    by_theme: dict[str, frozenset[int]]
    by_language: dict[str, frozenset[int]]
    known_true: dict[str, frozenset[int]]  # fact -> ids where it is True
    not_known: dict[str, frozenset[int]]  # fact -> ids where it is None
    sort_names: dict[int, tuple[str, str]]  # id -> (name.casefold(), slug), rank()'s tie-breaks
    # (rule, the answers it reads) -> {id: points}; filled as results ask, never pickled into the shared cache.
    points: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, programmes: list[ProgrammeFacts]) -> "KeuzehulpIndex":
        by_theme, by_language = defaultdict(set), defaultdict(set)
        known_true, not_known = defaultdict(set), defaultdict(set)
        for programme in programmes:
            for theme in programme.themes:
                by_theme[theme].add(programme.id)
            for language in programme.languages:
                by_language[language].add(programme.id)
            for fact in CHECKED_FACTS:
                value = getattr(programme, fact)
                if value is True:
                    known_true[fact].add(programme.id)
                elif value is None:
                    not_known[fact].add(programme.id)
        return cls(
            programmes={programme.id: programme for programme in programmes},
            all_ids=frozenset(programme.id for programme in programmes),
            by_theme={key: frozenset(ids) for key, ids in by_theme.items()},
            by_language={key: frozenset(ids) for key, ids in by_language.items()},
            known_true={fact: frozenset(known_true[fact]) for fact in CHECKED_FACTS},
            not_known={fact: frozenset(not_known[fact]) for fact in CHECKED_FACTS},
            sort_names={programme.id: (programme.name.casefold(), programme.slug) for programme in programmes},
        )

    def __getstate__(self):
        return {**self.__dict__, "points": {}}

    # --- Hard constraints as sets --------------------------------------------------------------------------

    def _constraints(self, answers: Answers) -> list[tuple[frozenset[int], frozenset[int]]]:
        """Per hard constraint the answers set: (ids that pass, ids that cannot pass yet because a fact is unknown)."""
        none = frozenset()
        checks = []
        if answers.theme:
            checks.append((self.by_theme.get(answers.theme, none), none))
        facts = []
        if answers.severity in SEVERITY_FACT:
            facts.append(SEVERITY_FACT[answers.severity])
        if answers.anonymous:
            facts.append("anonymous_use")
        if answers.device in DEVICE_FACT:
            facts.append(DEVICE_FACT[answers.device])
        if answers.language:
            checks.append((self.by_language.get(answers.language, none), none))
        checks += [(self.known_true[fact], self.not_known[fact]) for fact in facts]
        return checks

    def fitting_ids(self, answers: Answers) -> frozenset[int]:
        ids = self.all_ids
        for passing, _unknown in self._constraints(answers):
            ids = ids & passing
        return ids

    def distances(self, answers: Answers, ids) -> dict[int, tuple[int, int]]:
        """rank()'s distance (definite misfits, facts not known yet) of each of `ids`."""
        checks = self._constraints(answers)
        result = {}
        for pk in ids:
            failed = unknown = 0
            for passing, not_known in checks:
                if pk not in passing:
                    if pk in not_known:
                        unknown += 1
                    else:
                        failed += 1
            result[pk] = (failed, unknown)
        return result

    # --- Soft preferences, remembered per (rule, the answers it reads) -------------------------------------

    def score(self, pk: int, answers: Answers, options: AnswerOptions) -> int:
        total = 0
        for rule, reads in SOFT_RULE_INPUTS.items():
            memo = self.points.setdefault((rule.__name__, reads(answers)), {})
            points = memo.get(pk)
            if points is None:
                points = memo[pk] = rule(self.programmes[pk], answers, options)[0]
            total += points
        return total


@dataclass(frozen=True)
class IndexedAdvice(Advice):
    """Advice with only the first matches judged and worded; `match_count` says how many fit in all."""

    total: int = 0

    @property
    def match_count(self) -> int:
        return self.total


def advise(
    index: KeuzehulpIndex,
    answers: Answers,
    options: AnswerOptions,
    *,
    menu: frozenset[int] = frozenset(),
    limit: int | None = None,
) -> IndexedAdvice:
    """rank()'s advice, with `matches` cut to the best `limit` (all when None): the same programmes, same order."""
    fitting = index.fitting_ids(answers)
    if fitting:

        def order(pk):
            return (pk not in menu, -index.score(pk, answers, options), *index.sort_names[pk])

        ordered = sorted(fitting, key=order)
        shown = ordered if limit is None else ordered[:limit]
        matches = tuple(judge(index.programmes[pk], answers, options, on_menu=pk in menu) for pk in shown)
        return IndexedAdvice(answers=answers, matches=matches, total=len(fitting))
    same_theme = index.by_theme.get(answers.theme, frozenset()) if answers.theme else index.all_ids
    distances = index.distances(answers, same_theme)
    candidates = []
    for nearest in sorted(set(distances.values())):
        if len(candidates) >= NEAREST_LIMIT:
            break
        candidates += [pk for pk, far in distances.items() if far == nearest]
    judged = [judge(index.programmes[pk], answers, options, on_menu=pk in menu) for pk in candidates]
    by_distance = sorted(
        judged,
        key=lambda match: (match.distance, not match.on_menu, -match.score, *index.sort_names[match.programme.id]),
    )
    return IndexedAdvice(answers=answers, nearest=tuple(by_distance[:NEAREST_LIMIT]), total=0)
