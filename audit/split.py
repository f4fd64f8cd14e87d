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
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from . import chrome, pairing
from .outlets import ArticleParts, attribute
from .records import Article, Chrome, Document, Paragraph, Record
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
# A full stop ending a sentence inside a line ("opened fire about 9:10 p.m. Four men").
_INNER_SENTENCE = re.compile(r"(?:[a-z]{3,}|\b[ap]\.m)\.\s+[(\"'\u201c]?[A-Z]")
# A footnote marker: headlines carry none ("shot on bicycle [40]").
# Template code or markup left in the text ("{* loginWidget *}", "<p>Authorities...",
# "*** PRESS RELEASE ***"), never a headline.
_MARKUP = re.compile(r"[{}]|\*{2,}|^</?[a-zA-Z][^>]*>")
# A credit naming where a text comes from: "From the Anderson County Sheriff's Office".
_CREDIT = re.compile(
    r"^(?i:from|courtesy of|via|source:?)\s+(?:the\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*)*$"
)
_CITATION = re.compile(r"\[\d{1,3}\]")
# Sentence-case lines longer than this are standfirsts, not headlines.
MAX_SENTENCE_CASE_WORDS = 16
_PARAGRAPH_END = re.compile(r"[.!\"\u201d)]$")
_META_LINE = re.compile(r"^[a-z][a-z_]{1,30}:\s+\S")
FRONT_MATTER_LINES = 20
_POSTED = re.compile(r"\s+(?:posted|updated|published)\s*:.*$", re.IGNORECASE)
# Lines under a headline searched for a quoted original (captions, credits, kickers...).
HEADER_LINES = 8
# Body lines whose words decide which header line the body supports.
BODY_SAMPLE = 40
# ...and the first of them, the lead, that a recast headline must summarise.
LEAD_LINES = 4
# A line with this many near-copies (rapidfuzz partial_ratio >= LIST_SIMILARITY) within LIST_REACH
# lines of it is a list item, not a headline.
LIST_SIBLINGS = 3
LIST_SIMILARITY = 80
LIST_REACH = 6


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of a document: 1-based number and stripped text."""

    number: int
    text: str


def split(doc: Document, one: bool = False) -> tuple[Article, ...]:
    """All articles of a document, in file order; one article when one is set (a record
    of a record format is one article, whatever its text looks like)."""
    if doc.records:
        return tuple(a for record in doc.records for a in _of_record(doc, record))
    every = [Line(n, t.strip()) for n, t in enumerate(doc.text.split("\n"), 1) if t.strip()]
    sites = recurring_sites(every)
    meta, lines = front_matter(every)
    if meta:
        article = _single(doc.path, lines, sites, meta)
        return (article,) if article else ()
    starts = record_starts(lines, sites)
    if not starts or one:
        article = _single(doc.path, lines, sites)
        return (article,) if article else ()
    articles = []
    preamble = _single(doc.path, lines[: starts[0]], sites)
    if preamble and preamble.body:
        articles.append(preamble)
    bounds = [*starts, len(lines)]
    for begin, end in itertools.pairwise(bounds):
        articles.append(_record(doc.path, lines[begin:end], sites))
    return tuple(articles)


def front_matter(lines: Sequence[Line]) -> tuple[tuple[Chrome, ...], Sequence[Line]]:
    """Leading 'key: value' lines closed by a '---' line (a stored page's own header),
    as chrome of kind 'meta', and the lines after them."""
    for k, line in enumerate(lines[:FRONT_MATTER_LINES]):
        if line.text == "---" and k:
            return tuple(Chrome(x.text, x.number, "meta") for x in lines[: k + 1]), lines[k + 1 :]
        if not _META_LINE.match(line.text):
            break
    return (), lines


def recurring_sites(lines: Sequence[Line]) -> frozenset[str]:
    """Names a file shows more than once after a headline's bar or dash, or also as a
    line of their own: the file's own site name."""
    whole = {chrome.fold_name(line.text) for line in lines if len(line.text) <= 60}
    seen: dict[str, int] = {}
    for line in lines:
        if len(line.text) > MAX_HEADLINE_CHARS or ("|" not in line.text and " - " not in line.text):
            continue
        last = chrome.fold_name(re.split(r"\s*(?:\||\s[-\u2013\u2014]\s)\s*", line.text)[-1])
        if last:
            seen[last] = seen.get(last, 0) + 1
    return frozenset(name for name, n in seen.items() if n >= 2 or name in whole)


def record_starts(lines: Sequence[Line], sites: frozenset[str] = frozenset()) -> list[int]:
    """Indexes of lines that open a repost record (reposted then quoted headline).

    A document is a dump of records only when its first headline opens one; further down,
    two headline-shaped lines in a row are a list or a caption, not a record.
    """
    first = next((k for k, line in enumerate(lines) if not chrome.line_kind(line.text)), 0)
    starts: list[int] = []
    opening: tuple[str, ...] | None = None  # the evidence of the first record
    i = first
    while i + 1 < len(lines):
        a, b = lines[i].text, lines[i + 1].text
        evidence = (
            _quotes(lines, i, sites, framed=bool(starts))
            if is_headline_like(a) and is_headline_like(b) and are_versions(a, b, _framed(lines, i))
            else None
        )
        if evidence is not None:
            opening = opening or evidence
            starts.append(i)
            i += 2
        elif i == first and not starts:
            return []
        else:
            i += 1
    if len(starts) == 1 and opening == (REPEATED,):
        return []  # a page showing its headline twice (title, then display headline)
    return starts


# The evidence of a record whose headline was kept as it was: a dump of several such
# records, not a page that shows its own headline twice.
REPEATED = "the line under the headline repeats it"


def _quotes(
    lines: Sequence[Line], i: int, sites: frozenset[str], framed: bool = True
) -> tuple[str, ...] | None:
    """The evidence that line i+1 quotes the original of headline i, or None: the same
    headline twice, or a version the following body supports better. ``framed``: a
    record further down a dump, where the layout itself is evidence; the first record
    must stand on its text alone."""
    a, b = (chrome.split_headline(lines[k].text, sites)[0] for k in (i, i + 1))
    if fold(a) == fold(b):
        return (REPEATED,)
    body = pairing.Support.of(line.text for line in _record_body(lines, i + 2))
    quote = pairing.find_quote(a, [b if _is_candidate(b, body) else None], body, framed=framed)
    return None if quote is None else quote.evidence


def _list_items(texts: Sequence[str], first: int) -> frozenset[int]:
    """The positions among the first ``first`` texts of lines cut from one template with
    others near them (a widget's "Snow Warning issued ... for: Erie" rows, a list of
    links): a headline is not one of many near-copies, while a headline shown twice has
    one. Near-copies are of about the same length."""
    folded = [fold(text) for text in texts]
    listed = set()
    for i, text in enumerate(folded[:first]):
        reach = range(max(0, i - LIST_REACH), min(len(folded), i + LIST_REACH + 1))
        near = (
            j for j in reach
            if folded[j] != text
            and len(text) <= 2 * len(folded[j]) and len(folded[j]) <= 2 * len(text)
            and fuzz.partial_ratio(text, folded[j]) >= LIST_SIMILARITY
        )  # fmt: skip
        if sum(1 for _ in itertools.islice(near, LIST_SIBLINGS)) >= LIST_SIBLINGS:
            listed.add(i)
    return frozenset(listed)


def _framed(lines: Sequence[Line], i: int) -> bool:
    """True when lines i and i+1 sit where a record would: after the end of a sentence
    (or at the top) and before a full body paragraph."""
    before = i == 0 or bool(_SENTENCE_END.search(lines[i - 1].text))
    after = i + 2 < len(lines) and len(lines[i + 2].text) >= MIN_BODY_CHARS
    return before and after and bool(_SENTENCE_END.search(lines[i + 2].text))


def is_headline_like(line: str) -> bool:
    """True for a line shaped like a headline: short, no closing full stop, no sentence
    inside (a caption's 'opened fire. Four men were'), not chrome."""
    words = len(line.split())
    if not 2 <= words <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return False
    if _SENTENCE_END.search(line) or _BULLET.match(line) or _NUMERIC_DATE_END.search(line):
        return False
    if _INNER_SENTENCE.search(line) or _CITATION.search(line):
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


def _record_body(lines: Sequence[Line], start: int) -> Sequence[Line]:
    """The body lines of a record starting at start, up to the next pair of headlines."""
    end = min(len(lines), start + BODY_SAMPLE)
    for j in range(start, end - 1):
        a, b = lines[j].text, lines[j + 1].text
        if is_headline_like(a) and is_headline_like(b) and are_versions(a, b):
            return lines[start:j]
    return lines[start:end]


def _record(path: str, lines: Sequence[Line], sites: frozenset[str] = frozenset()) -> Article:
    """A repost record: reposted headline, quoted original headline, then the body."""
    repost, original = lines[0], lines[1]
    headline, repost_suffix = chrome.split_headline(repost.text, sites)
    original_headline, original_suffix = chrome.split_headline(original.text, sites)
    body, furniture = _body(lines[2:])
    suffixes = [
        Chrome(s, ln.number, "suffix")
        for s, ln in ((repost_suffix, repost), (original_suffix, original))
        if s
    ]
    return _article(
        path, repost, headline, original_headline, original.number, body,
        (*suffixes, *furniture), original_suffix, _quotes(lines, 0, sites) or (),
    )  # fmt: skip


def _single(
    path: str,
    lines: Sequence[Line],
    sites: frozenset[str] = frozenset(),
    meta: tuple[Chrome, ...] = (),
) -> Article | None:
    """A single article: the first headline-like line after leading chrome (or the
    headline its front matter gives), a header zone that may quote the original headline
    (see ``pairing``), then the body."""
    furniture: list[Chrome] = list(meta)
    index = 0
    given = _meta(meta, "headline")
    while index < len(lines) and _leading_chrome(lines[index].text, index + 1 < len(lines)):
        kind = chrome.line_kind(lines[index].text) or "site"
        furniture.append(_chrome(lines[index], kind))
        index += 1
    if given is not None:
        lines = [Line(given.line, given.text.split(":", 1)[1].strip()), *lines[index:]]
        index = 0
    if index >= len(lines):
        return None
    first = lines[index]
    shown_headline = _POSTED.sub("", first.text)
    headline, suffix = chrome.split_headline(shown_headline, sites)
    suffix = " ".join(filter(None, (suffix, first.text[len(shown_headline) :].strip()))) or None
    if suffix:
        furniture.append(Chrome(suffix, first.number, "suffix"))
    rest = lines[index + 1 :]
    stated = _meta(meta, "original_headline")
    if stated is not None:  # the file says what it reposts: nothing to infer
        body, more = _body(rest)
        return _article(
            path, first, headline, stated.text.split(":", 1)[1].strip(), stated.line, body,
            (*furniture, *more), suffix, ("the file's front matter gives it",),
        )  # fmt: skip
    zone = _header_zone(rest)
    shown = [_display(line.text, sites) for line in zone]
    after = rest[len(zone) :]
    quote = None
    if any(map(is_headline_like, shown)):  # else no line to weigh: spare the body's words
        support = pairing.Support.of(line.text for line in after[:BODY_SAMPLE])
        listed = _list_items([line.text for line in [*zone, *after[:LIST_REACH]]], len(zone))
        quote = pairing.find_quote(
            headline,
            [
                text if _is_candidate(text, support) and i not in listed else None
                for i, text in enumerate(shown)
            ],
            support,
            pairing.Support.of(
                line.text for line in [*zone, *after[:LEAD_LINES]] if not _is_candidate(line.text)
            ),
        )
    if quote is None:
        repeats = [
            _chrome(line, "headline") for line, text in zip(zone, shown, strict=True)
            if pairing.repeats(headline, text)
        ]  # fmt: skip
        kept = [line for line in rest if line.number not in {c.line for c in repeats}]
        body, more = _body(kept)
        return _article(
            path, first, headline, None, None, body, (*furniture, *repeats, *more), suffix
        )
    quoted = zone[quote.position]
    original, original_suffix = chrome.split_headline(chrome.peel_glued(quoted.text)[0], sites)
    between = [
        _chrome(line, chrome.header_kind(line.text) or "header") for line in zone[: quote.position]
    ]
    if original_suffix:
        between.append(Chrome(original_suffix, quoted.number, "suffix"))
    body, more = _body(rest[quote.position + 1 :])
    return _article(
        path, first, headline, original, quoted.number, body,
        (*furniture, *between, *more), original_suffix or suffix, quote.evidence,
    )  # fmt: skip


def _meta(meta: Sequence[Chrome], key: str) -> Chrome | None:
    """The front matter line giving ``key``, if any."""
    return next((m for m in meta if m.text.startswith(f"{key}:")), None)


def _leading_chrome(text: str, more: bool) -> bool:
    """True for a line above the headline that is the site's: chrome, a site name ('CBS
    58', 'SheridanMedia.com'), or a word or two that is no headline ('en', 'News')."""
    if chrome.line_kind(text):
        return True
    return more and (
        chrome.names_site(text)
        or (len(text.split()) <= 2 and not is_headline_like(text))
        or text.casefold() == "news"
    )


def _header_zone(lines: Sequence[Line]) -> Sequence[Line]:
    """The lines under a headline before its first body paragraph, at most HEADER_LINES."""
    for position, line in enumerate(lines[:HEADER_LINES]):
        if _is_paragraph(line.text):
            return lines[:position]
    return lines[:HEADER_LINES]


def _is_paragraph(text: str) -> bool:
    """True for a line of running text: long, ending like a sentence, not a caption."""
    long = len(text) >= MIN_BODY_CHARS and bool(_PARAGRAPH_END.search(text))
    return (long or len(text) > MAX_HEADLINE_CHARS) and chrome.line_kind(text) is None


def _display(text: str, sites: frozenset[str]) -> str:
    """A header line as a headline would read: glued captions, site suffixes and a trailing
    'Posted: <date>' taken off."""
    text = chrome.peel_glued(text)[0]
    text = _POSTED.sub("", text)
    return chrome.split_headline(text, sites)[0]


def _is_candidate(text: str, body: pairing.Support | None = None) -> bool:
    """True for a header line that could be a quoted headline: headline-shaped, not a
    credit or date, not a byline (a short line of names: 'Moqtada al-Sadr and Women' is
    no byline when the body writes 'women' in lower case), not a shouted teaser, and in
    Title Case when long."""
    if not is_headline_like(text) or chrome.line_kind(text) is not None:
        return False
    if chrome.is_byline(text) and (body is None or body.names_only(text)):
        return False
    if _MARKUP.search(text) or _CREDIT.match(text):
        return False
    letters = [w for w in text.split() if w[:1].isalpha()]
    if letters and all(w.isupper() for w in letters):
        return False
    if len(text.split()) > MAX_SENTENCE_CASE_WORDS:
        return sum(w[0].isupper() for w in letters) >= 0.6 * len(letters)
    return True


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
    evidence: tuple[str, ...] = (),
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
        quote_evidence=evidence,
    )


def _of_record(doc: Document, record: Record) -> tuple[Article, ...]:
    """The article of one record, placed at the record and carrying its metadata."""
    found = split(replace(doc, text=record.text, records=()), one=True)
    stem = article_id(doc.path, record.position).rsplit("-L", 1)[0]
    return tuple(
        replace(
            article,
            id=f"{stem}-R{record.position}",
            line=record.position,
            original_line=record.position if article.original_line is not None else None,
            url=record.url,
            published=record.published,
            captured=record.captured,
            site=record.site,
            author=record.author,
            record=record.position,
        )
        for article in found
    )


def article_id(path: str, line: int) -> str:
    """A readable id, safe in file names: '<file stem>-L<line>'."""
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:60]
    return f"{slug or 'stdin'}-L{line}"
