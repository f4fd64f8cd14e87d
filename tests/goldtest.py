"""Golden-file comparison with a readable diff and a documented way to accept changes.

To accept a deliberate change of output, run:

    AUDIT_ACCEPT_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/ before committing. On a mismatch the actual
output is saved beside the golden file as *.actual.* for inspection.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
MAX_DIFF_LINES = 80


def compare_golden(name: str, actual: str) -> None:
    """Assert actual equals tests/golden/<name>, or rewrite it when accepting."""
    golden = GOLDEN / name
    stem, dot, suffix = name.rpartition(".")
    saved = GOLDEN / f"{stem}.actual{dot}{suffix}"
    if os.environ.get("AUDIT_ACCEPT_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
        saved.unlink(missing_ok=True)
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual == expected:
        saved.unlink(missing_ok=True)
        return
    saved.write_text(actual, encoding="utf-8")
    diff = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), str(golden), str(saved), lineterm=""
        )
    )
    shown = "\n".join(diff[:MAX_DIFF_LINES])
    raise AssertionError(
        f"{name} differs from the golden file ({len(diff)} diff lines; actual saved to "
        f"{saved}; accept with AUDIT_ACCEPT_GOLDEN=1):\n{shown}"
    )
