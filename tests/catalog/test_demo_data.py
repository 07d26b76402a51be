"""The demo catalogue: real programmes and providers from the sources, honest assessments (load_demo itself:
test_load_demo.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from catalog.models import Criterion, Programme, Provider, QualityAssessment, Study, Verdict
from practices.content import CATALOG_FIXTURES

pytestmark = pytest.mark.django_db

PROVIDERS = ["Minddistrict", "Mirro", "Therapieland", "TelePsy", "Mentalshare Direct", "Trimbos-Instituut"]
PROGRAMMES = [
    "Mentaalvitaal",
    "Kleurjeleven",
    "Psyfit",
    "Mirro Rouwverwerking",
    "Mirro Burn-out",
    "Drinktest",
    "Minderdrinken",
]


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker):
    """The catalogue fixtures, loaded once for this module's read-only tests and rolled back at its end."""
    fixtures = Path(settings.BASE_DIR) / "fixtures"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", *(fixtures / f"{name}.json" for name in CATALOG_FIXTURES), verbosity=0)
        yield
        transaction.set_rollback(True)


def test_the_providers_named_in_the_sources_are_there(demo_catalogue):
    assert set(Provider.objects.values_list("name", flat=True)) >= set(PROVIDERS)


def test_the_programmes_named_in_the_sources_are_published(demo_catalogue):
    assert set(Programme.objects.values_list("name", flat=True)) >= set(PROGRAMMES)
    # A programme stays a draft while it does not pass the publish gate: Mentaalvitaal (no public page describes
    # it), Drinktest and Minderdrinken (no source says for which severity they are meant).
    not_yet = {"Mentaalvitaal", "Drinktest", "Minderdrinken"}
    assert set(Programme.objects.published().values_list("name", flat=True)) >= set(PROGRAMMES) - not_yet


def test_mirros_programmes_belong_to_mirro(demo_catalogue):
    assert set(Programme.objects.filter(provider__name="Mirro").values_list("slug", flat=True)) >= {
        "mirro-rouwverwerking",
        "mirro-burn-out",
        "mirro-angst-en-paniek",
    }


def test_there_is_a_draft_for_curators_to_publish(demo_catalogue):
    draft = Programme.objects.get(status=Programme.Status.DRAFT, name__contains="ontwikkeling")
    assert "ontwikkeling" in draft.name
    assert draft.target_groups.filter(slug="laaggeletterden").exists()


def test_every_published_programme_has_its_four_assessments(demo_catalogue):
    for programme in Programme.objects.published():
        assert sorted(programme.assessments.values_list("criterion", flat=True)) == sorted(Criterion.values)


def test_every_verdict_other_than_unknown_rests_on_a_source(demo_catalogue):
    known = QualityAssessment.objects.exclude(verdict=Verdict.UNKNOWN)
    assert known.exists()  # the RIVM recognitions of Kleurjeleven, Psyfit and Minderdrinken
    assert all(assessment.sources.exists() for assessment in known)
    assert not QualityAssessment.objects.filter(rationale="").exists()


def test_unknown_verdicts_say_in_public_why_they_are_unknown(demo_catalogue):
    unknown = QualityAssessment.objects.filter(verdict=Verdict.UNKNOWN, programme__status="published")
    assert all(len(assessment.rationale.split()) >= 8 for assessment in unknown)


def test_every_study_has_a_source_and_a_doi_only_where_one_exists(demo_catalogue):
    """A DOI only where a page shows one (many Dutch reports have none): never an empty-looking made-up one."""
    studies = Study.objects.all()
    assert studies.exists()
    for study in studies:
        assert study.sources.exists(), study.title
        assert not study.doi or study.doi.startswith("10."), study.title


def test_every_known_fact_has_a_source(demo_catalogue):
    from catalog.models import FactSource

    facts = {
        "guidance": ("offers_self_help", "offers_guided", "offers_blended"),
        "severity": ("suits_mild", "suits_moderate"),
        "anonymity": ("anonymous_use",),
        "platforms": ("on_web", "on_ios", "on_android"),
    }
    sourced = set(FactSource.objects.values_list("programme__slug", "fact"))
    for programme in Programme.objects.all():
        for fact, fields in facts.items():
            if any(getattr(programme, field) is not None for field in fields):
                assert (programme.slug, fact) in sourced, (programme.slug, fact)
        if programme.cost != "unknown":
            assert (programme.slug, "cost") in sourced, programme.slug


def test_nothing_is_invented_no_ce_classes_prices_or_certifications(demo_catalogue):
    """CE class, prices and certifications appear only with a source that says so."""
    from catalog.models import FactSource

    assert set(Programme.objects.values_list("medical_device_class", flat=True)) == {"unknown"}
    sourced = set(FactSource.objects.values_list("programme_id", "fact"))
    for programme_id, slug in Programme.objects.exclude(cost="unknown").values_list("pk", "slug"):
        assert (programme_id, "cost") in sourced, slug
    for programme_id, slug in Programme.objects.exclude(quality_marks="").values_list("pk", "slug"):
        assert (programme_id, "quality_marks") in sourced, slug
    for provider in Provider.objects.exclude(certifications="").prefetch_related("sources"):
        assert provider.sources.exists(), provider.name


def test_lookups_have_the_themes_languages_and_icpc_codes_the_filters_need(demo_catalogue):
    from catalog.models import IcpcCode, Language, TargetGroup, Theme

    assert {"depressie", "angst", "paniek", "alcohol", "burn-out", "rouw", "slaap", "mentale-fitheid"} <= set(
        Theme.objects.values_list("slug", flat=True)
    )
    assert {"volwassenen", "jongeren", "ouderen", "migranten", "laaggeletterden"} <= set(
        TargetGroup.objects.values_list("slug", flat=True)
    )
    assert {"nl", "en", "tr", "ar"} <= set(Language.objects.values_list("code", flat=True))
    assert {"P76", "P74", "P15", "P16"} <= set(IcpcCode.objects.values_list("code", flat=True))
