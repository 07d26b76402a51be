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
    found = {group.age_band for group in groups if group.age_band != AgeBand.NONE}
    found |= {"low_literacy" for group in groups if group.low_literacy}
    found |= {"migration_background" for group in groups if group.migration_background}
    return found


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


def _population_reasons(programme, facts: PopulationFacts) -> list[tuple[int, str]]:
    reasons = []
    groups = made_for(programme)
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
        if programme.reading_level == Programme.ReadingLevel.A2:
            reasons.append((3, format_lazy(_("Very easy to read (A2), for the {p}% with low literacy."), p=low)))
        elif programme.reading_level == Programme.ReadingLevel.B1:
            reasons.append((2, format_lazy(_("Plain language (B1), for the {p}% with low literacy."), p=low)))
    # The home language (Dutch) is what every programme speaks: offering it is no reason worth a line.
    spoken = facts.languages
    offered = [
        spoken[language.code]
        for language in programme.languages.all()
        if language.code in spoken and not language.is_home_language
    ]
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


def _general_reasons(programme, facts: PopulationFacts | None) -> list[tuple[int, str]]:
    reasons = []
    addresses = {theme.prevalence_key for theme in programme.themes.all()}
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
    if programme.approach == Programme.Approach.STRENGTH:
        reasons.append((1, _("Strength-based, as the Keurmerk Kortdurende GGZ advises.")))
    # True only: None means nobody has checked it yet, which is not a "yes".
    if programme.available_after_treatment is True:
        reasons.append((1, _("Stays available after treatment ends.")))
    return reasons


def rank_programmes(programmes: Iterable, facts: PopulationFacts | None) -> list[Suggestion]:
    """Best fit for the population first, then general merits, then name.

    Reads only the programmes' prefetched relations, so ranking runs no queries however long the catalogue is.
    """
    suggestions = []
    for programme in programmes:
        fitting = _population_reasons(programme, facts) if facts is not None else []
        general = _general_reasons(programme, facts)
        suggestions.append(
            Suggestion(
                programme,
                fit=sum(weight for weight, _text in fitting),
                general=sum(weight for weight, _text in general),
                reasons=tuple(str(text) for _weight, text in (*fitting, *general)),
            )
        )
    return sorted(suggestions, key=lambda s: (-s.fit, -s.general, s.programme.name.lower()))
