"""Check: decide, for CI, which findings are new and whether they fail the run.

``should_fail`` is the one pure function that turns findings into pass or fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import baseline
from .baseline import Entry
from .findings import Finding
from .records import Severity

FAIL_ON = ("high", "medium", "low")
DEFAULT_FAIL_ON = "medium"


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


def outcome(found: Iterable[Finding], entries: Iterable[Entry], fail_on: str) -> Outcome:
    """Split findings by whether the baseline holds their fingerprint."""
    found, entries = tuple(found), tuple(entries)
    accepted = {e.fingerprint for e in entries}
    return Outcome(
        new=tuple(f for f in found if f.fingerprint not in accepted),
        known=tuple(f for f in found if f.fingerprint in accepted),
        fail_on=Severity(fail_on),
        stale=tuple(baseline.stale(entries, found)),
    )


def should_fail(result: Outcome, exit_zero: bool = False) -> bool:
    """True when the check must fail: a new finding at or above the threshold."""
    return not exit_zero and bool(result.failing)
