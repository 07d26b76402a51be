"""Reads for the keuzehulp: published programmes as plain facts, and the answer options on offer."""

from django.db.models import Prefetch

from catalog.keuzehulp import AnswerOptions, ProgrammeFacts
from catalog.models import Language, Programme, QualityAssessment, Theme

MAX_CHOSEN = 5  # the advice sheet stays one printed page


def answer_options() -> AnswerOptions:
    """Only themes and languages at least one published programme has: choosing another could never fit."""
    published = Programme.Status.PUBLISHED
    themes = Theme.objects.filter(programmes__status=published).distinct().order_by("position", "name")
    languages = Language.objects.filter(programmes__status=published).distinct().order_by("position", "name")
    return AnswerOptions(
        themes={theme.slug: theme.name for theme in themes},
        languages={language.code: language.name for language in languages},
    )


def _with_facts(queryset):
    # A fixed number of queries however many programmes there are: one per relation, never one per programme.
    return queryset.select_related("provider").prefetch_related(
        "themes",
        "target_groups",
        "languages",
        Prefetch("assessments", queryset=QualityAssessment.objects.only("programme", "criterion", "verdict")),
    )


def keuzehulp_programmes() -> list[ProgrammeFacts]:
    return [programme_facts(programme) for programme in _with_facts(Programme.objects.published())]


def chosen_programmes(slugs: list[str]) -> list[ProgrammeFacts]:
    """The published programmes among `slugs`, in the order chosen; unknown or unpublished ones drop out."""
    found = {p.slug: p for p in _with_facts(Programme.objects.published().filter(slug__in=slugs))}
    return [programme_facts(found[slug]) for slug in slugs if slug in found]


def programme_facts(programme: Programme) -> ProgrammeFacts:
    return ProgrammeFacts(
        id=programme.pk,
        slug=programme.slug,
        name=programme.name,
        summary=programme.summary,
        website=programme.website,
        provider=programme.provider.name,
        themes=frozenset(theme.slug for theme in programme.themes.all()),
        target_groups=frozenset(group.slug for group in programme.target_groups.all()),
        languages=frozenset(language.code for language in programme.languages.all()),
        reading_level=programme.reading_level,
        offers_self_help=programme.offers_self_help,
        offers_guided=programme.offers_guided,
        offers_blended=programme.offers_blended,
        suits_mild=programme.suits_mild,
        suits_moderate=programme.suits_moderate,
        anonymous_use=programme.anonymous_use,
        on_web=programme.on_web,
        on_ios=programme.on_ios,
        on_android=programme.on_android,
        approach=programme.approach,
        cost=programme.cost,
        duration_weeks=programme.duration_weeks,
        verdicts={assessment.criterion: assessment.verdict for assessment in programme.assessments.all()},
    )
