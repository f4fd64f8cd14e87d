"""The sources table as CSV, one row per source, for spreadsheets and scripts.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
carriage return) are prefixed with an apostrophe: every name and term comes from input.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .rating import CRITERIA
from .records import AuditResult, SourceProfile, Tally

CSV_NAME = "sources.csv"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    """The column names: the source, then a status and a share per criterion, then lists."""
    criteria = [name for spec in CRITERIA for name in (spec.id, f"{spec.id}_share")]
    return [
        "name", "kind", "named_by", "files", "articles", "grade", *criteria,
        "inserted_terms", "copies_from", "copied_by",
    ]  # fmt: skip


def to_csv(result: AuditResult) -> str:
    """The sources table as CSV text (RFC 4180, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header())
    writer.writerows([_safe(cell) for cell in _row(profile)] for profile in result.sources)
    return out.getvalue()


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
        _counted(profile.copies_from),
        _counted(profile.copied_by),
    ]


def _counted(tallies: Sequence[Tally]) -> str:
    """'Rudaw (5); Reuters (3)'."""
    return "; ".join(f"{t.key} ({len(t.articles)})" for t in tallies)


def _safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
