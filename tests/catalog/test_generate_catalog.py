"""The synthetic benchmark catalogue: varied, searchable, replaceable, removable, real data untouched."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Programme, Provider, QualityAssessment
from catalog.search import search_programmes
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lookups():
    for name in ["Depressieve klachten", "Problematisch alcoholgebruik", "Slaapproblemen", "Rouw"]:
        factories.theme(name)
    factories.target_group("Volwassenen")
    factories.target_group("Jongeren")
    factories.language("Nederlands", "nl")
    factories.language("Engels", "en")
    factories.therapy("Mindfulness")
    factories.icpc("P76", "Depressie")


def generate(*args):
    out = StringIO()
    call_command("generate_catalog", *args, stdout=out)
    return out.getvalue()


def synthetic():
    return Programme.objects.filter(slug__startswith="synth-")


def test_generates_the_asked_number_with_four_assessments_each(lookups):
    generate("--programmes", "40", "--seed", "7")
    assert synthetic().count() == 40
    assert QualityAssessment.objects.filter(programme__in=synthetic()).count() == 160
    assert all(name.startswith("Synth: ") for name in synthetic().values_list("name", flat=True))


def test_generated_programmes_are_varied_and_mostly_published(lookups):
    generate("--programmes", "200", "--seed", "7")
    assert synthetic().filter(status="published").count() > 140
    assert synthetic().filter(status="draft").exists()
    assert synthetic().filter(offers_guided=True).exists()
    assert synthetic().filter(offers_guided=False).exists()
    assert len(set(synthetic().values_list("cost", flat=True))) > 2
    assert synthetic().filter(languages__code="en").exists()
    assert len(set(QualityAssessment.objects.values_list("verdict", flat=True))) == 4
    for programme in synthetic()[:20]:
        assert programme.themes.exists() and programme.languages.filter(code="nl").exists()
        delivery = [programme.offers_self_help, programme.offers_guided, programme.offers_blended]
        # Known delivery offers at least one way; unknown delivery is unknown throughout.
        assert any(delivery) or delivery == [None, None, None]


def test_a_share_of_the_facts_is_unknown_as_in_the_real_catalogue(lookups):
    generate("--programmes", "200", "--seed", "7")
    for fact in ["anonymous_use", "on_web", "on_ios", "on_android", "his_feedback", "available_after_treatment"]:
        unknown = synthetic().filter(**{f"{fact}__isnull": True}).count()
        assert 10 < unknown < 80, fact
        assert synthetic().filter(**{fact: True}).exists() and synthetic().filter(**{fact: False}).exists(), fact
    for fact in ["cost", "reading_level", "approach"]:
        assert synthetic().filter(**{fact: "unknown"}).exists(), fact
    assert (
        synthetic().filter(status="draft", offers_guided__isnull=True).exists()
        or synthetic().filter(status__in=["draft", "review", "archived"], suits_mild__isnull=True).exists()
    )


def test_public_programmes_have_what_the_publish_gate_needs(lookups):
    generate("--programmes", "200", "--seed", "7")
    public = synthetic().filter(status__in=["published", "withdrawn"])
    assert not public.filter(offers_self_help__isnull=True).exists()
    assert not public.filter(suits_mild__isnull=True).exists()
    for programme in public:
        assert programme.offers_self_help or programme.offers_guided or programme.offers_blended
        assert programme.suits_mild or programme.suits_moderate
    assert not QualityAssessment.objects.filter(programme__in=public, rationale="").exists()
    withdrawn = synthetic().filter(status="withdrawn")
    assert withdrawn.exists()
    assert not withdrawn.filter(withdrawn_on__isnull=True).exists()
    assert not withdrawn.filter(withdrawn_reason="").exists()


def test_generated_text_says_u_not_je(lookups):
    generate("--programmes", "30", "--seed", "7")
    for summary in synthetic().values_list("summary", flat=True):
        assert " je " not in f" {summary} "


def test_search_finds_generated_dutch_text(lookups):
    generate("--programmes", "100", "--seed", "7")
    assert search_programmes(synthetic(), "somberheid").exists()
    assert search_programmes(synthetic(), "alcoholgebruik").exists()


def test_running_twice_replaces_instead_of_doubling(lookups):
    generate("--programmes", "30")
    generate("--programmes", "30")
    assert synthetic().count() == 30
    assert Provider.objects.filter(slug__startswith="synth-").count() == 40


def test_same_seed_gives_the_same_catalogue(lookups):
    generate("--programmes", "20", "--seed", "3")
    first = list(synthetic().order_by("slug").values_list("name", "status", "cost"))
    generate("--programmes", "20", "--seed", "3")
    assert list(synthetic().order_by("slug").values_list("name", "status", "cost")) == first


def test_clear_removes_synthetic_data_and_leaves_real_programmes_alone(lookups):
    real = factories.programme("Kleurjeleven")
    generate("--programmes", "25")
    output = generate("--clear")
    assert "25" in output
    assert not synthetic().exists()
    assert not Provider.objects.filter(slug__startswith="synth-").exists()
    assert list(Programme.objects.all()) == [real]
    assert real.assessments.count() == 4


def test_dry_run_changes_nothing(lookups):
    generate("--programmes", "10")
    output = generate("--programmes", "50", "--dry-run")
    assert "Would replace" in output
    assert synthetic().count() == 10


def test_refuses_without_lookups():
    with pytest.raises(CommandError, match="catalog_lookups"):
        generate("--programmes", "5")
