"""The practice's reach: which months are open for counts, and started patients per year against the expected number.

The expected numbers come from the population profile and the NEMESIS-3 shares (practices.prevalence); the
starting point (fewer than one in ten) and the target (35%) are the 2014 Trimbos inventory's, dated where shown.
The arithmetic (`reach_rows`) takes plain values and is tested without the database; `yearly_reach` reads what it
needs in a fixed number of queries, whatever the number of months or programmes.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import PrevalenceKey, Programme
from practices.models import MenuItem, PopulationProfile, Practice
from practices.models_reach import AdviceCount, MonthlyReach
from practices.prevalence import REACH_EXPECTED, REACH_TODAY, expected_patients

# The current month and this many before it take counts and corrections; older months are locked.
OPEN_MONTHS_BEFORE = 3
# The roadmap's "Implementatie" check: reach recorded for this many consecutive months.
CONSECUTIVE_MONTHS_NEEDED = 3
START_PERCENT = REACH_TODAY  # "fewer than one in ten" (estimate from 2014)
TARGET_PERCENT = REACH_EXPECTED  # "about one in three" expected in 2014 for five years later


# Months ------------------------------------------------------------------------------------------------------


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def this_month(today: date | None = None) -> date:
    return month_start(today or timezone.localdate())


def open_months(today: date | None = None) -> list[date]:
    """The months that take counts, newest first: this month and the three before it."""
    current = this_month(today)
    return [add_months(current, -offset) for offset in range(OPEN_MONTHS_BEFORE + 1)]


def is_open(month: date, today: date | None = None) -> bool:
    return month_start(month) in open_months(today)


def longest_run(months: Iterable[date]) -> int:
    """The most consecutive calendar months in `months` (duplicates and order do not matter)."""
    indexes = sorted({month.year * 12 + month.month for month in months})
    longest = run = 0
    previous = None
    for index in indexes:
        run = run + 1 if previous is not None and index == previous + 1 else 1
        longest = max(longest, run)
        previous = index
    return longest


def reach_recorded_for_consecutive_months(practice: Practice) -> bool:
    """The roadmap check: counts saved for CONSECUTIVE_MONTHS_NEEDED months in a row (zeros count as recorded)."""
    # Without .order_by() the model's ordering would join the practice and programme only to sort the months.
    months = practice.monthly_reach.values_list("month", flat=True).distinct().order_by()
    return longest_run(months) >= CONSECUTIVE_MONTHS_NEEDED


def reach_recorded_among(practices) -> set[int]:
    """The same check for many practices in one query (the care group's overview asks it of a page of practices)."""
    ids = [getattr(practice, "pk", practice) for practice in practices]
    months_by_practice = defaultdict(set)
    rows = MonthlyReach.objects.filter(practice_id__in=ids).values_list("practice_id", "month").distinct().order_by()
    for practice_id, month in rows:
        months_by_practice[practice_id].add(month)
    return {pid for pid, months in months_by_practice.items() if longest_run(months) >= CONSECUTIVE_MONTHS_NEEDED}


# The monthly form ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReachLine:
    """One programme on the month's form: what is saved, and the keuzehulp's count as the suggested 'offered'."""

    programme: Programme
    saved: MonthlyReach | None
    advice_sheets: int


def month_lines(practice: Practice, month: date) -> list[ReachLine]:
    """The programmes on the menu (and any counted this month that has left it since), in three queries."""
    programmes = [item.programme for item in practice.menu_items.select_related("programme").order_by("position")]
    saved = {
        row.programme_id: row
        for row in MonthlyReach.objects.filter(practice=practice, month=month).select_related("programme")
    }
    for row in saved.values():
        if row.programme not in programmes:
            programmes.append(row.programme)
    advice = dict(
        AdviceCount.objects.filter(practice=practice, month=month).values_list("programme_id", "count"),
    )
    return [ReachLine(programme, saved.get(programme.pk), advice.get(programme.pk, 0)) for programme in programmes]


# The yearly figures --------------------------------------------------------------------------------------------


def _share(started: int, expected: int | None) -> Decimal | None:
    if not expected:
        return None
    return (Decimal(100) * started / expected).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ReachRow:
    """A theme, a programme or the total: started per month of the year against the expected patients a year."""

    kind: str  # "total", "theme" or "programme"
    label: str
    per_month: tuple[int, ...]  # started, January to December
    expected: int | None  # None: not a problem the population figures count

    @property
    def started(self) -> int:
        return sum(self.per_month)

    @property
    def share(self) -> Decimal | None:
        return _share(self.started, self.expected)

    @property
    def cumulative_shares(self) -> tuple[Decimal | None, ...]:
        """The share reached by the end of each month: the line on the chart that should climb towards 35%."""
        total = 0
        shares = []
        for started in self.per_month:
            total += started
            shares.append(_share(total, self.expected))
        return tuple(shares)

    @property
    def meets_start(self) -> bool:
        return self.share is not None and self.share >= START_PERCENT

    @property
    def meets_target(self) -> bool:
        return self.share is not None and self.share >= TARGET_PERCENT


def reach_rows(
    *,
    started: Mapping[tuple[int, int], int],
    programmes: Mapping[int, str],
    programme_keys: Mapping[int, Iterable[str]],
    expected: Mapping[str, int],
) -> list[ReachRow]:
    """Total, per theme and per programme, from started counts keyed (programme id, month number 1–12).

    A programme that addresses more than one counted problem counts in each of those themes, and its own share is
    taken of the patients expected with any of them (added up: somebody with both is counted twice, so the share
    is on the low side). The total counts every start of a programme for a counted problem once, against all
    three expected numbers together. A programme for something the figures do not count has no share.
    """
    per_programme = {pk: tuple(started.get((pk, month), 0) for month in range(1, 13)) for pk in programmes}
    keys = {pk: sorted(set(programme_keys.get(pk, ()))) for pk in programmes}
    rows = []
    counted = [pk for pk in programmes if keys[pk]]
    rows.append(
        ReachRow(
            "total",
            str(_("All three problems")),
            _add(per_programme[pk] for pk in counted),
            sum(expected.values()) or None,
        )
    )
    for key in PrevalenceKey:
        if key.value not in expected:
            continue
        rows.append(
            ReachRow(
                "theme",
                str(key.label),
                _add(per_programme[pk] for pk in programmes if key.value in keys[pk]),
                expected[key.value],
            )
        )
    for pk, name in sorted(programmes.items(), key=lambda item: item[1].casefold()):
        addressed = [expected[key] for key in keys[pk] if key in expected]
        rows.append(ReachRow("programme", name, per_programme[pk], sum(addressed) if addressed else None))
    return rows


def _add(series: Iterable[tuple[int, ...]]) -> tuple[int, ...]:
    totals = [0] * 12
    for months in series:
        for index, value in enumerate(months):
            totals[index] += value
    return tuple(totals)


@dataclass(frozen=True)
class YearlyReach:
    year: int
    rows: tuple[ReachRow, ...]
    months_recorded: tuple[int, ...]  # month numbers with counts
    has_population: bool
    adults: int | None
    start_percent: Decimal = START_PERCENT
    target_percent: Decimal = TARGET_PERCENT

    @property
    def total(self) -> ReachRow:
        return self.rows[0]

    @property
    def themes(self) -> tuple[ReachRow, ...]:
        return tuple(row for row in self.rows if row.kind == "theme")

    @property
    def programmes(self) -> tuple[ReachRow, ...]:
        return tuple(row for row in self.rows if row.kind == "programme")


def yearly_reach(practice: Practice, year: int) -> YearlyReach:
    """Started patients in `year` against the patients expected in a year, per theme and per programme.

    Four queries whatever the number of months or programmes: the population, the menu, the year's counts, and
    which counted problem each programme addresses.
    """
    profile = PopulationProfile.objects.filter(practice=practice).first()
    adults = profile.adults_18_64 if profile is not None else None
    expected = {estimate.prevalence.key: estimate.patients for estimate in expected_patients(adults)} if profile else {}
    programmes = dict(
        MenuItem.objects.filter(practice=practice).values_list("programme_id", "programme__name"),
    )
    started: dict[tuple[int, int], int] = defaultdict(int)
    months = set()
    for programme_id, name, month, count in MonthlyReach.objects.filter(
        practice=practice, month__year=year
    ).values_list("programme_id", "programme__name", "month", "started"):
        programmes.setdefault(programme_id, name)
        started[(programme_id, month.month)] += count
        months.add(month.month)
    programme_keys: dict[int, set[str]] = defaultdict(set)
    for programme_id, key in (
        Programme.themes.through.objects.filter(programme_id__in=list(programmes))
        .exclude(theme__prevalence_key="")
        .values_list("programme_id", "theme__prevalence_key")
    ):
        programme_keys[programme_id].add(key)
    rows = reach_rows(started=started, programmes=programmes, programme_keys=programme_keys, expected=expected)
    return YearlyReach(
        year=year,
        rows=tuple(rows),
        months_recorded=tuple(sorted(months)),
        has_population=profile is not None,
        adults=adults,
    )


def reach_years(practice: Practice, today: date | None = None) -> list[int]:
    """The years with counts, and always this year, newest first (the dashboard's year choice)."""
    years = {date_.year for date_ in practice.monthly_reach.dates("month", "year")}
    years.add((today or timezone.localdate()).year)
    return sorted(years, reverse=True)


# Above the single practice -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeReach:
    """One practice's year for the care group: started patients (for a counted problem) against the expected."""

    started: int
    expected: int | None
    months_recorded: int

    @property
    def share(self) -> Decimal | None:
        """Only from 5 started patients on: a share of a handful would give the handful away (small_numbers)."""
        if self.started < SHARE_FROM_STARTED:
            return None
        return _share(self.started, self.expected)

    @property
    def meets_target(self) -> bool:
        return self.share is not None and self.share >= TARGET_PERCENT


# Every view above one practice shows counts below 5 as "< 5" (practices.small_numbers); a share would undo that.
SHARE_FROM_STARTED = 5


def _expected_total(adults: int | None) -> int | None:
    return sum(estimate.patients for estimate in expected_patients(adults)) or None


def reach_facts_among(
    practices, year: int, adults: Mapping[int, int | None] | None = None
) -> tuple[dict[int, PracticeReach], set[int]]:
    """For many practices in one query: per practice id the year's reach (as `reach_among`), and the ids of those
    whose counts cover CONSECUTIVE_MONTHS_NEEDED months in a row (as `reach_recorded_among`).

    One row per practice and month holds both: the month for the roadmap check (any programme), and the started
    patients of the programmes for a counted problem. `adults` (practice id: adults 18-64, absent without a
    population profile) saves the profiles' query when the caller has them already.
    """
    ids = [practice.pk for practice in practices]
    if adults is None:
        profiles = PopulationProfile.objects.filter(practice_id__in=ids)
        adults = {profile.practice_id: profile.adults_18_64 for profile in profiles}
    counted = Q(programme_id__in=Programme.objects.filter(themes__prevalence_key__gt="").values("pk"))
    # The sum is NULL for a month without a counted programme's row (a saved zero stays 0): that month does not
    # count as recorded for the reach, as in `reach_among`, but it does for the roadmap's check.
    rows = (
        MonthlyReach.objects.filter(practice_id__in=ids)
        .values_list("practice_id", "month")
        .annotate(started=Sum("started", filter=counted))
        .order_by()
    )
    months_by_practice: dict[int, set[date]] = defaultdict(set)
    started: dict[int, int] = defaultdict(int)
    months_counted: dict[int, int] = defaultdict(int)
    for practice_id, month, month_started in rows:
        months_by_practice[practice_id].add(month)
        if month_started is not None and month.year == year:
            started[practice_id] += month_started
            months_counted[practice_id] += 1
    reach = {
        practice_id: PracticeReach(
            started=started[practice_id],
            expected=_expected_total(adults[practice_id]) if practice_id in adults else None,
            months_recorded=months_counted[practice_id],
        )
        for practice_id in ids
    }
    recorded = {pid for pid, months in months_by_practice.items() if longest_run(months) >= CONSECUTIVE_MONTHS_NEEDED}
    return reach, recorded


def reach_among(practices, year: int) -> dict[int, PracticeReach]:
    """Per practice id, the year's started patients against the expected ones, in two queries for any number of
    practices (the care group's overview). Counts the same starts as the total on the practice's own dashboard."""
    practices = list(practices)
    ids = [practice.pk for practice in practices]
    adults = dict(
        (profile.practice_id, profile.adults_18_64) for profile in PopulationProfile.objects.filter(practice_id__in=ids)
    )
    counted = Programme.objects.filter(themes__prevalence_key__gt="").values("pk")
    totals = {
        row["practice_id"]: row
        for row in MonthlyReach.objects.filter(practice_id__in=ids, month__year=year)
        .filter(programme_id__in=counted)
        .values("practice_id")
        .annotate(started_total=Sum("started"), months=Count("month", distinct=True))
        .order_by()
    }
    result = {}
    for practice_id in ids:
        row = totals.get(practice_id, {})
        expected = (
            sum(estimate.patients for estimate in expected_patients(adults[practice_id])) or None
            if practice_id in adults
            else None
        )
        result[practice_id] = PracticeReach(
            started=row.get("started_total") or 0, expected=expected, months_recorded=row.get("months", 0)
        )
    return result
