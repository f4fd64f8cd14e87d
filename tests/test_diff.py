"""Diff: the alignment's invariants, checked on generated text, and its exact spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit.classify import Vocabulary
from audit.diff import align, apply, compare_key
from audit.pipeline import compare
from audit.text import fold, tokenize

WORDS = st.sampled_from(
    "Sadr supporters clash protesters police at least 7 seven killed in Nasiriyah the "
    "of militia’s ‘men’ Iraq’s — - cleric's report says".split()
)
HEADLINES = st.lists(WORDS, max_size=14).map(" ".join)


@given(HEADLINES, HEADLINES)
def test_operations_rebuild_the_repost(original: str, repost: str) -> None:
    a, b = tokenize(original), tokenize(repost)
    ops = align(a, b)
    keys_a = [compare_key(t.norm) for t in a]
    keys_b = [compare_key(t.norm) for t in b]
    assert apply(keys_a, keys_b, ops) == keys_b


@given(HEADLINES, HEADLINES)
def test_replacing_spans_in_the_original_rebuilds_the_repost(original: str, repost: str) -> None:
    changes = compare("headline", original, repost, Vocabulary.of([original]))
    rebuilt = original
    for change in sorted(changes, key=lambda c: c.original_span, reverse=True):
        start, end = change.original_span
        rebuilt = rebuilt[:start] + f" {change.repost} " + rebuilt[end:]
    assert [compare_key(t.norm) for t in tokenize(rebuilt)] == [
        compare_key(t.norm) for t in tokenize(repost)
    ]
    for change in changes:
        assert original[slice(*change.original_span)] == change.original
        assert repost[slice(*change.repost_span)] == change.repost


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_token_spans_point_at_their_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def _changes(original: str, repost: str) -> list[tuple[str, str, str]]:
    found = compare("headline", original, repost, Vocabulary.of([original]))
    return [(c.op, c.original, c.repost) for c in found]


def test_one_replace_per_substitution() -> None:
    assert _changes("Sadr cannot resist temptation", "Antichrist cannot resist temptation") == [
        ("replace", "Sadr", "Antichrist"),
    ]
    assert _changes(
        "Iraqi leader battles pressure from friends and foes in security crackdown",
        "Iraqi leader battles pressure from the Antichrist",
    ) == [("replace", "friends and foes in security crackdown", "the Antichrist")]


def test_case_quotes_dashes_and_spacing_are_not_changes() -> None:
    original = "Iraq’s  militias — ‘a threat’ from within"
    assert _changes(original, "IRAQ'S militias - 'a threat'  from WITHIN") == []


def test_spans_are_exact_character_offsets() -> None:
    original, repost = (
        "Clashes with cleric’s supporters kill 5",
        "Clashes with X’s supporters kill 5",
    )
    (change,) = compare("headline", original, repost, Vocabulary.of([original]))
    assert change.original_span == (13, 21) and original[13:21] == "cleric’s"
    assert change.repost_span == (13, 16) and repost[13:16] == "X’s"


def test_numbers_compare_by_value() -> None:
    assert _changes("Seven dead in clash", "7 dead in clash") == []
