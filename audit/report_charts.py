"""Chart geometry for the HTML report, computed in Python and printed as inline SVG.

Every chart here is data first: positions in SVG user units, every mark labelled with
its value in text, and a sentence and a table that say the same without the picture.
Pages scale the drawing to their width (``viewBox``), so nothing here is in pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 720  # SVG user units; pages scale the drawing to the width they have
LABEL_WIDTH = 220  # room for a bar's label on its left
VALUE_ROOM = 110  # room for a bar's value on its right
ROW = 30  # height of one bar's row
AXIS_ROOM = 44  # below the bars: the axis, its tick labels and its title
TOP = 8
MAX_TICKS = 6
LABEL_CHARS = 28  # longer labels are shortened on the drawing (the table has them whole)


@dataclass(frozen=True, slots=True)
class Tick:
    """A tick on a horizontal axis, at x, with its label."""

    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled bar from x0 to x1 on row y; open_ended when it has no upper bound."""

    y: float
    label: str
    x0: float
    x1: float
    text: str
    open_ended: bool = False

    @property
    def width(self) -> float:
        """The bar's drawn width."""
        return round(self.x1 - self.x0, 1)


@dataclass(frozen=True, slots=True)
class Chart:
    """Horizontal bars on a shared scale with an axis, ticks and an optional marker line.

    ``summary`` is the chart in one sentence and ``table`` the same data as rows of
    (label, value): the text alternative printed beside the drawing."""

    title: str
    axis_title: str
    summary: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    plot_x0: float
    plot_x1: float
    axis_y: float
    table: tuple[tuple[str, str], ...]
    marker_x: float | None = None
    marker_text: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """A count in a matrix: a circle of radius r around (x, y) and the number."""

    x: float
    y: float
    r: float
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A row or column heading of a matrix, at its position."""

    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Matrix:
    """Counts by row and column (for example sources by kind of change): circle areas
    grow with the count and every count is written in its cell."""

    title: str
    summary: str
    width: int
    height: int
    rows: tuple[Heading, ...]
    columns: tuple[Heading, ...]
    cells: tuple[Cell, ...]
    header_y: float
    table_columns: tuple[str, ...]
    table: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Column:
    """One period of a timeline: a column from y to the baseline, and its labels."""

    x: float
    width: float
    y: float
    height: float
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """Articles per period, as columns over a labelled time axis."""

    title: str
    summary: str
    width: int
    height: int
    columns: tuple[Column, ...]
    baseline: float
    table: tuple[tuple[str, str], ...]


def nice_ticks(high: float) -> tuple[float, list[float]]:
    """The end of a scale that covers high, and its ticks at steps of 1, 2 or 5 x 10^k."""
    if high <= 0:
        return 1.0, [0.0, 1.0]
    raw = high / (MAX_TICKS - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)  # counts: never a tick between whole numbers
    end = step * math.ceil(high / step)
    count = round(end / step)
    return end, [i * step for i in range(count + 1)]


def bar_chart(
    title: str,
    axis_title: str,
    rows: Sequence[tuple[str, float, float | None, str]],
    summary: str,
    marker: tuple[float, str] | None = None,
) -> Chart:
    """Bars from low to high (high None: open-ended) per (label, low, high, text) row,
    on an axis from 0 with ticks; marker is an optional dashed line and its text."""
    stated = [high if high is not None else low for _, low, high, _ in rows]
    end, ticks = nice_ticks(max([*stated, marker[0] if marker else 0, 1]))
    plot_x0, plot_x1 = float(LABEL_WIDTH), float(WIDTH - VALUE_ROOM)

    def x(value: float) -> float:
        return round(plot_x0 + (plot_x1 - plot_x0) * min(value, end) / end, 1)

    bars = []
    for i, (label, low, high, text) in enumerate(rows):
        x0 = x(low)
        bars.append(
            Bar(
                y=TOP + i * ROW,
                label=_short(label),
                x0=x0 if high != low else max(plot_x0, x0 - 2),
                x1=max(x(high if high is not None else end), x0 + 2),
                text=text,
                open_ended=high is None,
            )
        )
    axis_y = TOP + len(rows) * ROW + 2
    return Chart(
        title=title,
        axis_title=axis_title,
        summary=summary,
        width=WIDTH,
        height=int(axis_y + AXIS_ROOM),
        bars=tuple(bars),
        ticks=tuple(Tick(x(t), _number(t)) for t in ticks),
        plot_x0=plot_x0,
        plot_x1=plot_x1,
        axis_y=axis_y,
        table=tuple((label, text) for label, _, _, text in rows),
        marker_x=x(marker[0]) if marker else None,
        marker_text=marker[1] if marker else "",
    )


def count_chart(title: str, axis_title: str, counts: Sequence[tuple[str, int]]) -> Chart:
    """Bars of counts from zero, one per (label, count), in the order given."""
    summary = "; ".join(f"{label}: {n}" for label, n in counts) + "."
    return bar_chart(title, axis_title, [(label, 0, n, str(n)) for label, n in counts], summary)


MATRIX_LABEL = 200  # room for the row labels
MATRIX_HEADER = 110  # room for the slanted column labels
MATRIX_CELL = 62


def matrix(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    counts: dict[tuple[str, str], int],
    summary: str,
) -> Matrix:
    """Counts by (row, column) as circles whose area grows with the count; empty cells
    are left blank, so what a row does stands out."""
    top = max(counts.values(), default=1) or 1
    largest = ROW * 0.8 - 4  # rows are ROW * 1.6 apart: circles never touch

    def col_x(j: int) -> float:
        return MATRIX_LABEL + j * MATRIX_CELL + MATRIX_CELL / 2

    def row_y(i: int) -> float:
        return MATRIX_HEADER + i * ROW * 1.6 + ROW * 0.8

    cells = tuple(
        Cell(col_x(j), row_y(i), round(max(4.0, largest * math.sqrt(n / top)), 1), str(n))
        for i, row in enumerate(rows)
        for j, column in enumerate(columns)
        if (n := counts.get((row, column), 0))
    )
    return Matrix(
        title=title,
        summary=summary,
        width=int(MATRIX_LABEL + len(columns) * MATRIX_CELL + 100),  # slanted labels
        height=int(MATRIX_HEADER + len(rows) * ROW * 1.6 + 8),
        rows=tuple(Heading(row_y(i), _short(r)) for i, r in enumerate(rows)),
        columns=tuple(Heading(col_x(j), c) for j, c in enumerate(columns)),
        cells=cells,
        header_y=MATRIX_HEADER - 10,
        table_columns=tuple(columns),
        table=tuple((row, tuple(str(counts.get((row, c), 0)) for c in columns)) for row in rows),
    )


TIMELINE_HEIGHT = 220
TIMELINE_LEFT = 40
TIMELINE_BOTTOM = 40  # room for the period labels


def timeline(title: str, periods: Sequence[tuple[str, int]], summary: str) -> Timeline:
    """Columns of counts per period (in time order), each labelled with its count; the
    period labels thin out when there are many, and the table lists every one."""
    top = max((n for _, n in periods), default=1) or 1
    plot = WIDTH - TIMELINE_LEFT - 20
    width = plot / max(len(periods), 1)
    every = max(1, math.ceil(len(periods) / 8))
    baseline = TIMELINE_HEIGHT - TIMELINE_BOTTOM
    columns = []
    for i, (label, n) in enumerate(periods):
        height = round((baseline - 24) * n / top, 1)
        columns.append(
            Column(
                x=round(TIMELINE_LEFT + i * width + width * 0.1, 1),
                width=round(width * 0.8, 1),
                y=round(baseline - height, 1),
                height=height,
                label=label if i % every == 0 or i == len(periods) - 1 else "",
                text=str(n) if n else "",
            )
        )
    return Timeline(
        title=title,
        summary=summary,
        width=WIDTH,
        height=TIMELINE_HEIGHT,
        columns=tuple(columns),
        baseline=baseline,
        table=tuple((label, str(n)) for label, n in periods),
    )


def _short(label: str) -> str:
    """A label that fits the room on the left of a bar."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _number(value: float) -> str:
    """A tick value: whole numbers without a decimal point."""
    return str(int(value)) if value == int(value) else f"{value:g}"
