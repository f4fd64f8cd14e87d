"""The HTML report: view data is computed here; the templates only print it.

Every string from an input is untrusted. Jinja2 autoescapes all of it; the pages carry
no scripts, no inline event handlers and no external assets, so they open offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from .classify import KIND_SEVERITY
from .events import event_of_articles, outlet_claims
from .records import ArticleAudit, AuditResult, Change, Claim, Event, Severity
from .report_events import ARTICLES_DIR, EVENTS_PAGE, FigureRow, events_page, figure_rows
from .report_json import compared_with, summary
from .report_match import MatchingView, Segment, inline_diff, matching_view
from .report_queue import (
    Overview,
    QueuePage,
    QueueRow,
    filter_groups,
    overview,
    queue_pages,
    queue_rows,
)
from .report_sources import (
    SOURCES_PAGE,
    article_sources,
    source_href,
    source_page,
    sources_index,
)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One change on an article page."""

    where: str
    op: str
    original: str
    repost: str
    kinds: str
    unsupported: str
    severity: str


@dataclass(frozen=True, slots=True)
class LineRow:
    """A numbered line of text (body paragraph or chrome); segments mark the casualty
    figures read from it."""

    line: int
    text: str
    label: str = ""
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceLink:
    """A source whose profile counts an article, and its page."""

    name: str
    href: str
    kind: str


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """Everything an article page prints."""

    id: str
    headline: str
    location: str
    outlet: str
    severity: str
    original_headline: str
    segments: tuple[Segment, ...]
    changes: tuple[ChangeRow, ...]
    unsupported: tuple[str, ...]
    chrome: tuple[LineRow, ...]
    body: tuple[LineRow, ...]
    figures: tuple[FigureRow, ...] = ()
    event_href: str = ""
    event_others: tuple[str, ...] = ()  # the other outlets that report the same event
    matching: MatchingView | None = None
    original_note: str = ""  # what the page says about the original when none was found
    sources: tuple[SourceLink, ...] = ()
    verdict: str = "not compared"
    compared_with: str = ""
    # How it differs from another version of unknown order (no direction).
    version_changes: tuple[ChangeRow, ...] = ()
    # Where a record format says the article comes from ("" when it does not).
    url: str = ""
    link: str = ""  # the url, when it is an http(s) address a browser may follow
    published: str = ""
    captured: str = ""
    site: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class IndexPage:
    """Everything the index page prints: totals, the review queue and its pictures."""

    totals: tuple[tuple[str, int], ...]
    queue: QueuePage
    overview: Overview
    skipped: tuple[LineRow, ...]
    warnings: tuple[str, ...]
    events: int = 0
    events_href: str = EVENTS_PAGE
    sources: int = 0
    sources_href: str = SOURCES_PAGE


def render(result: AuditResult) -> dict[str, str]:
    """All pages of the report, keyed by relative file name."""
    links = source_links(result)
    rows = queue_rows(result, links, followable)
    index = index_page(result, rows)
    pages = {"index.html": _template("index.html").render(page=index, root="")}
    for href, queue in queue_pages(rows).items():
        pages[href] = _template("queue.html").render(page=queue, root=queue.root)
    by_id = {event.id: event for event in result.events}
    events = {article: by_id[e] for article, e in event_of_articles(result.events).items()}
    headlines = {audit.article.id: audit.article.headline for audit in result.articles}
    for audit in result.articles:
        event = events.get(audit.article.id)
        page = article_page(audit, event, headlines, links.get(audit.article.id))
        pages[f"{ARTICLES_DIR}/{page.id}.html"] = _template("article.html").render(
            page=page, root="../"
        )
    view = events_page(
        result.events, lambda article: f"{ARTICLES_DIR}/{article}.html", links, headlines
    )
    pages[EVENTS_PAGE] = _template("events.html").render(page=view, root="")
    pages[SOURCES_PAGE] = _template("sources.html").render(page=sources_index(result), root="")
    known = {profile.name for profile in result.sources}
    for profile in result.sources:
        source = source_page(profile, result.events, known, headlines)
        pages[source_href(profile.name)] = _template("source.html").render(page=source, root="../")
    return pages


def source_links(result: AuditResult) -> dict[str, tuple[SourceLink, ...]]:
    """Article id to the sources whose profiles count it, outlets last."""
    kinds = {profile.name: profile.kind for profile in result.sources}
    return {
        article: tuple(
            SourceLink(name, source_href(name), kinds[name])
            for name in sorted(names, key=lambda n: kinds[n] != "reposter")
        )
        for article, names in article_sources(result).items()
    }


def index_page(result: AuditResult, rows: tuple[QueueRow, ...] | None = None) -> IndexPage:
    """View data of the index: totals, the review queue with its filters, and pictures."""
    counts = summary(result)
    if rows is None:
        rows = queue_rows(result, source_links(result), followable)
    reposts = sum(1 for row in rows if row.verdict != "unchanged" or row.inserted)
    totals = (
        ("files read", counts["files"]),
        ("files skipped", counts["skipped"]),
        ("articles", counts["articles"]),
        ("distinct articles", len(rows)),
        ("reposts", counts["reposts"]),
        ("reposts with inserted wording", counts["with_unsupported_terms"]),
        ("matched to an original", counts["with_original"]),
        ("with altered bodies", counts["with_body_changes"]),
        ("seen more than once", counts["with_duplicates"]),
        *((f"severity {name}", n) for name, n in counts["severity"].items()),
        *((name, n) for name, n in counts["verdict"].items()),
    )
    queue = QueuePage(
        title="Review queue",
        description=f"{len(rows)} distinct articles ({reposts} to review), most in need of a "
        "human first: by severity, then by how much wording was inserted, then by how many "
        "sources carry the article. Articles seen more than once are listed once.",
        rows=rows,
        filters=filter_groups(rows),
        root="",
    )
    return IndexPage(
        totals=totals,
        queue=queue,
        overview=overview(rows, result),
        skipped=tuple(LineRow(0, s.path, s.reason) for s in result.skipped),
        warnings=tuple(w for i in result.inputs for w in i.warnings),
        events=len(result.events),
        sources=len(result.sources),
    )


def article_page(
    audit: ArticleAudit,
    event: Event | None = None,
    has_page: Mapping[str, str] | None = None,
    sources: tuple[SourceLink, ...] | None = None,
) -> ArticlePage:
    """View data of one article page; event is the event it reports, if any,
    has_page the headlines of articles with a page to link to, by id, and sources the profiles that
    count it (hrefs relative to the report folder)."""
    a = audit.article
    headline_changes = [c for c in audit.changes if c.where == "headline"]
    terms = dict.fromkeys(t for c in audit.changes for t in c.unsupported)
    return ArticlePage(
        id=a.id,
        headline=a.headline,
        location=f"{a.path}:{a.line}",
        outlet=a.outlet or "not stated",
        severity=audit.severity.value,
        original_headline=a.original_headline or "",
        segments=inline_diff(a.headline, headline_changes),
        changes=tuple(_change_row(c) for c in audit.changes),
        original_note=_original_note(audit),
        version_changes=tuple(_change_row(c) for c in audit.version_changes),
        unsupported=tuple(terms),
        chrome=tuple(LineRow(c.line, c.text, c.kind) for c in a.chrome),
        body=tuple(
            LineRow(p.line, p.text, segments=_figures_marked(p.text, p.line, audit.figures))
            for p in a.body
        ),
        figures=figure_rows(audit.figures, outlet_claims(audit), event.id if event else None),
        event_href=f"../{EVENTS_PAGE}#{event.id}" if event else "",
        event_others=_other_outlets(event, audit) if event else (),
        matching=matching_view(audit, has_page or {}),
        sources=tuple(SourceLink(s.name, f"../{s.href}", s.kind) for s in sources or ()),
        verdict=audit.verdict,
        compared_with=compared_with(audit),
        url=a.url or "",
        link=followable(a.url),
        published=a.published or "",
        captured=a.captured or "",
        site=a.site or "",
        author=a.author or "",
    )


def followable(url: str | None) -> str:
    """The url when it is an http or https address, else '' (a javascript: or data:
    address from an untrusted page is shown as text, never linked)."""
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    return url if urlsplit(url).scheme.lower() in ("http", "https") else ""


def _original_note(audit: ArticleAudit) -> str:
    """What to say about the original article when none was found, agreeing with the
    verdict's basis (a quoted headline is still an original to compare with)."""
    matching = audit.matching
    if matching is None or matching.original is not None or matching.version is not None:
        return ""
    if audit.basis == "quoted headline":
        return (
            f"The article it reposts was not found ({matching.reason}), so only the headline "
            "it quotes could be compared."
        )
    return f"No original found: {matching.reason}."


def _other_outlets(event: Event, audit: ArticleAudit) -> tuple[str, ...]:
    """The outlets other than this article's own that report its event."""
    own = audit.article.outlet
    return tuple(
        dict.fromkeys(
            r.outlet
            for r in event.reports
            if r.outlet and r.outlet != own and r.article != audit.article.id
        )
    )


def _figures_marked(text: str, line: int, claims: tuple[Claim, ...]) -> tuple[Segment, ...]:
    """A body paragraph with the casualty figures read from it marked, each followed by
    its category in brackets, and whether it is background (an earlier or wider toll),
    so the mark does not rest on colour."""
    spans = sorted(
        (c.span, f" [{c.category.value}, background]" if c.background else f" [{c.category.value}]")
        for c in claims
        if c.where == "body" and c.line == line
    )
    segments: list[Segment] = []
    position = 0
    for (start, end), tag in spans:
        if start < position or end > len(text):
            continue
        if start > position:
            segments.append(Segment("same", text[position:start]))
        segments.append(Segment("mark", text[start:end], "", tag))
        position = end
    if position < len(text):
        segments.append(Segment("same", text[position:]))
    return tuple(segments)


def _change_row(change: Change) -> ChangeRow:
    """A table row for one change."""
    worst = max((KIND_SEVERITY[k] for k in change.kinds), key=lambda s: s.rank)
    return ChangeRow(
        where=change.where,
        op=change.op,
        original=change.original or "\u2014",
        repost=change.repost or "\u2014",
        kinds=", ".join(k.value for k in change.kinds),
        unsupported=", ".join(change.unsupported) or "\u2014",
        severity=worst.value if worst != Severity.NONE else "",
    )


@cache
def _environment() -> Environment:
    """The Jinja2 environment: package templates, autoescaping on for every template."""
    return Environment(
        loader=PackageLoader("audit", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template(name: str) -> Template:
    """A template by file name."""
    return _environment().get_template(name)
