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
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

# Only what option definitions and --help need is imported here; each command imports
# the stages it runs, so that `audit --help` starts in a fraction of a run's time.
from . import config, defaults, ingest, parallel, vcs
from .errors import AuditError, IndexFileError
from .output import write_atomic

if TYPE_CHECKING:
    from .check import Outcome
    from .findings import Finding
    from .index import Index
    from .pipeline import Progress
    from .records import AuditResult, SourceProfile

# Options shared by commands, so that a flag means the same everywhere.
_reading_index = click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False),
    help="Reference index to find originals in [default: [tool.audit] index, or "
    f"{defaults.INDEX_PATH} when it exists].",
)
_baseline_option = click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help=f"Baseline of reviewed findings [default: [tool.audit] baseline, else "
    f"{defaults.BASELINE_PATH}].",
)
_select_option = click.option(
    "--select", metavar="RULES", help="Report only these rules or prefixes: AUD1,AUD201."
)
_ignore_option = click.option(
    "--ignore", metavar="RULES", help="Never report these rules or prefixes: AUD301."
)


def _source_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A --source value: a name with text in it."""
    if value is not None and not value.strip():
        raise click.BadParameter("must not be empty")
    return value.strip() if value else None


_source_option = click.option(
    "--source",
    metavar="NAME",
    callback=_source_name,
    help="The source that published every given file, e.g. 'Fringe site' "
    "[default: [tool.audit.sources] globs, else each file is its own source].",
)
_reference_option = click.option(
    "--reference",
    "references",
    multiple=True,
    type=click.Path(exists=True),
    help="Reference files or folders of originals, indexed in memory for this run (repeatable).",
)
_quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
_field_option = click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    help="The key of a JSON Lines or CSV field with an uncommon name, e.g. title=heading "
    "(repeatable; names: title, text, url, published, site, author) "
    "[default: [tool.audit.fields]].",
)
_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes for reading and auditing; the output is the same for any "
    "number [default: 0, every core].",
)
# The options of every command that audits articles, in the order --help lists them.
ARTICLE_OPTIONS = (
    _reading_index,
    _reference_option,
    _source_option,
    _select_option,
    _ignore_option,
    _field_option,
    _jobs_option,
    _quiet_option,
)


def _article_options(command: Any) -> Any:
    """Give a command every option of ARTICLE_OPTIONS, so each means the same everywhere."""
    for option in reversed(ARTICLE_OPTIONS):
        command = option(command)
    return command


@dataclass(frozen=True, slots=True)
class Reading:
    """The values of ARTICLE_OPTIONS: where originals are, who published, which rules."""

    index_path: str | None
    references: tuple[str, ...]
    source: str | None
    select: str | None
    ignore: str | None
    fields: tuple[str, ...]
    jobs: int
    quiet: bool

    def settings(self) -> config.Config:
        """The configuration, with the rule selection and record fields given on top."""
        settings = _ci_config(self.select, self.ignore)
        if not self.fields:
            return settings
        given = dict(settings.fields)
        for item in self.fields:
            name, _, key = item.partition("=")
            given[name.strip()] = key
        return replace(settings, fields=config.fields("--field", given))


_writing_index = click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False),
    help=f"Index file [default: [tool.audit] index, else {defaults.INDEX_PATH}].",
)
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
    type=click.Choice(defaults.FORMATS),
    default="all",
    show_default=True,
    help="Which reports to write (json alone can go to stdout).",
)
@_article_options
def run(paths: tuple[str, ...], output: str, fmt: str, **options: Any) -> None:
    """Audit files or folders (recursively, *.txt) and write JSON and HTML reports.

    Each article is matched against the other inputs, the --reference files and the
    index to find its original, and its headline and body are compared with it. Each
    source (--source, [tool.audit.sources], else each file) gets a profile and a grade.
    --select and --ignore choose the rule findings audit.json lists.

    Example: audit run seeds/ -o reports/
    """
    from . import report
    from .pipeline import Originals, audit_paths

    with _errors_to_exit_codes():
        reading = Reading(**options)
        files = list(ingest.expand(paths))
        settings = reading.settings()
        naming = settings.naming(reading.source)
        with _run_index(reading.index_path) as index:
            originals = Originals(reading.references, index)
            progress = _progress(len(files), reading.quiet)
            result = audit_paths(
                files,
                progress=progress,
                originals=originals,
                naming=naming,
                fields=dict(settings.fields),
                jobs=parallel.jobs_value(reading.jobs),
            )
        if not result.inputs:
            _fail(result, "nothing could be read")
        written = report.write_reports(result, output, fmt, wants_rule=settings.wants_rule)
        if not reading.quiet:
            _print_summary(result, written)
    sys.exit(ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@_article_options
@click.option(
    "--fail-on",
    type=click.Choice(defaults.FAIL_ON),
    help="Lowest severity of a new finding that fails the check "
    f"[default: [tool.audit] fail_on, else {defaults.DEFAULT_FAIL_ON}].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(defaults.CI_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File to write the findings to (one file, unlike run's folder), or '-'.",
)
@click.option("--exit-zero", is_flag=True, help="Report findings but always exit 0.")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only files added or changed since this git ref (untracked files included).",
)
@click.option(
    "--all",
    "check_all",
    is_flag=True,
    help="Check every file, also those that passed before under the same settings.",
)
@_baseline_option
def check(
    paths: tuple[str, ...],
    baseline_path: str | None,
    changed_since: str | None,
    fail_on: str | None,
    fmt: str,
    output: str,
    exit_zero: bool,
    check_all: bool,
    **options: Any,
) -> None:
    """Check files for CI: exit 1 on new findings at or above --fail-on.

    Exit status: 0 no new finding at or above the threshold, 1 new findings, 2 usage
    or input error. Findings go to stdout (or -o FILE), the summary to stderr.

    Example: audit check seeds/ --format sarif -o audit.sarif
    """
    from . import baseline, report_ci, report_json
    from . import check as check_module
    from .index import Index

    with _errors_to_exit_codes():
        reading = Reading(**options)
        settings = reading.settings()
        threshold = settings.threshold(fail_on)
        files = _changed(list(ingest.expand(paths)), changed_since)
        with Index.open(settings.index_path(reading.index_path)) as index:
            baseline_file = settings.baseline_path(baseline_path)
            key = check_module.check_key(
                settings, threshold, baseline_file, index, reading.references
            )
            skip_key = None if check_all else key
            result, found = _ci_audit(files, settings, index, reading, skip_key)
            entries = baseline.load(baseline_file)
            checked = [i.path for i in result.inputs]
            decided = check_module.outcome(found, entries, threshold, checked)
            _write_ci(report_ci.render(fmt, decided, result), output)
            try:
                recorded = check_module.record_passing(index, result, decided, key)
            except IndexFileError as exc:  # the findings stand; only the record is lost
                click.echo(f"warning: passing files not recorded: {exc}", err=True)
                recorded = 0
        if reading.quiet:
            sys.exit(_check_status(decided, exit_zero))
        for entry in decided.stale:
            click.echo(
                f"baseline entry no longer found: {entry.fingerprint} {entry.rule} "
                f"{entry.path} ({entry.verdict})",
                err=True,
            )
        click.echo(
            f"{len(result.articles)} articles in {len(result.inputs)} files checked "
            f"({len(files) - len(result.inputs)} skipped: passed before, same content and "
            f"settings): {len(decided.new)} new findings, {len(decided.failing)} at or above "
            f"{threshold}, {len(decided.known)} in the baseline; {recorded} passing files "
            "recorded; "
            f"verdicts: {report_json.verdict_phrase(result)}",
            err=True,
        )
    sys.exit(_check_status(decided, exit_zero))


def _check_status(decided: Outcome, exit_zero: bool) -> ExitCode:
    """The exit status of a check."""
    from .check import should_fail

    return ExitCode.FINDINGS if should_fail(decided, exit_zero) else ExitCode.OK


@main.group("baseline")
def baseline_group() -> None:
    """Record reviewed findings so that `audit check` fails only on new ones.

    Example: audit baseline write seeds/
    """


@baseline_group.command("write")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_article_options
@_baseline_option
def baseline_write(paths: tuple[str, ...], baseline_path: str | None, **options: Any) -> None:
    """Write a new baseline of every current finding, each marked to-review.

    Example: audit baseline write seeds/ --baseline audit-baseline.json
    """
    from . import baseline

    with _errors_to_exit_codes():
        reading = Reading(**options)
        settings, found = _baseline_findings(paths, reading)
        target = settings.baseline_path(baseline_path)
        baseline.save(target, [baseline.Entry.of(f) for f in found])
        if not reading.quiet:
            click.echo(f"wrote {target}: {len({f.fingerprint for f in found})} findings", err=True)
    sys.exit(ExitCode.OK)


@baseline_group.command("update")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_article_options
@_baseline_option
def baseline_update(paths: tuple[str, ...], baseline_path: str | None, **options: Any) -> None:
    """Update a baseline: keep verdicts and notes, add new findings, drop gone ones.

    Example: audit baseline update seeds/
    """
    from . import baseline

    with _errors_to_exit_codes():
        reading = Reading(**options)
        settings, found = _baseline_findings(paths, reading)
        target = settings.baseline_path(baseline_path)
        kept, dropped = baseline.updated(baseline.load(target), found)
        baseline.save(target, kept)
        if not reading.quiet:
            click.echo(f"updated {target}: {len(kept)} findings, {len(dropped)} dropped", err=True)
    sys.exit(ExitCode.OK)


def _ci_config(select: str | None = None, ignore: str | None = None) -> config.Config:
    """The configuration, with rule selection from the command line on top."""
    settings = config.load()
    if select is not None:
        settings = replace(settings, select=_ids(select))
    if ignore is not None:
        settings = replace(settings, ignore=_ids(ignore))
    return settings


def _ids(text: str) -> tuple[str, ...]:
    """Comma-separated rule ids or prefixes."""
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _baseline_findings(
    paths: tuple[str, ...], reading: Reading
) -> tuple[config.Config, tuple[Finding, ...]]:
    """The configuration and every current finding of the files, for a baseline."""
    settings = reading.settings()
    with _run_index(reading.index_path) as index:
        _, found = _ci_audit(list(ingest.expand(paths)), settings, index, reading, None)
    return settings, found


def _changed(files: list[str], ref: str | None) -> list[str]:
    """The files git lists as changed since ref (all of them when ref is None)."""
    if ref is None:
        return files
    changed = vcs.changed_since(ref)
    return [f for f in files if f != ingest.STDIN and Path(f).resolve() in changed]


def _ci_audit(
    files: list[str],
    settings: config.Config,
    index: Index | None,
    reading: Reading,
    skip_key: str | None,
) -> tuple[AuditResult, tuple[Finding, ...]]:
    """Audit files for CI; an unreadable input is an error, not a skipped file."""
    from . import check as check_module
    from .pipeline import Originals
    from .records import AuditResult

    if not files:
        return AuditResult((), (), ()), ()
    progress = _progress(len(files), reading.quiet)
    naming = settings.naming(reading.source)
    originals = Originals(reading.references, index, skip_checked=skip_key)
    jobs = parallel.jobs_value(reading.jobs)
    result, found = check_module.audit_for_ci(files, settings, originals, progress, naming, jobs)
    if any(s.fatal for s in result.skipped):
        _fail(result, "some inputs could not be read")
    return result, found


def _write_ci(text: str, output: str) -> None:
    """CI output to stdout or, atomically, to a file."""
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomic(Path(output), text)


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print what a rule means and how to act on it.

    Example: audit explain AUD101
    """
    from . import rules

    try:
        click.echo(rules.explain(rule_id), nl=False)
    except KeyError:
        known = ", ".join(r.id for r in rules.RULES)
        click.echo(f"error: no rule {rule_id!r}; known rules: {known}", err=True)
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.OK)


@main.group()
def index() -> None:
    """Build and inspect the reference index that originals are looked up in.

    Example: audit index add seeds/
    """


@index.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_writing_index
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def index_add(paths: tuple[str, ...], index_path: str | None, quiet: bool) -> None:
    """Add the articles of files or folders to the index; files already in it are skipped.

    Example: audit index add seeds/ --index .audit/index.sqlite
    """
    from .index import Index
    from .pipeline import index_paths

    with _errors_to_exit_codes():
        settings = config.load()
        with Index.open(settings.index_path(index_path)) as target:
            added, skipped = index_paths(target, paths, fields=dict(settings.fields))
            info = target.info()
        for item in skipped:
            click.echo(f"skipped {item.path}: {item.reason}", err=True)
        if not quiet:
            click.echo(
                f"added {added.files_added} files ({added.articles_added} articles), "
                f"{added.files_present} already indexed; {info.path} holds {info.files} files, "
                f"{info.articles} articles",
                err=True,
            )
    sys.exit(ExitCode.OK)


@index.command("info")
@_writing_index
def index_info(index_path: str | None) -> None:
    """Print the index's counts, size and sketch settings.

    Example: audit index info --index .audit/index.sqlite
    """
    from .index import Index

    with _errors_to_exit_codes():
        with Index.open(config.load().index_path(index_path), create=False) as opened:
            info = opened.info()
        click.echo(f"index: {info.path}")
        click.echo(f"files: {info.files}")
        click.echo(f"articles: {info.articles}")
        click.echo("segments: " + ", ".join(f"{k} {v}" for k, v in info.segments.items()))
        click.echo(f"size: {info.bytes} bytes")
        for key, value in info.settings.items():
            click.echo(f"{key}: {value}")
    sys.exit(ExitCode.OK)


@contextmanager
def _run_index(given: str | None) -> Iterator[Index | None]:
    """The index a run reads: given, configured, or the default one when it exists."""
    from .index import Index

    settings = config.load()
    path = given or settings.index
    if path is None and Path(defaults.INDEX_PATH).is_file():
        path = defaults.INDEX_PATH
    if path is None:
        yield None
        return
    with Index.open(path, create=False) as opened:
        yield opened


def summary_line(result: AuditResult) -> str:
    """The closing summary: reposts, files, inserted wording, originals, events, skipped."""
    from . import report_json

    counts = report_json.summary(result)
    severities = ", ".join(f"{n} {name}" for name, n in counts["severity"].items() if n)
    singles = counts["articles"] - counts["reposts"]
    return (
        f"{counts['reposts']} reposts and {singles} other articles in {counts['files']} files, "
        f"{counts['with_unsupported_terms']} with inserted wording ({severities}); "
        f"{counts['with_original']} matched to an original, {counts['with_body_changes']} with "
        f"altered bodies; verdicts: {report_json.verdict_phrase(result)}; "
        f"{counts['events']} events, {counts['events_with_disagreement']} with "
        f"disagreeing figures; {counts['skipped']} files skipped"
    )


def source_line(profile: SourceProfile) -> str:
    """One line on a reposting source: its grade and the criteria it does not meet."""
    failed = ", ".join(c.id for c in profile.criteria if c.met is False) or "none"
    return (
        f"source {profile.name} ({profile.kind}, {len(profile.articles)} articles): "
        f"grade {profile.grade}; not met: {failed}"
    )


def _print_summary(result: AuditResult, written: list[str]) -> None:
    """Warnings, skipped files and the summary, on stderr."""
    for item in result.inputs:
        for warning in item.warnings:
            click.echo(f"warning: {warning}", err=True)
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(summary_line(result), err=True)
    for profile in result.sources:
        if profile.kind == "reposter":
            click.echo(source_line(profile), err=True)
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
