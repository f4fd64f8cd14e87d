"""Sentences and attribution: where a claim's sentence starts and ends, who it cites."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

_FLAGS = re.IGNORECASE

# Who a claim is attributed to: "according to medical officials", "..., police said".
_ACCORDING = re.compile(
    r"according\s+to\s+([^,.;:\"“”]{3,80}?)(?=[,.;:\"“”]|\s+(?:in|on|at|who)\b|$)", _FLAGS
)
_SPEECH = re.compile(r"\b(?:said|says|say|told|reported)\b", _FLAGS)
_CLAUSE_BREAK = re.compile(r"[,;:\"“”()]")
_SOURCE_WORDS = re.compile(
    r"\b(?:officials?|sources?|police|medics?|doctors?|witness(?:es)?|spokes(?:man|woman|person)|"
    r"ministry|hospital|authorities|officers?|coroner|sheriff|department|agency|reports?|"
    r"health|security|medical|army|military|residents?|activists?)\b",
    _FLAGS,
)


# A sentence end: punctuation, then space and a capital, not after an abbreviation.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?<!\bJan\.)(?<!\bFeb\.)(?<!\bAug\.)(?<!\bSept\.)(?<!\bSep\.)(?<!\bOct\.)"
    r"(?<!\bNov\.)(?<!\bDec\.)(?<!\bGov\.)(?<!\bSgt\.)(?<!\bLt\.)(?<!\bCol\.)"
    r"(?<!\bGen\.)(?<!\bRep\.)(?<!\bSen\.)(?<!\bU\.S\.)"
    r"[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])"
)


@lru_cache(maxsize=1024)
def sentence_starts(text: str) -> tuple[int, ...]:
    """Character offsets where the sentences of a paragraph begin."""
    return (0, *(m.end() for m in _SENTENCE_END.finditer(text)))


def sentence_of(text: str, starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The [start, end) of the sentence containing offset."""
    i = bisect_right(starts, offset) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return starts[i], end


def attribution(sentence: str) -> str | None:
    """Who the sentence attributes its statement to, when it names a source."""
    according = _ACCORDING.search(sentence)
    if according and _SOURCE_WORDS.search(according.group(1)):
        return according.group(1).strip()
    for verb in _SPEECH.finditer(sentence):
        # "..., a Reuters witness and a medical source said": the words since the last
        # clause break, at most eight of them.
        before = _CLAUSE_BREAK.split(sentence[max(0, verb.start() - 100) : verb.start()])[-1]
        phrase = " ".join(before.split()[-8:])
        if _SOURCE_WORDS.search(phrase):
            return phrase
    return None
