"""Diff: word-level alignment of an original text with its repost.

Words are compared in folded form (case, quote style and dashes do not matter) and
punctuation is not a word, so only changes of wording are reported; a number compares
by value, so '7' and 'seven' are the same word. The alignment is
rapidfuzz's longest-common-subsequence (Indel) opcodes; a deletion and an insertion
that sit between the same two equal stretches are one ``replace``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Indel

from .records import EditOp, Span
from .text import Token, number_value


def align(original: Sequence[Token], repost: Sequence[Token]) -> tuple[EditOp, ...]:
    """The edit operations that turn the original's words into the repost's words."""
    return align_keys(
        [compare_key(t.norm) for t in original], [compare_key(t.norm) for t in repost]
    )


def align_keys(
    a: Sequence[str], b: Sequence[str], a_offset: int = 0, b_offset: int = 0
) -> tuple[EditOp, ...]:
    """The edit operations between two sequences of comparison keys (see compare_key);
    positions are shifted by the offsets, for slices of longer texts."""
    ops: list[EditOp] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        a0, a1 = op.src_start + a_offset, op.src_end + a_offset
        b0, b1 = op.dest_start + b_offset, op.dest_end + b_offset
        if ops and ops[-1].a1 == a0 and ops[-1].b1 == b0:
            last = ops.pop()
            ops.append(EditOp("replace", last.a0, a1, last.b0, b1))
        else:
            ops.append(EditOp("delete" if op.tag == "delete" else "insert", a0, a1, b0, b1))
    return tuple(ops)


@lru_cache(maxsize=65536)
def compare_key(norm: str) -> str:
    """What a word is compared by: its folded form, or its value for a number ('7' = 'seven')."""
    value = number_value(norm)
    return norm if value is None else f"#{value:g}"


def apply(original: Sequence[str], repost: Sequence[str], ops: Sequence[EditOp]) -> list[str]:
    """Rebuild the repost's words from the original's words and the operations."""
    rebuilt: list[str] = []
    cursor = 0
    for op in ops:
        rebuilt.extend(original[cursor : op.a0])
        rebuilt.extend(repost[op.b0 : op.b1])
        cursor = op.a1
    rebuilt.extend(original[cursor:])
    return rebuilt


def char_span(tokens: Sequence[Token], start: int, end: int) -> Span:
    """Character span covering tokens[start:end]; an empty range is a point between words."""
    if start < end:
        return (tokens[start].start, tokens[end - 1].end)
    if start < len(tokens):
        return (tokens[start].start, tokens[start].start)
    position = tokens[-1].end if tokens else 0
    return (position, position)
