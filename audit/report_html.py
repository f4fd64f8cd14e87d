"""The HTML report: view data is computed here; the templates only print it.

Every string from an input is untrusted. Jinja2 autoescapes all of it; the pages carry
no scripts, no inline event handlers and no external assets, so they open offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from .classify import KIND_SEVERITY
from .events import event_of_articles, outlet_claims
from .records import ArticleAudit, AuditResult, Change, Severity
from .report_events import ARTICLES_DIR, EVENTS_PAGE, FigureRow, events_page, figure_rows
from .report_json import article_kinds, compared_with, summary
from .report_match import MatchingView, Segment, matching_view
from .report_sources import (
    SOURCES_PAGE,
    article_sources,
    source_href,
    source_page,
    sources_index,
)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the index table."""

    href: str
    severity: str
    location: str
    outlet: str
    headline: str
    original_headline: str
    kinds: str
    verdict: str = "not compared"
    compared_with: str = ""


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One change on an article page."""

    op: str
    original: str
    repost: str
    kinds: str
    unsupported: str
    severity: str


@dataclass(frozen=True, slots=True)
class LineRow:
    """A numbered line of text (body paragraph or chrome)."""

    line: int
    text: str
    label: str = ""


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
    matching: MatchingView | None = None
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
    """Everything the index page prints."""

    totals: tuple[tuple[str, int], ...]
    rows: tuple[ArticleRow, ...]
    skipped: tuple[LineRow, ...]
    warnings: tuple[str, ...]
    events: int = 0
    events_href: str = EVENTS_PAGE
    sources: int = 0
    sources_href: str = SOURCES_PAGE


def render(result: AuditResult) -> dict[str, str]:
    """All pages of the report, keyed by relative file name."""
    pages = {"index.html": _template("index.html").render(page=index_page(result))}
    events = event_of_articles(result.events)
    ids = {audit.article.id for audit in result.articles}
    links = source_links(result)
    for audit in result.articles:
        page = article_page(audit, events.get(audit.article.id), ids, links.get(audit.article.id))
        pages[f"{ARTICLES_DIR}/{page.id}.html"] = _template("article.html").render(page=page)
    view = events_page(result.events, lambda article: f"{ARTICLES_DIR}/{article}.html", links)
    pages[EVENTS_PAGE] = _template("events.html").render(page=view)
    pages[SOURCES_PAGE] = _template("sources.html").render(page=sources_index(result))
    known = {profile.name for profile in result.sources}
    for profile in result.sources:
        source = source_page(profile, result.events, known)
        pages[source_href(profile.name)] = _template("source.html").render(page=source)
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


def index_page(result: AuditResult) -> IndexPage:
    """View data of the index: totals, then one row per article, most severe first."""
    counts = summary(result)
    totals = (
        ("files read", counts["files"]),
        ("files skipped", counts["skipped"]),
        ("articles", counts["articles"]),
        ("reposts", counts["reposts"]),
        ("reposts with inserted wording", counts["with_unsupported_terms"]),
        ("matched to an original", counts["with_original"]),
        ("with altered bodies", counts["with_body_changes"]),
        ("seen more than once", counts["with_duplicates"]),
        *((f"severity {name}", n) for name, n in counts["severity"].items()),
        *((name, n) for name, n in counts["verdict"].items()),
    )
    ordered = sorted(result.articles, key=lambda a: -a.severity.rank)
    return IndexPage(
        totals=totals,
        rows=tuple(_row(a) for a in ordered),
        skipped=tuple(LineRow(0, s.path, s.reason) for s in result.skipped),
        warnings=tuple(w for i in result.inputs for w in i.warnings),
        events=len(result.events),
        sources=len(result.sources),
    )


def article_page(
    audit: ArticleAudit,
    event: str | None = None,
    has_page: set[str] | None = None,
    sources: tuple[SourceLink, ...] | None = None,
) -> ArticlePage:
    """View data of one article page; event is the id of the event it reports, if any,
    has_page the ids of articles with a page to link to, and sources the profiles that
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
        version_changes=tuple(_change_row(c) for c in audit.version_changes),
        unsupported=tuple(terms),
        chrome=tuple(LineRow(c.line, c.text, c.kind) for c in a.chrome),
        body=tuple(LineRow(p.line, p.text) for p in a.body),
        figures=figure_rows(audit.figures, outlet_claims(audit), event),
        event_href=f"../{EVENTS_PAGE}#{event}" if event else "",
        matching=matching_view(audit, has_page or set()),
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


def inline_diff(repost: str, changes: list[Change]) -> tuple[Segment, ...]:
    """The repost headline as unchanged text interleaved with deletions and insertions."""
    segments: list[Segment] = []
    position = 0
    for change in sorted(changes, key=lambda c: c.repost_span):
        start, end = change.repost_span
        if start > position:
            segments.append(Segment("same", repost[position:start]))
        if change.original:
            segments.append(Segment("del", change.original, "[\u2212", "]"))
        if change.original and (change.repost or end < len(repost)):
            segments.append(Segment("same", " "))
        if change.repost:
            segments.append(Segment("ins", change.repost, "[+", "]"))
        position = max(position, end)
    if position < len(repost):
        segments.append(Segment("same", repost[position:]))
    return tuple(segments)


def _row(audit: ArticleAudit) -> ArticleRow:
    """An index row for one article."""
    a = audit.article
    return ArticleRow(
        href=f"{ARTICLES_DIR}/{a.id}.html",
        severity=audit.severity.value,
        location=f"{a.path}:{a.line}",
        outlet=a.outlet or "",
        headline=a.headline,
        original_headline=a.original_headline or "(none quoted)",
        kinds=", ".join(article_kinds(audit)) or "\u2014",
        verdict=audit.verdict,
        compared_with=compared_with(audit),
    )


def _change_row(change: Change) -> ChangeRow:
    """A table row for one change."""
    worst = max((KIND_SEVERITY[k] for k in change.kinds), key=lambda s: s.rank)
    return ChangeRow(
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
