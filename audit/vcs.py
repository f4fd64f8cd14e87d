"""Version control: which files changed since a git ref, for `audit check --changed-since`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import InputError


def changed_since(ref: str, where: Path | None = None) -> set[Path]:
    """Resolved paths of files added, copied, modified or renamed since ref, untracked
    (not ignored) files included."""
    root = Path(_git(["rev-parse", "--show-toplevel"], ref, where).strip())
    listed = _git(["diff", "--name-only", "-z", "--diff-filter=ACMR", ref, "--"], ref, root)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], ref, root)
    names = [n for n in (listed + untracked).split("\0") if n]
    return {(root / name).resolve() for name in names}


def _git(args: list[str], ref: str, where: Path | None) -> str:
    """Run git; any failure is an input error naming the ref."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=where, capture_output=True, text=True, check=False, timeout=120
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise InputError(f"--changed-since {ref}: cannot run git: {exc}") from exc
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise InputError(f"--changed-since {ref}: {reason}")
    return done.stdout
