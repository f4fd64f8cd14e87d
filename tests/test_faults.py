"""Storage faults, injected for real: a file-size limit for a full disk, a read-only index
for a user who may not write it, and `kill -9` in the middle of `audit index add`. Each
must end in one line naming the file, exit 2, no traceback, and the index as it was."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import SEEDS

ORIGINAL = SEEDS / "003_81ef8f3b8094cae4.txt"
AUDIT = [sys.executable, "-m", "audit"]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder every user can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="audit-faults-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _index(folder: Path) -> Path:
    """An index holding the one original, committed."""
    path = folder / "index.sqlite"
    done = subprocess.run([*AUDIT, "index", "add", str(ORIGINAL), "--index", str(path)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path


def _state(path: Path) -> tuple[str, int, int]:
    """The index's integrity and its file and article counts, as SQLite reads them."""
    db = sqlite3.connect(path)
    try:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        files = db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
        articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        db.close()
    return check, files, articles


def _assert_one_line_error(done: subprocess.CompletedProcess[str], path: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and str(path) in done.stderr, done.stderr


def _limited(size: int) -> Callable[[], None]:
    """A child set-up: files may not grow past size bytes (a full disk), and going past
    is an error the program sees rather than a signal that kills it."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("room", [0, 4096, 65536])
def test_a_full_disk_leaves_the_index_as_it_was(shared_dir: Path, room: int) -> None:
    path = _index(shared_dir)
    before = _state(path)
    done = subprocess.run(
        [*AUDIT, "index", "add", str(SEEDS), "--index", str(path)],
        preexec_fn=_limited(path.stat().st_size + room), capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    _assert_one_line_error(done, path)
    assert "could not be written" in done.stderr and "as it was" in done.stderr
    assert _state(path) == before == ("ok", 1, 1)
    assert sorted(p.name for p in shared_dir.iterdir()) == ["index.sqlite"]


def _as_nobody() -> list[str]:
    """The command prefix that runs a program as an unprivileged user, or skip."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: no user to lack write access")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def test_a_read_only_index_is_refused_for_writing_and_still_read(shared_dir: Path) -> None:
    path = _index(shared_dir)
    path.chmod(0o444)
    before = _state(path)
    user = _as_nobody()
    env = {**os.environ, "HOME": str(shared_dir)}
    added = subprocess.run([*user, *AUDIT, "index", "add", str(SEEDS), "--index", str(path)],
                           capture_output=True, text=True, check=False, env=env)  # fmt: skip
    _assert_one_line_error(added, path)
    assert "read-only" in added.stderr or "cannot use the index" in added.stderr
    out = shared_dir / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    repost = SEEDS / "000_892628b71d65a9e5.txt"
    run = subprocess.run(
        [*user, *AUDIT, "run", str(repost), "--index", str(path), "-o", str(out), "-q"],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr  # reading needs no write access
    genuine = shared_dir / "genuine.txt"  # passes, so check wants to record it
    genuine.write_text(
        "Rebels take the town\n\nRebels took the town on Monday after a long battle with "
        "the army, officials said.\n",
        encoding="utf-8",
    )
    genuine.chmod(0o644)
    check = subprocess.run(
        [*user, *AUDIT, "check", str(repost), str(genuine), "--index", str(path)],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert check.returncode == 1 and "AUD101" in check.stdout  # its findings still count
    assert "Traceback" not in check.stderr
    assert f"warning: passing files not recorded: {path}: read-only" in check.stderr
    locked_out = shared_dir / "locked"
    locked_out.mkdir(mode=0o755)  # the user may read it, not write into it
    denied = subprocess.run(
        [*user, *AUDIT, "run", str(repost), "-o", str(locked_out), "-q"],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    _assert_one_line_error(denied, locked_out)
    assert _state(path) == before


def test_kill_9_during_index_add_never_damages_the_index(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    corpus.mkdir()
    for k in range(60):  # enough files that a kill lands inside the work
        for seed in SEEDS.glob("*.txt"):
            text = seed.read_text(encoding="utf-8").replace(" the ", f" the {k} ", 3)
            (corpus / f"{k:02d}_{seed.name}").write_text(text, encoding="utf-8")
    path = _index(shared_dir)
    rng = random.Random(19)
    first = _state(path)
    states = {first}
    for _ in range(20):
        child = subprocess.Popen(
            [*AUDIT, "index", "add", str(corpus), "--index", str(path), "-q"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(rng.uniform(0.2, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        check, files, articles = _state(path)  # SQLite rolls back what was not committed
        assert check == "ok"
        assert files >= max(f for _, f, _ in states)  # committed work is never lost
        states.add((check, files, articles))
    subprocess.run([*AUDIT, "index", "add", str(corpus), "--index", str(path), "-q"], check=True)
    # one transaction per command: every state seen is the one before it or the one after
    assert states <= {first, _state(path)}
    assert sorted(p.name for p in shared_dir.iterdir()) == ["corpus", "index.sqlite"]


def test_a_full_disk_while_writing_reports_keeps_the_previous_ones(shared_dir: Path) -> None:
    out = shared_dir / "reports"
    args = [*AUDIT, "run", str(SEEDS), "-o", str(out), "-q"]
    subprocess.run(args, capture_output=True, check=True)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    changed = SEEDS / "000_892628b71d65a9e5.txt"  # a different run, so different reports
    done = subprocess.run(
        [*AUDIT, "run", str(changed), "-o", str(out), "-q"],
        preexec_fn=_limited(20_000), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "cannot write report" in done.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_kill_9_during_a_run_leaves_whole_reports_and_no_temporary_file(
    shared_dir: Path,
) -> None:
    out = shared_dir / "reports"
    args = [*AUDIT, "run", str(SEEDS), "-o", str(out), "-q"]
    subprocess.run(args, capture_output=True, check=True)
    rng = random.Random(1919)
    for _ in range(10):
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        json.loads((out / "audit.json").read_text(encoding="utf-8"))  # whole, old or new
    subprocess.run(args, capture_output=True, check=True)  # the next run clears what was left
    assert not [p for p in out.rglob("*.tmp")]


def test_a_truncated_index_ends_in_one_line(shared_dir: Path) -> None:
    path = _index(shared_dir)
    subprocess.run([*AUDIT, "index", "add", str(SEEDS), "--index", str(path)], check=True,
                   capture_output=True)  # fmt: skip
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy cut short, as an interrupted upload
    for command in (["run", str(ORIGINAL), "-o", str(shared_dir / "out"), "-q"],
                    ["index", "add", str(SEEDS)], ["check", str(ORIGINAL)]):  # fmt: skip
        done = subprocess.run([*AUDIT, *command, "--index", str(path)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        _assert_one_line_error(done, path)
