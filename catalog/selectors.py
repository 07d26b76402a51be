"""Reads of the public catalogue: the querysets and lookups the overview, detail and compare pages need."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from catalog.models import ChecklistAnswer, Criterion, Programme, QualityAssessment, Verdict

# At most this many programmes side by side: beyond four columns a table stops being readable on a laptop.
COMPARE_MAX = 4
COMPARE_MIN = 2
COMPARE_LOOKUP_MAX = 20


def criterion_order():
    """Sorts assessments in the order of the sources (effectiveness first), not alphabetically."""
    return Case(
        *(When(criterion=value, then=Value(index)) for index, value in enumerate(Criterion.values)),
        output_field=IntegerField(),
    )


def _assessments(*, with_answers=False):
    queryset = QualityAssessment.objects.order_by(criterion_order())
    if with_answers:
        answers = ChecklistAnswer.objects.select_related("question")
        queryset = queryset.prefetch_related(Prefetch("answers", queryset=answers))
    return Prefetch("assessments", queryset=queryset)


def published_programmes() -> QuerySet:
    """Published programmes with everything an overview card shows, fetched in a fixed number of queries."""
    return (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related("themes", "target_groups", "languages", _assessments())
    )


def programme_for_detail(slug: str) -> Programme:
    """One published programme with all it shows on its own page; any other slug is a 404."""
    queryset = (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related(
            "themes",
            "target_groups",
            "languages",
            "therapies",
            "icpc_codes",
            "studies",
            "resources",
            _assessments(with_answers=True),
        )
    )
    return get_object_or_404(queryset, slug=slug)


@dataclass(frozen=True)
class Comparison:
    programmes: list[Programme]
    unknown_slugs: list[str]  # asked for but not (or not publicly) in the catalogue
    dropped_slugs: list[str]  # beyond COMPARE_MAX

    @property
    def is_possible(self):
        return len(self.programmes) >= COMPARE_MIN


def programmes_to_compare(slugs: list[str]) -> Comparison:
    """The published programmes named by `slugs`, in the order asked for, at most COMPARE_MAX of them."""
    wanted = list(dict.fromkeys(slug.strip()[:200] for slug in slugs if slug.strip()))
    # Bound the lookup: a URL with thousands of p= values must not become a huge IN clause.
    looked_up, beyond = wanted[:COMPARE_LOOKUP_MAX], wanted[COMPARE_LOOKUP_MAX:]
    queryset = (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related("themes", "target_groups", "languages", "therapies", "studies", _assessments())
    )
    found = {programme.slug: programme for programme in queryset.filter(slug__in=looked_up)}
    known = [slug for slug in looked_up if slug in found]
    return Comparison(
        programmes=[found[slug] for slug in known[:COMPARE_MAX]],
        unknown_slugs=[slug for slug in looked_up if slug not in found],
        dropped_slugs=known[COMPARE_MAX:] + beyond,
    )


@dataclass(frozen=True)
class QualityRow:
    criterion: str
    criterion_label: str
    verdict: str
    verdict_label: str
    assessment: QualityAssessment | None


def quality_rows(programme: Programme) -> list[QualityRow]:
    """One row per criterion, always all four; a criterion nobody assessed shows as unknown, never hidden."""
    by_criterion = {assessment.criterion: assessment for assessment in programme.assessments.all()}
    rows = []
    for criterion in Criterion:
        assessment = by_criterion.get(criterion.value)
        verdict = Verdict(assessment.verdict) if assessment else Verdict.UNKNOWN
        rows.append(QualityRow(criterion.value, criterion.label, verdict.value, verdict.label, assessment))
    return rows


def quality_matrix(programmes: list[Programme]) -> list[tuple[str, list[QualityRow]]]:
    """For a comparison table: per criterion, each programme's row, in the order of `programmes`."""
    per_programme = [quality_rows(programme) for programme in programmes]
    return [
        (criterion.label, [rows[index] for rows in per_programme])
        for index, criterion in enumerate(Criterion)
    ]
