"""Benchmark casualty extraction on the GVC corpus, against a regex baseline in the same run.

    python benchmarks/bench_casualties.py [--split test|dev|all] [--limit N]

Reads ../shared/benchmarks/gvc/gvc_docs.jsonl (real local news about US gun violence,
gold killed/injured counts per incident) and prints, for audit's figures stage and for a
simple regular-expression baseline written below:
- per document: exact accuracy for killed, injured and both, and RMSE;
- per incident (its documents combined): how often the gold count lies inside the range
  of the counts found in its documents;
- documents per second on one core.
The split is fixed by the data's README: an incident is test when int(incident) % 5 == 0.
Skips cleanly when the data is absent. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import figures  # noqa: E402
from audit.anchors import When  # noqa: E402
from audit.records import Article, Paragraph  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks" / "gvc" / "gvc_docs.jsonl"
Doc = dict[str, Any]
Counter = Callable[[Doc], tuple[int, int]]


def load(split: str, limit: int | None) -> list[Doc]:
    """The documents of a split ('test', 'dev' or 'all')."""
    docs = []
    with DATA.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            is_test = int(doc["incident"]) % 5 == 0
            if split == "all" or (split == "test") == is_test:
                docs.append(doc)
    return docs[:limit] if limit else docs


def as_article(doc: Doc) -> Article:
    """A GVC document as an article: its title as headline, blank-line paragraphs as body."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc["text"])]
    body = tuple(Paragraph(p, i + 2) for i, p in enumerate(p for p in paragraphs if p))
    return Article(doc["doc_id"], "gvc", 1, doc["title"], None, None, body, ())


def audit_counts(doc: Doc) -> tuple[int, int]:
    """Killed and injured as audit's figures stage reads them."""
    year, month, _ = (int(part) for part in doc["dct"].split("-"))
    toll = figures.toll(figures.article_claims(as_article(doc), When(year, month)))
    killed = toll.killed.min if toll.killed else 0
    wounded = toll.wounded.min if toll.wounded else 0
    return killed, wounded


# The baseline: a number written right before a casualty word, else 1 when such a word
# occurs at all (a single victim is rarely counted in figures), else 0.
_WORDS = "one two three four five six seven eight nine ten".split()
_NUMBER = r"(\d+|" + "|".join(_WORDS) + r")"
_PEOPLE = r"\s+(?:people\s+|persons\s+)?(?:were\s+)?"
_BASE_KILLED = re.compile(_NUMBER + _PEOPLE + r"(?:killed|dead|died)")
_BASE_INJURED = re.compile(_NUMBER + _PEOPLE + r"(?:injured|wounded|hurt)")
_BASE_ANY_KILLED = re.compile(r"\b(?:killed|dead|died|fatal(?:ly)?)\b")
_BASE_ANY_INJURED = re.compile(r"\b(?:injured|wounded|hurt)\b")


def baseline_counts(doc: Doc) -> tuple[int, int]:
    """Killed and injured as the regex baseline reads them."""
    text = f"{doc['title']}\n{doc['text']}".lower()
    return (
        _baseline_one(text, _BASE_KILLED, _BASE_ANY_KILLED),
        _baseline_one(text, _BASE_INJURED, _BASE_ANY_INJURED),
    )


def _baseline_one(text: str, counted: re.Pattern[str], mentioned: re.Pattern[str]) -> int:
    """The largest number before a casualty word, else 1 if one is mentioned, else 0."""
    values = [int(m) if m.isdigit() else _WORDS.index(m) + 1 for m in counted.findall(text)]
    if values:
        return max(values)
    return 1 if mentioned.search(text) else 0


def evaluate(name: str, count: Counter, docs: list[Doc]) -> float:
    """Print accuracy figures for one counter; return its documents per second."""
    began = time.process_time()
    predicted = [count(doc) for doc in docs]
    seconds = max(time.process_time() - began, 1e-9)
    gold = [(doc["num_killed"], doc["num_injured"]) for doc in docs]
    n = len(docs)
    killed = sum(p[0] == g[0] for p, g in zip(predicted, gold, strict=True)) / n
    injured = sum(p[1] == g[1] for p, g in zip(predicted, gold, strict=True)) / n
    both = sum(p == g for p, g in zip(predicted, gold, strict=True)) / n
    rmse_k = math.sqrt(sum((p[0] - g[0]) ** 2 for p, g in zip(predicted, gold, strict=True)) / n)
    rmse_i = math.sqrt(sum((p[1] - g[1]) ** 2 for p, g in zip(predicted, gold, strict=True)) / n)
    inside_k, inside_i = _incident_coverage(docs, predicted)
    print(
        f"  {name:22s} killed {killed:6.2%}  injured {injured:6.2%}  both {both:6.2%}  "
        f"RMSE {rmse_k:5.2f}/{rmse_i:5.2f}  incident range holds gold "
        f"{inside_k:6.1%}/{inside_i:6.1%}  {n / seconds:7.0f} docs/s"
    )
    return n / seconds


def _incident_coverage(docs: list[Doc], predicted: list[tuple[int, int]]) -> tuple[float, float]:
    """Share of incidents whose gold killed / injured lies within their documents' range."""
    by_incident: dict[str, list[tuple[int, int]]] = defaultdict(list)
    gold: dict[str, tuple[int, int]] = {}
    for doc, counts in zip(docs, predicted, strict=True):
        by_incident[doc["incident"]].append(counts)
        gold[doc["incident"]] = (doc["num_killed"], doc["num_injured"])
    inside = [0, 0]
    for incident, counts in by_incident.items():
        for i in (0, 1):
            values = [c[i] for c in counts]
            inside[i] += min(values) <= gold[incident][i] <= max(values)
    return inside[0] / len(by_incident), inside[1] / len(by_incident)


def misses(docs: list[Doc], limit: int) -> Iterator[str]:
    """Documents audit gets wrong, for looking into on the dev split."""
    if limit <= 0:
        return
    for doc in docs:
        found = audit_counts(doc)
        if found != (doc["num_killed"], doc["num_injured"]):
            yield f"{doc['doc_id']} gold {(doc['num_killed'], doc['num_injured'])} got {found}"
            limit -= 1
            if not limit:
                return


def main() -> None:
    """Run audit and the baseline on one split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--misses", type=int, default=0, help="list N documents audit gets wrong")
    args = parser.parse_args()
    print("casualty figures on GVC: audit against a regex baseline")
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the GVC data lives outside the project)")
        return
    docs = load(args.split, args.limit)
    incidents = len({d["incident"] for d in docs})
    print(f"GVC {args.split} split: {len(docs)} documents, {incidents} incidents")
    ours = evaluate("audit figures", audit_counts, docs)
    base = evaluate("regex baseline", baseline_counts, docs)
    print(f"  audit runs at {ours / base:.2f}x the baseline's documents per second")
    for line in misses(docs, args.misses):
        print("  miss", line)


if __name__ == "__main__":
    main()
