"""View data of the events page: per event, a table of outlets and an SVG range chart.

The chart geometry is computed in report_charts, so the template only prints numbers
and text. Every bar carries a text label with its figure: the chart never relies on
colour or length alone. Events several outlets report come first; an event only one
outlet reports is listed apart, since there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from .events import format_range
from .records import Claim, Event, EventReport, Range, Spread
from .report_charts import Chart, bar_chart

# Where the pages of the HTML report live, relative to the report folder.
EVENTS_PAGE = "events.html"
ARTICLES_DIR = "articles"


class SourceRef(Protocol):
    """A source page an article is counted on: its kind and href from the report folder."""

    @property
    def kind(self) -> str: ...

    @property
    def href(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One outlet's line in an event's table."""

    href: str
    article: str
    headline: str
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
    outlets: int = 0  # distinct outlets reporting it


@dataclass(frozen=True, slots=True)
class EventsPage:
    """Everything the events page prints: events several outlets report, then those
    only one outlet reports, listed apart."""

    several: tuple[EventView, ...]
    single: tuple[EventView, ...] = ()


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
    headlines: Mapping[str, str] | None = None,
) -> EventsPage:
    """View data of the events page; article_href formats an article id as a link,
    sources gives the profiles counting each article (the outlet's is linked) and
    headlines each article's headline, the text of its link."""
    outlet_pages = {
        article: next((s.href for s in refs if s.kind == "outlet"), "")
        for article, refs in (sources or {}).items()
    }
    views = [_event_view(e, article_href, outlet_pages, headlines or {}) for e in events]
    several = sorted((v for v in views if v.outlets > 1), key=lambda v: -v.outlets)
    return EventsPage(tuple(several), tuple(v for v in views if v.outlets <= 1))


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
    event: Event,
    article_href: Callable[[str], str],
    outlet_pages: dict[str, str],
    headlines: Mapping[str, str],
) -> EventView:
    """One event's table, charts and flags."""
    rows = tuple(_report_row(r, article_href, outlet_pages, headlines) for r in event.reports)
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
        outlets=len({r.outlet or r.article for r in event.reports}),
    )


def _report_row(
    report: EventReport,
    article_href: Callable[[str], str],
    outlet_pages: dict[str, str],
    headlines: Mapping[str, str],
) -> ReportRow:
    """A table row for one outlet's report."""
    return ReportRow(
        href=article_href(report.article),
        article=report.article,
        headline=headlines.get(report.article, report.article),
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
    """Bars from each report's low to high figure (an arrow when open-ended), on an axis
    from 0, with the consensus as a dashed line."""
    given = [(r, rng) for r, rng in stated if rng is not None]
    if spread is None or not given:
        return None
    rows = [
        (report.outlet or report.article, rng.min, rng.max, format_range(rng))
        for report, rng in given
    ]
    return bar_chart(
        title,
        f"people {title}",
        rows,
        "; ".join(f"{label}: {text}" for label, _, _, text in rows)
        + f". Consensus {spread.consensus}.",
        marker=(spread.consensus, f"consensus {spread.consensus}"),
    )
