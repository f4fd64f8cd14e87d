"""Command-line interface: a thin layer of click over the library.

Exit codes (the convention of ruff and flake8):
    0  the run completed
    1  findings at or above the failure threshold (for `audit check`)
    2  usage or input error: bad arguments, nothing readable, an output not writable
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from typing import Any

import click

from . import ingest, report, report_json
from .errors import AuditError
from .pipeline import Progress, audit_paths
from .records import AuditResult

# Show a progress bar from this many files on, and only on a terminal.
PROGRESS_MIN_FILES = 20


class ExitCode(IntEnum):
    """Process exit statuses, named in one place."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="audit")
def main() -> None:
    """Audit reposted news: find changed wording, inserted terms and altered figures.

    Example: audit run seeds/
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "-o",
    "--output",
    default="reports",
    show_default=True,
    help="Folder for the reports, or '-' for JSON on stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="all",
    show_default=True,
    help="Which reports to write.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def run(paths: tuple[str, ...], output: str, fmt: str, quiet: bool) -> None:
    """Audit files or folders (recursively, *.txt) and write JSON and HTML reports.

    Example: audit run seeds/ -o reports/
    """
    with _errors_to_exit_codes():
        files = list(ingest.expand(paths))
        result = audit_paths(files, progress=_progress(len(files), quiet))
        if not result.inputs:
            _fail(result, "nothing could be read")
        written = report.write_reports(result, output, fmt)
        if not quiet:
            _print_summary(result, written)
    sys.exit(ExitCode.OK)


def summary_line(result: AuditResult) -> str:
    """The closing summary: reposts, files, inserted wording, severities, events, skipped."""
    counts = report_json.summary(result)
    severities = ", ".join(f"{n} {name}" for name, n in counts["severity"].items() if n)
    singles = counts["articles"] - counts["reposts"]
    return (
        f"{counts['reposts']} reposts and {singles} other articles in {counts['files']} files, "
        f"{counts['with_unsupported_terms']} with inserted wording ({severities}); "
        f"{counts['events']} events, {counts['events_with_disagreement']} with disagreeing "
        f"figures; {counts['skipped']} files skipped"
    )


def _print_summary(result: AuditResult, written: list[str]) -> None:
    """Warnings, skipped files and the summary, on stderr."""
    for item in result.inputs:
        for warning in item.warnings:
            click.echo(f"warning: {warning}", err=True)
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(summary_line(result), err=True)
    for path in written:
        if path != "<stdout>":
            click.echo(f"wrote {path}", err=True)


def _fail(result: AuditResult, why: str) -> None:
    """Report every skipped file and stop with the error status."""
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(f"error: {why}", err=True)
    sys.exit(ExitCode.ERROR)


def _progress(files: int, quiet: bool) -> Progress | None:
    """A progress callback drawing a bar on stderr for long runs on a terminal."""
    if quiet or files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    bar: Any = click.progressbar(length=files, label="auditing", file=sys.stderr)
    bar.__enter__()

    def advance(_path: str) -> None:
        bar.update(1)
        if bar.pos >= bar.length:
            bar.__exit__(None, None, None)

    return advance


@contextmanager
def _errors_to_exit_codes() -> Iterator[None]:
    """The one place where library errors become an error message and exit status."""
    try:
        yield
    except AuditError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
