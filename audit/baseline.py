"""Baseline: findings a reviewer has seen, so that CI fails only on new ones.

The file is sorted, indented JSON that diffs well in review:

    {"version": 1,
     "findings": [{"fingerprint", "rule", "article", "path", "original", "repost",
                   "verdict": "accepted" | "false-positive" | "to-review", "note"}]}

A reviewer edits ``verdict`` and ``note`` by hand; ``update`` keeps them for findings
that still occur, adds new ones as ``to-review`` and drops the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import defaults
from .errors import InputError
from .findings import Finding
from .output import write_atomic

VERSION = 1
DEFAULT_PATH = defaults.BASELINE_PATH
VERDICTS = ("accepted", "false-positive", "to-review")


@dataclass(frozen=True, slots=True)
class Entry:
    """One baselined finding, with the reviewer's verdict and note."""

    fingerprint: str
    rule: str
    article: str
    path: str
    original: str
    repost: str
    verdict: str = "to-review"
    note: str = ""

    @classmethod
    def of(cls, finding: Finding) -> Entry:
        """A new entry for a finding, to be reviewed."""
        return cls(
            finding.fingerprint, finding.rule, finding.article, finding.path,
            finding.original, finding.repost,
        )  # fmt: skip


def load(path: str) -> tuple[Entry, ...]:
    """The entries of a baseline file; a missing file is an empty baseline."""
    file = Path(path)
    if not file.exists():
        return ()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        entries = tuple(_entry(item) for item in data["findings"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a readable audit baseline ({exc})") from exc
    if data.get("version") != VERSION:
        raise InputError(f"{path}: baseline version {data.get('version')}, expected {VERSION}")
    for entry in entries:
        if entry.verdict not in VERDICTS:
            raise InputError(
                f"{path}: finding {entry.fingerprint} has verdict {entry.verdict!r}; "
                f"use one of {', '.join(VERDICTS)}"
            )
    return entries


def save(path: str, entries: Iterable[Entry]) -> None:
    """Write a baseline atomically, entries sorted so that the file diffs well."""
    unique = {e.fingerprint: e for e in entries}
    ordered = sorted(unique.values(), key=lambda e: (e.path, e.article, e.rule, e.fingerprint))
    data = {"version": VERSION, "findings": [_as_dict(e) for e in ordered]}
    write_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def updated(old: Iterable[Entry], found: Iterable[Finding]) -> tuple[list[Entry], list[Entry]]:
    """The entries for the findings now, keeping old verdicts and notes; and the dropped."""
    previous = {e.fingerprint: e for e in old}
    current = {f.fingerprint: f for f in found}
    kept = [
        replace(previous[fp], path=f.path, article=f.article) if fp in previous else Entry.of(f)
        for fp, f in current.items()
    ]
    dropped = [e for fp, e in previous.items() if fp not in current]
    return kept, dropped


def stale(entries: Iterable[Entry], found: Iterable[Finding]) -> list[Entry]:
    """Baseline entries that no longer occur."""
    present = {f.fingerprint for f in found}
    return [e for e in entries if e.fingerprint not in present]


def _entry(item: dict[str, Any]) -> Entry:
    """An entry from its JSON object; unknown fields are an error."""
    return Entry(**{key: str(value) for key, value in item.items()})


def _as_dict(entry: Entry) -> dict[str, str]:
    """An entry as a JSON object in a fixed key order."""
    return {
        "fingerprint": entry.fingerprint,
        "rule": entry.rule,
        "article": entry.article,
        "path": entry.path,
        "original": entry.original,
        "repost": entry.repost,
        "verdict": entry.verdict,
        "note": entry.note,
    }
