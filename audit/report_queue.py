"""The review queue: one row per distinct article, ordered by what most needs a human.

An article seen again (the same text in another file or record) is folded into the row
of its first appearance, with a count and links to the other places. Rows are ordered
by severity, then by how many words were inserted, then by how many sources carry the
article. The same rows, filtered by verdict, kind of change or source, make static
pages of their own, so filtering needs no script.

Every href here is relative to the report folder; templates prefix the page's root.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from .records import ArticleAudit, AuditResult, Kind
from .report_charts import Chart, Matrix, Timeline, count_chart, matrix, timeline
from .report_events import ARTICLES_DIR
from .report_json import compared_with
from .report_match import Segment, inline_diff
from .report_sources import slug

QUEUE_DIR = "queue"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Short labels of the kinds of change, for table cells and filters.
KIND_LABELS = {
    Kind.UNSUPPORTED_TERM: "inserted term",
    Kind.SUBSTITUTION: "substitution",
    Kind.HEDGE_REMOVED: "hedge removed",
    Kind.FIGURE_CHANGED: "figure changed",
    Kind.AGENCY_CHANGED: "agency changed",
    Kind.MEANING_INVERTED: "meaning inverted",
    Kind.RECAST: "headline recast",
    Kind.WORDING: "other wording",
}


class SourceRef(Protocol):
    """A source an article is counted on (report_html.SourceLink)."""

    @property
    def name(self) -> str: ...

    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Place:
    """Another place the same article was seen, with a link to its page."""

    href: str
    text: str


@dataclass(frozen=True, slots=True)
class Label:
    """A short label and the filter page it links to."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One distinct article in the queue."""

    id: str
    href: str
    severity: str
    verdict: str
    compared_with: str
    headline: tuple[Segment, ...]  # the reposted headline, changes against the original marked
    inserted: tuple[str, ...]  # wording found nowhere in the original
    inserted_words: int
    kinds: tuple[Label, ...]
    sources: tuple[Label, ...]
    outlet: str
    published: str
    url: str
    link: str  # the url when a browser may follow it
    seen: int  # how many times the article appears among the inputs
    repeats: tuple[Place, ...]
    carriers: int  # sources carrying it, counting copies by other outlets
    kind_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Filter:
    """A link to one filtered queue page, with how many rows it lists."""

    text: str
    href: str
    count: int


@dataclass(frozen=True, slots=True)
class FilterGroup:
    """Filters of one facet: verdict, kind of change or source."""

    title: str
    filters: tuple[Filter, ...]


@dataclass(frozen=True, slots=True)
class QueuePage:
    """A queue page: the whole queue (the index) or one filter of it."""

    title: str
    description: str
    rows: tuple[QueueRow, ...]
    filters: tuple[FilterGroup, ...]
    root: str  # from the page to the report folder: '' or '../'


@dataclass(frozen=True, slots=True)
class Overview:
    """The pictures of the index page."""

    kinds: Chart | None
    sources: Matrix | None
    dates: Timeline | None
    undated: int


def queue_rows(
    result: AuditResult,
    sources: Mapping[str, Sequence[SourceRef]],
    followable: Callable[[str | None], str],
) -> tuple[QueueRow, ...]:
    """The distinct articles as queue rows, most in need of review first."""
    groups = distinct(result.articles)
    rows = [_row(group, sources, followable) for group in groups]
    rank = {audit.article.id: audit.severity.rank for audit in result.articles}
    rows.sort(key=lambda r: (-rank[r.id], -r.inserted_words, -r.carriers, r.id))
    return tuple(rows)


def distinct(articles: Sequence[ArticleAudit]) -> list[list[ArticleAudit]]:
    """Articles grouped with the other places the same article was seen, each group in
    input order and led by its first appearance."""
    position = {audit.article.id: i for i, audit in enumerate(articles)}
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, audit in enumerate(articles):
        for match in audit.matching.duplicates if audit.matching else ():
            j = position.get(match.article)
            if j is not None:
                a, b = sorted((root(i), root(j)))
                parent[b] = a
    groups: dict[int, list[ArticleAudit]] = {}
    for i, audit in enumerate(articles):
        groups.setdefault(root(i), []).append(audit)
    return list(groups.values())


def queue_pages(rows: Sequence[QueueRow]) -> dict[str, QueuePage]:
    """The filtered queue pages, keyed by file name relative to the report folder."""
    pages = {}
    for group in filter_groups(rows):
        for item in group.filters:
            chosen = tuple(r for r in rows if item.href in _filter_hrefs(r))
            pages[item.href] = QueuePage(
                title=f"Articles: {group.title.lower()} {item.text}",
                description=f"{len(chosen)} of {len(rows)} distinct articles, "
                "most in need of review first.",
                rows=chosen,
                filters=(),
                root="../",
            )
    return pages


def filter_groups(rows: Sequence[QueueRow]) -> tuple[FilterGroup, ...]:
    """Every verdict, kind and source that some row has, with its page and count."""
    verdicts = Counter(r.verdict for r in rows)
    kinds = Counter(label for r in rows for label in r.kinds)
    named = Counter(label for r in rows for label in r.sources)
    order = [k.value for k in Kind]
    return tuple(
        group
        for group in (
            FilterGroup(
                "Verdict",
                tuple(Filter(v, _verdict_href(v), n) for v, n in sorted(verdicts.items())),
            ),
            FilterGroup(
                "Kind of change",
                tuple(
                    Filter(label.text, label.href, n)
                    for label, n in sorted(
                        kinds.items(), key=lambda item: order.index(_kind_of(item[0]))
                    )
                ),
            ),
            FilterGroup(
                "Source",
                tuple(
                    Filter(label.text, label.href, n)
                    for label, n in sorted(named.items(), key=lambda item: (-item[1], item[0].text))
                ),
            ),
        )
        if group.filters
    )


def overview(rows: Sequence[QueueRow], result: AuditResult) -> Overview:
    """Changes by kind, each source's alterations by kind, and articles over time."""
    by_id = {audit.article.id: audit for audit in result.articles}
    changes: Counter[Kind] = Counter(
        kind for r in rows for change in by_id[r.id].changes for kind in change.kinds
    )
    kinds_chart = None
    if changes:
        counted = [(KIND_LABELS[k], changes[k]) for k in Kind if changes[k]]
        kinds_chart = count_chart(
            f"Changes by kind, in {len(rows)} distinct articles", "changes", counted
        )
    return Overview(kinds_chart, _source_matrix(rows), *_dates(rows))


def _source_matrix(rows: Sequence[QueueRow]) -> Matrix | None:
    """Sources (rows) by kind of change (columns): how many distinct articles each
    altered in each way."""
    counts: Counter[tuple[str, str]] = Counter(
        (source.text, kind.text) for r in rows for source in r.sources for kind in r.kinds
    )
    if not counts:
        return None
    weight = Counter(s for (s, _), n in counts.items() for _ in range(n))
    names = sorted(weight, key=lambda s: (-weight[s], s))
    present = {k for _, k in counts}
    columns = [label for label in KIND_LABELS.values() if label in present]
    altered = Counter(source.text for r in rows if r.kinds for source in r.sources)
    busiest = names[0]
    return matrix(
        "Each source's altered articles by kind of change",
        names,
        columns,
        dict(counts),
        f"{counted(len(names), 'source')} alter articles; {busiest} alters "
        f"{counted(altered[busiest], 'distinct article')}, in "
        f"{counted(sum(1 for (s, _) in counts if s == busiest), 'kind')} of change.",
    )


def _dates(rows: Sequence[QueueRow]) -> tuple[Timeline | None, int]:
    """Articles per day (or per month over a longer span) when dates are known, and how
    many rows have no date."""
    days = sorted(r.published for r in rows if _ISO_DAY.fullmatch(r.published))
    undated = len(rows) - len(days)
    if not days:
        return None, undated
    monthly = days[0][:7] != days[-1][:7] and _span_days(days[0], days[-1]) > 62
    periods = Counter(day[:7] if monthly else day for day in days)
    unit = "month" if monthly else "day"
    ordered = [(period, periods[period]) for period in _every_period(days[0], days[-1], monthly)]
    top = max(ordered, key=lambda item: (item[1], item[0]))
    chart = timeline(
        f"Articles by {unit} of publication",
        ordered,
        f"{counted(len(days), 'dated article')} from {ordered[0][0]} to {ordered[-1][0]}; "
        f"the most, {top[1]}, in {top[0]}."
        + (f" {counted(undated, 'article')} state no date." if undated else ""),
    )
    return chart, undated


def _every_period(first: str, last: str, monthly: bool) -> list[str]:
    """Every day (or month) from first to last, empty ones included, so that the time
    axis is even."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if not monthly:
        return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
    months = (end.year - start.year) * 12 + end.month - start.month
    return [
        f"{start.year + (start.month - 1 + i) // 12:04d}-{(start.month - 1 + i) % 12 + 1:02d}"
        for i in range(months + 1)
    ]


def counted(n: int, noun: str) -> str:
    """'1 source', '3 sources'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _span_days(first: str, last: str) -> int:
    """Days from one ISO date to another."""
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _row(
    group: list[ArticleAudit],
    sources: Mapping[str, Sequence[SourceRef]],
    followable: Callable[[str | None], str],
) -> QueueRow:
    """The row of one distinct article, led by its first appearance."""
    lead = group[0]
    a = lead.article
    headline_changes = [c for c in lead.changes if c.where == "headline"]
    inserted = tuple(dict.fromkeys(t for c in lead.changes for t in c.unsupported))
    present = {kind for change in lead.changes for kind in change.kinds}
    refs = [ref for audit in group for ref in sources.get(audit.article.id, ())]
    # The sources that carry it, not the outlet it names as its author, unless that
    # outlet is the only source (an outlet's own article).
    carried = {ref.name: ref for ref in refs if ref.name != a.outlet} or {r.name: r for r in refs}
    copies = len(lead.matching.copies) if lead.matching else 0
    return QueueRow(
        id=a.id,
        href=f"{ARTICLES_DIR}/{a.id}.html",
        severity=lead.severity.value if lead.verdict != "not compared" else "unchecked",
        verdict=lead.verdict,
        compared_with=compared_with(lead),
        headline=inline_diff(a.headline, headline_changes)
        if headline_changes
        else (Segment("same", a.headline),),
        inserted=inserted,
        inserted_words=sum(len(term.split()) for term in inserted),
        kinds=tuple(
            Label(KIND_LABELS[k], f"{QUEUE_DIR}/kind-{k.value}.html") for k in Kind if k in present
        ),
        kind_keys=tuple(k.value for k in Kind if k in present),
        sources=tuple(Label(name, f"{QUEUE_DIR}/source-{slug(name)}.html") for name in carried),
        outlet=a.outlet or "",
        published=(a.published or "")[:10],
        url=a.url or "",
        link=followable(a.url),
        seen=len(group),
        repeats=tuple(
            Place(
                f"{ARTICLES_DIR}/{other.article.id}.html",
                f"{other.article.path} line {other.article.line}",
            )
            for other in group[1:]
        ),
        carriers=len(carried) + copies,
    )


def _filter_hrefs(row: QueueRow) -> set[str]:
    """The filter pages a row appears on."""
    return {
        _verdict_href(row.verdict),
        *(k.href for k in row.kinds),
        *(s.href for s in row.sources),
    }


def _verdict_href(verdict: str) -> str:
    """The page of one verdict."""
    return f"{QUEUE_DIR}/verdict-{verdict.replace(' ', '-')}.html"


def _kind_of(label: Label) -> str:
    """The kind value a kind label's page is named after."""
    return label.href.removeprefix(f"{QUEUE_DIR}/kind-").removesuffix(".html")
