"""End to end, as a CI job runs it: a git repository of articles, a baseline, a new file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=ci", "-c", "user.email=ci@example.org", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def _audit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "audit", *args], cwd=repo, capture_output=True, text=True,
        check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_check_in_a_git_repository(tmp_path: Path) -> None:
    repo = tmp_path / "news"
    shutil.copytree(SEEDS, repo / "articles")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "seeds")
    for fmt in ("text", "json", "sarif", "github", "junit", "markdown"):
        done = _audit(repo, "check", "articles", "--format", fmt)
        assert done.returncode == 1, (fmt, done.stderr)
        assert "AUD101" in done.stdout, fmt
    assert _audit(repo, "baseline", "write", "articles").returncode == 0
    assert _audit(repo, "check", "articles").returncode == 0
    _git(repo, "add", "audit-baseline.json")
    _git(repo, "commit", "-q", "-m", "baseline")
    # A new file with a tampered headline: only it is checked, and it fails.
    headline = "Iraq’s PM Kazemi Might Finally Be Standing Up To Pro-Iran Groups"
    body = (SEEDS / "004_bded5637d4401b88.txt").read_text(encoding="utf-8").split(headline)[1]
    tampered = "The Serpent Kazemi Might Finally Be Standing Up To Pro-Iran Groups"
    (repo / "articles" / "new.txt").write_text(f"{tampered}\n\n{headline}\n\n{body}", "utf-8")
    done = _audit(repo, "check", "articles", "--changed-since", "HEAD", "--format", "json")
    assert done.returncode == 1, done.stderr
    new = json.loads(done.stdout)["new"]
    assert {f["path"] for f in new} == {"articles/new.txt"}
    assert "Serpent" in {f["repost"] for f in new if f["rule"] == "AUD101"}.pop()
    assert "1 articles in 1 files checked" in done.stderr
    # Nothing changed since the new file was committed: nothing to check.
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "new")
    assert _audit(repo, "check", "articles", "--changed-since", "HEAD").returncode == 0
    # A bad ref and an unreadable file are input errors with a one-line reason.
    bad_ref = _audit(repo, "check", "articles", "--changed-since", "no-such-ref")
    assert bad_ref.returncode == 2 and "--changed-since no-such-ref:" in bad_ref.stderr
    os.symlink(repo / "missing.txt", repo / "articles" / "gone.txt")
    unreadable = _audit(repo, "check", "articles")
    assert unreadable.returncode == 2
    assert "skipped articles/gone.txt: cannot read: No such file or directory" in unreadable.stderr


def test_the_pre_commit_hook_runs_check_on_the_files_it_is_given(tmp_path: Path) -> None:
    hooks = (SEEDS.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(line.split(":", 1)[1].split() for line in hooks.splitlines() if "entry:" in line)
    assert entry == ["audit", "check"]
    assert "pass_filenames: true" in hooks and r"files: \.txt$" in hooks
    staged = [str(SEEDS / "002_c4cef2f461591f60.txt"), str(SEEDS / "004_bded5637d4401b88.txt")]
    done = _audit(tmp_path, *entry[1:], *staged)
    assert done.returncode == 1 and "002_c4cef2f461591f60.txt:1:11: AUD101" in done.stdout


def test_two_checks_sharing_an_index_lose_nothing(tmp_path: Path) -> None:
    index = tmp_path / "shared.sqlite"
    jobs = [
        subprocess.Popen(
            [sys.executable, "-m", "audit", "check", str(SEEDS / name), "--index", str(index)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("003_81ef8f3b8094cae4.txt", "004_bded5637d4401b88.txt")
    ]
    for job in jobs:
        _, err = job.communicate(timeout=120)
        assert job.returncode == 0 and "1 passing files recorded" in err, err
    info = _audit(tmp_path, "index", "info", "--index", str(index))
    assert "files: 2" in info.stdout
