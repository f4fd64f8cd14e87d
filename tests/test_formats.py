"""Record formats on files the tests make themselves: a saved HTML page with navigation
and comments, a WARC written with warcio, an RSS feed, JSON Lines, CSV, UTF-16 text."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from audit import Naming, audit_paths, ingest, split
from audit.cli import ExitCode, main
from audit.records import Document, Skipped

from .conftest import ROOT

ORIGINAL = "Police disperse farmers protesting water cuts in Basra"
REPOST = "Police disperse traitor mob protesting water cuts in Basra"
BODY = (
    "Police in Basra fired tear gas on Sunday to disperse hundreds of farmers who blocked "
    "the main road to the port, protesting against cuts to their irrigation water.",
    "At least 12 people were injured, a health official said, and 30 protesters were "
    "arrested, according to a police statement.",
    "The farmers say the upstream dams have left their fields dry for a second summer, "
    "and the provincial council promised to raise the issue with the ministry in Baghdad.",
)
ORIGINAL_URL = "https://news.example.org/iraq/2023/07/basra-farmers"
REPOST_URL = "https://fringe.example.net/basra-traitors"
FEED_URL = "https://copies.example.com/item/88"


def _page(title: str, url: str, date: str, site: str, paragraphs: tuple[str, ...]) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}"><link rel="canonical" href="{url}">'
        '<meta name="author" content="Rana Haddad">'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        "<li><a href='/sport'>Sport</a></li></ul></nav>"
        f"<article><h1>{title}</h1>{text}</article>"
        '<section class="comments"><h3>Comments</h3><p>So sad to read this. Posted by a '
        "reader</p></section><footer><p>All rights reserved</p></footer></body></html>"
    )


def _warc(path: Path, pages: list[tuple[str, str, str]], gzipped: bool = True) -> None:
    """A WARC of (uri, capture date, HTML) responses, and one request record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for uri, when, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
            )
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(html.encode("utf-8")),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": when},
                )
            )


def _feed(items: list[tuple[str, str, str, tuple[str, ...]]]) -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date, paragraphs) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate><description>"
        + "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in ps)
        + "</description></item>"
        for t, link, d, ps in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Copies Daily</title><link>https://copies.example.com/</link>{entries}"
        "</channel></rss>"
    )


UNRELATED = [
    {
        "title": "Council approves budget for school repairs",
        "text": "The city council approved the budget on Tuesday.\n\nRepairs start in June.",
        "url": "https://local.example.com/schools",
        "date": "2023-03-01",
        "source": "Local Times",
    },
    {
        "headline": "Museum reopens after renovation",
        "body": "The museum reopened its doors after two years of work, its director said.",
        "link": "https://arts.example.com/museum",
        "published": "2023-05-12T09:30:00Z",
        "outlet": "Arts Weekly",
    },
]


# The README's mixed folder: write_mixed's output, committed (see the test below).
MIXED = ROOT / "tests" / "data" / "mixed"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_mixed(folder)
    return folder


def write_mixed(folder: Path) -> None:
    """A saved repost page, its original in a web archive, a feed with a third copy and
    JSON Lines of unrelated articles. Run this file to write tests/data/mixed again."""
    (folder / "repost.html").write_text(
        _page(REPOST, REPOST_URL, "2023-07-10", "Fringe Net", BODY), encoding="utf-8"
    )
    original = _page(ORIGINAL, ORIGINAL_URL, "2023-07-09", "Example News", BODY)
    _warc(folder / "capture.warc.gz", [(ORIGINAL_URL, "2023-07-11T08:00:00Z", original)])
    feed = _feed([(ORIGINAL, FEED_URL, "Mon, 10 Jul 2023 06:00:00 GMT", BODY)])
    (folder / "copies.rss").write_text(feed, encoding="utf-8")
    lines = [json.dumps(record) for record in UNRELATED]
    (folder / "other.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_committed_mixed_folder_is_the_one_the_tests_make(mixed: Path) -> None:
    """Archive records carry fresh ids, so the records read are compared, not bytes."""

    def read(folder: Path) -> list[object]:
        docs = [ingest.read(str(p)) for p in sorted(folder.iterdir())]
        return [(Path(d.path).name, d.records) for d in docs if isinstance(d, Document)]

    assert read(MIXED) == read(mixed) and len(read(MIXED)) == 4


def test_a_mixed_folder_in_one_run(mixed: Path) -> None:
    result = audit_paths([str(mixed)])
    assert {i.format for i in result.inputs} == {"html", "warc", "feed", "jsonl"}
    by_url = {a.article.url: a for a in result.articles}
    assert len(result.articles) == 5 and len(by_url) == 5
    repost, original, copy = by_url[REPOST_URL], by_url[ORIGINAL_URL], by_url[FEED_URL]
    assert repost.matching is not None and repost.matching.original is not None
    assert repost.matching.original.article == original.article.id
    assert "traitor mob" in {t for c in repost.changes for t in c.unsupported}
    # The page's own metadata, and the archive's capture date beside the page's date.
    assert (repost.article.published, repost.article.site) == ("2023-07-10", "Fringe Net")
    assert repost.article.author == "Rana Haddad"
    assert (original.article.published, original.article.captured) == ("2023-07-09", "2023-07-11")
    assert copy.article.site == "Copies Daily" and copy.article.published == "2023-07-10"
    # The feed's copy is a copy of the original, not the same article seen twice.
    assert original.matching is not None
    assert copy.article.id in {c.article for c in original.matching.copies}
    assert copy.matching is not None and copy.matching.original is not None
    assert copy.matching.original.article == original.article.id
    # Navigation, comments and footer are not the article.
    text = " ".join(p.text for p in repost.article.body)
    assert "Posted by a reader" not in text and "Sport" not in text
    records = [a.article for a in result.articles if a.article.path.endswith(".jsonl")]
    assert [(a.line, a.site, a.published) for a in records] == [
        (1, "Local Times", "2023-03-01"),
        (2, "Arts Weekly", "2023-05-12"),
    ]


def test_sources_are_named_by_their_site_or_a_glob_on_the_host(mixed: Path) -> None:
    def names(naming: Naming | None = None) -> dict[str, tuple[str, str]]:
        result = audit_paths([str(mixed)], naming=naming)
        return {Path(i.path).name: (i.source, i.named_by) for i in result.inputs}

    found = names()
    assert found["repost.html"] == ("Fringe Net", "site")
    assert found["copies.rss"] == ("Copies Daily", "site")
    assert found["other.jsonl"] == ("other.jsonl", "file")  # two sites in one file
    configured = names(Naming(globs=(("*.example.net", "Fringe network"),)))
    assert configured["repost.html"] == ("Fringe network", "config")
    assert configured["copies.rss"] == ("Copies Daily", "site")


def test_the_report_shows_where_and_when(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["run", str(mixed), "-o", str(out), "-q"])
    assert result.exit_code == ExitCode.OK, result.stderr
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    repost = next(a for a in data["articles"] if a["url"] == REPOST_URL)
    page = (out / "articles" / f"{repost['id']}.html").read_text(encoding="utf-8")
    assert f'<a class="url" href="{REPOST_URL}" rel="noreferrer noopener">' in page
    assert '<time datetime="2023-07-10">2023-07-10</time>' in page
    table = (out / "articles.csv").read_text(encoding="utf-8")
    assert f"{REPOST_URL},2023-07-10,Fringe Net" in table
    findings = [f for f in data["findings"] if f["article"] == repost["id"]]
    assert findings and all(f["line"] == 1 and f["column"] == 1 for f in findings)


def test_an_address_that_is_not_http_is_never_a_link(tmp_path: Path) -> None:
    hostile = {"title": "A title here", "text": "Some body text.", "url": "javascript:alert(1)"}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    out = tmp_path / "report"
    assert CliRunner().invoke(main, ["run", str(path), "-o", str(out), "-q"]).exit_code == 0
    page = next((out / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert 'href="javascript:' not in page and "<code>javascript:alert(1)</code>" in page


def _reasons(path: Path) -> list[str]:
    read = ingest.read(str(path))
    if isinstance(read, Skipped):
        return [read.reason]
    return list(read.warnings)


def test_bad_records_are_left_out_with_their_place_and_reason(tmp_path: Path) -> None:
    good = json.dumps(UNRELATED[0])
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(f"{good}\n[1, 2]\n{{not json\n{good}\n", encoding="utf-8")
    doc = ingest.read(str(jsonl))
    assert isinstance(doc, Document) and len(doc.records) == 2
    assert doc.warnings == (
        f"{jsonl}: line 2: not a JSON object, left out",
        f"{jsonl}: line 3: not JSON (Expecting property name enclosed in double quotes), left out",
    )
    rows = tmp_path / "bad.csv"
    rows.write_text(
        "title,text,url\nA road reopens,The road reopened on Monday.,https://a.example/1\n"
        "Only a title\nA bridge closes,The bridge closed.,https://a.example/2\n",
        encoding="utf-8",
    )
    assert _reasons(rows) == [f"{rows}: line 3: fewer cells than columns, left out"]
    no_text = tmp_path / "no-text.csv"
    no_text.write_text("title,url\nA road reopens,https://a.example/1\n", encoding="utf-8")
    assert _reasons(no_text) == [
        "csv: no text column (looked for text, body, content, article, maintext)"
    ]
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<!DOCTYPE html><html><body><nav>Home</nav></body></html>")
    assert _reasons(empty_page) == ["html: no usable html record (the page has no main text)"]
    not_xml = tmp_path / "broken.rss"
    not_xml.write_text("<rss><channel><title>x</title><item><title>unclosed", encoding="utf-8")
    (reason,) = _reasons(not_xml)
    assert reason.startswith("feed: ")


def test_a_truncated_archive_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    pages = [
        (f"https://news.example.org/{n}", "2023-07-11T08:00:00Z",
         _page(f"Story number {n} about the harbour", f"https://news.example.org/{n}",
               "2023-07-09", "Example News", BODY))
        for n in range(3)
    ]  # fmt: skip
    _warc(whole, pages)
    raw = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    last = raw.rfind(b"\x1f\x8b\x08")  # each record is a gzip member: cut into the last
    cut.write_bytes(raw[: last + 40])
    doc = ingest.read(str(cut))
    assert isinstance(doc, Document) and len(doc.records) == 2
    assert doc.warnings == (  # the record the cut falls in, and why
        f"{cut}: record 3: the archive ends or breaks here (40 bytes not read), left out",
    )
    cut.write_bytes(raw[:-100])  # the last page cut short: it may stop mid-sentence
    doc = ingest.read(str(cut))
    assert isinstance(doc, Document) and len(doc.records) == 2
    assert doc.warnings == (
        f"{cut}: record 3: cut short (the compressed archive ends early), left out",
    )
    plain = tmp_path / "plain.warc"
    _warc(plain, pages, gzipped=False)
    read = ingest.read(str(plain))
    assert isinstance(read, Document) and [r.url for r in read.records] == [p[0] for p in pages]
    garbage = tmp_path / "noise.warc.gz"
    garbage.write_bytes(gzip.compress(b"WARC/1.0\r\nnonsense\r\n\r\n"))
    assert _reasons(garbage)[0].startswith("warc: ")


def test_utf16_text_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("A headline\r\n\r\nA body, with é and ü.\r\n".encode("utf-16"))
    doc = ingest.read(str(path))
    assert isinstance(doc, Document) and doc.encoding == "utf-16"
    assert "é and ü" in doc.text


def test_the_gvc_corpus_reads_with_addresses_and_dates() -> None:
    corpus = ROOT.parent / "shared" / "benchmarks" / "gvc" / "gvc_docs.jsonl"
    if not corpus.exists():
        pytest.skip("../shared is not here")
    doc = ingest.read(str(corpus))
    assert isinstance(doc, Document) and doc.format == "jsonl" and not doc.warnings
    assert len(doc.records) == 5988
    assert all(r.url and r.published for r in doc.records)
    articles = split.split(doc)  # a record is one article, whatever its text looks like
    assert len(articles) == 5988 and all(a.url and a.published for a in articles)
    first = json.loads(corpus.read_text(encoding="utf-8").split("\n", 1)[0])
    assert (doc.records[0].url, doc.records[0].published) == (first["uri"], first["dct"])


def test_no_format_library_is_loaded_to_start_or_to_read_text(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("A headline\n\nA body that says little.\n", encoding="utf-8")
    script = (
        "import sys; from audit.cli import main\n"
        "try:\n    main(['run', sys.argv[1], '-o', sys.argv[2], '-q'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('trafilatura', 'warcio', 'feedparser', 'lxml') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(text), str(tmp_path / "out")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "[]"


if __name__ == "__main__":
    MIXED.mkdir(parents=True, exist_ok=True)
    write_mixed(MIXED)


def test_two_versions_of_unknown_order_are_compared_both_ways(tmp_path: Path) -> None:
    text = "\n\n".join([ORIGINAL, *BODY]) + "\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    changed = text.replace("farmers protesting", "rioters protesting").replace(
        "At least 12 people", "Twelve people"
    )
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    result = audit_paths([str(tmp_path)])
    a, b = sorted(result.articles, key=lambda x: x.article.path)
    assert (a.verdict, a.basis, b.verdict, b.basis) == (
        "versions differ", "other version", "versions differ", "other version",
    )  # fmt: skip
    assert not a.changes and a.severity.value == "none"  # no direction: nothing altered
    wording = {(c.original, c.repost) for c in a.version_changes}
    assert ("rioters", "farmers") in wording and ("", "At least") in wording
    assert ("farmers", "rioters") in {(c.original, c.repost) for c in b.version_changes}
    # Dates decide the order: then one is the original and the other altered.
    lines = [
        json.dumps({"title": x.split("\n")[0], "text": x, "date": d})
        for x, d in ((text, "2023-07-09"), (changed, "2023-07-10"))
    ]
    dated = tmp_path / "dated" / "both.jsonl"
    dated.parent.mkdir()
    dated.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = audit_paths([str(dated)]).articles
    assert (first.verdict, second.verdict, second.basis) == (
        "unchanged", "altered", "matched original",
    )  # fmt: skip
    assert "rioters" in {t for c in second.changes for t in c.unsupported}


def test_record_fields_with_uncommon_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"heading": "Council approves budget", "story": "The council approved it.",
              "where": "https://local.example.com/budget"}  # fmt: skip
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no pyproject.toml above

    def run(*extra: str) -> tuple[int, dict[str, object] | str]:
        result = CliRunner().invoke(main, ["run", str(path), "-o", "-", *extra])
        return result.exit_code, json.loads(result.stdout) if result.stdout else result.stderr

    code, stderr = run()
    assert code == ExitCode.ERROR and "no title and no text" in str(stderr)
    fields = ["--field", "title=heading", "--field", "text=story", "--field", "url=where"]
    code, data = run(*fields)
    assert code == ExitCode.OK and isinstance(data, dict)
    (article,) = data["articles"]  # type: ignore[misc]
    assert (article["headline"], article["url"]) == (record["heading"], record["where"])
    (tmp_path / "pyproject.toml").write_text(
        '[tool.audit.fields]\ntitle = "heading"\ntext = "story"\n', encoding="utf-8"
    )
    code, data = run()
    assert code == ExitCode.OK and isinstance(data, dict) and len(data["articles"]) == 1  # type: ignore[arg-type]
    code, stderr = run("--field", "headline=heading")
    assert code == ExitCode.ERROR and "unknown field 'headline'" in str(stderr)


def test_an_atom_feed(tmp_path: Path) -> None:
    content = "".join(f"<p>{p}</p>" for p in BODY).replace("<", "&lt;").replace(">", "&gt;")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom News</title><id>urn:x</id><updated>2023-07-10T00:00:00Z</updated>"
        f"<entry><title>{ORIGINAL}</title><id>urn:1</id>"
        f'<link href="{FEED_URL}"/><published>2023-07-09T10:00:00Z</published>'
        f"<author><name>Rana Haddad</name></author>"
        f'<content type="html">{content}</content></entry></feed>'
    )
    path = tmp_path / "news.atom"
    path.write_text(atom, encoding="utf-8")
    doc = ingest.read(str(path))
    assert isinstance(doc, Document) and doc.format == "feed"
    (record,) = doc.records
    assert (record.url, record.published, record.site, record.author) == (
        FEED_URL, "2023-07-09", "Atom News", "Rana Haddad",
    )  # fmt: skip
    assert record.text.startswith(ORIGINAL + "\n\n" + BODY[0])


def test_an_arc_archive(tmp_path: Path) -> None:
    """The older ARC format (version 1, as the Wayback Machine's early crawls are)."""
    page = _page(ORIGINAL, ORIGINAL_URL, "2023-07-09", "Example News", BODY).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    version = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://crawl.arc 0.0.0.0 20230711080000 text/plain %d\n" % len(version)
    record = b"%s 127.0.0.1 20230711080000 text/html %d\n" % (ORIGINAL_URL.encode(), len(http))
    path = tmp_path / "crawl.arc"
    path.write_bytes(header + version + b"\n" + record + http + b"\n")
    doc = ingest.read(str(path))
    assert isinstance(doc, Document) and doc.format == "warc" and not doc.warnings
    (found,) = doc.records
    dates = (found.published, found.captured)
    assert found.url == ORIGINAL_URL and dates == ("2023-07-09", "2023-07-11")
