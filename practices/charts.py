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


# The reach chart: the share of expected patients reached so far this year, month by month -------------------

LINE_WIDTH = 640
LINE_HEIGHT = 300
PLOT_LEFT = 44  # room for the percentages on the axis
PLOT_RIGHT = 150  # room for the labels of the 10% and 35% lines
PLOT_TOP = 12
PLOT_BOTTOM = 32  # room for the month names


@dataclass(frozen=True)
class Gridline:
    y: int
    text: str


@dataclass(frozen=True)
class ReferenceLine:
    kind: str  # css class suffix: start, target
    y: int
    text: str


@dataclass(frozen=True)
class Series:
    kind: str  # css class suffix: total, theme-1, theme-2 …
    label: str
    points: str  # the polyline's "x,y x,y …"
    last_x: int
    last_y: int


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    plot_left: int
    plot_right: int  # x where the plot ends
    plot_bottom: int  # y of the zero line
    gridlines: tuple[Gridline, ...]
    references: tuple[ReferenceLine, ...]
    months: tuple[tuple[int, str], ...]  # (x, month name)
    series: tuple[Series, ...]


def reach_line_chart(reach, month_names: list[str]) -> LineChart:
    """Total and each theme as lines of their cumulative share, against the 10% start and the 35% target.

    `reach` is a practices.reach.YearlyReach. The lines run to the last month with counts; a theme the
    population figures cannot give a share for (no population profile yet) has no line.
    """
    rows = [reach.total, *reach.themes]
    last_month = max(reach.months_recorded, default=0)
    shares = [share for row in rows for share in row.cumulative_shares[:last_month] if share is not None]
    top = max([REACH_EXPECTED + 5, *shares])
    top = int(-(-top // 10) * 10)  # up to a multiple of ten
    plot_right = LINE_WIDTH - PLOT_RIGHT
    plot_bottom = LINE_HEIGHT - PLOT_BOTTOM
    step = (plot_right - PLOT_LEFT) / 11

    def x(month_index):
        return round(PLOT_LEFT + month_index * step)

    def y(percent):
        return round(plot_bottom - float(percent) / top * (plot_bottom - PLOT_TOP))

    gridlines = tuple(Gridline(y(value), f"{value}%") for value in range(0, top + 1, 10))
    references = (
        ReferenceLine(
            "start", y(REACH_TODAY), str(format_lazy(_("{p}%: start ({year})"), p=REACH_TODAY, year=REACH_YEAR))
        ),
        ReferenceLine("target", y(REACH_EXPECTED), str(format_lazy(_("{p}%: target"), p=REACH_EXPECTED))),
    )
    series = []
    for index, row in enumerate(rows):
        values = row.cumulative_shares[:last_month]
        if not values or any(value is None for value in values):
            continue
        points = [(x(month), y(value)) for month, value in enumerate(values)]
        series.append(
            Series(
                "total" if row.kind == "total" else f"theme-{index}",
                row.label,
                " ".join(f"{px},{py}" for px, py in points),
                *points[-1],
            )
        )
    return LineChart(
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        plot_left=PLOT_LEFT,
        plot_right=plot_right,
        plot_bottom=plot_bottom,
        gridlines=gridlines,
        references=references,
        months=tuple((x(index), name) for index, name in enumerate(month_names)),
        series=tuple(series),
    )
