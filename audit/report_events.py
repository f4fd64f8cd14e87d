"""View data of the events page: per event, a table of outlets and an SVG range chart.

The chart geometry is computed here, so the template only prints numbers and text.
Every bar carries a text label with its figure: the chart never relies on colour or
length alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .events import format_range
from .records import Claim, Event, EventReport, Range, Spread

# Where the pages of the HTML report live, relative to the report folder.
EVENTS_PAGE = "events.html"
ARTICLES_DIR = "articles"
CHART_WIDTH = 560
LABEL_WIDTH = 170
ROW_HEIGHT = 22
_PLOT = CHART_WIDTH - LABEL_WIDTH - 90  # room on the right for the figure's text


class SourceRef(Protocol):
    """A source page an article is counted on: its kind and href from the report folder."""

    @property
    def kind(self) -> str: ...

    @property
    def href(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Bar:
    """One outlet's range on a chart; x positions in SVG user units."""

    y: int
    label: str
    x0: float
    x1: float
    open_ended: bool
    text: str

    @property
    def width(self) -> float:
        """The bar's drawn width."""
        return round(self.x1 - self.x0, 1)


@dataclass(frozen=True, slots=True)
class Chart:
    """A range chart of one figure (killed or wounded) across an event's reports."""

    title: str
    height: int
    bars: tuple[Bar, ...]
    consensus_x: float
    consensus_text: str
    scale_max: int


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One outlet's line in an event's table."""

    href: str
    article: str
    outlet: str
    outlet_href: str
    killed: str
    wounded: str
    also: str


@dataclass(frozen=True, slots=True)
class EventView:
    """Everything printed for one event."""

    id: str
    label: str
    rows: tuple[ReportRow, ...]
    killed: str
    wounded: str
    flags: tuple[str, ...]
    charts: tuple[Chart, ...]


@dataclass(frozen=True, slots=True)
class EventsPage:
    """Everything the events page prints."""

    events: tuple[EventView, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One casualty claim on an article page."""

    where: str
    category: str
    count: str
    text: str
    source: str
    event: str
    event_href: str


def events_page(
    events: tuple[Event, ...],
    article_href: Callable[[str], str],
    sources: Mapping[str, Sequence[SourceRef]] | None = None,
) -> EventsPage:
    """View data of the events page; article_href formats an article id as a link, and
    sources gives the profiles counting each article (the outlet's is linked)."""
    outlet_pages = {
        article: next((s.href for s in refs if s.kind == "outlet"), "")
        for article, refs in (sources or {}).items()
    }
    return EventsPage(tuple(_event_view(e, article_href, outlet_pages) for e in events))


def figure_rows(
    claims: tuple[Claim, ...], own: tuple[Claim, ...], event: str | None
) -> tuple[FigureRow, ...]:
    """Rows for an article's claims; its own main-event claims link to their event."""
    rows = []
    for claim in claims:
        linked = event if event and claim in own and not claim.background else None
        if claim.background:
            status = f"background ({claim.anchor})" if claim.anchor else "background"
        else:
            status = linked or ("repost headline" if claim not in own else "no event")
        rows.append(
            FigureRow(
                where=f"{claim.where.replace('_', ' ')}, line {claim.line}",
                category=claim.category.value,
                count=format_range(Range(claim.min, claim.max)),
                text=claim.text,
                source=claim.source or "\u2014",
                event=status,
                event_href=f"../{EVENTS_PAGE}#{linked}" if linked else "",
            )
        )
    return tuple(rows)


def _event_view(
    event: Event, article_href: Callable[[str], str], outlet_pages: dict[str, str]
) -> EventView:
    """One event's table, charts and flags."""
    rows = tuple(_report_row(r, article_href, outlet_pages) for r in event.reports)
    charts = tuple(
        chart
        for chart in (
            _chart("killed", [(r, r.killed) for r in event.reports], event.killed),
            _chart("wounded", [(r, r.wounded) for r in event.reports], event.wounded),
        )
        if chart is not None
    )
    return EventView(
        id=event.id,
        label=event.label,
        rows=rows,
        killed=_spread_text(event.killed),
        wounded=_spread_text(event.wounded),
        flags=event.flags,
        charts=charts,
    )


def _report_row(
    report: EventReport, article_href: Callable[[str], str], outlet_pages: dict[str, str]
) -> ReportRow:
    """A table row for one outlet's report."""
    return ReportRow(
        href=article_href(report.article),
        article=report.article,
        outlet=report.outlet or "not stated",
        outlet_href=outlet_pages.get(report.article, ""),
        killed=format_range(report.killed) if report.killed else "\u2014",
        wounded=format_range(report.wounded) if report.wounded else "\u2014",
        also=", ".join(report.also),
    )


def _spread_text(spread: Spread | None) -> str:
    """'3 to 7 across 4 reports; consensus 3' or a dash."""
    if spread is None:
        return "\u2014"
    if spread.low == spread.high:
        return f"{spread.low} in {spread.reports} report(s)"
    spread_text = f"{spread.low} to {spread.high} across {spread.reports} reports"
    return f"{spread_text}; consensus {spread.consensus}"


def _chart(
    title: str, stated: list[tuple[EventReport, Range | None]], spread: Spread | None
) -> Chart | None:
    """Bars from each report's low to high figure, on a scale shared by the chart."""
    given = [(r, rng) for r, rng in stated if rng is not None]
    if spread is None or not given:
        return None
    scale_max = max(1, round(spread.high * 1.15 + 0.5))

    def x(value: int) -> float:
        return round(LABEL_WIDTH + _PLOT * value / scale_max, 1)

    bars = []
    for i, (report, rng) in enumerate(given):
        high = rng.max if rng.max is not None else scale_max
        bars.append(
            Bar(
                y=i * ROW_HEIGHT + 8,
                label=report.outlet or report.article,
                x0=x(rng.min),
                x1=max(x(min(high, scale_max)), x(rng.min) + 2),
                open_ended=rng.max is None,
                text=format_range(rng),
            )
        )
    return Chart(
        title=title,
        height=len(bars) * ROW_HEIGHT + 30,
        bars=tuple(bars),
        consensus_x=x(spread.consensus),
        consensus_text=f"consensus {spread.consensus}",
        scale_max=scale_max,
    )
