"""Ingest: decoding, line endings, and the inputs that must be skipped, not crash."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from audit import Document, Skipped, ingest


def test_utf8_with_bom_is_decoded_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline here\r\n\r\nBody text.\r\n".encode())
    doc = ingest.read(str(path))
    assert isinstance(doc, Document)
    assert doc.text == "Headline here\n\nBody text.\n"
    assert doc.encoding == "utf-8" and doc.warnings == ()


def test_cp1252_falls_back_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Protesters \x93clashed\x94 with police \x96 caf\xe9\r".encode("latin-1"))
    doc = ingest.read(str(path))
    assert isinstance(doc, Document)
    assert doc.encoding == "cp1252"
    assert "\u201cclashed\u201d" in doc.text and "caf\u00e9" in doc.text
    assert "\r" not in doc.text
    assert len(doc.warnings) == 1 and str(path) in doc.warnings[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        (bytes(range(1, 32)) * 40, "binary file (control characters)"),
    ],
)
def test_bad_content_is_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert ingest.read(str(path)) == Skipped(str(path), reason)


def test_undecodable_bytes_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\x81\x8d\x8f\x90 text")  # bytes undefined in cp1252 and invalid UTF-8
    result = ingest.read(str(path))
    assert isinstance(result, Skipped) and result.reason.startswith("not text")


def test_huge_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    result = ingest.read(str(path))
    assert isinstance(result, Skipped) and result.reason.startswith("too large")


def test_unreadable_path_is_skipped(tmp_path: Path) -> None:
    result = ingest.read(str(tmp_path / "missing.txt"))
    assert isinstance(result, Skipped) and result.reason.startswith("cannot read")


def test_stdin_is_read_when_path_is_dash() -> None:
    doc = ingest.read("-", io.BytesIO(b"A headline\n\nA body.\n"))
    assert isinstance(doc, Document) and doc.path == "-"


def test_folders_expand_recursively_to_sorted_supported_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "1.txt", "b/notes.md", "0.TXT", "b/photo.jpg", ".git/x.txt", ".h.txt"):
        (tmp_path / name).write_text("x")
    given = str(tmp_path)
    assert list(ingest.expand([given, "-"])) == [
        f"{given}/0.TXT", f"{given}/1.txt", f"{given}/b/2.txt", f"{given}/b/notes.md", "-",
    ]  # fmt: skip
    assert list(ingest.passed_over([given])) == [
        Skipped(f"{given}/b/photo.jpg", "not a supported format (.jpg)", fatal=False)
    ]


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    raw = b"Headline\r\n\r\nBody.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    doc = ingest.read(str(path))
    assert isinstance(doc, Document) and doc.sha256 == hashlib.sha256(raw).hexdigest()
