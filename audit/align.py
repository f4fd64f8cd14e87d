"""Align: pair the sentences of an original body with its repost's, then diff words inside.

1. Sentences are compared whole (by their folded words) and the longest common
   subsequence of equal sentences is kept as is.
2. Between two kept stretches, one word-level alignment of the gap links an original
   sentence to a repost sentence when at least ``MIN_LINK`` of the shorter one's
   words align with the other; linked sentences form a group: ``changed`` (one to
   one), ``split`` (one to several), ``merged`` (several to one) or ``rewritten``.
   Sentences left unlinked are ``deleted`` or ``inserted``.
3. A deleted sentence that reappears elsewhere among the inserted ones (``MIN_MOVED``
   of its words or more) is ``moved``.

The result holds a monotone word-level edit script that rebuilds the repost's words
from the original's (a moved sentence is a deletion plus an insertion there), and the
edits worth classifying: word changes inside paired sentences and whole sentences
inserted or deleted. A dateline ("BAGHDAD -", "NASIRIYAH, Iraq (AP) -") is site
chrome: its words are left out on both sides.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from . import diff
from .records import BodyDiff, EditOp, Paragraph, SentenceKind, SentencePair, Span
from .sentences import sentence_starts
from .text import Words, is_content

PARAGRAPH_BREAK = "\n\n"
# Share of the shorter sentence's words that must align for two sentences to be paired.
MIN_LINK = 0.5
# Share of words two sentences must have in common to be one sentence moved.
MIN_MOVED = 0.8

_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]{2,}(?:[ ,/]+[A-Z][\w'.-]*){0,3}\s*(?:\([^()\n]{1,40}\))?\s*[-\u2013\u2014]+\s+"
)


@dataclass(frozen=True, slots=True)
class Text:
    """A body joined into one text, its words (dateline left out) and its sentences."""

    text: str
    tokens: Words
    keys: list[str]
    sentences: tuple[tuple[int, int], ...]  # token ranges
    spans: tuple[Span, ...]  # character ranges

    @classmethod
    def of(cls, paragraphs: Sequence[Paragraph]) -> Text:
        """Join paragraphs and find their sentences and words."""
        text = PARAGRAPH_BREAK.join(p.text for p in paragraphs)
        dateline = _DATELINE.match(text)
        parts = _sentence_bounds(text, paragraphs, dateline.end() if dateline else 0)
        tokens = Words(text, parts)
        bounds = list(itertools.accumulate(tokens.counts, initial=0))
        kept = [k for k, n in enumerate(tokens.counts) if n]
        sentences = tuple((bounds[k], bounds[k + 1]) for k in kept)
        keys = list(map(diff.compare_key, tokens.norms))
        return cls(text, tokens, keys, sentences, tuple(parts[k] for k in kept))

    def span(self, first: int, last: int) -> Span:
        """Character span of sentences first..last-1."""
        return (self.spans[first][0], self.spans[last - 1][1])

    def sentence_keys(self) -> list[int]:
        """One hashable key per sentence: equal keys, equal words."""
        return [hash(tuple(self.keys[a:b])) for a, b in self.sentences]


@dataclass(frozen=True, slots=True)
class Edit:
    """A stretch of words to classify; ``whole`` when a whole sentence was inserted or deleted."""

    op: EditOp
    whole: bool


@dataclass(frozen=True, slots=True)
class Aligned:
    """Two bodies aligned: the report record, the edit script and the edits to classify."""

    original: Text
    repost: Text
    diff: BodyDiff
    script: tuple[EditOp, ...]
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class _Group:
    """Sentences [i0, i1) of the original paired with sentences [j0, j1) of the repost."""

    kind: SentenceKind | Literal["moved-from"]
    i0: int
    i1: int
    j0: int
    j1: int


def align_bodies(original: Sequence[Paragraph], repost: Sequence[Paragraph]) -> Aligned:
    """Align the sentences of two bodies and the words inside paired sentences."""
    a, b = Text.of(original), Text.of(repost)
    groups: list[_Group] = []
    i = j = 0  # sentences reached on each side
    for op in Indel.opcodes(a.sentence_keys(), b.sentence_keys()):
        if op.tag != "equal":
            continue
        groups.extend(_gap(a, b, i, op.src_start, j, op.dest_start))
        groups.extend(
            _Group(
                "equal",
                k,
                k + 1,
                op.dest_start + k - op.src_start,
                op.dest_start + k - op.src_start + 1,
            )
            for k in range(op.src_start, op.src_end)
        )
        i, j = op.src_end, op.dest_end
    groups.extend(_gap(a, b, i, len(a.sentences), j, len(b.sentences)))
    groups = _moves(a, b, groups)
    script, edits = _walk(a, b, groups)
    return Aligned(a, b, BodyDiff(a.text, b.text, _pairs(a, b, groups)), script, edits)


def _gap(a: Text, b: Text, i0: int, i1: int, j0: int, j1: int) -> list[_Group]:
    """Pair the sentences of a gap between equal stretches by their aligned words."""
    if i0 == i1 or j0 == j1:
        return [_Group("deleted", i, i + 1, j0, j0) for i in range(i0, i1)] + [
            _Group("inserted", i0, i0, j, j + 1) for j in range(j0, j1)
        ]
    ta0, tb0 = a.sentences[i0][0], b.sentences[j0][0]
    links = _links(a, b, i0, i1, j0, j1, ta0, tb0)
    spans: list[list[int]] = []  # [i_min, i_max, j_min, j_max] of linked groups, in order
    for i, j in sorted(links):
        if spans and (i <= spans[-1][1] or j <= spans[-1][3]):
            last = spans[-1]
            last[1], last[3] = max(last[1], i), max(last[3], j)
        else:
            spans.append([i, i, j, j])
    groups: list[_Group] = []
    i, j = i0, j0
    for gi0, gi1, gj0, gj1 in spans:
        groups.extend(_Group("deleted", k, k + 1, j, j) for k in range(i, gi0))
        groups.extend(_Group("inserted", gi0, gi0, k, k + 1) for k in range(j, gj0))
        groups.append(_Group(_kind(gi1 + 1 - gi0, gj1 + 1 - gj0), gi0, gi1 + 1, gj0, gj1 + 1))
        i, j = gi1 + 1, gj1 + 1
    groups.extend(_Group("deleted", k, k + 1, j, j) for k in range(i, i1))
    groups.extend(_Group("inserted", i1, i1, k, k + 1) for k in range(j, j1))
    return groups


def _links(
    a: Text, b: Text, i0: int, i1: int, j0: int, j1: int, ta0: int, tb0: int
) -> set[tuple[int, int]]:
    """Sentence pairs of a gap that share at least MIN_LINK of the shorter one's words."""
    ta1, tb1 = a.sentences[i1 - 1][1], b.sentences[j1 - 1][1]
    a_ends = [a.sentences[i][1] - ta0 for i in range(i0, i1)]
    b_ends = [b.sentences[j][1] - tb0 for j in range(j0, j1)]
    shared: dict[tuple[int, int], int] = {}
    for block in Indel.opcodes(a.keys[ta0:ta1], b.keys[tb0:tb1]):
        if block.tag != "equal":
            continue
        x, y, left = block.src_start, block.dest_start, block.src_end - block.src_start
        while left > 0:  # one step per stretch within one sentence on both sides
            si, sj = bisect_right(a_ends, x), bisect_right(b_ends, y)
            run = min(a_ends[si] - x, b_ends[sj] - y, left)
            pair = (i0 + si, j0 + sj)
            shared[pair] = shared.get(pair, 0) + run
            x, y, left = x + run, y + run, left - run
    return {
        (i, j)
        for (i, j), count in shared.items()
        if count >= MIN_LINK * min(_length(a, i), _length(b, j))
    }


def _length(t: Text, sentence: int) -> int:
    """Number of words of a sentence."""
    start, end = t.sentences[sentence]
    return end - start


def _kind(originals: int, reposts: int) -> SentenceKind:
    """The kind of a group of paired sentences by how many there are on each side."""
    if originals == 1:
        return "changed" if reposts == 1 else "split"
    return "merged" if reposts == 1 else "rewritten"


def _moves(a: Text, b: Text, groups: list[_Group]) -> list[_Group]:
    """Turn a deleted sentence that reappears as an inserted one into a moved sentence.

    The deletion stays in place as 'moved-from' (it still edits the word script); the
    insertion becomes 'moved', paired with the original sentence.
    """
    deleted = [g.i0 for g in groups if g.kind == "deleted"]
    origin: dict[int, int] = {}  # repost sentence -> original sentence
    for g in groups:
        if g.kind != "inserted" or not deleted:
            continue
        words = b.keys[slice(*b.sentences[g.j0])]
        scores = [
            Indel.normalized_similarity(a.keys[slice(*a.sentences[i])], words) for i in deleted
        ]
        best = max(range(len(deleted)), key=scores.__getitem__)
        if scores[best] >= MIN_MOVED:
            origin[g.j0] = deleted.pop(best)
    sources = set(origin.values())
    result = []
    for g in groups:
        if g.kind == "deleted" and g.i0 in sources:
            result.append(_Group("moved-from", g.i0, g.i1, g.j0, g.j1))
        elif g.kind == "inserted" and g.j0 in origin:
            result.append(_Group("moved", origin[g.j0], origin[g.j0] + 1, g.j0, g.j1))
        else:
            result.append(g)
    return result


def _walk(a: Text, b: Text, groups: list[_Group]) -> tuple[tuple[EditOp, ...], tuple[Edit, ...]]:
    """The monotone word edit script, and the edits to classify, group by group."""
    script: list[EditOp] = []
    edits: list[Edit] = []
    ta = tb = 0  # word positions reached on each side
    for g in groups:
        if g.kind == "moved":  # inserted here: the words of a sentence deleted elsewhere
            tb1 = b.sentences[g.j0][1]
            script.append(EditOp("insert", ta, ta, tb, tb1))
            oa0, oa1 = a.sentences[g.i0]
            edits.extend(Edit(op, False) for op in _word_ops(a, b, oa0, oa1, tb, tb1))
            tb = tb1
            continue
        ta1 = a.sentences[g.i1 - 1][1] if g.i1 > g.i0 else ta
        tb1 = b.sentences[g.j1 - 1][1] if g.j1 > g.j0 else tb
        if g.kind in ("deleted", "inserted", "moved-from"):
            op = EditOp("insert" if g.kind == "inserted" else "delete", ta, ta1, tb, tb1)
            script.append(op)
            if g.kind != "moved-from":
                edits.append(Edit(op, True))
        elif g.kind != "equal":
            ops = _word_ops(a, b, ta, ta1, tb, tb1)
            script.extend(ops)
            restructured = g.kind in ("split", "merged")
            edits.extend(
                Edit(op, False) for op in ops if not restructured or _has_content(a, b, op)
            )
        ta, tb = ta1, tb1
    return tuple(script), tuple(sorted(edits, key=lambda e: (e.op.b0, e.op.a0)))


def _has_content(a: Text, b: Text, op: EditOp) -> bool:
    """True when an operation changes a content word, not only joining words ('and')."""
    norms = [*a.tokens.norms[op.a0 : op.a1], *b.tokens.norms[op.b0 : op.b1]]
    return any(is_content(n) for n in norms)


def _word_ops(a: Text, b: Text, ta0: int, ta1: int, tb0: int, tb1: int) -> list[EditOp]:
    """The word alignment of a[ta0:ta1] with b[tb0:tb1], in whole-text word positions."""
    return list(diff.align_keys(a.keys[ta0:ta1], b.keys[tb0:tb1], ta0, tb0))


def _pairs(a: Text, b: Text, groups: list[_Group]) -> tuple[SentencePair, ...]:
    """The report's sentence pairs, in the repost's order."""
    pairs = []
    for g in groups:
        if g.kind == "moved-from":
            continue
        original = a.span(g.i0, g.i1) if g.i1 > g.i0 else None
        repost = b.span(g.j0, g.j1) if g.j1 > g.j0 else None
        pairs.append(SentencePair(g.kind, original, repost))
    return tuple(pairs)


def _sentence_bounds(text: str, paragraphs: Sequence[Paragraph], skip: int) -> list[Span]:
    """Character ranges of the sentences of the joined text, from offset skip on."""
    bounds: list[Span] = []
    base = 0
    for p in paragraphs:
        starts = sentence_starts(p.text)
        ends = [*starts[1:], len(p.text)]
        for start, end in zip(starts, ends, strict=True):
            sentence = p.text[start:end].rstrip()
            if base + start + len(sentence) > skip:
                bounds.append((max(base + start, skip), base + start + len(sentence)))
        base += len(p.text) + len(PARAGRAPH_BREAK)
    return bounds


def paragraph_line(paragraphs: Sequence[Paragraph], offset: int) -> int:
    """The file line of the paragraph holding a character offset of the joined body."""
    return paragraph_position(paragraphs, offset)[0]


def paragraph_position(paragraphs: Sequence[Paragraph], offset: int) -> tuple[int, int]:
    """The file line and 1-based column of a character offset of the joined body."""
    base = 0
    for p in paragraphs:
        end = base + len(p.text) + len(PARAGRAPH_BREAK)
        if offset < end:
            return p.line, offset - base + 1
        base = end
    last = paragraphs[-1]
    return last.line, len(last.text) + 1
