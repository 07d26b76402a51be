"""What the real catalogue must cover (issue 11), read through the production loader like test_catalog_content.

The sources promise programmes for depressive complaints, anxiety and alcohol; the home page, the patient page and
the population chart promise anxiety too. These tests fail when the curated content stops keeping those promises.
"""

import re

import pytest
from django.db.models import Q
from django.urls import reverse

from catalog.content_report import content_report
from catalog.keuzehulp import Answers, rank
from catalog.keuzehulp_selectors import answer_options, keuzehulp_programmes
from catalog.models import Programme, Provider, QualityAssessment, Resource, Theme, Verdict

pytestmark = pytest.mark.django_db

# Issue 11 asks for at least 20 published programmes, of which at least 3 for anxiety or panic.
MIN_PUBLISHED = 20
MIN_ANXIETY_PUBLISHED = 3
ANXIETY_THEMES = ("angst", "paniek")
# What a manual for the POH-ggz tells (issue 11), each as the words a section heading starts with.
MANUAL_SECTIONS = {
    "how a patient starts": ("hoe een patiënt start", "hoe start een patiënt"),
    "access or licence": ("toegang",),
    "feedback and guidance": ("feedback", "begeleiding", "terugkoppeling"),
    "what the sessions contain": ("inhoud", "wat zit erin", "wat de module bevat"),
    "help from the provider": ("hulp van de aanbieder",),
}
# Named in the two seed documents (../shared/seeds): in the catalogue, published or marked "no longer offered".
PROGRAMMES_NAMED_IN_THE_SOURCES = (
    "Kleurjeleven",
    "Psyfit",
    "Mirro Rouwverwerking",
    "Mirro Burn-out",
    "Drinktest",
    "Minderdrinken",
)
PROVIDERS_NAMED_IN_THE_SOURCES = (
    "Minddistrict",
    "Mirro",
    "Therapieland",
    "TelePsy",
    "Mentalshare Direct",
    "Trimbos-instituut",
)


@pytest.fixture
def content(content_loaded_once):
    return content_loaded_once


def published():
    return Programme.objects.published()


def test_at_least_twenty_programmes_are_published(content):
    assert published().count() >= MIN_PUBLISHED


def test_at_least_three_published_programmes_are_for_anxiety_or_panic(content):
    anxiety = published().filter(themes__slug__in=ANXIETY_THEMES).distinct()
    assert anxiety.count() >= MIN_ANXIETY_PUBLISHED, list(anxiety.values_list("name", flat=True))


def test_adults_with_anxiety_or_panic_complaints_have_at_least_three_programmes(content):
    anxiety = published().filter(themes__slug__in=ANXIETY_THEMES).distinct()
    adults = anxiety.filter(Q(target_groups__age_band="adult") | Q(target_groups__isnull=True)).distinct()
    assert adults.count() >= MIN_ANXIETY_PUBLISHED, list(anxiety.values_list("name", flat=True))


def test_young_people_with_anxiety_have_a_programme(content):
    young = published().filter(themes__slug__in=ANXIETY_THEMES, target_groups__age_band="youth")
    assert young.exists()


def test_every_theme_the_catalogue_lists_has_a_published_programme(content):
    empty = Theme.objects.exclude(programmes__in=published()).values_list("name", flat=True)
    assert list(empty) == []


def test_every_programme_the_sources_name_is_published_or_says_why_not(content):
    """Published, or marked "no longer offered", or a draft whose curators' notes say what the gate still lacks."""
    for name in PROGRAMMES_NAMED_IN_THE_SOURCES:
        programme = Programme.objects.get(name=name)
        if programme.status not in (Programme.Status.PUBLISHED, Programme.Status.WITHDRAWN):
            assert programme.status == Programme.Status.DRAFT and programme.internal_notes.strip(), name


def test_every_provider_the_sources_name_says_what_it_offers_practices_with_sources(content):
    for name in PROVIDERS_NAMED_IN_THE_SOURCES:
        provider = Provider.objects.get(name__iexact=name)
        # A provider that stopped keeps its record, without a website: its offer text says so.
        assert provider.offer_to_practices.strip(), name
        assert provider.sources.exists(), name


def test_every_published_programme_has_a_manual_for_professionals_with_sources(content):
    manuals = Resource.objects.filter(kind=Resource.Kind.MANUAL, audience=Resource.Audience.PROFESSIONALS)
    without = published().exclude(resources__in=manuals.filter(sources__isnull=False))
    assert list(without.values_list("name", flat=True)) == []


def test_every_manual_for_the_poh_ggz_covers_what_the_issue_asks(content):
    """Start, access, guidance, contents and the provider's help: a section for each, even when it says "none found"."""
    manuals = Resource.objects.filter(
        programme__in=published(), kind=Resource.Kind.MANUAL, audience=Resource.Audience.PROFESSIONALS
    )
    lacking = {}
    for manual in manuals.select_related("programme"):
        headings = [heading.lower() for heading in re.findall(r"^#+\s*(.+)$", manual.body, re.MULTILINE)]
        missing = [
            topic
            for topic, starts in MANUAL_SECTIONS.items()
            if not any(heading.startswith(start) or start in heading for heading in headings for start in starts)
        ]
        if missing:
            lacking[manual.programme.name] = missing
    assert lacking == {}


def test_every_manual_source_is_dated(content):
    manuals = Resource.objects.filter(programme__in=published(), kind=Resource.Kind.MANUAL)
    for manual in manuals.prefetch_related("sources"):
        assert all(source.seen_on for source in manual.sources.all()), manual.title


def test_the_manuals_page_lists_a_manual_for_every_published_programme(client, content):
    for programme in published():
        page = client.get(reverse("training:manual_list"), {"programme": programme.slug, "audience": "professionals"})
        titles = [resource.title for resource in page.context["page"].object_list]
        assert any(resource.kind == Resource.Kind.MANUAL for resource in page.context["page"].object_list), (
            programme.name,
            titles,
        )


def test_every_unknown_verdict_says_when_the_curators_searched(content):
    """An unknown verdict is a search that found nothing: the public text says so, with the date of the search."""
    unknown = QualityAssessment.objects.filter(programme__in=published(), verdict=Verdict.UNKNOWN)
    undated = [str(assessment) for assessment in unknown if not re.search(r"gezocht op \d", assessment.rationale)]
    assert undated == []
    assert not unknown.filter(assessed_on__isnull=True).exists()


def test_fewer_than_a_quarter_of_the_verdicts_are_unknown(content):
    report = content_report()
    assert report.verdict_total >= 4 * MIN_PUBLISHED
    assert report.verdicts[Verdict.UNKNOWN] * 4 < report.verdict_total, report.verdicts


def test_every_known_fact_on_a_public_page_names_its_source(content):
    assert content_report().unsourced_facts == []


def test_the_keuzehulp_finds_an_anxiety_programme_for_an_adult_with_mild_complaints(content):
    options = answer_options()
    answers = Answers(theme="angst", severity="mild", age="adult", submitted=True)
    advice = rank(keuzehulp_programmes(), answers, options)
    assert advice.matches, [match.programme.name for match in advice.nearest]


def test_the_keuzehulp_page_shows_it_too(client, content):
    page = client.get(reverse("catalog:keuzehulp"), {"theme": "angst", "severity": "mild", "age": "adult"}).text
    anxiety = published().filter(themes__slug="angst", suits_mild=True).values_list("name", flat=True)
    assert any(name in page for name in anxiety)
