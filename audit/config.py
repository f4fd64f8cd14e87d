"""Configuration: the ``[tool.audit]`` table of the nearest pyproject.toml, then ``AUDIT_*``
environment variables, then the command line, each overriding the one before.

Keys (paths are relative to the folder of the pyproject.toml that sets them):

    index     the reference index file (default: .audit/index.sqlite)
    baseline  the CI baseline of reviewed findings (default: audit-baseline.json)
    fail_on   lowest severity that fails `audit check`: high, medium (default) or low
    include   globs of files to check, e.g. ["articles/**/*.txt"] (default: every file)
    exclude   globs of files to leave out
    select    rule ids or prefixes to report, e.g. ["AUD1", "AUD201"] (default: all)
    ignore    rule ids or prefixes never to report

And a table naming who published which files, path globs to source names (the first
glob that matches wins; `--source` on the command line overrides it):

    [tool.audit.sources]
    "dumps/fringe-*.txt" = "Fringe site"

And a table naming the fields of JSON Lines and CSV records, when their names are not
the common ones (`--field NAME=KEY` on the command line overrides it):

    [tool.audit.fields]
    title = "heading"
    text = "story"

Environment: AUDIT_INDEX, AUDIT_BASELINE, AUDIT_FAIL_ON, and comma-separated
AUDIT_INCLUDE, AUDIT_EXCLUDE, AUDIT_SELECT, AUDIT_IGNORE. An unknown key in
[tool.audit] is an error that names it, so a typo never passes silently.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .defaults import BASELINE_PATH, DEFAULT_FAIL_ON, FAIL_ON, INDEX_PATH
from .errors import InputError

if TYPE_CHECKING:
    from .sources import Naming

_PATHS = ("index", "baseline")
_LISTS = ("include", "exclude", "select", "ignore")
KEYS = (*_PATHS, "fail_on", *_LISTS)
SOURCES = "sources"
FIELDS = "fields"
# The record fields a [tool.audit.fields] key or --field may name (see formats.FIELDS).
FIELD_NAMES = ("title", "text", "url", "published", "site", "author")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings after pyproject.toml and the environment; ``path`` names the file read."""

    index: str | None = None
    baseline: str | None = None
    fail_on: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    path: str | None = None

    def index_path(self, given: str | None) -> str:
        """The index to use: given on the command line, else configured, else the default."""
        return given or self.index or INDEX_PATH

    def baseline_path(self, given: str | None) -> str:
        """The baseline to use: given on the command line, else configured, else the default."""
        return given or self.baseline or BASELINE_PATH

    def threshold(self, given: str | None) -> str:
        """The severity that fails a check: given, else configured, else the default."""
        return given or self.fail_on or DEFAULT_FAIL_ON

    def naming(self, given: str | None) -> Naming:
        """Which source published each file: given for all, else the configured globs."""
        from .sources import Naming  # loaded when a run needs it, not for --help

        return Naming(given, self.sources, self._root())

    def wants_file(self, path: str) -> bool:
        """True when a file passes the include and exclude globs."""
        root = self._root()
        from .sources import matches

        included = not self.include or any(matches(path, g, root) for g in self.include)
        return included and not any(matches(path, g, root) for g in self.exclude)

    def _root(self) -> str | None:
        """The folder that globs are relative to: that of the pyproject.toml read."""
        return str(Path(self.path).parent) if self.path else None

    def wants_rule(self, rule_id: str) -> bool:
        """True when a rule is selected (by id or prefix) and not ignored."""
        selected = not self.select or any(rule_id.startswith(s) for s in self.select)
        return selected and not any(rule_id.startswith(s) for s in self.ignore)


def load(start: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """The configuration: nearest pyproject.toml at or above start, then the environment."""
    folder = (start or Path.cwd()).resolve()
    config = Config()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            config = _parse(path)
            break
    return _environment(config, os.environ if environ is None else environ)


def _parse(path: Path) -> Config:
    """Read [tool.audit] from one pyproject.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read configuration: {exc}") from exc
    table = data.get("tool", {}).get("audit", {})
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.audit] must be a table")
    known = (*KEYS, SOURCES, FIELDS)
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise InputError(
            f"{path}: unknown key in [tool.audit]: {', '.join(unknown)} (known: {', '.join(known)})"
        )
    values: dict[str, Any] = {"path": str(path)}
    for key, value in table.items():
        if key == SOURCES:
            values[key] = _sources(f"{path}: [tool.audit.sources]", value)
            continue
        if key == FIELDS:
            values[key] = fields(f"{path}: [tool.audit.fields]", value)
            continue
        values[key] = _value(f"{path}: [tool.audit] {key}", key, value)
        if key in _PATHS:
            values[key] = str(path.parent / values[key])
    return Config(**values)


def _sources(where: str, table: Any) -> tuple[tuple[str, str], ...]:
    """The (glob, source name) pairs of [tool.audit.sources], in file order."""
    if not isinstance(table, dict):
        raise InputError(f"{where} must be a table of path globs to source names")
    for glob, name in table.items():
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{where} {glob!r} must name a source with a non-empty string")
    return tuple((glob, name.strip()) for glob, name in table.items())


def fields(where: str, table: Any) -> tuple[tuple[str, str], ...]:
    """The (field, record key) pairs of [tool.audit.fields] or --field, checked."""
    if not isinstance(table, dict):
        raise InputError(f"{where} must be a table of field names to record keys")
    for name, key in table.items():
        if name not in FIELD_NAMES:
            raise InputError(f"{where}: unknown field {name!r} (known: {', '.join(FIELD_NAMES)})")
        if not isinstance(key, str) or not key.strip():
            raise InputError(f"{where} {name!r} must name a record key with a non-empty string")
    return tuple(sorted((name, key.strip()) for name, key in table.items()))


def _environment(config: Config, environ: Mapping[str, str]) -> Config:
    """The configuration with AUDIT_* environment variables applied on top."""
    changes: dict[str, Any] = {}
    for key in KEYS:
        raw = environ.get(f"AUDIT_{key.upper()}")
        if raw is not None and raw.strip():
            value: Any = [p.strip() for p in raw.split(",") if p.strip()] if key in _LISTS else raw
            changes[key] = _value(f"AUDIT_{key.upper()}", key, value)
    return replace(config, **changes)


def _value(where: str, key: str, value: Any) -> Any:
    """A checked setting: a string, a severity, or a tuple of strings."""
    if key in _LISTS:
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise InputError(f"{where} must be a list of strings")
        if not all(isinstance(v, str) for v in value):
            raise InputError(f"{where} must be a list of strings")
        return tuple(value)
    if not isinstance(value, str):
        raise InputError(f"{where} must be a string")
    if key == "fail_on" and value not in FAIL_ON:
        raise InputError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}")
    return value
