"""Writing reports: one entry point for every output format; '-' means stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from . import defaults, report_csv, report_html, report_json
from .output import write_all_atomic
from .records import AuditResult

STDOUT = defaults.STDOUT
FORMATS = defaults.FORMATS
JSON_NAME = "audit.json"


def write_reports(
    result: AuditResult, out: str, fmt: str = "all", stdout: TextIO | None = None
) -> list[str]:
    """Write the chosen formats into folder out (or JSON to stdout); returns what was written.

    json: audit.json; csv: sources.csv and articles.csv (one row per source, one per
    article); html: index.html and its pages.
    """
    if out == STDOUT:
        (stdout or sys.stdout).write(report_json.to_json(result))
        return ["<stdout>"]
    folder = Path(out)
    written: list[str] = []
    if fmt in ("json", "all"):
        written.append(_write(folder, {JSON_NAME: report_json.to_json(result)}))
    if fmt in ("csv", "all"):
        tables = {
            report_csv.CSV_NAME: report_csv.to_csv(result),
            report_csv.ARTICLES_CSV: report_csv.articles_csv(result),
        }
        written.append(_write(folder, tables, last=report_csv.CSV_NAME))
    if fmt in ("html", "all"):
        pages = report_html.render(result)
        written.append(_write(folder, pages, last="index.html"))
    return written


def _write(folder: Path, files: dict[str, str], last: str | None = None) -> str:
    """Write files atomically, the entry page last so it never links to missing pages."""
    order: Iterable[str] = sorted(files, key=lambda name: name == last)
    write_all_atomic([(folder / name, files[name]) for name in order])
    return str(folder / (last or next(iter(files))))
