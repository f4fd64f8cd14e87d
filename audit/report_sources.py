"""View data of the sources pages: an index of every source and one page per source.

Every number on a source page links to the articles behind it (a list further down the
page), and every article links to its page; article and event pages link back here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .events import format_range
from .rating import GRADE_RULES, SPECS, UNRATED
from .records import AuditResult, Criterion, Event, NamedBy, SourceProfile, Standing, Tally, TermUse
from .report_events import ARTICLES_DIR, EVENTS_PAGE
from .sources import COUNT_LABELS
from .text import fold

SOURCES_PAGE = "sources.html"
SOURCES_DIR = "sources"
# Anchors on a source page that the sources index links to.
ALL_ARTICLES = "articles"
CRITERIA_TABLE = "criteria"
NAMED_BY: dict[NamedBy, str] = {
    "option": "named with --source",
    "config": "named by a [tool.audit.sources] glob (of the path or the address's host)",
    "site": "the site the file's page, archive or records name",
    "file": "no source named: the input file is its own source",
    "outlet": "the outlet its articles are attributed to",
}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """An article id, its page (relative to a source page) and the link's text: its
    headline, so that the link says where it goes."""

    id: str
    href: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class CountRow:
    """A number with the articles behind it; anchor names the list of them on the page."""

    label: str
    anchor: str
    count: int
    articles: tuple[ArticleLink, ...]
    href: str = ""  # a page about the key itself (another source), if any
    title: str = ""  # what the list of its articles is headed with

    @property
    def heading(self) -> str:
        """The heading of the list of articles behind the number."""
        return self.title or self.label


@dataclass(frozen=True, slots=True)
class CriterionRow:
    """One rating criterion as applied to the source."""

    label: str
    tier: str
    rule: str
    status: str
    css: str
    share: str
    evidence: tuple[ArticleLink, ...]


@dataclass(frozen=True, slots=True)
class TermRow:
    """An inserted term, where it occurs, and what it replaced."""

    term: str
    uses: CountRow
    replaced: tuple[CountRow, ...]

    @property
    def systematic(self) -> bool:
        """True when the term stands in for several different original wordings."""
        return len(self.replaced) > 1


@dataclass(frozen=True, slots=True)
class StandingRow:
    """An outlet's figure for one event against the other outlets'."""

    event: str
    event_href: str
    event_label: str
    category: str
    figure: str
    others: str
    position: str
    consensus: int
    article: ArticleLink


@dataclass(frozen=True, slots=True)
class SourcePage:
    """Everything a source page prints."""

    name: str
    kind: str
    named_by: str
    files: tuple[str, ...]
    grade: str
    grade_rule: str
    criteria: tuple[CriterionRow, ...]
    counts: tuple[CountRow, ...]
    terms: tuple[TermRow, ...]
    hedges: tuple[CountRow, ...]
    copies_from: tuple[CountRow, ...]
    copied_by: tuple[CountRow, ...]
    standings: tuple[StandingRow, ...]
    articles: CountRow
    criteria_anchor: str = CRITERIA_TABLE
    headline_terms: tuple[CountRow, ...] = ()

    @property
    def lists(self) -> tuple[CountRow, ...]:
        """Every count on the page, for the lists of articles its numbers link to."""
        terms = [row for t in self.terms for row in (t.uses, *t.replaced)]
        return (
            *self.counts, *terms, *self.hedges, *self.headline_terms, *self.copies_from,
            *self.copied_by,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One line of the sources index."""

    name: str
    href: str
    kind: str
    named_by: str
    articles: int
    grade: str
    met: str
    not_met: str
    articles_anchor: str = ALL_ARTICLES
    criteria_anchor: str = CRITERIA_TABLE


@dataclass(frozen=True, slots=True)
class SourcesIndex:
    """Everything the sources index prints: the sources, the criteria and the grade rule."""

    rows: tuple[SourceRow, ...]
    criteria: tuple[tuple[str, str, str], ...]
    grades: tuple[tuple[str, str], ...]


def slug(name: str) -> str:
    """A file name for a source page: readable, and unique through a digest of the name."""
    readable = _SLUG.sub("-", fold(name)).strip("-")[:40] or "source"
    return f"{readable}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def source_href(name: str) -> str:
    """A source page, relative to the report folder."""
    return f"{SOURCES_DIR}/{slug(name)}.html"


def article_sources(result: AuditResult) -> dict[str, tuple[str, ...]]:
    """Article id to the names of the sources whose profiles count it."""
    found: dict[str, dict[str, None]] = {}
    for profile in result.sources:
        again = [t.articles for t in profile.counts if t.key == "seen-again"]
        for article in (*profile.articles, *(i for ids in again for i in ids)):
            found.setdefault(article, {})[profile.name] = None
    return {article: tuple(names) for article, names in found.items()}


def sources_index(result: AuditResult) -> SourcesIndex:
    """View data of the sources index."""
    rows = tuple(
        SourceRow(
            name=p.name,
            href=source_href(p.name),
            kind=p.kind,
            named_by=NAMED_BY[p.named_by],
            articles=len(p.articles),
            grade=p.grade,
            met=_met_text(p.criteria),
            not_met=", ".join(SPECS[c.id].label for c in p.criteria if c.met is False),
        )
        for p in result.sources
    )
    criteria = tuple((spec.label, spec.tier, spec.rule) for spec in SPECS.values())
    return SourcesIndex(rows, criteria, GRADE_RULES)


def source_page(
    profile: SourceProfile,
    events: Sequence[Event],
    known: set[str],
    headlines: Mapping[str, str] | None = None,
) -> SourcePage:
    """View data of one source page; known holds the names of sources with a page, and
    headlines each article's headline (the text of its links)."""
    headlines = headlines or {}
    labels = {e.id: e.label for e in events}
    return SourcePage(
        name=profile.name,
        kind=profile.kind,
        named_by=NAMED_BY[profile.named_by],
        files=profile.files,
        grade=profile.grade,
        grade_rule=dict(GRADE_RULES)[profile.grade],
        criteria=tuple(_criterion_row(c, headlines) for c in profile.criteria),
        counts=tuple(
            _count(t, "count", COUNT_LABELS[t.key], headlines=headlines) for t in profile.counts
        ),
        terms=tuple(_term_row(i, t, headlines) for i, t in enumerate(profile.inserted_terms)),
        hedges=tuple(
            _count(t, "hedge", title=f"“{t.key}” removed", headlines=headlines)
            for t in profile.hedges_removed
        ),
        copies_from=tuple(
            _count(t, "from", linked=known, title=f"taken from {t.key}", headlines=headlines)
            for t in profile.copies_from
        ),
        copied_by=tuple(
            _count(t, "by", linked=known, title=f"copied by {t.key}", headlines=headlines)
            for t in profile.copied_by
        ),
        standings=tuple(_standing_row(s, labels, headlines) for s in profile.standings),
        headline_terms=tuple(
            _count(
                t,
                "own",
                title=f"“{t.key}” in headlines, never in their bodies",
                headlines=headlines,
            )
            for t in profile.headline_terms
        ),
        articles=replace(
            _count(Tally("articles", profile.articles), "all", headlines=headlines),
            anchor=ALL_ARTICLES,
        ),
    )


def _count(
    tally: Tally,
    prefix: str,
    label: str | None = None,
    linked: set[str] | None = None,
    title: str = "",
    headlines: Mapping[str, str] | None = None,
) -> CountRow:
    """A count row; its anchor is unique on the page (prefix plus a digest of the key)."""
    digest = hashlib.sha256(tally.key.encode("utf-8")).hexdigest()[:10]
    href = f"../{source_href(tally.key)}" if linked and tally.key in linked else ""
    return CountRow(
        label=label or tally.key,
        anchor=f"{prefix}-{digest}",
        count=len(tally.articles),
        articles=tuple(_link(a, headlines or {}) for a in tally.articles),
        href=href,
        title=title,
    )


def _term_row(number: int, use: TermUse, headlines: Mapping[str, str]) -> TermRow:
    """An inserted term with its articles and each wording it replaced."""
    term = f"“{use.term}”"
    return TermRow(
        use.term,
        _count(
            Tally(use.term, use.articles),
            f"term-{number}",
            title=f"{term} inserted",
            headlines=headlines,
        ),
        tuple(
            _count(
                r,
                f"term-{number}-replaced",
                title=f"{term} replacing “{r.key}”",
                headlines=headlines,
            )
            for r in use.replaced
        ),
    )


def _criterion_row(criterion: Criterion, headlines: Mapping[str, str]) -> CriterionRow:
    """A criterion's status, share and failing articles."""
    spec = SPECS[criterion.id]
    status = criterion.status
    css = {None: "status-none", True: "status-met", False: "status-failed"}[criterion.met]
    passed = criterion.judged - len(criterion.evidence)
    share = "" if not criterion.judged else f"{passed} of {criterion.judged} articles"
    if criterion.share is not None:
        share += f" ({criterion.share:.0%})"
    return CriterionRow(
        spec.label,
        spec.tier,
        spec.rule,
        status,
        css,
        share,
        tuple(_link(a, headlines) for a in criterion.evidence),
    )


def _standing_row(
    standing: Standing, labels: dict[str, str], headlines: Mapping[str, str]
) -> StandingRow:
    """An outlet's figure for one event, placed against the others'."""
    others = format_range(standing.others) if standing.others else "no other outlet"
    return StandingRow(
        event=standing.event,
        event_href=f"../{EVENTS_PAGE}#{standing.event}",
        event_label=labels.get(standing.event, standing.event),
        category=standing.category,
        figure=format_range(standing.figure),
        others=others,
        position=standing.position,
        consensus=standing.consensus,
        article=_link(standing.article, headlines),
    )


def _met_text(criteria: Sequence[Criterion]) -> str:
    """'5 of 7 met' over the judged criteria, or a dash when none was judged."""
    judged = [c for c in criteria if c.met is not None]
    if not judged:
        return UNRATED
    return f"{sum(1 for c in judged if c.met)} of {len(judged)} met"


def _link(article: str, headlines: Mapping[str, str]) -> ArticleLink:
    """An article's page, from a source page, named by its headline."""
    return ArticleLink(
        article, f"../{ARTICLES_DIR}/{article}.html", headlines.get(article, article)
    )
