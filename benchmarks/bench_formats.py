"""Read throughput of each input format against the plain-text path, same articles, same run.

    python benchmarks/bench_formats.py [--articles 600] [--repeat 3]

Takes the first N articles of the GVC corpus (../shared/benchmarks/gvc/gvc_docs.jsonl:
real local news with addresses and dates) and writes them in every format audit reads:
one .txt file each (the baseline), one saved HTML page each, one gzipped WARC, one RSS
feed, one JSON Lines file and one CSV file. Reading is `ingest.read` and `split.split`,
what `audit run` does before matching. Prints articles per second of CPU (the median of
repeat runs) and each format's speed as a ratio to plain text; then the whole corpus as
JSON Lines against the same documents as text files. Skips cleanly when the data is
absent. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import ingest, split  # noqa: E402
from audit.records import Document  # noqa: E402

DATA = ROOT.parent / "shared" / "benchmarks" / "gvc" / "gvc_docs.jsonl"
Doc = dict[str, str]


def main() -> int:
    """Print the figures; 0 unless the data is unreadable."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found (the GVC data lives outside the project)")
        return 0
    with DATA.open(encoding="utf-8") as lines:
        corpus = [json.loads(line) for line in lines]
    docs = [d for d in corpus if d["title"].strip() and d["text"].strip()][: args.articles]
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        written = {name: write(folder / name, docs) for name, write in WRITERS.items()}
        base = None
        for name, files in written.items():
            articles, seconds = _timed(files, args.repeat)
            rate = articles / seconds
            base = base or rate
            print(
                f"{name}: {articles} articles from {len(files)} files, {rate:,.0f} articles/s "
                f"CPU, {rate / base:.2f}x plain text"
            )
        whole_text = _write_text(folder / "all-text", corpus)
        jsonl = folder / "all.jsonl"
        jsonl.write_bytes(DATA.read_bytes())
        text_articles, text_seconds = _timed(whole_text, 1)
        jsonl_articles, jsonl_seconds = _timed([str(jsonl)], 1)
        print(
            f"whole GVC corpus: JSON Lines {jsonl_articles} articles at "
            f"{jsonl_articles / jsonl_seconds:,.0f}/s, as {len(whole_text)} text files "
            f"{text_articles} articles at {text_articles / text_seconds:,.0f}/s "
            f"({(jsonl_articles / jsonl_seconds) / (text_articles / text_seconds):.2f}x)"
        )
    return 0


def _timed(files: list[str], repeat: int) -> tuple[int, float]:
    """Articles read from files, and the median CPU seconds of repeat readings."""
    times, articles = [], 0
    for _ in range(repeat):
        start = time.process_time()
        articles = 0
        for path in files:
            doc = ingest.read(path)
            if isinstance(doc, Document):
                articles += len(split.split(doc))
        times.append(time.process_time() - start)
    return articles, statistics.median(times)


def _paragraphs(doc: Doc) -> list[str]:
    return [p.strip() for p in doc["text"].split("\n") if p.strip()]


def _write_text(folder: Path, docs: list[Doc]) -> list[str]:
    folder.mkdir()
    for k, doc in enumerate(docs):
        text = doc["title"].strip() + "\n\n" + "\n\n".join(_paragraphs(doc)) + "\n"
        (folder / f"{k:05d}.txt").write_text(text, encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def _page(doc: Doc) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(doc))
    title = html.escape(doc["title"].strip())
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<link rel="canonical" href="{html.escape(doc["uri"])}">'
        f'<meta property="article:published_time" content="{doc["dct"]}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def _write_html(folder: Path, docs: list[Doc]) -> list[str]:
    folder.mkdir()
    for k, doc in enumerate(docs):
        (folder / f"{k:05d}.html").write_text(_page(doc), encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


def _write_warc(folder: Path, docs: list[Doc]) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir()
    path = folder / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for doc in docs:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            payload = io.BytesIO(_page(doc).encode("utf-8"))
            record = writer.create_warc_record(
                doc["uri"], "response", payload=payload, http_headers=headers
            )
            writer.write_record(record)
    return [str(path)]


def _write_feed(folder: Path, docs: list[Doc]) -> list[str]:
    folder.mkdir()
    items = []
    for doc in docs:
        when = datetime.fromisoformat(doc["dct"]).replace(tzinfo=UTC)
        content = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(doc))
        items.append(
            f"<item><title>{html.escape(doc['title'].strip())}</title>"
            f"<link>{html.escape(doc['uri'])}</link><pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{html.escape(content)}</description></item>"
        )
    path = folder / "feed.rss"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>GVC</title>'
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )
    return [str(path)]


def _write_jsonl(folder: Path, docs: list[Doc]) -> list[str]:
    folder.mkdir()
    path = folder / "docs.jsonl"
    lines = [json.dumps({k: d[k] for k in ("title", "text", "uri", "dct")}) for d in docs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


def _write_csv(folder: Path, docs: list[Doc]) -> list[str]:
    folder.mkdir()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text", "url", "date"])
    writer.writerows([d["title"], d["text"], d["uri"], d["dct"]] for d in docs)
    path = folder / "docs.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return [str(path)]


# Plain text first: it is the baseline the others are compared with.
WRITERS: dict[str, Callable[[Path, list[Doc]], list[str]]] = {
    "text": _write_text,
    "html": _write_html,
    "warc": _write_warc,
    "feed": _write_feed,
    "jsonl": _write_jsonl,
    "csv": _write_csv,
}


if __name__ == "__main__":
    sys.exit(main())
