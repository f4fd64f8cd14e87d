"""Configuration: the ``[tool.audit]`` table of the nearest pyproject.toml.

Keys (paths are relative to the folder of the pyproject.toml that sets them):

    index     the reference index file (default: .audit/index.sqlite)
    baseline  the CI baseline of reviewed findings (default: audit-baseline.json)

An unknown key is an error that names it, so a typo never passes silently.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import baseline
from .errors import InputError
from .index import DEFAULT_PATH

KEYS = ("index", "baseline")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read from pyproject.toml; ``source`` names the file, None when there is none."""

    index: str | None = None
    baseline: str | None = None
    source: str | None = None

    def index_path(self, given: str | None) -> str:
        """The index to use: given on the command line, else configured, else the default."""
        return given or self.index or DEFAULT_PATH

    def baseline_path(self, given: str | None) -> str:
        """The baseline to use: given on the command line, else configured, else the default."""
        return given or self.baseline or baseline.DEFAULT_PATH


def load(start: Path | None = None) -> Config:
    """The configuration of the nearest pyproject.toml at or above start (the working folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return _parse(path)
    return Config()


def _parse(path: Path) -> Config:
    """Read [tool.audit] from one pyproject.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read configuration: {exc}") from exc
    table = data.get("tool", {}).get("audit", {})
    if not isinstance(table, dict):
        raise InputError(f"{path}: [tool.audit] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise InputError(
            f"{path}: unknown key in [tool.audit]: {', '.join(unknown)} (known: {', '.join(KEYS)})"
        )
    paths = {}
    for key in ("index", "baseline"):
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{path}: [tool.audit] {key} must be a path (a string)")
        paths[key] = str(path.parent / value) if value else None
    return Config(index=paths["index"], baseline=paths["baseline"], source=str(path))
