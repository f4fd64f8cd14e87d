"""Check: audit files for CI, decide which findings are new and whether they fail the run.

``should_fail`` is the one pure function that turns findings into pass or fail. Files
that pass are recorded in the index, so a later check skips them (same content hash)
and later reposts are matched against them; files that fail are checked again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


def audit_for_ci(
    files: Sequence[str],
    settings: Config,
    index: Index | None,
    skip_indexed: bool,
    progress: Progress | None = None,
    naming: Naming | None = None,
) -> tuple[AuditResult, tuple[Finding, ...]]:
    """Audit the wanted files (leaving out those already indexed, when asked) and keep the
    findings of the selected rules."""
    wanted = [f for f in files if f == ingest.STDIN or settings.wants_file(f)]
    originals = Originals((), index, skip_indexed=skip_indexed)
    result = audit_paths(wanted, progress=progress, originals=originals, naming=naming)
    return result, tuple(f for f in findings(result) if settings.wants_rule(f.rule))


def record_passing(index: Index, result: AuditResult, decided: Outcome) -> int:
    """Add the checked files without failing findings to the index; how many were added."""
    failed = {f.path for f in decided.failing}
    passing = [i.path for i in result.inputs if i.path not in failed and i.path != ingest.STDIN]
    added, _skipped = index_paths(index, passing)
    return added.files_added


def should_fail(result: Outcome, exit_zero: bool = False) -> bool:
    """True when the check must fail: a new finding at or above the threshold."""
    return not exit_zero and bool(result.failing)
