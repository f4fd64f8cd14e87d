"""Split: cut a document into articles.

Two shapes are recognised from the text itself, not from file names:

* a dump of repost records: the reposted headline, a blank line, the original outlet's
  headline as the reposter quoted it, then the body up to the next record. A record
  starts wherever two consecutive paragraphs both look like headlines and share enough
  content words to be two versions of one headline;
* a single article: optional date lines, a headline, optional byline, the body, and
  site chrome (comment forms, source lists) at the end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import chrome
from .outlets import ArticleParts, attribute
from .records import Article, Chrome, Document, Paragraph
from .text import content_stems, fold

# Two headlines are versions of each other when they share this many content stems...
MIN_SHARED_STEMS = 2
# ...making up at least this share of the shorter headline's content stems.
MIN_OVERLAP = 0.3
MAX_HEADLINE_CHARS = 250
# A paragraph this long after two headline-like lines is the start of a record's body.
MIN_BODY_CHARS = 80
MAX_HEADLINE_WORDS = 30
# Lines under a headline in which bylines and date lines are expected...
HEADER_ZONE = 4
# ...after, at most, a standfirst this long ("Militias in Iraq are increasing...").
MAX_STANDFIRST = 200

_SENTENCE_END = re.compile(r"[.,;:\"\u201d]$")
_BULLET = re.compile(r"^[-\u2022*\u2013\u2014]\s")
_NUMERIC_DATE_END = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}$")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of a document: 1-based number and stripped text."""

    number: int
    text: str


def split(doc: Document) -> tuple[Article, ...]:
    """All articles of a document, in file order."""
    lines = [Line(n, t.strip()) for n, t in enumerate(doc.text.split("\n"), 1) if t.strip()]
    starts = record_starts(lines)
    if not starts:
        article = _single(doc.path, lines)
        return (article,) if article else ()
    articles = []
    preamble = _single(doc.path, lines[: starts[0]])
    if preamble and preamble.body:
        articles.append(preamble)
    bounds = [*starts, len(lines)]
    for begin, end in itertools.pairwise(bounds):
        articles.append(_record(doc.path, lines[begin:end]))
    return tuple(articles)


def record_starts(lines: Sequence[Line]) -> list[int]:
    """Indexes of lines that open a repost record (reposted then quoted headline)."""
    starts: list[int] = []
    i = 0
    while i + 1 < len(lines):
        a, b = lines[i].text, lines[i + 1].text
        if is_headline_like(a) and is_headline_like(b) and are_versions(a, b, _framed(lines, i)):
            starts.append(i)
            i += 2
        else:
            i += 1
    return starts


def _framed(lines: Sequence[Line], i: int) -> bool:
    """True when lines i and i+1 sit where a record would: after the end of a sentence
    (or at the top) and before a full body paragraph."""
    before = i == 0 or bool(_SENTENCE_END.search(lines[i - 1].text))
    after = i + 2 < len(lines) and len(lines[i + 2].text) >= MIN_BODY_CHARS
    return before and after and bool(_SENTENCE_END.search(lines[i + 2].text))


def is_headline_like(line: str) -> bool:
    """True for a line shaped like a headline: short, no closing full stop, not chrome."""
    words = len(line.split())
    if not 2 <= words <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if _SENTENCE_END.search(line) or _BULLET.match(line) or _NUMERIC_DATE_END.search(line):
        return False
    return chrome.line_kind(line) is None and chrome.split_headline(line)[0] != ""


def are_versions(repost: str, original: str, framed: bool = False) -> bool:
    """True when two headline-like lines are versions of one headline.

    A heavily rewritten headline may share a single content word with the original; that
    is enough only when the two lines are framed like a record (see ``_framed``).
    """
    repost_clean, original_clean = (
        chrome.split_headline(repost)[0],
        chrome.split_headline(original)[0],
    )
    if fold(repost_clean) == fold(original_clean):
        return True
    a, b = content_stems(repost_clean), content_stems(original_clean)
    shared = len(a & b)
    if framed:
        return shared >= 1
    return shared >= MIN_SHARED_STEMS and shared >= MIN_OVERLAP * min(len(a), len(b))


def _record(path: str, lines: Sequence[Line]) -> Article:
    """A repost record: reposted headline, quoted original headline, then the body."""
    repost, original = lines[0], lines[1]
    headline, repost_suffix = chrome.split_headline(repost.text)
    original_headline, original_suffix = chrome.split_headline(original.text)
    body, furniture = _body(lines[2:])
    suffixes = [
        Chrome(s, ln.number, "suffix")
        for s, ln in ((repost_suffix, repost), (original_suffix, original))
        if s
    ]
    return _article(
        path, repost, headline, original_headline, original.number, body,
        (*suffixes, *furniture), original_suffix,
    )  # fmt: skip


def _single(path: str, lines: Sequence[Line]) -> Article | None:
    """A single article: the first headline-like line after leading chrome, then the body."""
    furniture: list[Chrome] = []
    index = 0
    while index < len(lines) and chrome.line_kind(lines[index].text):
        furniture.append(_chrome(lines[index], chrome.line_kind(lines[index].text)))
        index += 1
    if index >= len(lines):
        return None
    first = lines[index]
    headline, suffix = chrome.split_headline(first.text)
    if suffix:
        furniture.append(Chrome(suffix, first.number, "suffix"))
    body, rest = _body(lines[index + 1 :])
    return _article(path, first, headline, None, None, body, (*furniture, *rest), suffix)


def _body(lines: Sequence[Line]) -> tuple[tuple[Paragraph, ...], tuple[Chrome, ...]]:
    """Separate body paragraphs from chrome; everything after a footer line is chrome."""
    paragraphs: list[Paragraph] = []
    furniture: list[Chrome] = []
    in_footer = False
    for position, line in enumerate(lines):
        in_footer = in_footer or chrome.is_footer(line.text)
        in_header = position < HEADER_ZONE and _before_text(paragraphs)
        kind = "footer" if in_footer else (
            chrome.header_kind(line.text) if in_header else chrome.line_kind(line.text)
        )  # fmt: skip
        if kind:
            furniture.append(_chrome(line, kind))
        else:
            paragraphs.append(Paragraph(line.text, line.number))
    return tuple(paragraphs), tuple(furniture)


def _before_text(paragraphs: Sequence[Paragraph]) -> bool:
    """True while only a short standfirst, if anything, stands between headline and byline."""
    return not paragraphs or (len(paragraphs) == 1 and len(paragraphs[0].text) <= MAX_STANDFIRST)


def _chrome(line: Line, kind: str | None) -> Chrome:
    """A chrome record for a whole line."""
    return Chrome(line.text, line.number, kind or "other")


def _article(
    path: str,
    first: Line,
    headline: str,
    original_headline: str | None,
    original_line: int | None,
    body: tuple[Paragraph, ...],
    furniture: tuple[Chrome, ...],
    suffix: str | None,
) -> Article:
    """Assemble an article and attribute its outlet from its own text."""
    parts = ArticleParts(
        suffix=suffix or "",
        lead=body[0].text if body else "",
        chrome=tuple(c.text for c in furniture if c.kind != "footer"),
        body=tuple(p.text for p in body),
    )
    return Article(
        id=article_id(path, first.number),
        path=path,
        line=first.number,
        headline=headline,
        original_headline=original_headline,
        original_line=original_line,
        body=body,
        chrome=furniture,
        outlet=attribute(parts),
    )


def article_id(path: str, line: int) -> str:
    """A readable id, safe in file names: '<file stem>-L<line>'."""
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:60]
    return f"{slug or 'stdin'}-L{line}"
