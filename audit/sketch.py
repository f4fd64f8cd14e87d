"""Sketch: MinHash signatures of word shingles and their LSH band keys, computed in bulk.

The signatures are datasketch's ``affine32`` MinHash: each shingle hash goes through
the MurmurHash3 finalizer and then through ``num_perm`` affine permutations whose
parameters datasketch draws from ``seed``. A test checks that a signature here equals
``datasketch.MinHash(num_perm, seed, hashfunc=...)`` fed the same shingle hashes.

What differs is speed: datasketch hashes one token per Python call, here the words of
a whole batch of texts are hashed at once. Words are found by one regex pass over the
folded text; the batch of words becomes one fixed-width array whose code points are
hashed with numpy (a polynomial hash, wrapping modulo 2^32), and shingles of ``k``
consecutive words combine their word hashes the same way.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib.metadata import version

import numpy as np
import numpy.typing as npt

U32 = npt.NDArray[np.uint32]

# Hashing scheme of this module; change the name whenever its output changes, so that an
# index built with the old hashes is refused instead of silently missing matches.
HASHING = "audit-words-v2/datasketch-affine32"
# Longer words are hashed on their first this many characters.
WORD_CHARS = 24
# Shingle rows hashed per numpy block (rows x num_perm x 4 bytes of working memory);
# blocks that fit in the CPU caches are several times faster than one big array.
BLOCK_ROWS = 8192

# Words for sketching: runs of letters and digits. Simpler (and faster) than text.WORD:
# "cleric's" is two words here, on both sides of every comparison alike.
_SKETCH_WORD = re.compile(r"[^\W_]+")
_POLY = np.uint32(0x01000193)  # the FNV-1a prime: odd, so multiplication is a bijection
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides a signature and its bands; an index stores and checks it."""

    num_perm: int = 128
    seed: int = 1
    shingle: int = 3
    headline_shingle: int = 1
    bands: int = 64
    rows: int = 2
    hashing: str = HASHING
    datasketch: str = version("datasketch")

    def __post_init__(self) -> None:
        if self.bands * self.rows != self.num_perm:
            raise ValueError(
                f"bands x rows must equal num_perm: {self.bands} x {self.rows} != {self.num_perm}"
            )

    def as_dict(self) -> dict[str, str]:
        """The settings as text, the way an index stores them."""
        return {key: str(value) for key, value in asdict(self).items()}


def words(text: str) -> list[str]:
    """The folded words of a text, as the shingles see them.

    Only what can change a word is folded (compatibility forms, soft hyphens, case);
    spacing and punctuation between words do not matter here.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")  # soft hyphens
    return _SKETCH_WORD.findall(text.casefold())


def word_hashes(all_words: Sequence[str]) -> U32:
    """A 32-bit hash of every word, computed in one pass over a fixed-width array."""
    if not all_words:
        return np.zeros(0, dtype=np.uint32)
    codes = np.array(all_words, dtype=f"<U{WORD_CHARS}").view(np.uint32)
    codes = codes.reshape(len(all_words), WORD_CHARS)
    powers = _POLY ** np.arange(WORD_CHARS, 0, -1, dtype=np.uint32)
    return _mix(codes @ powers)


def shingle_hashes(hashes: U32, k: int) -> U32:
    """Hashes of every run of k consecutive words; a shorter text is one shingle."""
    if len(hashes) == 0:
        return hashes
    k = min(k, len(hashes))
    count = len(hashes) - k + 1
    combined = hashes[:count].copy()
    for offset in range(1, k):
        combined = combined * _POLY + hashes[offset : offset + count]
    return _mix(combined)


def text_shingles(texts: Sequence[str], k: int) -> list[U32]:
    """The shingle hashes of each text, all words of the batch hashed at once."""
    per_text = [words(text) for text in texts]
    hashes = word_hashes([w for ws in per_text for w in ws])
    bounds = np.cumsum([0, *(len(ws) for ws in per_text)])
    return [shingle_hashes(hashes[a:b], k) for a, b in itertools.pairwise(bounds)]


def signatures(shingles: Sequence[U32], settings: Settings) -> U32:
    """The MinHash signature of each shingle set, one row per set.

    A set with no shingles gets the empty signature (every value at its maximum),
    as datasketch gives an empty MinHash.
    """
    a, b = permutations(settings.num_perm, settings.seed)
    out = np.full((len(shingles), settings.num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    buffer = np.empty((BLOCK_ROWS, settings.num_perm), dtype=np.uint32)
    for first, last in _blocks([len(s) for s in shingles]):
        sizes = np.array([len(s) for s in shingles[first:last]])
        filled = np.flatnonzero(sizes)
        if not len(filled):
            continue
        premixed = _datasketch_fmix(np.concatenate(shingles[first:last]))
        if len(premixed) > len(buffer):
            buffer = np.empty((len(premixed), settings.num_perm), dtype=np.uint32)
        permuted = buffer[: len(premixed)]
        np.multiply(premixed[:, None], a, out=permuted)
        np.add(permuted, b, out=permuted)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
        out[first + filled] = np.minimum.reduceat(permuted, starts, axis=0)
    return out


def band_keys(sigs: U32, settings: Settings) -> U32:
    """One 32-bit key per LSH band of each signature; equal bands give equal keys."""
    rows = sigs.reshape(len(sigs), settings.bands, settings.rows)
    keys = np.broadcast_to(
        np.arange(settings.bands, dtype=np.uint32) * np.uint32(0x9E3779B9), rows.shape[:2]
    ).copy()
    for r in range(settings.rows):
        keys = _mix(keys * _POLY + rows[:, :, r])
    return keys


def _blocks(sizes: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive ranges of sets holding about BLOCK_ROWS shingles each."""
    blocks, first, rows = [], 0, 0
    for i, size in enumerate(sizes):
        if rows and rows + size > BLOCK_ROWS:
            blocks.append((first, i))
            first, rows = i, 0
        rows += size
    blocks.append((first, len(sizes)))
    return blocks


@cache
def permutations(num_perm: int, seed: int) -> tuple[U32, U32]:
    """datasketch's affine permutation parameters (a, b) for num_perm and seed, drawn as
    ``MinHash(scheme="affine32")`` draws them: odd multipliers, then offsets, from numpy's
    ``RandomState(seed)``, whose streams numpy keeps stable. Drawn here because importing
    datasketch costs more than a whole small run (its LSH module pulls in scipy); a test
    checks the two against each other."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _mix(values: U32) -> U32:
    """MurmurHash3's finalizer: spreads every input bit over the whole 32-bit value."""
    s1, m1, s2, m2, s3 = _FMIX
    values = values ^ (values >> np.uint32(s1))
    values = values * np.uint32(m1)
    values = values ^ (values >> np.uint32(s2))
    values = values * np.uint32(m2)
    return values ^ (values >> np.uint32(s3))


# datasketch pre-mixes every input hash with the same finalizer before permuting it.
_datasketch_fmix = _mix
