"""`audit index add/info` and `audit run --index/--reference`, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from audit.cli import ExitCode, main

from .conftest import DUMPS, SEEDS

ORIGINAL = str(SEEDS / "003_81ef8f3b8094cae4.txt")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test in its own folder: no default index or pyproject.toml leaks in."""
    monkeypatch.chdir(tmp_path)


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_index_add_then_info_then_run_against_it(tmp_path: Path) -> None:
    added = _run("index", "add", str(SEEDS))
    assert added.exit_code == ExitCode.OK, added.stderr
    assert "added 5 files (32 articles), 0 already indexed" in added.stderr
    assert (tmp_path / ".audit" / "index.sqlite").is_file()  # the documented default
    again = _run("index", "add", str(SEEDS))
    assert "added 0 files (0 articles), 5 already indexed" in again.stderr
    info = _run("index", "info")
    assert info.exit_code == ExitCode.OK
    for line in ("files: 5", "articles: 32", "num_perm: 128", "shingle: 3", "datasketch: "):
        assert line in info.stdout
    run = _run("run", str(SEEDS / DUMPS[0]), "-o", "-", "-q")
    assert run.exit_code == ExitCode.OK, run.stderr
    articles = {a["id"]: a for a in json.loads(run.stdout)["articles"]}
    original = articles["000_892628b71d65a9e5-L446"]["matching"]["original"]
    assert (original["article"], original["origin"]) == ("003_81ef8f3b8094cae4-L1", "index")


def test_run_with_references_needs_no_index(tmp_path: Path) -> None:
    run = _run("run", str(SEEDS / DUMPS[1]), "--reference", ORIGINAL, "-o", "out")
    assert run.exit_code == ExitCode.OK, run.stderr
    assert "1 matched to an original" in run.stderr
    page = (tmp_path / "out" / "articles" / "001_afa5ccce8ab925d8-L296.html").read_text("utf-8")
    assert "Most likely taken from 003_81ef8f3b8094cae4-L1" in page
    assert "Body against the original" in page and "<details>" in page
    assert '<ins><span class="marker">[+</span>Militias in Iraq' in page
    assert not (tmp_path / ".audit").exists()


def test_index_path_from_pyproject_and_unknown_keys(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.audit]\nindex = "refs/archive.sqlite"\n')
    assert _run("index", "add", ORIGINAL).exit_code == ExitCode.OK
    assert (tmp_path / "refs" / "archive.sqlite").is_file()
    assert "articles: 1" in _run("index", "info").stdout
    (tmp_path / "pyproject.toml").write_text('[tool.audit]\nindx = "x.sqlite"\n')
    bad = _run("index", "info")
    assert bad.exit_code == ExitCode.ERROR
    assert "unknown key in [tool.audit]: indx" in bad.stderr


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such index; build one with `audit index add`"),
        (lambda p: p.write_text("my notes"), "not an audit index"),
    ],
)
def test_bad_index_files_exit_2_with_one_line(tmp_path: Path, setup, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "index.sqlite"
    setup(path)
    before = path.read_bytes() if path.exists() else None
    for args in (("index", "info", "--index", str(path)), ("run", ORIGINAL, "--index", str(path))):
        result = _run(*args)
        assert result.exit_code == ExitCode.ERROR
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (path.read_bytes() if path.exists() else None) == before
