"""CSV for spreadsheets and scripts: the sources table, one row per source, and the
articles table, one row per article with its verdict and what it was compared with.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
carriage return) are prefixed with an apostrophe: every name and term comes from input.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .rating import CRITERIA
from .records import ArticleAudit, AuditResult, SourceProfile, Tally
from .report_json import article_kinds
from .report_sources import article_sources

CSV_NAME = "sources.csv"
ARTICLES_CSV = "articles.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    """The column names: the source, then a status and a share per criterion, then lists."""
    criteria = [name for spec in CRITERIA for name in (spec.id, f"{spec.id}_share")]
    return [
        "name", "kind", "named_by", "files", "articles", "grade", *criteria,
        "inserted_terms", "headline_terms", "copies_from", "copied_by",
    ]  # fmt: skip


ARTICLE_COLUMNS = (
    "id", "path", "line", "outlet", "verdict", "basis", "confidence", "severity",
    "headline", "original_headline", "kinds", "unsupported", "original", "url", "published",
    "site", "source", "seen_again",
)  # fmt: skip


def to_csv(result: AuditResult) -> str:
    """The sources table as CSV text (RFC 4180, CRLF line ends)."""
    return _table(header(), (_row(profile) for profile in result.sources))


def articles_csv(result: AuditResult) -> str:
    """The articles table as CSV text: most severe first, as the HTML index lists them."""
    ordered = sorted(result.articles, key=lambda a: -a.severity.rank)
    sources = article_sources(result)
    return _table(list(ARTICLE_COLUMNS), (_article_row(a, sources) for a in ordered))


def _table(columns: list[str], rows: Iterable[list[str]]) -> str:
    """Rows under a header as CSV text, every cell safe from formula execution."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def _article_row(audit: ArticleAudit, sources: dict[str, tuple[str, ...]]) -> list[str]:
    """One article's cells; sources holds the names of the profiles counting each article
    (the source is the one that carries it, not the outlet it names, unless that is all)."""
    a = audit.article
    original = audit.matching.original if audit.matching else None
    names = sources.get(a.id, ())
    carriers = [name for name in names if name != a.outlet] or list(names)
    again = audit.matching.duplicates if audit.matching else ()
    return [
        a.id, a.path, str(a.line), a.outlet or "", audit.verdict, audit.basis,
        audit.confidence, audit.severity.value, a.headline, a.original_headline or "",
        "; ".join(article_kinds(audit)),
        "; ".join(dict.fromkeys(t for c in audit.changes for t in c.unsupported)),
        f"{original.path}:{original.line}" if original else "", a.url or "", a.published or "",
        a.site or "", "; ".join(carriers), "; ".join(f"{m.path}:{m.line}" for m in again),
    ]  # fmt: skip


def _row(profile: SourceProfile) -> list[str]:
    """One source's cells."""
    criteria = []
    for criterion in profile.criteria:
        share = "" if criterion.share is None else f"{criterion.share:.3f}"
        criteria += [criterion.status, share]
    terms = [Tally(t.term, t.articles) for t in profile.inserted_terms]
    return [
        profile.name,
        profile.kind,
        profile.named_by,
        "; ".join(profile.files),
        str(len(profile.articles)),
        profile.grade,
        *criteria,
        _counted(terms),
        _counted(profile.headline_terms),
        _counted(profile.copies_from),
        _counted(profile.copied_by),
    ]


def _counted(tallies: Sequence[Tally]) -> str:
    """'Rudaw (5); Reuters (3)'."""
    return "; ".join(f"{t.key} ({len(t.articles)})" for t in tallies)


def _safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
