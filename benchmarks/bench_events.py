"""Event grouping at scale: the indexed grouping against every-pair grouping, same run.

    python benchmarks/bench_events.py [--sizes 1500,3000,6000]

Audits the whole GVC corpus (../shared/benchmarks/gvc/gvc_docs.jsonl, real local news, one
file per document: title, then text) once, then groups the first N articles into events
for each size, twice (the median of three runs each): with ``events.find_events`` (an
inverted index of signature words) and with the baseline that compares every pair of
reports (what events.py did before).
Prints, per size, both times, whether the events are the same, the grouping's share of
the whole run, and the events' B-cubed precision and recall against the corpus's incident
labels (beside articles left alone, one event each); then the growth exponent of each
from the smallest size to the largest (time ~ size ** exponent), and of the joining step
alone. Skips cleanly when the data is absent. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import audit_paths, events  # noqa: E402
from audit.records import ArticleAudit, Event  # noqa: E402

_T = TypeVar("_T")

# Runs of each grouping per size; the median is printed.
REPEAT = 3
DATA = ROOT.parent / "shared" / "benchmarks" / "gvc" / "gvc_docs.jsonl"


def main() -> int:
    """Print the figures; 0 unless the data is unreadable."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,3000,6000")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the GVC data lives outside the project)")
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with DATA.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines]
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for k, doc in enumerate(docs):
            text = doc["title"].strip() + "\n\n" + doc["text"].strip() + "\n"
            (folder / f"g{k:05d}.txt").write_text(text, encoding="utf-8")
        start = time.process_time()
        audits = audit_paths([str(folder)]).articles
        run = time.process_time() - start
    print(f"audited {len(audits)} articles in {run:.1f} s CPU (everything but grouping)")
    label = {a.article.id: docs[int(a.article.id[1:6])]["incident"] for a in audits}
    timed: dict[str, list[float]] = {"indexed": [], "pairwise": [], "joining step": []}
    for size in sizes:
        subset = audits[:size]
        indexed, t_indexed = _timed(partial(events.find_events, subset), REPEAT)
        pairwise, t_pairwise = _timed(partial(_pairwise_events, subset), 1)
        candidates = [c for c in map(events._candidate, subset) if c is not None]
        weight = events.weights(candidates)
        _, t_joining = _timed(partial(events._group, candidates, weight), REPEAT)
        for name, seconds in zip(timed, (t_indexed, t_pairwise, t_joining), strict=True):
            timed[name].append(seconds)
        share = t_indexed / (t_indexed + run * len(subset) / len(audits))
        precision, recall = events.bcubed(indexed, label)
        _, alone = events.bcubed(_alone(subset), label)
        print(
            f"{len(subset)} articles: indexed {t_indexed:.2f} s, pairwise {t_pairwise:.2f} s "
            f"({t_pairwise / t_indexed:.1f}x), same events: {indexed == pairwise}, "
            f"{len(indexed)} events; grouping is {share:.1%} of the run; B-cubed precision "
            f"{precision:.3f}, recall {recall:.3f} (articles alone: 1.000, {alone:.3f}); "
            f"largest event {max(len(e.reports) for e in indexed)} reports"
        )
    growth = math.log(sizes[-1] / sizes[0])
    for name, times in timed.items():
        exponent = math.log(times[-1] / times[0]) / growth
        print(f"growth exponent {sizes[0]}->{sizes[-1]}, {name}: {exponent:.2f}")
    return 0


def _timed(group: Callable[[], _T], repeat: int) -> tuple[_T, float]:
    """What a grouping returns, and the median CPU seconds of repeat runs (one busy
    moment of the machine must not decide a growth exponent)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        found = group()
        times.append(time.process_time() - start)
    return found, statistics.median(times)


def _alone(audits: Sequence[ArticleAudit]) -> list[Event]:
    """Every report an event of its own: the recall grouping has to beat."""
    candidates = [c for c in map(events._candidate, audits) if c is not None]
    return [events._event(n, [c]) for n, c in enumerate(candidates, start=1)]


def _pairwise_events(audits: Sequence[ArticleAudit]) -> tuple[Event, ...]:
    """The baseline: the same reports and test, every pair of reports compared."""
    candidates = [c for c in map(events._candidate, audits) if c is not None]
    listed = events.every_pair(candidates, events.weights(candidates))
    return tuple(events._event(n, g) for n, g in enumerate(listed, start=1))


if __name__ == "__main__":
    sys.exit(main())
