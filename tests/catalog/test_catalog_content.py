"""The curated content as production loads it (`load_catalog`): does every public claim rest on a dated source?

These tests read the fixture files through the production loader, so a curator's change to a fixture that would
put an unsourced fact, a hard patient text or an unpublishable programme on the site fails here first.
"""

from urllib.parse import urlsplit

import pytest

from catalog import readability
from catalog.models import Programme, QualityAssessment, Source, Study
from catalog.services import content_blockers

pytestmark = pytest.mark.django_db

# The two documents the toolkit grew from (../shared/seeds) have no address of their own (catalog.Source).
SEED_DOCUMENT_PUBLISHERS = ("Trimbos-instituut, in opdracht van VWS",)


@pytest.fixture
def content(content_loaded_once):
    return content_loaded_once


def public_programmes():
    return Programme.objects.public().order_by("name")


def test_the_content_loads_and_has_public_programmes(content):
    assert content.created_total > 0
    assert public_programmes().exists()


def test_every_public_programme_passes_the_publish_gate(content):
    refused = {programme.name: content_blockers(programme) for programme in public_programmes()}
    assert {name: blockers for name, blockers in refused.items() if blockers} == {}


def test_every_patient_text_is_easy_to_read(content):
    hard = {programme.name: readability.problems(programme.patient_text) for programme in public_programmes()}
    assert {name: problems for name, problems in hard.items() if problems} == {}


def test_every_source_names_its_exact_page_and_the_date_it_was_seen(content):
    for source in Source.objects.all():
        assert source.seen_on, source.title
        assert source.publisher.strip(), source.title
        if source.publisher.startswith(SEED_DOCUMENT_PUBLISHERS):
            continue
        address = urlsplit(source.url)
        assert address.scheme in {"http", "https"} and address.netloc, f"{source.title}: {source.url!r}"
        # The exact page, not a home page (a query string can be the page, as in a database's search result).
        assert address.path.strip("/") or address.query, f"{source.title}: {source.url} is a home page"


def test_every_verdict_and_study_of_a_public_programme_links_a_dated_source(content):
    verdicts = QualityAssessment.objects.filter(programme__in=public_programmes()).exclude(verdict="unknown")
    assert verdicts.exists()
    for assessment in verdicts.prefetch_related("sources"):
        assert [source for source in assessment.sources.all() if source.seen_on], assessment
    for study in Study.objects.filter(programme__in=public_programmes()).prefetch_related("sources"):
        assert study.year and study.sources.exists(), study.title


def test_every_unknown_verdict_says_publicly_why(content):
    unknown = QualityAssessment.objects.filter(programme__in=public_programmes(), verdict="unknown")
    assert not unknown.filter(rationale="").exists()


def test_every_public_programme_has_the_facts_the_catalogue_cards_show(content):
    for programme in public_programmes().prefetch_related("themes", "languages"):
        assert programme.themes.exists(), programme.name
        assert programme.languages.exists(), programme.name
        assert programme.website, programme.name


def test_every_provider_fact_names_its_source(content):
    from catalog.models import Provider

    for provider in Provider.objects.exclude(offer_to_practices="").prefetch_related("sources"):
        assert provider.sources.exists(), provider.name


def test_every_funding_scheme_links_its_exact_page_and_dated_sources(content):
    from training.models import FundingScheme, InsurerRule

    schemes = FundingScheme.objects.prefetch_related("sources")
    assert schemes.exists()
    for scheme in schemes:
        address = urlsplit(scheme.source_url)
        assert address.scheme in {"http", "https"} and (address.path.strip("/") or address.query), scheme.title
        assert scheme.last_checked, scheme.title
        assert scheme.sources.exists() and all(source.seen_on for source in scheme.sources.all()), scheme.title
    for rule in InsurerRule.objects.prefetch_related("sources"):
        # An insurer with a public policy links the page; without one, the rule says it was not found, and when.
        assert all(source.seen_on for source in rule.sources.all()), str(rule)
        if rule.source_url:
            assert urlsplit(rule.source_url).path.strip("/"), f"{rule}: {rule.source_url} is a home page"
