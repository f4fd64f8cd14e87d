"""Text normalisation and word tokens with exact character spans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from text_to_num import text2num

# Typographic variants that never count as a change of wording.
_FOLD_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": "",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")

# A word: letters or digits, joined by apostrophes ("cleric's") or, between
# digits, by a decimal point or thousands separator ("5,000", "14.34").
_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019\u02bc]|(?<=\d)[.,](?=\d))[^\W_]+)*")

STOPWORDS = frozenset(
    """a an the of in on at to for from with by and or nor but as is are was were be been being
    am it its it's this that these those there here after before over under into onto
    out up down off than then about amid among between during via per his her hers their
    theirs our ours your yours my mine he she they we you i me him them us who whom
    whose which what when where why how will would shall should can could may might must
    do does did has have had so if also just very too more most such own same other
    another any each all both some""".split()
)


def fold(text: str) -> str:
    """Normalise for comparison: NFKC, one quote and dash style, casefold, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: its surface form, its folded form and its character span."""

    text: str
    norm: str
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into word tokens; punctuation and spacing are not tokens."""
    return tuple(
        Token(m.group(), _fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)
    )


def _fold_word(word: str) -> str:
    """fold() for a single word; ASCII words (most of them) need only casefolding."""
    return word.casefold() if word.isascii() else fold(word)


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """A light stem of a folded word so that 'clashes' supports 'clash' and 'Sadr's' 'Sadr'."""
    if norm.endswith("'s"):
        norm = norm[:-2]
    norm = norm.rstrip("'")
    for suffix in ("ings", "ing", "ies", "es", "ed", "s"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            base = norm[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return norm


@lru_cache(maxsize=65536)
def number_value(norm: str) -> float | None:
    """The value of a number token ('7', '5,000', 'seven', 'twenty-one'), else None."""
    digits = norm.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    if not norm.isalpha() and "-" not in norm:
        return None
    try:
        return float(text2num(norm, "en"))
    except ValueError:
        return None


def is_content(norm: str) -> bool:
    """True for words that carry meaning on their own (not function words)."""
    return norm not in STOPWORDS and stem(norm) not in STOPWORDS


def content_stems(text: str) -> frozenset[str]:
    """The stems of the content words of a text."""
    return frozenset(stem(t.norm) for t in tokenize(text) if is_content(t.norm))


def word_alternation(words: Iterable[str]) -> str:
    """Words as one regex alternation shaped like a prefix tree.

    Python's re tries the branches of an alternation one by one; 'p(?:eople|erson)'
    fails fast where 'people|person|...' tries every word.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _prefix_tree_source(tree)


def _prefix_tree_source(node: dict[str, Any]) -> str:
    """The regex of a prefix-tree node; the key '' marks the end of a word."""
    branches = [re.escape(c) + _prefix_tree_source(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body
