"""Benchmark finding a repost's original in a reference index, against two baselines.

    python benchmarks/bench_match.py [--quick] [--sizes 10000 100000] [--queries 500]

The reference corpus is generated: news-like articles drawn from a word-bigram model of
the seed bodies (so unrelated articles share common phrases, as real news does), each
with a headline and 6-12 paragraphs. One in ten also gets a "follow-up" article that
repeats half of its paragraphs, so the right original has a close rival. Each query is a
repost of a random original: headline rewritten, 10-15% of body words replaced, one
generated paragraph inserted. A hundred heavier rewrites (30% of words replaced, so about
a third of the word 3-grams survive) show how far the low LSH threshold reaches.

For audit's index (SQLite file, LSH band segments, matcher rescoring) and two baselines
it prints build rate, bytes per indexed document, query p50/p99 and top-1 accuracy:

* brute force: rapidfuzz ``process.extractOne`` (``fuzz.ratio``) over every reference
  body, on a sample of the queries;
* datasketch: ``MinHash.update`` per word 3-gram and an in-memory ``MinHashLSH`` (built
  on at most ``--datasketch-cap`` documents, with queries whose original is among them),
  at the highest threshold whose recall (the original among its candidates) reaches
  audit's top-1 on the same reposts, candidates ranked by estimated Jaccard; the default
  threshold (0.5) is printed beside it, with the recall of every threshold tried.

Memory is what tracemalloc sees allocated by the in-memory structures a query needs.
Prints figures only; it asserts nothing (tests check behaviour, not time).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from datasketch import MinHash, MinHashLSH  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from audit import ingest, split  # noqa: E402
from audit.index import Index, body_text  # noqa: E402
from audit.match import Matcher, Query  # noqa: E402
from audit.pipeline import Originals, audit_paths, index_paths  # noqa: E402
from audit.records import Article, Document, Paragraph, Skipped  # noqa: E402
from audit.sketch import words  # noqa: E402
from audit.text import fold  # noqa: E402

LOADED_TERMS = ("the Beast", "the deceivers", "the false prophet", "the traitors", "the Horde")


@dataclass(frozen=True, slots=True)
class Corpus:
    """Reference articles and reposts of some of them, with the index of each one's original."""

    references: list[Article]
    queries: list[tuple[Article, int]]
    heavy: list[tuple[Article, int]]  # reposts with 30% of words replaced


class Bigrams:
    """A word-bigram model of the seed bodies that writes sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            doc = ingest.read(str(path))
            if isinstance(doc, Skipped):
                continue
            for article in split.split(doc):
                for paragraph in article.body:
                    tokens = paragraph.text.split()
                    if tokens:
                        self.starts.append(tokens[0])
                    for a, b in itertools.pairwise(tokens):
                        self.next[a].append(b)
        self.vocabulary = sorted(self.next)

    def sentence(self, length: int) -> str:
        """About length words, starting like a paragraph of the seeds, ending with a stop."""
        word = self.rng.choice(self.starts)
        out = [word]
        while len(out) < length:
            followers = self.next.get(word)
            word = self.rng.choice(followers) if followers else self.rng.choice(self.starts)
            out.append(word)
        return " ".join(out).rstrip(".,;:") + "."

    def paragraph(self) -> str:
        """Two to four sentences."""
        return " ".join(
            self.sentence(self.rng.randint(12, 28)) for _ in range(self.rng.randint(2, 4))
        )


def make_corpus(size: int, queries: int, seed: int = 11) -> Corpus:
    """size reference articles (one in ten with a follow-up) and reposts of some of them."""
    rng = random.Random(seed)
    model = Bigrams(rng)
    references: list[Article] = []
    originals: list[int] = []
    while len(references) < size:
        paragraphs = [model.paragraph() for _ in range(rng.randint(6, 12))]
        originals.append(len(references))
        references.append(_article(f"ref{len(references)}", model.sentence(10), paragraphs))
        if rng.random() < 0.1 and len(references) < size:
            half = paragraphs[: len(paragraphs) // 2] + [model.paragraph() for _ in range(3)]
            references.append(_article(f"ref{len(references)}", model.sentence(10), half))
    chosen = rng.sample(originals, min(queries, len(originals)))
    return Corpus(
        references,
        [(_repost(references[i], model, rng), i) for i in chosen],
        [(_repost(references[i], model, rng, (0.3, 0.3)), i) for i in chosen[:100]],
    )


def _repost(
    original: Article,
    model: Bigrams,
    rng: random.Random,
    replaced: tuple[float, float] = (0.1, 0.15),
) -> Article:
    """The original with its headline rewritten, 10-15% of words replaced, a paragraph added."""
    share = rng.uniform(*replaced)
    paragraphs = [
        " ".join(
            rng.choice(model.vocabulary) if rng.random() < share else w for w in p.text.split()
        )
        for p in original.body
    ]
    paragraphs.insert(rng.randrange(len(paragraphs) + 1), model.paragraph())
    head = original.headline.split()
    head[rng.randrange(len(head)) : rng.randrange(len(head)) + 2] = [rng.choice(LOADED_TERMS)]
    return _article(f"repost-of-{original.id}", " ".join(head), paragraphs)


def _article(name: str, headline: str, paragraphs: Sequence[str]) -> Article:
    """An article as split would give it, one per file."""
    body = tuple(Paragraph(text, 3 + 2 * i) for i, text in enumerate(paragraphs))
    return Article(name, f"{name}.txt", 1, headline, None, None, body, ())


def _document(article: Article) -> Document:
    """A stand-in document for an article (its file's content hash)."""
    text = article.headline + "\n\n" + body_text(article)
    return Document(article.path, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which share of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """Seconds a call takes, and what it returned."""
    began = time.perf_counter()
    value = function()
    return time.perf_counter() - began, value


def row(
    name: str, rate: float | None, per_doc: float | None, times: list[float], hits: int
) -> None:
    """One line of the results table."""
    rate_text = f"{rate:10.0f}" if rate else f"{'-':>10}"
    bytes_text = f"{per_doc:10.0f}" if per_doc else f"{'-':>10}"
    print(
        f"  {name:34s} {rate_text} {bytes_text} {percentile(times, 0.5) * 1e3:9.2f} "
        f"{percentile(times, 0.99) * 1e3:9.2f} {hits / len(times):8.3f}  ({len(times)} queries)"
    )


def bench_audit(corpus: Corpus, folder: str) -> tuple[float, list[float], float]:
    """audit's index: build rate, memory per document, query times; prints its row."""
    path = str(Path(folder) / "index.sqlite")
    batch = [(_document(a), [a]) for a in corpus.references]
    index = Index.open(path)
    seconds, _ = timed(lambda: [index.add(batch[i : i + 5000]) for i in range(0, len(batch), 5000)])
    index.close()
    tracemalloc.start()
    index = Index.open(path, create=False)
    matcher = Matcher([(index, "index")])
    times, hits = [], 0
    for query, truth in corpus.queries:
        took, scored = timed(lambda q=query: matcher.scored(Query(q, "")))
        times.append(took)
        hits += bool(scored) and scored[0].found.article.id == corpus.references[truth].id  # type: ignore[index, attr-defined]
        if len(times) == 1:
            loaded = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
    size = len(corpus.references)
    disk = Path(path).stat().st_size / size
    row("audit (SQLite + LSH bands)", size / seconds, loaded / size, times, hits)
    heavy = sum(
        bool(found) and found[0].found.article.id == corpus.references[truth].id
        for query, truth in corpus.heavy
        for found in [matcher.scored(Query(query, ""))]
    )
    print(
        f"  {'':34s} heavy rewrites (30% of words replaced, about a third of the "
        f"3-grams kept): top-1 {heavy / len(corpus.heavy):.3f} ({len(corpus.heavy)} queries)"
    )
    print(
        f"  {'':34s} {'':10s} disk {disk:5.0f} B/doc, band tables {index.nbytes / size:.0f} B/doc"
    )
    through_run = _top1_through_run(corpus, folder)
    print(
        f"  {'':34s} through the command line's path (references indexed from files, the "
        f"reposts as input files, each with an exact copy beside it): top-1 "
        f"{through_run:.3f}, index alone {hits / len(times):.3f}"
    )
    return size / seconds, times, hits / len(times)


def _top1_through_run(corpus: Corpus, folder: str) -> float:
    """Top-1 of the reposts audited as the command line audits files: the references
    indexed from files (`audit index add`), the reposts as input files (`audit run
    --index`), each with an exact copy among the inputs."""
    refs, inputs = Path(folder) / "refs", Path(folder) / "inputs"
    refs.mkdir()
    inputs.mkdir()
    for article in corpus.references:
        (refs / article.path).write_text(_file_text(article), encoding="utf-8")
    index = Index.open(str(Path(folder) / "files.sqlite"))
    index_paths(index, [str(refs)])
    truth: dict[str, str] = {}
    for k, (query, original) in enumerate(corpus.queries):
        for copy in ("a", "b"):
            (inputs / f"q{k:04d}{copy}.txt").write_text(_file_text(query), encoding="utf-8")
            truth[f"q{k:04d}{copy}"] = Path(corpus.references[original].path).stem
    result = audit_paths([str(inputs)], originals=Originals(index=index))
    index.close()
    found = [
        a.matching is not None
        and a.matching.original is not None
        and Path(a.matching.original.path).stem == truth[Path(a.article.path).stem]
        for a in result.articles
    ]
    return sum(found) / len(found)


def _file_text(article: Article) -> str:
    """An article as a file: headline, then its paragraphs."""
    return article.headline + "\n\n" + "\n\n".join(p.text for p in article.body) + "\n"


def bench_brute_force(corpus: Corpus, sample: int) -> list[float]:
    """rapidfuzz over every reference body, on the first `sample` queries."""
    choices = [fold(body_text(a)) for a in corpus.references]
    times, hits = [], 0
    for query, truth in corpus.queries[:sample]:
        text = fold(body_text(query))
        took, best = timed(lambda t=text: process.extractOne(t, choices, scorer=fuzz.ratio))
        times.append(took)
        hits += best is not None and best[2] == truth  # type: ignore[index]
    row("brute force (rapidfuzz ratio)", None, None, times, hits)
    return times


# Thresholds tried for datasketch's MinHashLSH, highest first: the fair peer is the
# highest that finds the original among its candidates as often as audit finds it first.
THRESHOLDS = (0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05)


def bench_datasketch(corpus: Corpus, cap: int, target: float) -> float:
    """datasketch's per-shingle MinHash and MinHashLSH, on at most cap documents, at the
    highest threshold whose recall (original among the candidates) reaches target, the
    top-1 audit reached; the default threshold (0.5) is printed beside it."""
    references = corpus.references[:cap]
    queries = [(q, t) for q, t in corpus.queries if t < cap]

    def minhash(article: Article) -> MinHash:
        m = MinHash(num_perm=128)
        w = words(body_text(article))
        for i in range(max(1, len(w) - 2)):
            m.update(" ".join(w[i : i + 3]).encode("utf-8"))
        return m

    began = time.perf_counter()
    kept = {article.id: minhash(article) for article in references}
    hashing = time.perf_counter() - began
    sketches = [(minhash(q), references[t].id) for q, t in queries]
    recalls = {}
    for threshold in THRESHOLDS:
        lsh = _lsh(kept, threshold)[0]
        recalls[threshold] = sum(truth in lsh.query(m) for m, truth in sketches) / len(sketches)
    fair = next((t for t in THRESHOLDS if recalls[t] >= target), THRESHOLDS[-1])
    rate = 0.0
    for threshold in sorted({0.5, fair}, reverse=True):
        lsh, seconds = _lsh(kept, threshold)
        tracemalloc.start()
        measured = _lsh(kept, threshold)[0]  # memory of the LSH alone, not the MinHashes
        memory = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del measured
        times, hits = [], 0
        for query, truth in queries:
            began = time.perf_counter()
            m = minhash(query)
            found = lsh.query(m)
            best = max(found, key=lambda key: (m.jaccard(kept[key]), key), default=None)
            times.append(time.perf_counter() - began)
            hits += best == references[truth].id
        rate = len(references) / (hashing + seconds)
        name = "fair" if threshold == fair else "default"
        row(f"datasketch LSH t={threshold} ({name})", rate, memory / len(references), times, hits)
        print(
            f"  {'':34s} recall (original among the candidates) {recalls[threshold]:.3f} "
            f"on N={len(references)}"
        )
    reached = "reaches" if recalls[fair] >= target else "falls short of"
    print(
        f"  {'':34s} thresholds tried: "
        + ", ".join(f"{t}: {recalls[t]:.3f}" for t in THRESHOLDS)
        + f"; t={fair} {reached} audit's top-1 {target:.3f}"
    )
    return rate  # the fair peer's build rate (MinHashes and LSH)


def _lsh(kept: dict[str, MinHash], threshold: float) -> tuple[MinHashLSH, float]:
    """A MinHashLSH at threshold over the kept MinHashes, and the seconds it took."""
    began = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    for key, m in kept.items():
        lsh.insert(key, m)
    return lsh, time.perf_counter() - began


def main() -> None:
    """Run the benchmark at each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one small size for CI")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--brute-sample", type=int, default=20)
    parser.add_argument("--datasketch-cap", type=int, default=10_000)
    args = parser.parse_args()
    sizes = [2_000] if args.quick else args.sizes
    queries = 100 if args.quick else args.queries
    for size in sizes:
        corpus = make_corpus(size, queries)
        print(f"matching {len(corpus.queries)} reposts against N={size} reference articles")
        print(f"  {'':34s} {'build/s':>10} {'B/doc':>10} {'p50 ms':>9} {'p99 ms':>9} {'top-1':>8}")
        with tempfile.TemporaryDirectory() as folder:
            rate, ours, top1 = bench_audit(corpus, folder)
        brute = bench_brute_force(corpus, args.brute_sample)
        baseline_rate = bench_datasketch(corpus, min(size, args.datasketch_cap), top1)
        print(
            f"  query p50 {statistics.median(brute) / statistics.median(ours):.0f}x faster than "
            f"brute force; build {rate / baseline_rate:.1f}x the fair datasketch LSH's rate"
        )


if __name__ == "__main__":
    main()
