"""A large synthetic catalogue for benchmarks: thousands of plausible programmes, removable in one go.

Everything made here has a slug starting with SLUG_PREFIX and a name starting with NAME_PREFIX, so it is easy
to recognise and `synthetic_catalog_clear()` removes exactly that. Rows are bulk-inserted, so they have no
history records. They use the lookups (themes, languages, …) that exist, e.g. from catalog_lookups.json.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from catalog.models import (
    ChecklistAnswer,
    Criterion,
    IcpcCode,
    Language,
    Programme,
    Provider,
    QualityAssessment,
    Resource,
    Study,
    TargetGroup,
    Theme,
    Therapy,
    Verdict,
)
from catalog.overview_cache import bump_catalogue_revision
from catalog.services import REVIEW_MONTHS, add_months

SLUG_PREFIX = "synth-"
NAME_PREFIX = "Synth: "
PROVIDER_COUNT = 40
BATCH_SIZE = 1000

# Words per theme (by slug, or by a word in the theme's name) so full-text search has something real to find.
THEME_WORDS = {
    "depressie": ("somberheid", "depressieve klachten", "stemming", "piekeren", "activiteiten plannen"),
    "angst": ("angstklachten", "zorgen", "spanning", "vermijding", "ontspanning"),
    "paniek": ("paniekaanvallen", "hartkloppingen", "ademhaling", "angst voor angst", "blootstelling"),
    "alcohol": ("alcoholgebruik", "minder drinken", "drinkdagboek", "terugval", "trek"),
    "burn-out": ("stress", "overspannenheid", "werkdruk", "herstel", "grenzen stellen"),
    "rouw": ("verlies", "rouwverwerking", "gemis", "herinneringen", "afscheid"),
    "slaap": ("slaapproblemen", "slapeloosheid", "slaapritme", "piekeren in bed", "slaaphygiëne"),
    "mentale-fitheid": ("veerkracht", "mentale fitheid", "positieve emoties", "sterke kanten", "zingeving"),
}
GENERIC_WORDS = ("klachten", "welbevinden", "zelfhulp", "oefeningen", "inzicht")
TITLE_STARTS = ("Grip op", "Aan de slag met", "Werken aan", "Minder last van", "Sterker na", "Hulp bij")
SENTENCES = (
    "Deelnemers leren {a} herkennen en krijgen oefeningen om ermee om te gaan.",
    "Elke les duurt ongeveer een half uur en sluit af met een opdracht over {b}.",
    "De behandeling volgt een vaste opbouw; de POH-ggz kan meekijken en feedback geven.",
    "In korte filmpjes vertellen ervaringsdeskundigen hoe zij met {a} omgingen.",
    "Het programma past binnen de behandelingen die de huisarts bij {c} kan aanbieden.",
    "Een dagboek helpt om {b} en {c} bij te houden.",
    "Na afloop blijft het materiaal beschikbaar, zodat deelnemers terug kunnen kijken.",
)
# (self-help, guided, blended): every programme whose delivery is known offers at least one way.
DELIVERIES = [(1, 0, 0), (1, 1, 0), (0, 1, 0), (0, 1, 1), (1, 1, 1), (0, 0, 1)]
# (suits mild, suits moderate) when the severity is known.
SEVERITIES = [(1, 0), (1, 1), (0, 1)]
STATUS_WEIGHTS = {"published": 83, "draft": 7, "review": 5, "withdrawn": 2, "archived": 3}
# Unknown is a value (catalog.models.FactField): this share of each yes/no fact is left unknown (None), so the
# benchmarks measure pages, filters and the keuzehulp with unknowns in them, as the real catalogue has.
UNKNOWN_SHARE = 0.2
# The publish gate needs delivery and severity for a public programme; a draft may still miss them.
PUBLIC_STATUSES = {"published", "withdrawn"}
VERDICT_WEIGHTS = {Verdict.MEETS: 25, Verdict.PARTLY: 25, Verdict.DOES_NOT: 10, Verdict.UNKNOWN: 40}


@dataclass
class SyntheticResult:
    programmes: int
    providers: int
    assessments: int


class LookupsMissing(Exception):
    pass


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _words_for(theme):
    for key, words in THEME_WORDS.items():
        if key in theme.slug or key in theme.name.lower():
            return words
    return GENERIC_WORDS


def _description(rng, words):
    picks = {key: rng.choice(words) for key in "abc"}
    return " ".join(sentence.format(**picks) for sentence in rng.sample(SENTENCES, 4))


@transaction.atomic
def synthetic_catalog_clear() -> int:
    """Remove every synthetic programme and provider; returns how many programmes went."""
    programmes = Programme.objects.filter(slug__startswith=SLUG_PREFIX)
    count = programmes.count()
    # Raw deletes skip the per-row signals: the history app would otherwise write a "deleted" record for each
    # of the thousands of rows, which nobody needs for benchmark data (and which made this take minutes).
    for relation in ["themes", "target_groups", "languages", "therapies", "icpc_codes"]:
        through = getattr(Programme, relation).through
        through.objects.filter(programme__slug__startswith=SLUG_PREFIX).delete()
    for queryset in [
        ChecklistAnswer.objects.filter(assessment__programme__slug__startswith=SLUG_PREFIX),
        QualityAssessment.objects.filter(programme__slug__startswith=SLUG_PREFIX),
        Study.objects.filter(programme__slug__startswith=SLUG_PREFIX),
        Resource.objects.filter(programme__slug__startswith=SLUG_PREFIX),
        programmes,
        Provider.objects.filter(slug__startswith=SLUG_PREFIX, programmes__isnull=True),
    ]:
        queryset._raw_delete(queryset.db)
    bump_catalogue_revision()  # the raw deletes sent no signal
    return count


@transaction.atomic
def synthetic_catalog_generate(*, programmes: int, seed: int = 2015) -> SyntheticResult:
    """Replace the synthetic part of the catalogue with `programmes` new ones (same seed, same catalogue)."""
    lookups = _Lookups.load()
    synthetic_catalog_clear()
    rng = random.Random(seed)
    Provider.objects.bulk_create(
        Provider(name=f"{NAME_PREFIX}Aanbieder {n:02}", slug=f"{SLUG_PREFIX}aanbieder-{n:02}")
        for n in range(1, PROVIDER_COUNT + 1)
    )
    providers = list(Provider.objects.filter(slug__startswith=SLUG_PREFIX))

    rows, links = [], []
    for number in range(1, programmes + 1):
        row, row_links = _programme(rng, number, providers, lookups)
        rows.append(row)
        links.append(row_links)
    Programme.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    # Look the new ids up rather than rely on bulk_create returning them (not every backend does).
    ids = dict(Programme.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", "id"))

    for relation, target in RELATIONS:
        through = getattr(Programme, relation).through
        through.objects.bulk_create(
            (
                through(programme_id=ids[row.slug], **{f"{target}_id": item.pk})
                for row, row_links in zip(rows, links, strict=True)
                for item in row_links[relation]
            ),
            batch_size=BATCH_SIZE,
        )

    assessments = [
        _assessment(rng, ids[row.slug], criterion, row.last_reviewed) for row in rows for criterion in Criterion.values
    ]
    QualityAssessment.objects.bulk_create(assessments, batch_size=BATCH_SIZE)
    bump_catalogue_revision()  # bulk_create sends no signal
    return SyntheticResult(programmes=len(rows), providers=len(providers), assessments=len(assessments))


RELATIONS = [
    ("themes", "theme"),
    ("target_groups", "targetgroup"),
    ("languages", "language"),
    ("therapies", "therapy"),
    ("icpc_codes", "icpccode"),
]


@dataclass
class _Lookups:
    themes: list
    target_groups: list
    dutch: Language
    other_languages: list
    therapies: list
    icpc_codes: list

    @classmethod
    def load(cls):
        themes, languages = list(Theme.objects.all()), list(Language.objects.all())
        if not themes or not languages:
            raise LookupsMissing("No themes or languages yet: load fixtures/catalog_lookups.json first.")
        dutch = next((language for language in languages if language.code == "nl"), languages[0])
        return cls(
            themes=themes,
            target_groups=list(TargetGroup.objects.all()),
            dutch=dutch,
            other_languages=[language for language in languages if language != dutch],
            therapies=list(Therapy.objects.all()),
            icpc_codes=list(IcpcCode.objects.all()),
        )


def _some(rng, items, most):
    return rng.sample(items, k=min(len(items), rng.randint(0, most)))


def _fact(rng, chance_yes):
    """A yes/no fact: unknown (None) for UNKNOWN_SHARE of programmes, otherwise yes with `chance_yes`."""
    if rng.random() < UNKNOWN_SHARE:
        return None
    return rng.random() < chance_yes


def _known_or_not(rng, options, *, must_know):
    """One of `options` as booleans, or all unknown (only where the publish gate does not need them)."""
    if not must_know and rng.random() < UNKNOWN_SHARE:
        return (None,) * len(options[0])
    return tuple(bool(value) for value in rng.choice(options))


def _programme(rng, number, providers, lookups):
    """One unsaved programme and the lookups it links to."""
    themes = rng.sample(lookups.themes, k=min(len(lookups.themes), rng.choice([1, 1, 2])))
    words = _words_for(themes[0])
    status = _weighted(rng, STATUS_WEIGHTS)
    public = status in PUBLIC_STATUSES
    self_help, guided, blended = _known_or_not(rng, DELIVERIES, must_know=public)
    suits_mild, suits_moderate = _known_or_not(rng, SEVERITIES, must_know=public)
    reviewed = timezone.localdate() - timedelta(days=rng.randint(0, 730))
    now = timezone.now()
    programme = Programme(
        name=f"{NAME_PREFIX}{rng.choice(TITLE_STARTS)} {rng.choice(words)} {number:05}",
        slug=f"{SLUG_PREFIX}{number:05}",
        provider=rng.choice(providers),
        summary=f"Online programma over {words[0]} en {rng.choice(words)}, in uw eigen tempo.",
        description=_description(rng, words),
        # The choice lists include "unknown", so these are sometimes unknown too.
        reading_level=rng.choice(Programme.ReadingLevel.values),
        offers_self_help=self_help,
        offers_guided=guided,
        offers_blended=blended,
        duration_weeks=rng.choice([None, 4, 5, 6, 8, 10, 12]),
        cost=rng.choice(Programme.Cost.values),
        anonymous_use=_fact(rng, 0.3),
        on_web=_fact(rng, 0.9),
        on_ios=_fact(rng, 0.4),
        on_android=_fact(rng, 0.4),
        approach=rng.choice(Programme.Approach.values),
        suits_mild=suits_mild,
        suits_moderate=suits_moderate,
        his_feedback=_fact(rng, 0.2),
        available_after_treatment=_fact(rng, 0.5),
        medical_device_class=rng.choice(Programme.MedicalDeviceClass.values),
        status=status,
        last_reviewed=reviewed,
        next_review=add_months(reviewed, REVIEW_MONTHS),
        created_at=now,
        updated_at=now,
    )
    if status == "withdrawn":
        programme.withdrawn_on = reviewed
        programme.withdrawn_reason = "De aanbieder biedt dit synthetische programma niet meer aan."
    extra_language = lookups.other_languages and rng.random() < 0.25
    links = {
        "themes": themes,
        "target_groups": _some(rng, lookups.target_groups, 2),
        "languages": [lookups.dutch] + ([rng.choice(lookups.other_languages)] if extra_language else []),
        "therapies": _some(rng, lookups.therapies, 2),
        "icpc_codes": _some(rng, lookups.icpc_codes, 2),
    }
    return programme, links


def _assessment(rng, programme_id, criterion, assessed_on):
    verdict = _weighted(rng, VERDICT_WEIGHTS)
    return QualityAssessment(
        programme_id=programme_id,
        criterion=criterion,
        verdict=verdict,
        rationale=(
            "Hierover vonden we geen openbare bron."
            if verdict == Verdict.UNKNOWN
            else "Synthetische beoordeling voor de benchmark."
        ),
        assessed_on=assessed_on,
    )
