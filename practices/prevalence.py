"""Expected numbers of adult patients with common mental health problems, from Dutch population figures."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from catalog.models import PrevalenceKey

# The years the prevalence figures were measured (first wave of NEMESIS-3, interviews November 2019 to March 2022)
# and the year they were published.
MEASURED = "2019–2022"
PUBLISHED = 2023
SOURCE = f"ten Have et al., NEMESIS-3 ({MEASURED}, {PUBLISHED}), Trimbos-instituut"
SOURCE_DETAIL = (
    "M. ten Have, M. Tuithof, S. van Dorsselaer, F. Schouten, A.I. Luik, R. de Graaf. Prevalence and trends of "
    "common mental disorders from 2007-2009 to 2019-2022: results from the Netherlands Mental Health Survey and "
    "Incidence Studies (NEMESIS), including comparison of prevalence rates before vs. during the COVID-19 pandemic. "
    "World Psychiatry 2023;22(2):275-285. doi:10.1002/wps.21087. Het cijfer voor een stoornis in het alcoholgebruik "
    "(5,4%) uit dezelfde meting staat op VZinfo.nl (RIVM), Alcoholstoornis: leeftijd en geslacht."
)
SOURCE_URL = "https://pmc.ncbi.nlm.nih.gov/articles/PMC10168151"
# NEMESIS-3 interviewed adults aged 18 to 75 (NEMESIS-2, the previous source, 18 to 64). The practice profile
# counts its adults aged 18 to 64 (`PopulationProfile.adults_18_64`): the rates of 18–75-year-olds are applied to
# them, so the practice's patients of 65 and over are not counted, and children never are.
AGE_RANGE = "18–75"
PATIENT_AGE_RANGE = "18–64"


@dataclass(frozen=True)
class Prevalence:
    key: str  # a PrevalenceKey: the catalogue themes with this `prevalence_key` address it (curators set it)
    percent: Decimal  # share of adults (AGE_RANGE) with the disorder (DSM-5) in the past 12 months
    basis: str
    measured: str = MEASURED  # each figure keeps its own year and source
    source_url: str = SOURCE_URL

    @property
    def label(self) -> str:
        return PrevalenceKey(self.key).label


# 12-month prevalence of DSM-5 disorders among adults aged 18–75 in NEMESIS-3 (2019–2022), as published.
# - Mood and anxiety disorders: 9.8% and 15.2% (ten Have et al. 2023, abstract; PMC page above). NEMESIS-2
#   (2007–2009, 18–64) had 6.1% and 10.1%.
# - Alcohol: the article's abstract gives 7.1% for all substance use disorders (alcohol or drugs). The figure for
#   alcohol alone, 5.4% (about 683,600 adults), is on VZinfo (RIVM), which cites the same article; the Trimbos
#   page "Cijfers stoornis in het alcoholgebruik" says "ruim 5%". NEMESIS-2 had 4.4% for DSM-IV alcohol abuse
#   (about 3.7%) plus dependence (about 0.7%), a different definition.
# No NEMESIS-2 figure is kept: NEMESIS-3 publishes all three.
PREVALENCE_12_MONTH = (
    Prevalence(PrevalenceKey.DEPRESSION, Decimal("9.8"), _("mood disorders")),
    Prevalence(PrevalenceKey.ANXIETY, Decimal("15.2"), _("anxiety disorders")),
    Prevalence(
        PrevalenceKey.ALCOHOL,
        Decimal("5.4"),
        _("alcohol use disorder"),
        source_url="https://www.vzinfo.nl/alcoholstoornis/leeftijd-en-geslacht",
    ),
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
    patients: int  # expected patients aged 18–64 (PATIENT_AGE_RANGE) with this problem in a year
    reached_today: int  # of whom offered online help at the (at most) 10% estimated in 2014
    reached_expected: int  # at the 35% professionals expected in 2014 for five years later


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def expected_patients(adults: int, figures=PREVALENCE_12_MONTH) -> list[Estimate]:
    """For a number of adult patients (18–64): how many are expected per problem, and how many are reached.

    The rates are those of Dutch adults aged 18–75 (NEMESIS-3); the practice counts its patients aged 18–64.

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
