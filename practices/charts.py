"""Geometry for the server-side SVG bar chart of expected and reached patients (no chart library needed)."""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practices.prevalence import REACH_EXPECTED, REACH_TODAY, REACH_YEAR, Estimate

WIDTH = 640
LABEL_SPACE = 190  # room to the right of the longest bar for its text
BAR_HEIGHT = 22
BAR_GAP = 6
GROUP_TITLE = 28
GROUP_GAP = 18
TOP = 8


@dataclass(frozen=True)
class Bar:
    kind: str  # css class suffix: patients, expected, today
    text: str
    y: int
    width: int
    text_x: int
    text_y: int


@dataclass(frozen=True)
class Group:
    title: str
    title_y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    groups: tuple[Group, ...]
    bar_height: int = BAR_HEIGHT


def bar_chart(estimates: list[Estimate]) -> Chart:
    """One group of three horizontal bars per problem, all on one scale; every bar says its own number."""
    largest = max((estimate.patients for estimate in estimates), default=0) or 1
    scale = (WIDTH - LABEL_SPACE) / largest
    y = TOP
    groups = []
    for estimate in estimates:
        title_y = y + 18
        y += GROUP_TITLE
        bars = []
        for kind, value, text in (
            ("patients", estimate.patients, format_lazy(_("{n} expected per year"), n=estimate.patients)),
            (
                "expected",
                estimate.reached_expected,
                format_lazy(_("{n} reached at {p}%"), n=estimate.reached_expected, p=REACH_EXPECTED),
            ),
            (
                "today",
                estimate.reached_today,
                format_lazy(
                    _("{n} reached at {p}% (estimate from {year})"),
                    n=estimate.reached_today,
                    p=REACH_TODAY,
                    year=REACH_YEAR,
                ),
            ),
        ):
            # A bar of zero stays visible as a sliver so the row does not look like a rendering error.
            width = max(2, round(value * scale))
            bars.append(Bar(kind, str(text), y, width, width + 8, y + BAR_HEIGHT - 6))
            y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(str(estimate.prevalence.label), title_y, tuple(bars)))
        y += GROUP_GAP
    return Chart(WIDTH, y, tuple(groups))
