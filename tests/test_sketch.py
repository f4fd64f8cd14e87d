"""Sketches: datasketch's MinHash computed in bulk, band keys, and fast word tokens."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import sketch
from audit.sketch import Settings
from audit.text import Words, tokenize

WORD = st.text(alphabet="abcdefghij’'ÉéßKk-", min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=0, max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=8))
def test_signatures_equal_datasketch_fed_the_same_shingle_hashes(texts: list[str]) -> None:
    config = Settings()
    shingles = sketch.text_shingles(texts, config.shingle)
    ours = sketch.signatures(shingles, config)
    for row, hashes in zip(ours, shingles, strict=True):
        reference = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int)
        reference.update_batch(hashes.tolist())
        assert np.array_equal(row, reference.hashvalues)


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7), (256, 2026)])
def test_permutations_are_the_ones_datasketch_draws(num_perm: int, seed: int) -> None:
    a, b = sketch.permutations(num_perm, seed)
    theirs = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    assert a.dtype == b.dtype == np.uint32
    assert np.array_equal(a, theirs[0]) and np.array_equal(b, theirs[1])


def test_word_hashes_depend_only_on_the_folded_word() -> None:
    words = sketch.words("Sadr’s supporters ＳＡＤＲ Sadr")
    assert words == ["sadr", "s", "supporters", "sadr", "sadr"]  # NFKC, casefolded
    a = sketch.word_hashes(words)
    assert a[0] == a[3] == a[4] != a[2]
    assert len(set(sketch.word_hashes(["militia", "militias", "militiaman"]).tolist())) == 3


def test_a_text_shorter_than_a_shingle_is_one_shingle_and_empty_text_has_none() -> None:
    one, empty = sketch.text_shingles(["two words", ""], 3)
    assert len(one) == 1 and len(empty) == 0
    sigs = sketch.signatures([one, empty], Settings())
    assert (sigs[1] == np.iinfo(np.uint32).max).all() and not (sigs[0] == sigs[1]).all()


def test_equal_bands_give_equal_keys_and_band_position_matters() -> None:
    config = Settings()
    sig = sketch.signatures(sketch.text_shingles(["a b c d e f g"], 3), config)
    other = sig.copy()
    other[0, :2] += 1  # change the first band only
    keys, changed = sketch.band_keys(sig, config), sketch.band_keys(other, config)
    assert keys[0, 0] != changed[0, 0] and (keys[0, 1:] == changed[0, 1:]).all()
    same_rows = np.tile(sig[:, :2], config.bands)  # every band holds the same two values
    assert len(set(sketch.band_keys(same_rows, config)[0].tolist())) == config.bands


def test_settings_must_split_num_perm_into_bands() -> None:
    with pytest.raises(ValueError, match="bands x rows must equal num_perm"):
        Settings(num_perm=128, bands=30, rows=4)


PARAGRAPH = st.text(alphabet="ab’'.,- \u00e9\u00df\uff21Z19", max_size=80)


@settings(max_examples=200, deadline=None)
@given(PARAGRAPH, st.data())
def test_words_equal_tokenize_part_by_part(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    parts = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
    expected = [t for a, b in parts for t in tokenize(text[a:b])]
    words = Words(text, parts)
    assert len(words) == len(expected)
    for token, reference in zip(words, expected, strict=True):
        assert token.norm == reference.norm
        assert text[token.start : token.end] == token.text == reference.text
