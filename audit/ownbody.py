"""Own body: check a headline against its own article when no original is known.

An outlet's headline summarises its body, so wording in the headline that the body never
uses is worth a fact-checker's look. Genuine headlines use such words all the time
("slams", "Shooting" over "shot", a city from the dateline), so this check is narrow and
its evidence weaker than a quoted or matched original's:

* a **term**: a capitalised word that general English rarely uses (by the word
  frequencies of the ``wordfreq`` package), standing where a headline names an actor or
  a thing (after "the", as a possessive, opening the headline or closing a clause), and
  that neither the body nor the page's captions and datelines ever use in any form;
* an **appended tag**: a name and a number in parentheses or after a bar or dash
  ("(Book 13:18)", "| Psalm 8") whose name the page never uses.

Acronyms, words with digits, date words and site names are never terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from .chrome import DATE_WORDS
from .records import Article, Change, Kind
from .text import (
    Token,
    Words,
    is_compound_of,
    is_content,
    number_value,
    stem,
    strip_possessive,
    tokenize,
)

# Bodies shorter than this many words are too short to judge a headline by.
MIN_BODY_WORDS = 40
# Words rarer than this (Zipf scale: 3 is once per million words) can be terms...
RARE_ZIPF = 3.5
# ...and a tag's name counts unless it is an everyday word ("Part 2", "Update 3").
TAG_NAME_ZIPF = 5.0
# An opening term followed by a rarer content word modifies it ('Tulsa Police', 'DeKalb
# County'); a word this common is no head noun ('Usurper Only Works').
HEAD_NOUN_ZIPF = 6.0
# Words that share this many first letters are forms of one word ('shooting', 'shooter').
PREFIX = 5

# A "headline" that ends with a full stop, or opens with a dateline ("DECATUR - One
# person...") and runs on like a sentence, is the lead of a page that gave no headline.
_FULL_STOP = re.compile(r"[a-z]{2}\.$")
_DATELINE = re.compile(r"^[A-Z][A-Z.]{2,}(?:[ ,]+[A-Z][A-Z.]+)*\s*(?:[-\u2013\u2014(]|,\s)")
LEAD_WORDS = 14
_DETERMINERS = frozenset("the a an this that his her their its our my".split())
_TAG = re.compile(
    r"(?:\(\s*(?P<p>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+\d+(?::\d+)?)\s*\)"
    r"|(?:\s\||\s[-\u2013\u2014])\s*(?P<s>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+\d+(?::\d+)?))\s*$"
)


def headline_changes(article: Article) -> tuple[Change, ...] | None:
    """The headline's terms and tags its own page never supports; None when the body is
    too short to judge by."""
    body = _norms(p.text for p in article.body)
    if len(body) < MIN_BODY_WORDS:
        return None
    if _is_lead_sentence(article.headline):
        return None  # the page gave no headline: its first sentence stands in for one
    used = {*body, *_norms(c.text for c in article.chrome)}
    stems = {stem(norm) for norm in used}
    prefixes = {norm[:PREFIX] for norm in used if len(norm) >= PREFIX}

    def supported(token: Token) -> bool:
        norm = token.norm
        if stem(norm) in stems or (len(norm) >= PREFIX and norm[:PREFIX] in prefixes):
            return True
        return is_compound_of(norm, stems)

    headline = article.headline
    tokens = tokenize(headline)
    spans: list[tuple[int, int]] = []
    tag = _TAG.search(headline)
    tag_start = len(headline)
    if tag:
        start, end = tag.span("p") if tag.group("p") else tag.span("s")
        name = tokenize(headline[start:end])[0]
        if not supported(name) and zipf(name.norm) < TAG_NAME_ZIPF:
            spans.append((start, end))
            tag_start = tag.start()
    for i, token in enumerate(tokens):
        if token.start >= tag_start or supported(token) or not _term_shaped(token):
            continue
        if zipf(strip_possessive(token.norm)) < RARE_ZIPF and _names_something(tokens, i):
            spans.append((token.start, token.end))
    return tuple(_change(article, span) for span in sorted(spans))


def _norms(texts: Iterable[str]) -> list[str]:
    """The folded words of some texts, in order."""
    text = "\n".join(texts)
    return Words(text, [(0, len(text))]).norms


def _is_lead_sentence(headline: str) -> bool:
    """True for a first sentence standing in for a missing headline."""
    if _FULL_STOP.search(headline):
        return True
    return bool(_DATELINE.search(headline)) and len(headline.split()) >= LEAD_WORDS


def _term_shaped(token: Token) -> bool:
    """A capitalised content word, not an acronym, a number, a date word or code."""
    text = token.text
    if not text[0].isupper() or not is_content(token.norm) or any(c.isdigit() for c in text):
        return False
    if number_value(token.norm) is not None or strip_possessive(token.norm) in DATE_WORDS:
        return False
    return not (text.isupper() and len(text) <= 5)


def _names_something(tokens: Sequence[Token], i: int) -> bool:
    """True where a headline names an actor or thing: after a determiner, as a
    possessive, or opening the headline without modifying the supported noun after it
    ('Tulsa Police' is a place naming the police)."""
    norm = tokens[i].norm
    if (i > 0 and tokens[i - 1].norm in _DETERMINERS) or norm.endswith(("'s", "'")):
        return True
    if i > 0:
        return False
    if i + 1 == len(tokens):
        return True
    after = tokens[i + 1]
    return not (is_content(after.norm) and zipf(after.norm) < HEAD_NOUN_ZIPF)


def _change(article: Article, span: tuple[int, int]) -> Change:
    """An unsupported headline term as a change with nothing on the original side."""
    text = article.headline[span[0] : span[1]]
    term = strip_possessive(text) if not text[-1].isdigit() else text
    return Change(
        where="headline",
        op="insert",
        original="",
        repost=text,
        kinds=(Kind.UNSUPPORTED_TERM,),
        unsupported=(term,),
        original_span=(0, 0),
        repost_span=span,
        line=article.line,
    )


@cache
def zipf(word: str) -> float:
    """How common a word is in English, on the Zipf scale (0 for unknown words). The
    small list holds every word of Zipf 3 and more, so below every threshold here it
    decides as the full list does, and loads in a fraction of its time."""
    from wordfreq import zipf_frequency  # loaded on first use: its tables take a moment

    return float(zipf_frequency(strip_possessive(word.casefold()), "en", wordlist="small"))
