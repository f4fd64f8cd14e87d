"""Formats: what kind of file an input is, and the articles (records) it holds.

Recognised by content first, the file name's extension as a hint:

* plain text (UTF-8, UTF-16 with a byte-order mark, cp1252): the text is the document;
* HTML pages: main text and metadata (title, date, site, canonical address) by
  ``trafilatura``;
* WARC and ARC archives, gzipped or not: each HTML response record, with its target
  address and capture date, by ``warcio``;
* RSS and Atom feeds: each entry's title, link, date and content (or summary), by
  ``feedparser``;
* JSON Lines and CSV: one article per record, fields found by their common names.

Each library is imported only when a file of its format is read, so that start-up stays
light. A record that cannot be used is left out with its number and the reason; the rest
of the file is read.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from . import defaults
from .records import Record

Kind = Literal["text", "html", "warc", "feed", "jsonl", "csv"]

# File name endings a folder scan takes (a file named on the command line is always read).
SUFFIXES = defaults.SUFFIXES
# Field names looked for in JSON Lines and CSV records, first found wins.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "article", "maintext"),
    "url": ("url", "uri", "link", "address"),
    "published": ("published", "date", "dct", "date_publish", "pubdate", "datetime"),
    "site": ("source", "outlet", "site", "sitename", "publisher", "domain"),
    "author": ("author", "byline", "authors"),
}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


@dataclass(frozen=True, slots=True)
class Read:
    """The records of a file, and a note for each record left out."""

    records: tuple[Record, ...]
    problems: tuple[str, ...] = ()


class FormatError(ValueError):
    """A file of a known format that holds nothing usable; the message says why."""


def sniff(name: str, raw: bytes) -> Kind:
    """The format of a file from its first bytes, its name's extension breaking ties."""
    lower = name.lower()
    head = raw[:4096]
    if head.startswith(b"\x1f\x8b"):  # gzip: an archive, or something else compressed
        return "warc" if _gunzip_head(raw).startswith((b"WARC/", b"filedesc://")) else "text"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with a byte-order mark
    body = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(body) or (lower.endswith((".html", ".htm", ".xhtml")) and b"<" in body):
        return "html"
    start = body.lstrip()
    if (start.startswith(b"<?xml") and _FEED_ROOT.search(body)) or _FEED_ROOT.match(start):
        return "feed"
    if lower.endswith((".jsonl", ".ndjson")) or (
        body.lstrip().startswith(b"{") and _first_line_is_object(body)
    ):
        return "jsonl"
    if lower.endswith(".csv"):
        return "csv"
    return "text"


def read_records(kind: Kind, raw: bytes, fields: Mapping[str, str] | None = None) -> Read:
    """The records of a file of a record format (every kind but text); fields names the
    record key of a field where JSON Lines or CSV do not use a common name."""
    keys = {**FIELDS, **{field: (key.lower(),) for field, key in (fields or {}).items()}}
    readers: dict[str, Callable[[bytes], Read]] = {
        "html": _html,
        "warc": _warc,
        "feed": _feed,
        "jsonl": lambda data: _jsonl(data, keys),
        "csv": lambda data: _csv(data, keys),
    }
    read = readers[kind](raw)
    if not read.records:
        why = "; ".join(read.problems[:3]) or "no article in it"
        raise FormatError(f"no usable {kind} record ({why})")
    return read


def _gunzip_head(raw: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream ('' when it is not one)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw[:65536], 4096)
    except zlib.error:
        return b""


def _first_line_is_object(head: bytes) -> bool:
    """True when the first line of head is a whole JSON object."""
    line = head.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _html(raw: bytes) -> Read:
    """One saved page: its main text and metadata."""
    record = _page(raw, position=1)
    return Read((record,) if record else (), () if record else ("the page has no main text",))


def _page(raw: bytes | str, position: int, url: str | None = None) -> Record | None:
    """The article of an HTML page, or None when it has no main text."""
    import trafilatura  # loaded on first use: lxml and its models take a moment

    extracted = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None:
        return None
    found: dict[str, Any] = extracted if isinstance(extracted, dict) else extracted.as_dict()
    paragraphs = [p for p in (_clean(p) for p in (found.get("text") or "").split("\n")) if p]
    title = _clean(found.get("title") or "")
    if not title and paragraphs:  # no title: the first line of the text heads it
        title, paragraphs = paragraphs[0], paragraphs[1:]
    elif paragraphs and paragraphs[0] == title:  # the title repeated as the first line
        paragraphs = paragraphs[1:]
    if not title or not paragraphs:
        return None
    address = found.get("url") or url
    return Record(
        text=_article_text(title, paragraphs),
        position=position,
        url=address,
        published=_iso_date(found.get("date")),
        site=found.get("sitename") or found.get("hostname") or host(address),
        author=_clean(found.get("author") or "") or None,
    )


def _warc(raw: bytes) -> Read:
    """Every HTML response record of a WARC or ARC archive."""
    from warcio.archiveiterator import ArchiveIterator  # loaded on first use

    records: list[Record] = []
    problems: list[str] = []
    number = 0
    archive = ArchiveIterator(io.BytesIO(raw), arc2warc=True)
    try:
        for entry in archive:
            if entry.rec_type != "response":
                continue
            number += 1
            headers = entry.http_headers
            if headers is None:
                problems.append(f"record {number}: its HTTP headers are missing or cut short")
                continue
            content_type = headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                why = content_type or "no content type"
                problems.append(f"record {number}: not an HTML response ({why})")
                continue
            uri = entry.rec_headers.get_header("WARC-Target-URI")
            page = _page(entry.content_stream().read(), number, uri)
            if page is None:
                problems.append(f"record {number}: the page has no main text")
                continue
            captured = _iso_date(entry.rec_headers.get_header("WARC-Date"))
            records.append(replace(page, captured=captured))
    except Exception as exc:  # warcio raises many kinds on a truncated or corrupt archive
        why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        problems.append(f"record {number + 1}: the archive ends or breaks here ({why})")
    else:  # warcio stops quietly where a cut-off archive ends: say so
        unread = len(raw) - archive.offset
        if unread > 0:
            problems.append(
                f"record {number + 1}: the archive ends or breaks here ({unread} bytes not read)"
            )
        elif _gzip_cut_short(raw):  # the last record's text may stop mid-sentence: not kept
            if records and records[-1].position == number:
                records.pop()
            problems.append(f"record {number}: cut short (the compressed archive ends early)")
    return Read(tuple(records), tuple(problems))


def _gzip_cut_short(raw: bytes) -> bool:
    """True for gzip data whose last member ends before its end-of-stream marker."""
    if not raw.startswith(b"\x1f\x8b"):
        return False
    try:
        gzip.decompress(raw)
    except (EOFError, OSError, zlib.error):
        return True
    return False


def _feed(raw: bytes) -> Read:
    """Every entry of an RSS or Atom feed."""
    import feedparser  # loaded on first use

    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        raise FormatError(f"not a feed: {parsed.get('bozo_exception', 'unreadable XML')}")
    site = _clean(parsed.feed.get("title", "")) or None
    records: list[Record] = []
    problems: list[str] = []
    for number, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        paragraphs = _paragraphs_of_html(html)
        title = _clean(entry.get("title", ""))
        if not title or not paragraphs:
            problems.append(f"entry {number}: no title or no text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        records.append(
            Record(
                text=_article_text(title, paragraphs),
                position=number,
                url=entry.get("link"),
                published=date(*stamp[:3]).isoformat() if stamp else None,
                site=site or host(entry.get("link")),
                author=_clean(entry.get("author", "")) or None,
            )
        )
    return Read(tuple(records), tuple(problems))


def _paragraphs_of_html(html: str) -> list[str]:
    """The paragraphs of a fragment of HTML (a feed entry's content), markup removed."""
    if "<" not in html:
        return [p for p in (_clean(p) for p in html.split("\n")) if p]
    from lxml import html as lxml_html  # trafilatura's own parser

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, SyntaxError):
        return []
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = root.xpath("//p|//li|//h2|//h3|//blockquote")
    texts = [b.text_content() for b in blocks] or [root.text_content()]
    return [p for p in (_clean(t) for t in texts) if p]


def _jsonl(raw: bytes, keys: Mapping[str, tuple[str, ...]]) -> Read:
    """One article per line of a JSON Lines file."""
    records: list[Record] = []
    problems: list[str] = []
    for number, line in enumerate(_decode(raw).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc.msg})")
            continue
        if not isinstance(value, dict):
            problems.append(f"line {number}: not a JSON object")
            continue
        _keep(_fields(value, number, keys), records, problems, f"line {number}")
    return Read(tuple(records), tuple(problems))


def _csv(raw: bytes, keys: Mapping[str, tuple[str, ...]]) -> Read:
    """One article per row of a CSV file with a header row."""
    import csv  # loaded on first use, as every reader of a format is

    records: list[Record] = []
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(_decode(raw), newline=""))
    try:
        header = reader.fieldnames or []
        names = {n.strip().lower() for n in header if n}
        for need in ("title", "text"):
            if not names & set(keys[need]):
                raise FormatError(f"no {need} column (looked for {', '.join(keys[need])})")
        row_line = reader.line_num + 1
        for row in reader:
            if None in row:
                problems.append(f"line {row_line}: more cells than columns")
            elif any(value is None for value in row.values()):
                problems.append(f"line {row_line}: fewer cells than columns")
            else:
                _keep(_fields(row, row_line, keys), records, problems, f"line {row_line}")
            row_line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: {exc}")
    return Read(tuple(records), tuple(problems))


def _fields(
    value: Mapping[str, Any], position: int, keys: Mapping[str, tuple[str, ...]]
) -> Record | str:
    """A record from a JSON object or CSV row by the keys of its fields, or why not."""
    found = {key.strip().lower(): item for key, item in value.items() if isinstance(key, str)}

    def field(name: str) -> str:
        for key in keys[name]:
            item = found.get(key)
            if isinstance(item, (str, int, float)) and str(item).strip():
                return str(item).strip()
        return ""

    title, text = _clean(field("title")), field("text")
    if not title and not text:
        return "no title and no text"
    if not title:
        return "no title"
    paragraphs = [p for p in (_clean(p) for p in text.replace("\r", "\n").split("\n")) if p]
    url = field("url") or None
    return Record(
        text=_article_text(title, paragraphs),
        position=position,
        url=url,
        published=_iso_date(field("published")),
        site=field("site") or host(url),
        author=field("author") or None,
    )


def _keep(found: Record | str, records: list[Record], problems: list[str], where: str) -> None:
    """File a record, or the reason it is left out."""
    if isinstance(found, str):
        problems.append(f"{where}: {found}")
    else:
        records.append(found)


def _article_text(title: str, paragraphs: list[str]) -> str:
    """An article as the text splitter reads one: headline, blank line, paragraphs."""
    return "\n\n".join([title, *paragraphs]) + "\n"


def _decode(raw: bytes) -> str:
    """Text of a record file: UTF-8 (BOM optional), else cp1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _clean(text: str) -> str:
    """Text on one line, spaces collapsed."""
    return " ".join(text.split())


def _iso_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date as records write them, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # RFC 822 dates (feeds): loaded on use

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def host(url: str | None) -> str | None:
    """The host of an address, without 'www.'; of an archived copy's address
    (web.archive.org/web/<time>/<address>), the host of the address archived."""
    if not url:
        return None
    archived = _WAYBACK.match(url)
    if archived:
        url = archived.group(1)
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


_WAYBACK = re.compile(r"https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/(https?://.+)", re.I)
