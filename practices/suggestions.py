"""Which catalogue programmes fit a practice's population best, each with the reasons a manager can check.

A reason only ever rests on a fact that is known: a reading level, approach or "stays available after treatment"
that nobody has checked yet ("unknown", None) gives no reason and no points, never a guessed "yes".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from catalog.models import AgeBand, Programme
from practices.prevalence import PREVALENCE_12_MONTH

# Above these shares (percent of registered patients) a programme made for that group gets a reason.
LOW_LITERACY_THRESHOLD = Decimal("15")  # nationally roughly one adult in six has trouble reading
MIGRATION_THRESHOLD = Decimal("20")
OLDER_THRESHOLD = Decimal("20")
YOUNG_THRESHOLD = Decimal("25")


def made_for(programme) -> set[str]:
    """What the programme's target groups say about whom it is made for, as the curators classified them.

    The age band (youth, adult, older), "low_literacy" and "migration_background": the same fields the keuzehulp
    reads, so a group counts the same way in both.
    """
    groups = programme.target_groups.all()
    return made_for_groups((group.age_band, group.low_literacy, group.migration_background) for group in groups)


def made_for_groups(groups: Iterable[tuple[str, bool, bool]]) -> set[str]:
    """made_for() from plain (age band, low literacy, migration background) rows, as the suggestion index reads."""
    found = set()
    for age_band, low_literacy, migration_background in groups:
        if age_band != AgeBand.NONE:
            found.add(age_band)
        if low_literacy:
            found.add("low_literacy")
        if migration_background:
            found.add("migration_background")
    return found


@dataclass(frozen=True)
class Traits:
    """Everything the ranking rules read from a programme, as plain values.

    Plain, so the whole catalogue's traits can be kept per catalogue revision in the shared cache
    (practices/suggestion_index.py) instead of loading every programme as ORM objects on each request.
    """

    made_for: frozenset[str] = frozenset()
    reading_level: str = ""
    languages: tuple[tuple[str, bool], ...] = ()  # (code, is_home_language) in the catalogue's language order
    prevalence_keys: frozenset[str] = frozenset()
    approach: str = ""
    available_after_treatment: bool | None = None


def traits_of(programme) -> Traits:
    """The traits of a programme whose languages, target groups and themes are prefetched."""
    return Traits(
        made_for=frozenset(made_for(programme)),
        reading_level=programme.reading_level,
        languages=tuple((language.code, language.is_home_language) for language in programme.languages.all()),
        prevalence_keys=frozenset(theme.prevalence_key for theme in programme.themes.all()),
        approach=programme.approach,
        available_after_treatment=programme.available_after_treatment,
    )


@dataclass(frozen=True)
class PopulationFacts:
    """What of the population profile matters for choosing programmes (plain values, no model)."""

    share_low_literacy: Decimal = Decimal(0)
    share_migration: Decimal = Decimal(0)
    share_0_17: Decimal = Decimal(0)
    share_65_plus: Decimal = Decimal(0)
    languages: Mapping[str, str] = field(default_factory=dict)  # code -> name of languages spoken
    expected: Mapping[str, int] = field(default_factory=dict)  # prevalence key -> expected patients a year


@dataclass(frozen=True)
class Suggestion:
    programme: object
    fit: int  # from what this practice's population needs
    general: int  # from what suits any practice (themes, strength-based, available afterwards)
    reasons: tuple[str, ...]

    @property
    def fits_population(self) -> bool:
        return self.fit > 0


def _pct(share: Decimal) -> str:
    return number_format(share, 0 if share == share.to_integral_value() else 1)


def _population_reasons(traits: Traits, facts: PopulationFacts) -> list[tuple[int, str]]:
    reasons = []
    groups = traits.made_for
    low = _pct(facts.share_low_literacy)
    if facts.share_low_literacy >= LOW_LITERACY_THRESHOLD:
        if "low_literacy" in groups:
            reasons.append(
                (
                    3,
                    format_lazy(_("Made for people with low literacy; in your practice that is {p}%."), p=low),
                )
            )
        # An unknown reading level ("unknown") matches neither branch: no reason from a level nobody checked.
        if traits.reading_level == Programme.ReadingLevel.A2:
            reasons.append((3, format_lazy(_("Very easy to read (A2), for the {p}% with low literacy."), p=low)))
        elif traits.reading_level == Programme.ReadingLevel.B1:
            reasons.append((2, format_lazy(_("Plain language (B1), for the {p}% with low literacy."), p=low)))
    # The home language (Dutch) is what every programme speaks: offering it is no reason worth a line.
    spoken = facts.languages
    offered = [spoken[code] for code, is_home_language in traits.languages if code in spoken and not is_home_language]
    if offered:
        text = format_lazy(_("Also in {languages}, spoken in your practice."), languages=", ".join(offered))
        reasons.append((2 * len(offered), text))
    for share, threshold, group, weight, message in (
        (
            facts.share_migration,
            MIGRATION_THRESHOLD,
            "migration_background",
            2,
            _("Made for people with a migration background; in your practice that is {p}%."),
        ),
        (facts.share_65_plus, OLDER_THRESHOLD, AgeBand.OLDER, 2, _("Made for older people ({p}% are 65 or over).")),
        (facts.share_0_17, YOUNG_THRESHOLD, AgeBand.YOUTH, 1, _("Made for young people ({p}% are under 18).")),
    ):
        if share >= threshold and group in groups:
            reasons.append((weight, format_lazy(message, p=_pct(share))))
    return reasons


def _general_reasons(traits: Traits, facts: PopulationFacts | None) -> list[tuple[int, str]]:
    reasons = []
    addresses = traits.prevalence_keys
    for figure in PREVALENCE_12_MONTH:
        if figure.key in addresses:
            expected = facts.expected.get(figure.key) if facts is not None else None
            if expected:
                text = format_lazy(
                    _("Helps with {problem}: about {n} of your adult patients a year."),
                    problem=str(figure.label).lower(),
                    n=expected,
                )
            else:
                text = format_lazy(_("Helps with {problem}."), problem=str(figure.label).lower())
            reasons.append((1, text))
    if traits.approach == Programme.Approach.STRENGTH:
        reasons.append((1, _("Strength-based, as the Keurmerk Kortdurende GGZ advises.")))
    # True only: None means nobody has checked it yet, which is not a "yes".
    if traits.available_after_treatment is True:
        reasons.append((1, _("Stays available after treatment ends.")))
    return reasons


def rank_programmes(programmes: Iterable, facts: PopulationFacts | None) -> list[Suggestion]:
    """Best fit for the population first, then general merits, then name.

    Reads only the programmes' prefetched relations, so ranking runs no queries however long the catalogue is.
    """
    return rank_with_traits(((programme, traits_of(programme)) for programme in programmes), facts)


def rank_with_traits(programmes: Iterable[tuple[object, Traits]], facts: PopulationFacts | None) -> list[Suggestion]:
    """rank_programmes() for (programme, its traits) pairs: the programmes need no prefetched relations."""
    suggestions = []
    for programme, traits in programmes:
        fitting, general = _reasons(traits, facts)
        suggestions.append(
            Suggestion(
                programme,
                fit=sum(weight for weight, _text in fitting),
                general=sum(weight for weight, _text in general),
                reasons=tuple(str(text) for _weight, text in (*fitting, *general)),
            )
        )
    # The id settles a tie of equal names, so the order never depends on how the database returned the rows.
    return sorted(suggestions, key=lambda s: (-s.fit, -s.general, s.programme.name.lower(), s.programme.pk))


def _reasons(traits: Traits, facts: PopulationFacts | None):
    fitting = _population_reasons(traits, facts) if facts is not None else []
    return fitting, _general_reasons(traits, facts)


def score(traits: Traits, facts: PopulationFacts | None) -> tuple[int, int]:
    """(fit, general) of a programme with these traits: the same rules and weights rank_programmes() sums."""
    fitting, general = _reasons(traits, facts)
    return sum(weight for weight, _text in fitting), sum(weight for weight, _text in general)
