"""Prevalence arithmetic and the chart geometry: pure functions, no database."""

from decimal import Decimal

import pytest

from practices.charts import WIDTH, bar_chart
from practices.prevalence import (
    MEASURED,
    PREVALENCE_12_MONTH,
    REACH_EXPECTED,
    REACH_SOURCE,
    REACH_TODAY,
    REACH_YEAR,
    SOURCE,
    expected_patients,
)


def _by_key(estimates):
    return {estimate.prevalence.key: estimate for estimate in estimates}


def test_figures_are_the_cited_nemesis_2_twelve_month_rates():
    assert {figure.key: figure.percent for figure in PREVALENCE_12_MONTH} == {
        "depression": Decimal("6.1"),
        "anxiety": Decimal("10.1"),
        "alcohol": Decimal("4.4"),
    }
    assert "NEMESIS-2" in SOURCE and "de Graaf" in SOURCE and "Trimbos" in SOURCE
    assert (REACH_TODAY, REACH_EXPECTED) == (Decimal("10"), Decimal("35"))


def test_every_figure_records_its_year_and_source():
    assert MEASURED == "2007–2009" and MEASURED in SOURCE and "2012" in SOURCE
    assert REACH_YEAR == 2014
    assert "Trimbos" in REACH_SOURCE and "Inventarisatie" in REACH_SOURCE and str(REACH_YEAR) in REACH_SOURCE


def test_expected_patients_for_a_thousand_adults():
    estimates = _by_key(expected_patients(1000))
    assert estimates["depression"].patients == 61
    assert estimates["anxiety"].patients == 101
    assert estimates["alcohol"].patients == 44


def test_reach_is_taken_from_the_unrounded_number_of_patients():
    depression = _by_key(expected_patients(1000))["depression"]
    # 61.0 patients: 10% is 6.1 -> 6; 35% is 21.35 -> 21.
    assert (depression.reached_today, depression.reached_expected) == (6, 21)
    anxiety = _by_key(expected_patients(1000))["anxiety"]
    # 101.0 patients: 10.1 -> 10; 35.35 -> 35.
    assert (anxiety.reached_today, anxiety.reached_expected) == (10, 35)


def test_halves_round_up():
    # 50 adults x 10.1% = 5.05 anxiety patients -> 5; 5.05 x 35% = 1.7675 -> 2.
    anxiety = _by_key(expected_patients(50))["anxiety"]
    assert (anxiety.patients, anxiety.reached_expected) == (5, 2)
    # 500 adults x 6.1% = 30.5 -> 31.
    assert _by_key(expected_patients(500))["depression"].patients == 31


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
    assert texts[0].startswith("61 ") and texts[1].startswith("21 ") and texts[2].startswith("6 ")


def test_chart_of_zero_patients_still_draws_visible_bars():
    chart = bar_chart(expected_patients(0))
    assert all(bar.width >= 2 for group in chart.groups for bar in group.bars)
