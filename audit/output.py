"""Atomic file output: write to a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, content: str) -> None:
    """Replace path with content so that readers see the old file or the new, never half."""
    write_all_atomic([(path, content)])


def write_all_atomic(files: Sequence[tuple[Path, str]]) -> None:
    """Replace each path with its content, in order, each atomically: a temporary file
    beside it, then a rename, so that readers see the old file or the new, never half.
    The contents reach the disk with one sync for all, not one per file (a report of a
    thousand pages would otherwise spend seconds syncing)."""
    pending: list[tuple[str, Path]] = []
    current = Path(".")
    mode = _file_mode()
    try:
        _remove_stale(files)
        for current, content in files:
            current.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{current.name}.", suffix=".tmp", dir=current.parent
            )
            pending.append((tmp, current))
            os.fchmod(fd, mode)  # mkstemp makes 0600; a report is for others to read too
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
        os.sync()
        while pending:
            tmp, current = pending[0]
            os.replace(tmp, current)
            pending.pop(0)
    except OSError as exc:
        raise OutputError(f"{current}: cannot write report: {exc.strerror or exc}") from exc
    finally:
        for tmp, _ in pending:
            Path(tmp).unlink(missing_ok=True)


def _file_mode() -> int:
    """The mode a new file gets under the process's umask (0644 under the usual 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _remove_stale(files: Sequence[tuple[Path, str]]) -> None:
    """Remove the temporary files a killed earlier write of these same files left behind
    (a rename never happened, so nothing reads them), one folder listing each."""
    names: dict[Path, set[str]] = {}
    for path, _ in files:
        names.setdefault(path.parent, set()).add(path.name)
    for folder, wanted in names.items():
        if not folder.is_dir():
            continue
        for entry in os.scandir(folder):
            name = entry.name
            if name.startswith(".") and name.endswith(".tmp"):
                target = name[1:].rsplit(".", 2)[0]
                if target in wanted:
                    Path(entry.path).unlink(missing_ok=True)
