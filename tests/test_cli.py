"""The command line, driven through click's CliRunner (and once as `python -m audit`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import ExitCode, main
from audit.output import write_all_atomic, write_atomic
from audit.report import MANIFEST

from .conftest import DATA, SEEDS


def _run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_run_writes_json_and_html_and_prints_a_summary(tmp_path: Path) -> None:
    result = _run("run", str(SEEDS), "-o", str(tmp_path))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert (tmp_path / "audit.json").exists() and (tmp_path / "index.html").exists()
    assert len(list((tmp_path / "articles").glob("*.html"))) == 32
    assert "30 reposts and 2 other articles in 5 files, 30 with inserted wording" in result.stderr
    assert result.stdout == ""


def test_json_to_stdout_keeps_stdout_clean() -> None:
    result = _run("run", str(SEEDS), "-o", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["reposts"] == 30
    assert "30 reposts" in result.stderr


def test_a_report_folder_is_readable_and_holds_only_this_report(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    old = os.umask(0o022)
    try:
        assert _run("run", str(SEEDS), "-o", str(out), "-q").exit_code == 0
    finally:
        os.umask(old)
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) > 30 and {p.stat().st_mode & 0o777 for p in written} == {0o644}
    mine = out / "articles" / "notes.html"  # a file the user put there, named like a page
    mine.write_text("mine", encoding="utf-8")
    (out / "articles" / "keep.txt").write_text("mine", encoding="utf-8")
    one = str(SEEDS / "003_81ef8f3b8094cae4.txt")
    assert _run("run", one, "-o", str(out), "-q").exit_code == 0
    pages = {p.name for p in (out / "articles").glob("*.html")}
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert pages == {f"{a['id']}.html" for a in data["articles"]} | {"notes.html"}
    assert (out / "articles" / "keep.txt").exists()
    assert not any(p.name.endswith(".tmp") for p in out.rglob("*"))
    # A manifest that points outside the folder is not followed.
    outside = tmp_path / "outside.html"
    outside.write_text("x", encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps({"written": ["../outside.html"]}), encoding="utf-8")
    assert _run("run", one, "-o", str(out), "-q").exit_code == 0 and outside.exists()


def test_a_format_that_cannot_go_to_stdout_is_an_error() -> None:
    for fmt in ("html", "csv"):
        result = _run("run", str(SEEDS), "-o", "-", "--format", fmt)
        assert result.exit_code == ExitCode.ERROR and result.stdout == ""
        assert f"the {fmt} report is several files and cannot go to stdout" in result.stderr


def test_format_json_writes_no_html(tmp_path: Path) -> None:
    assert _run("run", str(SEEDS), "-o", str(tmp_path), "--format", "json", "-q").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "audit.json"]


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    result = _run("run", str(SEEDS), "-o", str(tmp_path), "-q")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_missing_path_is_a_usage_error() -> None:
    result = _run("run", "no/such/file.txt")
    assert result.exit_code == ExitCode.ERROR
    assert "no/such/file.txt" in result.stderr and "does not exist" in result.stderr


def test_nothing_readable_exits_2_naming_each_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = _run("run", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.exit_code == ExitCode.ERROR
    assert f"skipped {tmp_path / 'empty.txt'}: empty file" in result.stderr
    assert f"skipped {tmp_path / 'blob.txt'}: binary file" in result.stderr
    assert "error: nothing could be read" in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_files_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        b"Rebels seize \x93key\x94 town\n\nRebels seize town, officials say\n\nRebels seized it."
    )
    result = _run("run", str(tmp_path), str(DATA / "unseen_dump.txt"), "-o", "-")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["skipped"] == [
        {"path": str(tmp_path / "blob.txt"), "reason": "binary file (contains NUL bytes)"}
    ]
    assert f"warning: {legacy}: not valid UTF-8" in result.stderr
    assert "1 files skipped" in result.stderr
    (legacy_entry,) = [i for i in report["inputs"] if i["path"] == str(legacy)]
    assert legacy_entry["encoding"] == "cp1252"


def test_stdin_dash() -> None:
    text = (DATA / "unseen_dump.txt").read_bytes()
    result = _run("run", "-", "-o", "-", input=text)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["inputs"][0]["path"] == "-" and report["summary"]["reposts"] == 6


def test_unwritable_output_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = _run("run", str(SEEDS), "-o", str(blocker / "reports"))
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.count("\n") == 1 and str(blocker) in result.stderr


def test_interrupted_write_keeps_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "audit.json"
    target.write_text("previous")

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("audit.output.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.json"]


def test_an_interrupted_report_leaves_every_page_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [tmp_path / "a.html", tmp_path / "sub" / "b.html", tmp_path / "index.html"]
    for page in pages[:2]:
        page.parent.mkdir(exist_ok=True)
        page.write_text("previous")
    renamed: list[str] = []
    real_replace = os.replace

    def crash_on_second(src: str, dst: Path) -> None:
        if renamed:
            raise KeyboardInterrupt
        renamed.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr("audit.output.os.replace", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic([(page, "new") for page in pages])
    assert [p.read_text() for p in pages[:2]] == ["new", "previous"]  # old or new, never half
    assert not pages[2].exists()  # the entry page, written last, never links to missing ones
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "a.html", "sub", "sub/b.html",
    ]  # fmt: skip


def test_python_dash_m_audit_works_like_audit(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "audit", "run", str(DATA / "unseen_dump.txt"), "-o", "-"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["reposts"] == 6


def test_every_command_has_help_with_an_example() -> None:
    for name, command in main.commands.items():
        assert "Example: audit" in (command.help or ""), name
    assert "Example: audit" in (main.help or "")


def test_progress_callback_sees_every_file(tmp_path: Path) -> None:
    from audit import audit_paths

    seen: list[str] = []
    audit_paths([str(SEEDS)], progress=seen.append)
    assert [Path(p).name for p in seen] == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_help_and_import_load_no_pipeline_stage() -> None:
    """`audit --help` and `import audit` import only what they print: no stage, no numpy,
    no lexicon (what makes start-up fast; benchmarks/bench_startup.py times it)."""
    probe = (
        "import sys\n"
        "import audit\n"
        "from audit.cli import main\n"
        "try:\n"
        "    main(['run', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'numpy', 'lemminflect', 'wordfreq', 'jinja2', 'rapidfuzz', 'datasketch'}\n"
        "stages = {'audit.pipeline', 'audit.figures', 'audit.index', 'audit.report'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in stages))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "Audit files or folders" in done.stdout  # the help was printed
