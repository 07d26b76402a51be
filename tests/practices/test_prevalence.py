"""Prevalence arithmetic and the chart geometry: pure functions, no database."""

from decimal import Decimal

import pytest

from practices.charts import WIDTH, bar_chart
from practices.prevalence import (
    AGE_RANGE,
    MEASURED,
    PATIENT_AGE_RANGE,
    PREVALENCE_12_MONTH,
    REACH_EXPECTED,
    REACH_SOURCE,
    REACH_TODAY,
    REACH_YEAR,
    SOURCE,
    SOURCE_DETAIL,
    SOURCE_URL,
    expected_patients,
)


def _by_key(estimates):
    return {estimate.prevalence.key: estimate for estimate in estimates}


def test_figures_are_the_cited_nemesis_3_twelve_month_rates():
    # ten Have et al., World Psychiatry 2023 (NEMESIS-3, 2019–2022): mood 9.8%, anxiety 15.2%; alcohol use
    # disorder 5.4% as VZinfo (RIVM) reports it from the same study.
    assert {figure.key: figure.percent for figure in PREVALENCE_12_MONTH} == {
        "depression": Decimal("9.8"),
        "anxiety": Decimal("15.2"),
        "alcohol": Decimal("5.4"),
    }
    assert "NEMESIS-3" in SOURCE and "ten Have" in SOURCE and "Trimbos" in SOURCE
    assert "World Psychiatry 2023" in SOURCE_DETAIL and "10.1002/wps.21087" in SOURCE_DETAIL
    assert (REACH_TODAY, REACH_EXPECTED) == (Decimal("10"), Decimal("35"))


def test_the_age_ranges_of_the_figures_and_of_the_patients_they_are_applied_to():
    # NEMESIS-3 measured adults aged 18–75; the practice profile counts its patients aged 18–64.
    assert (AGE_RANGE, PATIENT_AGE_RANGE) == ("18–75", "18–64")


def test_every_figure_records_its_year_and_source():
    assert MEASURED == "2019–2022" and MEASURED in SOURCE and "2023" in SOURCE
    for figure in PREVALENCE_12_MONTH:
        assert figure.measured == MEASURED and figure.source_url.startswith("https://")
    by_key = {figure.key: figure for figure in PREVALENCE_12_MONTH}
    assert by_key["depression"].source_url == by_key["anxiety"].source_url == SOURCE_URL
    assert "vzinfo.nl" in by_key["alcohol"].source_url and "VZinfo" in SOURCE_DETAIL
    assert REACH_YEAR == 2014
    assert "Trimbos" in REACH_SOURCE and "Inventarisatie" in REACH_SOURCE and str(REACH_YEAR) in REACH_SOURCE


def test_expected_patients_for_a_thousand_adults():
    estimates = _by_key(expected_patients(1000))
    assert estimates["depression"].patients == 98
    assert estimates["anxiety"].patients == 152
    assert estimates["alcohol"].patients == 54


def test_reach_is_taken_from_the_unrounded_number_of_patients():
    depression = _by_key(expected_patients(1000))["depression"]
    # 98.0 patients: 10% is 9.8 -> 10; 35% is 34.3 -> 34.
    assert (depression.reached_today, depression.reached_expected) == (10, 34)
    anxiety = _by_key(expected_patients(1000))["anxiety"]
    # 152.0 patients: 15.2 -> 15; 53.2 -> 53.
    assert (anxiety.reached_today, anxiety.reached_expected) == (15, 53)
    # 250 adults: 24.5 depression patients -> 25, but reach is taken from 24.5: 2.45 -> 2 and 8.575 -> 9.
    depression = _by_key(expected_patients(250))["depression"]
    assert (depression.patients, depression.reached_today, depression.reached_expected) == (25, 2, 9)


def test_halves_round_up():
    # 250 adults x 9.8% = 24.5 depression patients -> 25; x 5.4% = 13.5 alcohol patients -> 14.
    estimates = _by_key(expected_patients(250))
    assert (estimates["depression"].patients, estimates["alcohol"].patients) == (25, 14)
    # 50 adults x 15.2% = 7.6 anxiety patients -> 8; 7.6 x 35% = 2.66 -> 3.
    anxiety = _by_key(expected_patients(50))["anxiety"]
    assert (anxiety.patients, anxiety.reached_expected) == (8, 3)


def test_no_adults_means_no_patients():
    assert all(estimate.patients == 0 and estimate.reached_expected == 0 for estimate in expected_patients(0))


def test_negative_adults_are_refused():
    with pytest.raises(ValueError):
        expected_patients(-1)


def test_estimates_keep_the_order_of_the_figures():
    assert [estimate.prevalence.key for estimate in expected_patients(10)] == [
        "depression",
        "anxiety",
        "alcohol",
    ]


def test_chart_draws_three_bars_per_problem_on_one_scale():
    chart = bar_chart(expected_patients(2000))
    assert len(chart.groups) == 3
    assert all(len(group.bars) == 3 for group in chart.groups)
    widths = {group.title: [bar.width for bar in group.bars] for group in chart.groups}
    # All bars share one scale, so the largest (anxiety) is longest and nothing runs off the drawing.
    assert max(max(values) for values in widths.values()) <= WIDTH
    anxiety = next(group for group in chart.groups if "nxiety" in group.title or "ngst" in group.title)
    patients, expected, today = (bar.width for bar in anxiety.bars)
    assert patients > expected > today > 0
    # Bars do not overlap vertically and the chart is tall enough for all of them.
    ys = [bar.y for group in chart.groups for bar in group.bars]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert chart.height > ys[-1]


def test_every_bar_states_its_own_number():
    chart = bar_chart(expected_patients(1000))
    texts = [bar.text for group in chart.groups for bar in group.bars]
    assert texts[0].startswith("98 ") and texts[1].startswith("34 ") and texts[2].startswith("10 ")


def test_chart_of_zero_patients_still_draws_visible_bars():
    chart = bar_chart(expected_patients(0))
    assert all(bar.width >= 2 for group in chart.groups for bar in group.bars)
