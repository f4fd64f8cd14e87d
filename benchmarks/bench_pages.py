"""Real pages: accuracy on real tampered reposts and genuine news, and throughput of
`audit run` against a named baseline commit, measured in the same run.

    python benchmarks/bench_pages.py [--baseline REV] [--repeat N] [--genuine N]

Accuracy comes from ../shared/benchmarks/real_reposts/score.py (original headline
recovered, inserted wording reported alone and with originals, original found, genuine
GVC articles flagged). Throughput: the CPU time of `audit run` on the seeds, on the pages
and on a batch of N genuine GVC articles (the same files for both, whatever number of
articles each finds in them), for this
checkout and for the baseline (the package of REV, extracted with
`git archive`), the median of N runs taken in turns. Skips cleanly when ../shared or git is missing.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks" / "real_reposts"
# The pipeline before pairing by evidence (issue 13), the baseline of these figures.
BASELINE = "232a7b4"


def main() -> int:
    """Print accuracy and throughput figures; 0 unless a command fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--genuine", type=int, default=1000, help="genuine GVC articles in the batch (0: none)"
    )
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
        genuine = _genuine(Path(work) / "genuine", args.genuine)
        baseline = _extract(args.baseline, Path(work) / "baseline")
        folders = [("seeds", ROOT / "seeds"), ("pages", pages)]
        for name, folder in [*folders, *([("genuine", genuine)] if genuine else [])]:
            packages = [None] if baseline is None else [None, baseline]
            (now, articles), *then = _runs(packages, folder, work, args.repeat)
            line = f"{name}: {now:.2f} s CPU for {articles} articles"
            if then:
                ((base, base_articles),) = then
                line += (
                    f", baseline {args.baseline} {base:.2f} s for {base_articles}; "
                    f"speed ratio {base / now:.2f} (same files)"
                )
            print(line)
    return 0


def _genuine(folder: Path, count: int) -> Path | None:
    """The first count genuine GVC dev articles (title, then text), one file each, as
    score.py writes its negatives: a batch where the work per article, not start-up,
    decides the time. None when the corpus is missing or count is 0."""
    corpus = SHARED.parent / "gvc" / "gvc_docs.jsonl"
    if not count or not corpus.is_file():
        return None
    folder.mkdir()
    written = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if int(doc["incident"]) % 5 == 0 or len(doc["text"]) < 400:
                continue  # the test split, or too short to carry a body
            text = doc["title"].strip() + "\n\n" + doc["text"].strip() + "\n"
            (folder / f"g{written:05d}.txt").write_text(text, encoding="utf-8")
            written += 1
            if written == count:
                break
    return folder


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


def _runs(
    packages: list[Path | None], folder: Path, work: str, repeat: int
) -> list[tuple[float, int]]:
    """For each package (None: this checkout), the median CPU time of `python -m audit run
    folder` over repeat runs taken in turns (so that a busy moment of the machine slows
    every package alike), and the number of articles it found."""
    times: list[list[float]] = [[] for _ in packages]
    articles = [0 for _ in packages]
    for _ in range(repeat):
        for k, package in enumerate(packages):
            env = dict(os.environ)
            if package is not None:
                env["PYTHONPATH"] = str(package)
            out = Path(work) / "out"
            start = _cpu_seconds()
            subprocess.run(  # run from work: the checkout's folder would shadow PYTHONPATH
                [sys.executable, "-m", "audit", "run", str(folder), "-o", str(out), "-q"],
                env=env, cwd=work, capture_output=True, check=True,
            )  # fmt: skip
            times[k].append(_cpu_seconds() - start)
            report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
            articles[k] = len(report["articles"])
    return [(statistics.median(t), n) for t, n in zip(times, articles, strict=True)]


def _cpu_seconds() -> float:
    """CPU time (user and system) used so far by finished child processes: steadier on a
    shared machine than wall time, and what a run costs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
