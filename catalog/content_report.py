"""How much of the public catalogue is known and sourced: per fact, per verdict and per publisher.

Curators run `manage.py content_report` to see what is still unknown before a review round; the content tests
use the same counts (CONTENT.md: every claim names its source, unknown stays unknown and is counted, not hidden).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from catalog.facts import is_unknown_choice
from catalog.models import FactSource, Programme, ProgrammeFact, QualityAssessment, Source, Verdict

# When a programme fact counts as known: the fields each ProgrammeFact (the facts sources attach to) is about.
FACT_FIELDS = {
    ProgrammeFact.DESCRIPTION: ("description",),
    ProgrammeFact.THEMES: ("themes",),
    ProgrammeFact.TARGET_GROUPS: ("target_groups",),
    ProgrammeFact.SEVERITY: ("suits_mild", "suits_moderate"),
    ProgrammeFact.LANGUAGES: ("languages",),
    ProgrammeFact.READING_LEVEL: ("reading_level",),
    ProgrammeFact.GUIDANCE: ("offers_self_help", "offers_guided", "offers_blended"),
    ProgrammeFact.DURATION: ("duration_weeks", "duration_note"),
    ProgrammeFact.COST: ("cost",),
    ProgrammeFact.PLATFORMS: ("on_web", "on_ios", "on_android"),
    ProgrammeFact.ANONYMITY: ("anonymous_use",),
    ProgrammeFact.APPROACH: ("approach",),
    ProgrammeFact.HIS_FEEDBACK: ("his_feedback",),
    ProgrammeFact.AFTER_TREATMENT: ("available_after_treatment",),
    ProgrammeFact.MEDICAL_DEVICE: ("medical_device_class",),
    ProgrammeFact.QUALITY_MARKS: ("quality_marks",),
}
MANY_TO_MANY = {"themes", "target_groups", "languages"}


def _field_known(programme: Programme, name: str) -> bool:
    if name in MANY_TO_MANY:
        return bool(getattr(programme, name).all())
    value = getattr(programme, name)
    if isinstance(value, bool):
        return True  # a nullable yes/no fact: None is unknown, True and False are both known
    return not is_unknown_choice(value)


def fact_known(programme: Programme, fact: str) -> bool:
    """True when at least one field of `fact` holds a value a curator recorded (a "no" is knowledge too)."""
    return any(_field_known(programme, name) for name in FACT_FIELDS[fact])


@dataclass
class FactCount:
    sourced: int = 0  # known, with at least one source
    unsourced: int = 0  # known, without a source: a claim the page cannot back
    unknown: int = 0  # not known yet: the page says so

    @property
    def total(self) -> int:
        return self.sourced + self.unsourced + self.unknown


@dataclass
class ContentReport:
    programmes: int = 0
    facts: dict[str, FactCount] = field(default_factory=dict)
    unsourced_facts: list[tuple[str, str]] = field(default_factory=list)  # (programme, fact)
    verdicts: Counter = field(default_factory=Counter)  # verdict -> number of assessments
    unknown_verdicts: list[tuple[str, str, str]] = field(default_factory=list)  # (programme, criterion, why)
    sources_per_publisher: Counter = field(default_factory=Counter)

    @property
    def verdict_total(self) -> int:
        return sum(self.verdicts.values())

    @property
    def unknown_verdict_share(self) -> float:
        return self.verdicts[Verdict.UNKNOWN] / self.verdict_total if self.verdict_total else 0.0

    def totals(self) -> FactCount:
        total = FactCount()
        for count in self.facts.values():
            total.sourced += count.sourced
            total.unsourced += count.unsourced
            total.unknown += count.unknown
        return total


def public_programmes_for_report():
    return (
        Programme.objects.public()
        .order_by("name")
        .prefetch_related(
            "themes",
            "target_groups",
            "languages",
            Prefetch("fact_sources", queryset=FactSource.objects.only("programme_id", "fact")),
            Prefetch("assessments", queryset=QualityAssessment.objects.order_by("criterion")),
        )
    )


def content_report(programmes=None) -> ContentReport:
    """Count, over the public programmes, which facts are sourced, known without a source, or unknown."""
    programmes = list(programmes if programmes is not None else public_programmes_for_report())
    report = ContentReport(programmes=len(programmes), facts={fact: FactCount() for fact in FACT_FIELDS})
    for programme in programmes:
        sourced_facts = {link.fact for link in programme.fact_sources.all()}
        for fact, count in report.facts.items():
            if not fact_known(programme, fact):
                count.unknown += 1
            elif fact in sourced_facts:
                count.sourced += 1
            else:
                count.unsourced += 1
                report.unsourced_facts.append((programme.name, ProgrammeFact(fact).label))
        for assessment in programme.assessments.all():
            report.verdicts[assessment.verdict] += 1
            if assessment.verdict == Verdict.UNKNOWN:
                report.unknown_verdicts.append(
                    (programme.name, assessment.get_criterion_display(), assessment.rationale)
                )
    report.sources_per_publisher = Counter(Source.objects.values_list("publisher", flat=True))
    return report
