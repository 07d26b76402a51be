"""Reads of the public catalogue: the querysets and lookups the overview, detail, compare and provider pages need."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from catalog import lenient
from catalog.models import (
    ChecklistAnswer,
    ChecklistQuestion,
    Criterion,
    FactSource,
    Programme,
    Provider,
    QualityAssessment,
    Resource,
    Source,
    Study,
)
from catalog.overview_cache import catalogue_revision
from catalog.quality import VerdictWording, verdict_wording

# The compare page (and the keuzehulp's link to it) shows 2 to 4 programmes side by side: beyond four columns a
# table stops being readable on a laptop.
COMPARE_MAX = 4
COMPARE_MIN = 2
COMPARE_LOOKUP_MAX = 20
# The revision is in the key, so an edit is seen at once; the timeout only bounds how long an old entry lingers.
COMPARE_OPTIONS_CACHE_SECONDS = 24 * 60 * 60


def criterion_order():
    """Sorts assessments in the order of the sources (effectiveness first), not alphabetically."""
    return Case(
        *(When(criterion=value, then=Value(index)) for index, value in enumerate(Criterion.values)),
        output_field=IntegerField(),
    )


def _assessments(*, with_answers=False, lookup="assessments"):
    queryset = QualityAssessment.objects.order_by(criterion_order())
    if with_answers:
        answers = ChecklistAnswer.objects.select_related("question")
        queryset = queryset.prefetch_related(Prefetch("answers", queryset=answers), "sources")
    return Prefetch(lookup, queryset=queryset)


def assessments_prefetch(lookup: str = "assessments") -> Prefetch:
    """The verdicts of programmes reached through `lookup` (e.g. "programme__assessments" from a menu item)."""
    return _assessments(lookup=lookup)


def published_programmes() -> QuerySet:
    """Published programmes with everything an overview card shows, fetched in a fixed number of queries."""
    return (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related("themes", "target_groups", "languages", _assessments())
    )


def programme_for_detail(slug: str) -> Programme:
    """One public programme with all it shows on its own page; a draft or archived one is a 404.

    A programme no longer offered keeps its page (with a banner): a practice may still have it on its menu.
    """
    queryset = (
        Programme.objects.public()
        .select_related("provider")
        .prefetch_related(
            "provider__sources",
            "themes",
            "target_groups",
            "languages",
            "therapies",
            "icpc_codes",
            Prefetch("studies", queryset=Study.objects.prefetch_related("sources")),
            Prefetch("resources", queryset=Resource.objects.prefetch_related("sources")),
            Prefetch("fact_sources", queryset=FactSource.objects.select_related("source")),
            _assessments(with_answers=True),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def sources_by_fact(programme: Programme) -> dict[str, list[Source]]:
    """The sources of each fact of `programme` (a ProgrammeFact value -> sources), from its prefetched links."""
    sources: dict[str, list[Source]] = {}
    for link in programme.fact_sources.all():
        sources.setdefault(link.fact, []).append(link.source)
    return sources


def public_providers() -> QuerySet:
    """Providers with at least one public programme, each with `published_count` and `withdrawn_count`.

    A provider whose programmes are all drafts stays off the public site: a draft must not leak through its maker.
    """
    return (
        Provider.objects.annotate(
            published_count=Count("programmes", filter=Q(programmes__status=Programme.Status.PUBLISHED)),
            withdrawn_count=Count("programmes", filter=Q(programmes__status=Programme.Status.WITHDRAWN)),
        )
        .filter(Q(published_count__gt=0) | Q(withdrawn_count__gt=0))
        .order_by("name")
    )


@dataclass(frozen=True)
class ProviderPage:
    provider: Provider
    programmes: list[Programme]  # published, as overview cards
    withdrawn: list[Programme]  # no longer offered: their pages stay, so the provider page names them apart


def provider_for_detail(slug: str) -> ProviderPage:
    """One provider with a public programme, its sources and its programmes; any other provider is a 404."""
    has_public_programme = Exists(Programme.objects.public().filter(provider=OuterRef("pk")))
    provider = get_object_or_404(Provider.objects.filter(has_public_programme).prefetch_related("sources"), slug=slug)
    withdrawn = Programme.objects.filter(provider=provider, status=Programme.Status.WITHDRAWN).order_by("name")
    return ProviderPage(
        provider=provider,
        programmes=list(published_programmes().filter(provider=provider)),
        withdrawn=list(withdrawn),
    )


@dataclass(frozen=True)
class Comparison:
    programmes: list[Programme]
    unknown_slugs: list[str]  # asked for but not (or not publicly) in the catalogue
    dropped_slugs: list[str]  # beyond COMPARE_MAX
    withdrawn: list[Programme] = field(default_factory=list)  # asked for, but no longer offered: not compared

    @property
    def is_possible(self):
        return len(self.programmes) >= COMPARE_MIN


def _candidate_option(slug: str, name: str) -> str:
    return format_html('<option value="{}">{}</option>', slug, name)


def compare_candidates(chosen: list[Programme]) -> SafeString:
    """The `<option>`s of the published programmes a visitor may compare the chosen ones with, by name.

    The list holds the whole catalogue, so it is rendered once per catalogue revision and kept in the shared cache
    (thousands of options cost ~100 ms to query and render); the chosen ones are cut out of the cached string.
    """
    key = f"catalog:compare-options:{catalogue_revision()}"
    options = cache.get(key)
    if options is None:
        rows = Programme.objects.published().order_by("name", "pk").values_list("slug", "name")
        options = "".join(_candidate_option(slug, name) for slug, name in rows)
        cache.set(key, options, COMPARE_OPTIONS_CACHE_SECONDS)
    for programme in chosen:
        options = options.replace(_candidate_option(programme.slug, programme.name), "", 1)
    return mark_safe(options)  # noqa: S308 - built with format_html above, escaped per value


def programmes_to_compare(slugs: list[str]) -> Comparison:
    """The published programmes named by `slugs`, in the order asked for, at most COMPARE_MAX of them.

    A programme no longer offered is not compared; it is named apart, so the page can say why it is missing.
    """
    cleaned = (lenient.clean(slug, max_length=200) for slug in slugs)
    wanted = list(dict.fromkeys(slug for slug in cleaned if slug))
    # Bound the lookup: a URL with thousands of p= values must not become a huge IN clause.
    looked_up, beyond = wanted[:COMPARE_LOOKUP_MAX], wanted[COMPARE_LOOKUP_MAX:]
    queryset = (
        Programme.objects.published()
        .select_related("provider")
        .prefetch_related("themes", "target_groups", "languages", "therapies", "studies", _assessments())
    )
    found = {programme.slug: programme for programme in queryset.filter(slug__in=looked_up)}
    withdrawn = {
        programme.slug: programme
        for programme in Programme.objects.filter(
            status=Programme.Status.WITHDRAWN, slug__in=set(looked_up) - set(found)
        )
    }
    known = [slug for slug in looked_up if slug in found]
    return Comparison(
        programmes=[found[slug] for slug in known[:COMPARE_MAX]],
        unknown_slugs=[slug for slug in looked_up if slug not in found and slug not in withdrawn],
        dropped_slugs=known[COMPARE_MAX:] + beyond,
        withdrawn=[withdrawn[slug] for slug in looked_up if slug in withdrawn],
    )


@dataclass(frozen=True)
class QualityRow:
    criterion: str
    criterion_label: str
    verdict: str
    verdict_label: str
    assessment: QualityAssessment | None
    wording: VerdictWording  # the one way the site says this verdict (catalog/quality.py)


def quality_rows(programme: Programme) -> list[QualityRow]:
    """One row per criterion, always all four; a criterion nobody assessed shows as unknown, never hidden."""
    by_criterion = {assessment.criterion: assessment for assessment in programme.assessments.all()}
    overdue = programme.is_overdue()
    rows = []
    for criterion in Criterion:
        assessment = by_criterion.get(criterion.value)
        # A verdict without an assessment date is not an assessment: it reads "not assessed yet" with a "?",
        # never a green tick next to those words.
        dated = assessment is not None and assessment.assessed_on is not None
        wording = verdict_wording(
            criterion.value,
            assessment.verdict if dated else None,
            assessment.assessed_on if dated else None,
            overdue=overdue,
        )
        rows.append(QualityRow(criterion.value, criterion.label, wording.verdict, wording.label, assessment, wording))
    return rows


def quality_matrix(programmes: list[Programme]) -> list[tuple[str, list[QualityRow]]]:
    """For a comparison table: per criterion, each programme's row, in the order of `programmes`."""
    per_programme = [quality_rows(programme) for programme in programmes]
    return [(criterion.label, [rows[index] for rows in per_programme]) for index, criterion in enumerate(Criterion)]


@dataclass(frozen=True)
class CriterionExplained:
    criterion: str
    label: str
    questions: list[ChecklistQuestion]


def checklist_by_criterion() -> list[CriterionExplained]:
    """The four criteria in the order of the sources, each with the checklist questions curators answer for it."""
    questions: dict[str, list[ChecklistQuestion]] = {}
    for question in ChecklistQuestion.objects.order_by("position", "id"):
        questions.setdefault(question.criterion, []).append(question)
    return [CriterionExplained(c.value, str(c.label), questions.get(c.value, [])) for c in Criterion]


def public_resource_file(pk: int) -> Resource:
    """An uploaded file of a programme with a public page, or 404 (a draft's files stay with the curators)."""
    return get_object_or_404(Resource.objects.filter(programme__in=Programme.objects.public()).exclude(file=""), pk=pk)


def api_programmes() -> QuerySet:
    """Published programmes and those no longer offered, with what an API list item shows, in a fixed query count."""
    return (
        Programme.objects.public()
        .select_related("provider")
        .prefetch_related("themes", "target_groups", "languages", _assessments())
    )


def api_programme_detail() -> QuerySet:
    """Like api_programmes, with what one programme's API answer adds (sources, studies, resources)."""
    assessments = QualityAssessment.objects.order_by(criterion_order()).prefetch_related("sources")
    return (
        Programme.objects.public()
        .select_related("provider")
        .prefetch_related(
            "themes",
            "target_groups",
            "languages",
            "therapies",
            Prefetch("assessments", queryset=assessments),
            Prefetch("studies", queryset=Study.objects.prefetch_related("sources")),
            Prefetch("resources", queryset=Resource.objects.prefetch_related("sources")),
        )
    )


def public_resources() -> QuerySet:
    """Manuals, videos and leaflets of public programmes."""
    return Resource.objects.filter(programme__in=Programme.objects.public()).select_related("programme")
