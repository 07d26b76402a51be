"""Expected numbers of adult patients with common mental health problems, from Dutch population figures."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from catalog.models import PrevalenceKey

# The year the prevalence figures were measured (NEMESIS-2 interviews) and the year they were published.
MEASURED = "2007–2009"
PUBLISHED = 2012
SOURCE = f"de Graaf et al., NEMESIS-2 ({MEASURED}, {PUBLISHED}), Trimbos-instituut"
SOURCE_DETAIL = (
    "R. de Graaf, M. ten Have, C. van Gool, S. van Dorsselaer. Prevalentie van psychische aandoeningen en "
    "trends van 1996 tot 2009; resultaten van NEMESIS-2. Tijdschrift voor Psychiatrie 2012;54(1):27-38."
)
SOURCE_URL = "https://www.tijdschriftvoorpsychiatrie.nl/en/issues/449/articles/9311"
# NEMESIS-2 interviewed adults aged 18 to 64; the figures say nothing about children or people over 65.
AGE_RANGE = "18–64"


@dataclass(frozen=True)
class Prevalence:
    key: str  # a PrevalenceKey: the catalogue themes with this `prevalence_key` address it (curators set it)
    percent: Decimal  # share of adults 18–64 with the disorder in the past 12 months
    basis: str

    @property
    def label(self) -> str:
        return PrevalenceKey(self.key).label


# 12-month prevalence among adults aged 18–64 in NEMESIS-2 (2007–2009), rounded as published. A curator who
# wants newer figures (NEMESIS-3, 18–75) changes them here and the SOURCE lines above; nothing else.
PREVALENCE_12_MONTH = (
    Prevalence(PrevalenceKey.DEPRESSION, Decimal("6.1"), _("mood disorders")),
    Prevalence(PrevalenceKey.ANXIETY, Decimal("10.1"), _("anxiety disorders")),
    # Alcohol abuse (about 3.7%) plus alcohol dependence (about 0.7%).
    Prevalence(PrevalenceKey.ALCOHOL, Decimal("4.4"), _("alcohol abuse or dependence")),
)

# The Trimbos inventory (September to December 2014, for the ministry of VWS; one of the two seed documents,
# also catalogue Source 1): the GPs and POH-ggz it spoke to estimated that fewer than one in ten patients in
# primary care was then offered e-mental health, and expected about 35 percent five years later. An estimate
# from 2014, not a measurement of today: every page that shows these numbers names the year and this source.
REACH_YEAR = 2014
REACH_SOURCE = (
    "Trimbos-instituut (in opdracht van VWS), Inventarisatie: wat heeft de eerste lijn nodig voor "
    "ggz-behandeling met online zelfhulp (2014)"
)
REACH_TODAY = Decimal("10")  # "fewer than one in ten" in 2014; the name is historic
REACH_EXPECTED = Decimal("35")


@dataclass(frozen=True)
class Estimate:
    prevalence: Prevalence
    patients: int  # expected adults 18–64 with this problem in a year
    reached_today: int  # of whom offered online help at the (at most) 10% estimated in 2014
    reached_expected: int  # at the 35% professionals expected in 2014 for five years later


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def expected_patients(adults: int, figures=PREVALENCE_12_MONTH) -> list[Estimate]:
    """For a number of adult patients (18–64): how many are expected per problem, and how many are reached.

    These are population averages: a practice in a deprived area will see more, one in a wealthy suburb fewer.
    Complaints are broader than the diagnosed disorders these figures count, so the numbers are a lower bound.
    """
    if adults < 0:
        raise ValueError("The number of adults cannot be negative.")
    estimates = []
    for figure in figures:
        patients = Decimal(adults) * figure.percent / 100
        estimates.append(
            Estimate(
                prevalence=figure,
                patients=_whole(patients),
                reached_today=_whole(patients * REACH_TODAY / 100),
                reached_expected=_whole(patients * REACH_EXPECTED / 100),
            )
        )
    return estimates
