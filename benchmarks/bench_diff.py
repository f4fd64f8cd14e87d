"""Benchmark the word diff and the whole pipeline, against baselines in the same run.

    python benchmarks/bench_diff.py [--quick]

1. Word alignment of 1,000-word original/repost pairs (12% of words replaced, one
   paragraph inserted), built from the seed bodies: audit's rapidfuzz alignment against
   difflib.SequenceMatcher with autojunk off (the exact baseline) and on.
2. Body diff of the same pairs cut into paragraphs: sentences aligned first, then words
   (audit.align), tokenising included, against difflib on the words alone.
3. Pipeline throughput on copies of the seed corpus: the full audit against ingest+split
   alone, so the ratio is the cost of diffing and classifying.
Prints figures and ratios; it asserts nothing (tests check behaviour, not time).
"""

from __future__ import annotations

import argparse
import difflib
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import audit_paths, ingest, split  # noqa: E402
from audit.align import align_bodies  # noqa: E402
from audit.diff import align  # noqa: E402
from audit.records import Paragraph, Skipped  # noqa: E402
from audit.text import tokenize  # noqa: E402


def make_pairs(count: int, words: int, seed: int = 7) -> list[tuple[str, str]]:
    """Original/repost pairs of about `words` words drawn from the seed corpus."""
    rng = random.Random(seed)
    vocabulary = " ".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    ).split()
    pairs = []
    for _ in range(count):
        start = rng.randrange(len(vocabulary) - words)
        original = vocabulary[start : start + words]
        repost = [rng.choice(vocabulary) if rng.random() < 0.12 else w for w in original]
        cut = rng.randrange(words)
        repost[cut:cut] = rng.sample(vocabulary, 40)
        pairs.append((" ".join(original), " ".join(repost)))
    return pairs


def time_per_call(function: Callable[[], object], repeat: int) -> float:
    """Median seconds per call."""
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def bench_alignment(pairs: list[tuple[str, str]], repeat: int) -> None:
    """Alignment time per pair, tokenised beforehand, for audit and difflib."""
    tokenised = [(tokenize(a), tokenize(b)) for a, b in pairs]
    keyed = [([t.norm for t in a], [t.norm for t in b]) for a, b in tokenised]

    def ours() -> None:
        for a, b in tokenised:
            align(a, b)

    def difflib_exact() -> None:
        for a, b in keyed:
            difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()

    def difflib_autojunk() -> None:
        for a, b in keyed:
            difflib.SequenceMatcher(None, a, b).get_opcodes()

    n = len(pairs)
    base = time_per_call(difflib_exact, repeat) / n
    print(f"word alignment, {n} pairs of ~{len(keyed[0][0])} words (median of {repeat} runs)")
    for name, function in (
        ("audit (rapidfuzz Indel)", ours),
        ("difflib autojunk=True", difflib_autojunk),
    ):
        per = time_per_call(function, repeat) / n
        print(f"  {name:28s} {per * 1e3:8.3f} ms/pair   {base / per:6.1f}x vs difflib exact")
    print(f"  {'difflib autojunk=False':28s} {base * 1e3:8.3f} ms/pair   baseline")


def bench_body_alignment(pairs: list[tuple[str, str]], repeat: int) -> None:
    """Sentence-then-word alignment of whole bodies (tokenising included) against difflib."""
    bodies = [(_paragraphs(a), _paragraphs(b)) for a, b in pairs]
    words = [(a.split(), b.split()) for a, b in pairs]

    def ours() -> None:
        for a, b in bodies:
            align_bodies(a, b)

    def difflib_autojunk() -> None:
        for a, b in words:
            difflib.SequenceMatcher(None, a, b).get_opcodes()

    n = len(pairs)
    base = time_per_call(difflib_autojunk, repeat) / n
    per = time_per_call(ours, repeat) / n
    print(f"body diff, {n} pairs as paragraphs (sentences aligned first, tokenising included)")
    print(f"  {'audit align_bodies':28s} {per * 1e3:8.3f} ms/pair   {base / per:6.1f}x vs difflib")
    print(f"  {'difflib autojunk=True':28s} {base * 1e3:8.3f} ms/pair   baseline (words only)")


def _paragraphs(text: str, size: int = 100) -> tuple[Paragraph, ...]:
    """A text cut into paragraphs of about size words."""
    words = text.split()
    return tuple(
        Paragraph(" ".join(words[i : i + size]), 1 + i // size) for i in range(0, len(words), size)
    )


def bench_pipeline(copies: int) -> None:
    """Articles per second for the full audit against ingest+split alone."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(copies):
            shutil.copytree(ROOT / "seeds", Path(tmp) / f"copy{i:03d}")

        def split_only() -> int:
            docs = [ingest.read(p) for p in ingest.expand([tmp])]
            return sum(len(split.split(d)) for d in docs if not isinstance(d, Skipped))

        began = time.perf_counter()
        articles = split_only()
        base = time.perf_counter() - began
        began = time.perf_counter()
        result = audit_paths([tmp])
        full = time.perf_counter() - began
    assert len(result.articles) == articles
    print(f"pipeline on {copies} copies of the seeds ({articles} articles)")
    print(f"  ingest+split (baseline)      {articles / base:8.0f} articles/s")
    ratio = full / base
    print(
        f"  full audit                   {articles / full:8.0f} articles/s   {ratio:4.2f}x its time"
    )


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for CI")
    args = parser.parse_args()
    pairs = make_pairs(20 if args.quick else 200, 1000)
    bench_alignment(pairs, repeat=3 if args.quick else 7)
    bench_body_alignment(pairs, repeat=3 if args.quick else 7)
    bench_pipeline(2 if args.quick else 40)


if __name__ == "__main__":
    main()
