"""Word stems: regular suffixes, irregular forms, and the words they must keep apart."""

from __future__ import annotations

import pytest

from audit.text import is_content, stem


@pytest.mark.parametrize(
    "forms",
    [
        ("shot", "shoot", "shooting", "shoots"),  # an irregular past: 'Shooting' over 'shot'
        ("died", "dies", "die", "dying"),
        ("men", "man"),
        ("children", "child"),
        ("clashes", "clash"),
        ("declares", "declared", "declare"),
        ("Sadr's", "sadr"),
    ],
)
def test_forms_of_one_word_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(f.casefold()) for f in forms}) == 1, {f: stem(f.casefold()) for f in forms}


@pytest.mark.parametrize(("a", "b"), [("worse", "bad"), ("quest", "question"), ("man", "mane")])
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_conjunctions_are_not_content_words() -> None:
    assert not any(is_content(w) for w in ("while", "although", "since", "whether"))
    assert is_content("hunting") and is_content("militia")
