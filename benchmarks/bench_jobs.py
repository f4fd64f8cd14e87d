"""Worker processes: `audit run -j N` against `-j 1` (the baseline), in the same run.

    python benchmarks/bench_jobs.py [--articles 2000] [--repeat 3]

Writes the first N GVC documents (../shared/benchmarks/gvc/gvc_docs.jsonl, real local
news) as text files, then times `audit run` on them with one worker and with every core
(wall clock, the median of --repeat runs taken in turns), prints articles per second
for each and their ratio, and whether the reports are byte-identical. Skips cleanly
when the data is absent. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "gvc" / "gvc_docs.jsonl"


def main() -> int:
    """Print the figures; 0 unless a run fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"bench_jobs: {DATA} not found (the GVC data lives outside the project); skipped")
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "gvc"
        folder.mkdir()
        with DATA.open(encoding="utf-8") as lines:
            for k, line in zip(range(args.articles), lines, strict=False):
                doc = json.loads(line)
                text = doc["title"].strip() + "\n\n" + doc["text"].strip() + "\n"
                (folder / f"g{k:05d}.txt").write_text(text, encoding="utf-8")
        runs: dict[str, list[float]] = {"1": [], str(cores): []}
        for _ in range(args.repeat):
            for jobs in runs:
                runs[jobs].append(_run(folder, Path(work) / f"out{jobs}", jobs))
        same = _files(Path(work) / "out1") == _files(Path(work) / f"out{cores}")
    base = statistics.median(runs["1"])
    for jobs, seconds in runs.items():
        median = statistics.median(seconds)
        label = "baseline" if jobs == "1" else f"{base / median:.2f}x the baseline"
        print(
            f"audit run -j {jobs}: {args.articles} files in {median:.1f} s wall, "
            f"{args.articles / median:.0f} files/s  {label}"
        )
    print(f"reports byte-identical between -j 1 and -j {cores}: {same}")
    return 0


def _run(folder: Path, out: Path, jobs: str) -> float:
    """Wall-clock seconds of one `audit run`."""
    command = [sys.executable, "-m", "audit", "run", str(folder), "-o", str(out), "-j", jobs]
    start = time.perf_counter()
    subprocess.run([*command, "-q"], check=True, cwd=ROOT)
    return time.perf_counter() - start


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a report folder by name."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


if __name__ == "__main__":
    sys.exit(main())
