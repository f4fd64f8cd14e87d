"""Ingest: turn command-line paths into decoded documents, or reasons to skip them."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from . import defaults
from .records import Document, Skipped

STDIN = "-"
SUFFIXES = defaults.SUFFIXES
MAX_BYTES = 64 * 1024 * 1024
# Share of control characters above which a decodable file is still binary.
_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Yield the files named by paths: files as given, in folders (recursively, sorted)
    those of a supported format, '-'."""
    yield from scan(paths)[0]


def passed_over(paths: Iterable[str]) -> Iterator[Skipped]:
    """The files a folder scan of paths leaves out, each with why (hidden files aside)."""
    yield from scan(paths)[1]


def scan(paths: Iterable[str]) -> tuple[list[str], list[Skipped]]:
    """The files named by paths (see expand), and those a folder scan leaves out (see
    passed_over), from one walk of each folder."""
    files: list[str] = []
    left: list[Skipped] = []
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            files.append(given)
            continue
        for path in _walk(given):
            if path.lower().endswith(SUFFIXES):
                files.append(path)
            else:
                kind = os.path.splitext(path)[1] or "no extension"
                left.append(Skipped(path, f"not a supported format ({kind})", fatal=False))
    return files, left


def _walk(folder: str) -> list[str]:
    """The files under a folder, sorted, leaving out hidden files and folders."""
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, name) for name in names if not name.startswith("."))
    return sorted(found)


def read(
    path: str, stdin: BinaryIO | None = None, fields: Mapping[str, str] | None = None
) -> Document | Skipped:
    """Read and decode one file; never raises for bad content, returns Skipped instead.
    fields names record keys for JSON Lines and CSV (see formats.read_records)."""
    try:
        raw = _read_bytes(path, stdin)
    except OSError as exc:
        return Skipped(path, f"cannot read: {exc.strerror or exc}")
    if raw is None:
        return Skipped(path, f"too large: over {MAX_BYTES // (1024 * 1024)} MiB")
    if not raw.strip():
        return Skipped(path, "empty file")
    from . import formats  # not needed to start: only once a file is read

    kind = formats.sniff(path, raw)
    if kind == "text":
        return decode(path, raw)
    try:
        read = formats.read_records(kind, raw, fields)
    except formats.FormatError as exc:
        return Skipped(path, f"{kind}: {exc}")
    except Exception as exc:  # a parser's failure on hostile input skips the file, no more
        return Skipped(path, f"{kind}: cannot be read ({type(exc).__name__}: {exc})")
    warnings = tuple(f"{path}: {problem}, left out" for problem in read.problems)
    digest = hashlib.sha256(raw).hexdigest()
    return Document(path, "", digest, "auto", warnings, format=kind, records=read.records)


def decode(path: str, raw: bytes) -> Document | Skipped:
    """Decode bytes as UTF-8 (BOM optional) or UTF-16 (with a BOM), else cp1252 with a
    warning; reject binary."""
    if not raw.strip():
        return Skipped(path, "empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _document(path, raw, raw.decode("utf-16"), "utf-16", ())
        except UnicodeDecodeError as exc:
            return Skipped(path, f"not text: invalid UTF-16 at byte {exc.start}")
    if b"\x00" in raw[:65536]:
        return Skipped(path, "binary file (contains NUL bytes)")
    warnings: tuple[str, ...] = ()
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return Skipped(path, f"not text: invalid UTF-8 at byte {exc.start} and not cp1252")
        warnings = (f"{path}: not valid UTF-8 (byte {exc.start}), decoded as cp1252",)
    return _document(path, raw, text, encoding, warnings)


def _document(
    path: str, raw: bytes, text: str, encoding: str, warnings: tuple[str, ...]
) -> Document | Skipped:
    """A text document, unless its text is binary or blank."""
    if _control_share(text) > _CONTROL_SHARE:
        return Skipped(path, "binary file (control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Skipped(path, "empty file")
    digest = hashlib.sha256(raw).hexdigest()
    return Document(path=path, text=text, sha256=digest, encoding=encoding, warnings=warnings)


def _read_bytes(path: str, stdin: BinaryIO | None) -> bytes | None:
    """Read at most MAX_BYTES + 1 bytes; None means the input is too large."""
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(MAX_BYTES + 1)
    else:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    return None if len(raw) > MAX_BYTES else raw


def _control_share(text: str) -> float:
    """Share of C0 control characters (other than whitespace) in the first 64k characters."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    return controls / max(len(sample), 1)
