"""Check: audit files for CI, decide which findings are new and whether they fail the run.

``should_fail`` is the one pure function that turns findings into pass or fail. Files
that pass are recorded in the index, so a later check skips them (same content hash)
and later reposts are matched against them; files that fail are checked again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from . import baseline, defaults, ingest
from .baseline import Entry
from .findings import Finding, findings
from .index import Index
from .pipeline import Originals, Progress, audit_paths, index_paths
from .records import AuditResult, Severity
from .sources import Naming

if TYPE_CHECKING:
    from .config import Config

FAIL_ON = defaults.FAIL_ON
DEFAULT_FAIL_ON = defaults.DEFAULT_FAIL_ON


@dataclass(frozen=True, slots=True)
class Outcome:
    """The findings of a check, split into new and already accepted."""

    new: tuple[Finding, ...]
    known: tuple[Finding, ...]
    fail_on: Severity
    stale: tuple[Entry, ...] = ()

    @property
    def failing(self) -> tuple[Finding, ...]:
        """New findings at or above the threshold."""
        return tuple(f for f in self.new if f.severity.rank >= self.fail_on.rank)


def outcome(
    found: Iterable[Finding],
    entries: Iterable[Entry],
    fail_on: str,
    checked: Iterable[str] | None = None,
) -> Outcome:
    """Split findings by whether the baseline holds their fingerprint; entries of the
    checked files (all files when None) that no longer occur are stale."""
    found, entries = tuple(found), tuple(entries)
    accepted = {e.fingerprint for e in entries}
    if checked is not None:
        paths = set(checked)
        entries = tuple(e for e in entries if e.path in paths)
    return Outcome(
        new=tuple(f for f in found if f.fingerprint not in accepted),
        known=tuple(f for f in found if f.fingerprint in accepted),
        fail_on=Severity(fail_on),
        stale=tuple(baseline.stale(entries, found)),
    )


def check_key(
    settings: Config,
    fail_on: str,
    baseline_path: str,
    index: Index,
    references: Sequence[str] = (),
) -> str:
    """The key of everything that decides whether a file passes: the tool's version, the
    rules selected, the threshold, the baseline's content, the references in the index
    and the content of the reference files given. A file is skipped only when the same
    content passed under the same key."""
    path = Path(baseline_path)
    baseline_hash = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    decided = {
        "audit": version("audit"),
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "fields": list(settings.fields),
        "fail_on": fail_on,
        "baseline": baseline_hash,
        "references": index.reference_state(),
        "reference_files": sorted(_digest(f) for f in ingest.expand(references)),
    }
    return hashlib.sha256(json.dumps(decided, sort_keys=True).encode()).hexdigest()


def _digest(path: str) -> str:
    """The SHA-256 of a file's bytes ('' when it cannot be read: the run will say why)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def audit_for_ci(
    files: Sequence[str],
    settings: Config,
    originals: Originals,
    progress: Progress | None = None,
    naming: Naming | None = None,
    jobs: int = 1,
) -> tuple[AuditResult, tuple[Finding, ...]]:
    """Audit the wanted files (leaving out those that passed under originals.skip_checked,
    when given) in up to jobs workers, and keep the findings of the selected rules."""
    wanted = [f for f in files if f == ingest.STDIN or settings.wants_file(f)]
    result = audit_paths(
        wanted,
        progress=progress,
        originals=originals,
        naming=naming,
        fields=dict(settings.fields),
        jobs=jobs,
    )
    return result, tuple(f for f in findings(result) if settings.wants_rule(f.rule))


def record_passing(index: Index, result: AuditResult, decided: Outcome, key: str) -> int:
    """Record the checked files without failing findings as passed under key, and add
    them to the index for later reposts to be matched against; how many passed."""
    failed = {f.path for f in decided.failing}
    passing = [i for i in result.inputs if i.path not in failed and i.path != ingest.STDIN]
    new = [i.sha256 for i in passing if not index.contains(i.sha256)]
    index.record_checked([i.sha256 for i in passing], key, added=new)
    index_paths(index, [i.path for i in passing])
    return len(passing)


def should_fail(result: Outcome, exit_zero: bool = False) -> bool:
    """True when the check must fail: a new finding at or above the threshold."""
    return not exit_zero and bool(result.failing)
