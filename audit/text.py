"""Text normalisation and word tokens with exact character spans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, overload

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
WORD = re.compile(r"[^\W_]+(?:(?:['\u2019\u02bc]|(?<=\d)[.,](?=\d))[^\W_]+)*")

STOPWORDS = frozenset(
    """a an the of in on at to for from with by and or nor but as is are was were be been being
    am it its it's this that these those there here after before over under into onto
    out up down off than then about amid among between during via per his her hers their
    theirs our ours your yours my mine he she they we you i me him them us who whom
    whose which what when where why how will would shall should can could may might must
    do does did has have had so if also just very too more most such own same other
    another any each all both some while whilst though although since until unless
    whether""".split()
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
        Token(m.group(), _fold_word(m.group()), m.start(), m.end()) for m in WORD.finditer(text)
    )


class Words(Sequence[Token]):
    """The word tokens of parts of a long text, made into Tokens only on access.

    Equivalent to ``tokenize`` on each part, but several times faster to build: words
    and their folded forms come from whole-part regex passes, and character offsets are
    found only when a token is looked at.
    """

    def __init__(self, text: str, parts: Sequence[tuple[int, int]]) -> None:
        """The words of text[start:end] for each (start, end) part, in order."""
        self.text = text
        self.parts = parts
        found = [WORD.findall(text, start, end) for start, end in parts]
        self.counts = [len(words) for words in found]
        self.texts = [w for words in found for w in words]
        joined = " ".join(self.texts)  # only the words matter, not the spaces between
        if joined.isascii():
            self.norms = joined.lower().split(" ") if self.texts else []
        elif unicodedata.is_normalized("NFKC", joined):
            self.norms = _apostrophes(joined).split(" ")
        else:
            self.norms = [_fold_word(w) for w in self.texts]
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """The character offset of every word."""
        if self._starts is None:
            self._starts = [
                m.start() for start, end in self.parts for m in WORD.finditer(self.text, start, end)
            ]
        return self._starts

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | Sequence[Token]:
        if isinstance(i, slice):
            return tuple(self._token(k) for k in range(*i.indices(len(self))))
        return self._token(i if i >= 0 else len(self) + i)

    def _token(self, k: int) -> Token:
        """The k-th token."""
        start, word = self.starts[k], self.texts[k]
        return Token(word, self.norms[k], start, start + len(word))


def _apostrophes(word: str) -> str:
    """fold() of a word already in NFKC form: casefolded, one apostrophe style."""
    return word.casefold().replace("\u2019", "'").replace("\u02bc", "'")


def _fold_word(word: str) -> str:
    """fold() for a single word; ASCII words (most of them) need only casefolding."""
    return word.casefold() if word.isascii() else fold(word)


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """A light stem of a folded word so that 'clashes' supports 'clash', 'Sadr's' 'Sadr',
    and an irregular form its base word ('shot' and 'shooting' are both 'shoot')."""
    return _suffix_stem(norm, irregular=True)


def _suffix_stem(norm: str, irregular: bool) -> str:
    """stem() by suffix rules, trying the irregular base of a word they leave alone."""
    if norm.endswith("'s"):
        norm = norm[:-2]
    norm = norm.rstrip("'")
    for suffix in ("ings", "ing", "ies", "es", "ed", "s"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            base = norm[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix == "es" and not base.endswith(_SIBILANTS):
                base = norm[:-1]  # 'declares' is 'declare' + s, 'clashes' is 'clash' + es
            return base[:-1] if base.endswith("e") and len(base) > 3 else base
    base = _irregular_base(norm) if irregular else norm
    if base != norm:
        return _suffix_stem(base, irregular=False)
    return norm[:-1] if norm.endswith("e") and len(norm) > 4 else norm


def _irregular_base(norm: str) -> str:
    """The base word of an irregular verb or noun form ('fled' 'flee', 'men' 'man') from
    lemminflect's lexicon; the word itself when it is no such form. Adjectives are left
    alone: 'worse' must not support 'bad'."""
    if not norm.isalpha() or len(norm) < 3:
        return norm
    lemmas = _lemmas()(norm)
    for pos in ("VERB", "NOUN"):
        for lemma in lemmas.get(pos, ()):
            if lemma != norm and lemma.isalpha():
                return str(lemma)
    return norm


@lru_cache(maxsize=1)
def _lemmas() -> Any:
    """lemminflect's lemma lookup, loaded on first use: its lexicon takes a moment."""
    from lemminflect import getAllLemmas

    return getAllLemmas


_SIBILANTS = ("s", "x", "z", "ch", "sh")


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


def is_compound_of(norm: str, stems: Container[str]) -> bool:
    """True when a word is two words written as one and both are among ``stems`` (the
    stems of a text): 'gunfight' of 'gun' and 'fight', 'manhunt' of 'man' and 'hunt'."""
    return any(
        stem(norm[:k]) in stems and stem(norm[k:]) in stems
        for k in range(MIN_COMPOUND_PART, len(norm) - MIN_COMPOUND_PART + 1)
    )


# Each part of a compound word has at least this many letters.
MIN_COMPOUND_PART = 3


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


def strip_possessive(term: str) -> str:
    """Drop a possessive ending (Moloch's -> Moloch): the term, not its grammar."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if term.endswith(ending) and len(term) > len(ending):
            return term[: -len(ending)]
    return term
