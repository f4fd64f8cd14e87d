"""Worker processes (issue 17): reading and auditing spread over -j workers give output
byte-identical to one process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from audit import audit_paths, to_json
from audit.cli import main
from audit.parallel import MIN_PER_WORKER, ordered_map

from .conftest import DATA, SEEDS


def _pid(_: int) -> int:
    return os.getpid()


def _square(n: int) -> int:
    return n * n


def test_ordered_map_uses_workers_and_keeps_the_order() -> None:
    items = list(range(10 * MIN_PER_WORKER))
    assert list(ordered_map(_square, items, 2)) == [n * n for n in items]
    pids = set(ordered_map(_pid, items, 2))
    assert os.getpid() not in pids and len(pids) == 2
    # Too few items to share: this process does the work.
    assert set(ordered_map(_pid, items[: MIN_PER_WORKER * 2 - 1], 2)) == {os.getpid()}
    assert set(ordered_map(_pid, items, 1)) == {os.getpid()}


def _corpus(tmp_path: Path) -> Path:
    """Enough files to share out: the seeds under several names, and the mixed formats."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(8):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"{k}_{seed.name}")
    shutil.copytree(DATA / "mixed", folder / "mixed")
    return folder


def test_the_audit_is_the_same_with_two_workers(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    one = audit_paths([str(folder)], jobs=1)
    two = audit_paths([str(folder)], jobs=2)
    assert len(one.inputs) == 44 and len(one.articles) > 2 * MIN_PER_WORKER
    assert to_json(one) == to_json(two)


def test_run_writes_byte_identical_reports_for_any_jobs(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    outputs = []
    for jobs in ("1", "2", "0"):
        out = tmp_path / f"out{jobs}"
        done = CliRunner().invoke(main, ["run", str(folder), "-o", str(out), "-j", jobs, "-q"])
        assert done.exit_code == 0, done.output
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert len(outputs[0]) > 100
    assert outputs[0] == outputs[1] == outputs[2]


def test_check_gives_the_same_findings_with_two_workers(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    texts = []
    for jobs in ("1", "2"):
        done = CliRunner().invoke(
            main,
            ["check", str(folder), "--index", str(tmp_path / f"i{jobs}"), "--format", "json",
             "-j", jobs, "--all"],
        )  # fmt: skip
        assert done.exit_code == 1, done.output  # the seeds' reposts fail the check
        texts.append(done.stdout)
    assert texts[0] == texts[1]
