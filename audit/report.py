"""Writing reports: one entry point for every output format; '-' means stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from . import defaults, report_csv, report_html, report_json
from .errors import OutputError
from .output import write_all_atomic
from .records import AuditResult

STDOUT = defaults.STDOUT
FORMATS = defaults.FORMATS
JSON_NAME = "audit.json"
# What a report folder lists of its own files, so that a later run removes only those.
MANIFEST = ".audit-report.json"
REPORT_SUFFIXES = (".html", ".json", ".csv")
# The formats that are one file and can go to stdout.
STDOUT_FORMATS = ("json", "all")


def write_reports(
    result: AuditResult,
    out: str,
    fmt: str = "all",
    stdout: TextIO | None = None,
    wants_rule: Callable[[str], bool] | None = None,
) -> list[str]:
    """Write the chosen formats into folder out (or JSON to stdout); returns what was written.

    json: audit.json; csv: sources.csv and articles.csv (one row per source, one per
    article); html: index.html and its pages. audit.json lists the rule findings that
    wants_rule accepts (all by default).
    """
    if out == STDOUT:
        if fmt not in STDOUT_FORMATS:
            raise OutputError(
                f"-: the {fmt} report is several files and cannot go to stdout; "
                "give -o FOLDER, or --format json"
            )
        (stdout or sys.stdout).write(report_json.to_json(result, wants_rule))
        return ["<stdout>"]
    folder = Path(out)
    groups: list[tuple[dict[str, str], str]] = []
    if fmt in ("json", "all"):
        groups.append(({JSON_NAME: report_json.to_json(result, wants_rule)}, JSON_NAME))
    if fmt in ("csv", "all"):
        tables = {
            report_csv.CSV_NAME: report_csv.to_csv(result),
            report_csv.ARTICLES_CSV: report_csv.articles_csv(result),
        }
        groups.append((tables, report_csv.CSV_NAME))
    if fmt in ("html", "all"):
        groups.append((report_html.render(result), "index.html"))
    names = sorted(name for files, _ in groups for name in files)
    earlier = _manifest(folder)
    # The manifest is renamed into place first, so that an interrupted run leaves no
    # file unlisted; each format's entry page last, so that it never links to a missing one.
    pending = [(folder / MANIFEST, _manifest_text(sorted({*earlier, *names})))]
    for files, last in groups:
        order: Iterable[str] = sorted(files, key=lambda name: name == last)
        pending.extend((folder / name, files[name]) for name in order)
    write_all_atomic(pending)
    for name in sorted(set(earlier) - set(names)):
        _remove(folder, name)
    write_all_atomic([(folder / MANIFEST, _manifest_text(names))])
    return [str(folder / last) for _, last in groups]


def _manifest(folder: Path) -> list[str]:
    """The files an earlier run wrote into folder, as its manifest lists them; nothing
    when there is none or it is not one (the folder's files are then left alone)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    written = data.get("written") if isinstance(data, dict) else None
    if not isinstance(written, list):
        return []
    return [name for name in written if isinstance(name, str) and _ours(name)]


def _ours(name: str) -> bool:
    """True for a name the tool could have written: a report file inside the folder."""
    parts = name.split("/")
    return (
        name.endswith(REPORT_SUFFIXES)
        and "\\" not in name
        and all(part not in ("", ".", "..") for part in parts)
    )


def _manifest_text(names: list[str]) -> str:
    """The manifest of a report folder: the files this tool wrote there."""
    note = "Files audit wrote here; the next run into this folder removes those it does not write."
    return json.dumps({"note": note, "written": names}, indent=1) + "\n"


def _remove(folder: Path, name: str) -> None:
    """Remove a file an earlier run wrote (a regular file only, never a link's target)."""
    path = folder / name
    try:
        if path.is_file() and not path.is_symlink():
            path.unlink()
    except OSError as exc:
        why = exc.strerror or exc
        raise OutputError(f"{path}: cannot remove a stale report page: {why}") from exc
