"""Real pages: accuracy on real tampered reposts and genuine news, and throughput of
`audit run` against a named baseline commit, measured in the same run.

    python benchmarks/bench_pages.py [--baseline REV] [--repeat N]

Accuracy comes from ../shared/benchmarks/real_reposts/score.py (original headline
recovered, inserted wording reported alone and with originals, original found, genuine
GVC articles flagged). Throughput: articles per second of `audit run` on the seeds and on
the pages, for this checkout and for the baseline (the package of REV, extracted with
`git archive`), best of N runs each. Skips cleanly when ../shared or git is missing.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "real_reposts"
# The pipeline before pairing by evidence (issue 13), the baseline of these figures.
BASELINE = "232a7b4"


def main() -> int:
    """Print accuracy and throughput figures; 0 unless a command fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print("bench_pages: ../shared/benchmarks/real_reposts not found; skipped")
        return 0
    score = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), "--audit", _audit_command()],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(score.stdout.strip())
    with tempfile.TemporaryDirectory() as work:
        pages = Path(work) / "pages"
        pages.mkdir()
        for path in sorted(glob.glob(str(SHARED / "reposts" / "r*.txt"))):
            page = Path(path).read_text(encoding="utf-8").partition("\n---\n")[2]
            (pages / Path(path).name).write_text(page.strip() + "\n", encoding="utf-8")
        baseline = _extract(args.baseline, Path(work) / "baseline")
        for name, folder in (("seeds", ROOT / "seeds"), ("pages", pages)):
            now = _rate(None, folder, work, args.repeat)
            line = f"{name}: {now:.0f} articles/s"
            if baseline is not None:
                then = _rate(baseline, folder, work, args.repeat)
                line += f", baseline {args.baseline} {then:.0f} articles/s, ratio {now / then:.2f}"
            print(line)
    return 0


def _audit_command() -> str:
    """The audit executable of this environment."""
    found = shutil.which("audit")
    if found is None:
        raise SystemExit("bench_pages: the audit command is not installed")
    return found


def _extract(revision: str, target: Path) -> Path | None:
    """The baseline's package, extracted into target; None when git cannot give it."""
    target.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "audit"], capture_output=True
    )
    if archive.returncode != 0:
        print(f"bench_pages: baseline {revision} not available; throughput ratio skipped")
        return None
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def _rate(package: Path | None, folder: Path, work: str, repeat: int) -> float:
    """Articles per second of `python -m audit run folder`, best of repeat runs."""
    env = dict(os.environ)
    if package is not None:
        env["PYTHONPATH"] = str(package)
    best, articles = float("inf"), 0
    for _ in range(repeat):
        out = Path(work) / "out"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "audit", "run", str(folder), "-o", str(out), "-q"],
            env=env, capture_output=True, check=False,
        )  # fmt: skip
        best = min(best, time.perf_counter() - start)
        articles = len(json.loads((out / "audit.json").read_text(encoding="utf-8"))["articles"])
    return articles / best


if __name__ == "__main__":
    sys.exit(main())
