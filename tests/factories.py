"""Small builders for test data: sensible defaults, every field overridable."""

import itertools

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from catalog.models import (
    Criterion,
    IcpcCode,
    Language,
    Programme,
    Provider,
    QualityAssessment,
    TargetGroup,
    Theme,
    Therapy,
    Verdict,
)

_sequence = itertools.count(1)


def _lookup(model, name, **extra):
    obj, _ = model.objects.get_or_create(slug=slugify(name), defaults={"name": name, **extra})
    return obj


def theme(name="Depressieve klachten", **extra):
    """extra: what the rules read, e.g. prevalence_key="depression"."""
    return _lookup(Theme, name, **extra)


def target_group(name="Volwassenen", **extra):
    """extra: what the rules read, e.g. age_band="youth", low_literacy=True."""
    return _lookup(TargetGroup, name, **extra)


def language(name="Nederlands", code="nl", **extra):
    """As fixtures/catalog_lookups.json has it, Dutch is the home language unless `is_home_language` says otherwise."""
    extra.setdefault("is_home_language", code == "nl")
    obj, _ = Language.objects.get_or_create(code=code, defaults={"name": name, "slug": slugify(name), **extra})
    return obj


def therapy(name="Cognitieve gedragstherapie"):
    return _lookup(Therapy, name)


def icpc(code="P76", title="Depressie"):
    obj, _ = IcpcCode.objects.get_or_create(code=code, defaults={"title": title})
    return obj


def provider(name=None, **fields):
    name = name or f"Aanbieder {next(_sequence)}"
    obj, _ = Provider.objects.get_or_create(slug=slugify(name), defaults={"name": name, **fields})
    return obj


KNOWN_FACTS = {
    "offers_self_help": True,
    "offers_guided": False,
    "offers_blended": False,
    "anonymous_use": False,
    "on_web": True,
    "on_ios": False,
    "on_android": False,
    "suits_mild": True,
    "suits_moderate": False,
    "his_feedback": False,
    "available_after_treatment": False,
    "reading_level": Programme.ReadingLevel.B1,
    "approach": Programme.Approach.COMPLAINT,
    "cost": Programme.Cost.FREE,
    # Passes catalog.readability, so a test programme can be published unless a test says otherwise.
    "patient_text": (
        "Dit is een cursus op internet. U doet de cursus thuis, op uw eigen tijd. Er zijn vijf lessen. "
        "U leert wat u kunt doen als u zich somber voelt. Vraag de praktijk wat het kost."
    ),
}


def programme(
    name=None,
    *,
    themes=None,
    target_groups=None,
    languages=None,
    therapies=None,
    icpc_codes=None,
    verdicts=None,
    status=Programme.Status.PUBLISHED,
    **fields,
):
    """A programme with its many-to-many data; `verdicts` maps Criterion -> Verdict (others stay unknown)."""
    name = name or f"Programma {next(_sequence)}"
    fields.setdefault("provider", provider())
    fields.setdefault("summary", f"Korte samenvatting van {name}.")
    # A fully known programme by default (the first version's defaults, now stated on purpose); a test about
    # unknown facts passes None (or "unknown") explicitly.
    for fact, value in KNOWN_FACTS.items():
        fields.setdefault(fact, value)
    obj = Programme.objects.create(name=name, slug=fields.pop("slug", slugify(name)), status=status, **fields)
    obj.themes.set(themes if themes is not None else [theme()])
    obj.target_groups.set(target_groups if target_groups is not None else [target_group()])
    obj.languages.set(languages if languages is not None else [language()])
    obj.therapies.set(therapies or [])
    obj.icpc_codes.set(icpc_codes or [])
    verdicts = verdicts or {}
    QualityAssessment.objects.bulk_create(
        QualityAssessment(programme=obj, criterion=criterion, verdict=verdicts.get(criterion, Verdict.UNKNOWN))
        for criterion in Criterion.values
    )
    return obj


def user(username=None, password="toolkit-demo", **fields):
    username = username or f"gebruiker{next(_sequence)}"
    return get_user_model().objects.create_user(username=username, password=password, **fields)
