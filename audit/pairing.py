"""Pairing: decide from evidence which line under a headline, if any, quotes the original.

A repost page shows the reposter's headline and, somewhere in its header zone (after
captions, credits, datelines, bylines or a standfirst), often the outlet's own headline.
A genuine page may show its own headline twice, a title and a slightly different display
headline, a caption or a standfirst there. A line is taken for a quoted original only
when the text says so:

* it is shaped like a headline (not a caption, credit, byline or sentence);
* the headline above it uses wording its body never supports (the reposter's change);
* the body supports the line at least as well as, and usually better than, the headline
  above it: an outlet's headline summarises its own body;
* it shares wording with the headline above it (a version of it), or, for a full recast
  that shares nothing, the body supports it clearly better.

Each decision keeps its evidence as short sentences for the JSON report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .text import (
    Words,
    content_stems,
    fold,
    is_compound_of,
    is_content,
    number_value,
    stem,
    tokenize,
)

# A candidate must have this share of its content words in the body...
MIN_SUPPORT = 0.5
# ...and, when it shares no wording with the headline (a recast), this much more than it,
# at least this share of its words in the lead and the body alike...
RECAST_MARGIN = 0.25
MIN_RECAST_SUPPORT = 0.6
# ...and the headline it recasts has at most this share of its words in the body.
MAX_RECAST_OWN = 0.5
# Outside a record's frame, what a version says differently must be supported better
# than what the headline says differently, by RECAST_MARGIN when the line does not say its
# words in much the same order as the headline (CLOSE_VERSION): a deck or a second
# headline the body supports about as well as the title is the outlet's own.
CLOSE_VERSION = 0.4
# Hedges whose loss from a version of the headline is itself evidence of a repost.
HEDGE_PHRASES = (
    "at least", "more than", "up to", "as many as", "nearly", "almost", "reportedly",
    "allegedly", "report says", "reports say", "police say", "officials say", "sources say",
    "likely", "may", "could",
)  # fmt: skip
# Words a line must repeat of the headline, from its start, to be a display of it.
MIN_REPEAT_WORDS = 4
_SEPARATED_TAIL = re.compile(r"\s(?:-|\|)\s+[^\s]+(?:\s[^\s]+){0,3}$")
# Content words a version shares with the headline, unless framed as a record.
MIN_SHARED = 2
# Words whose stems share this many first letters are forms of one word ('accidental',
# 'accidently'); fewer would join 'quest' and 'question'.
FORM_PREFIX = 6
# A people's adjective ends so, and what is left, when this long, names its place:
# 'Iraqi' is supported by 'Iraq', 'Syrian' by 'Syria', 'Kurdish' by 'Kurd'.
DEMONYM_ENDINGS = ("i", "n", "an", "ian", "ese", "ish")
MIN_PLACE = 4
# An abbreviated word: 'Calif.', 'Gov.', 'Sept.'.
_ABBREVIATION = re.compile(r"\b([A-Z][a-z]{2,4})\.")
# A headline's last word cut short by its page is matched on at least this many letters.
MIN_CUT_WORD = 5
# Content words a recast candidate needs (a two-word kicker is a section label).
MIN_RECAST_WORDS = 3


@dataclass(frozen=True, slots=True)
class Support:
    """What a body says: the stems and number values of its words."""

    stems: frozenset[str]
    numbers: frozenset[float]
    lowercase: frozenset[str]  # stems the body writes in lower case: common words
    prefixes: frozenset[str]  # the first FORM_PREFIX letters of its longer stems

    @classmethod
    def of(cls, texts: Iterable[str]) -> Support:
        """The support of a body given as paragraph texts."""
        text = "\n".join(texts)
        words = Words(text, [(0, len(text))])
        norms = set(words.norms)
        stems = {stem(norm) for norm in norms}
        numbers = {v for v in map(number_value, norms) if v is not None}
        lowercase = {stem(n) for w, n in zip(words.texts, words.norms, strict=True) if w.islower()}
        prefixes = frozenset(s[:FORM_PREFIX] for s in stems if len(s) >= FORM_PREFIX)
        return cls(frozenset(stems), frozenset(numbers), frozenset(lowercase), prefixes)

    def names_only(self, line: str) -> bool:
        """True when every content word of a line is one the body only writes capitalised
        (a list of names, such as a byline), not a headline's common words."""
        return not any(stem(w) in self.lowercase for w in _words(line))

    def share(self, line: str) -> float:
        """The share of a line's content words (and numbers) the body uses."""
        words = _words(line)
        if not words:
            return 0.0
        return sum(self._supported(line, words)) / len(words)

    def missing(self, line: str) -> tuple[str, ...]:
        """The line's content words (and numbers) the body never uses, in line order."""
        words = _words(line)
        flags = self._supported(line, words)
        return tuple(dict.fromkeys(w for w, ok in zip(words, flags, strict=True) if not ok))

    def _supported(self, line: str, words: Sequence[str]) -> list[bool]:
        """Whether the body uses each word of a line. A word cut short, the line's last
        ('...at local restauran') or an abbreviation ('Calif.'), counts when a body word
        starts with it."""
        flags = [self._has(w) for w in words]
        cut = {fold(a) for a in _ABBREVIATION.findall(line)}
        if words and len(words[-1]) >= MIN_CUT_WORD:
            cut.add(words[-1])
        for k, word in enumerate(words):
            if not flags[k] and word in cut:
                flags[k] = any(s.startswith(word) for s in self.stems)
        return flags

    def _has(self, word: str) -> bool:
        value = number_value(word)
        if value is not None:
            return value in self.numbers
        base = stem(word)
        if base in self.stems or (len(base) >= FORM_PREFIX and base[:FORM_PREFIX] in self.prefixes):
            return True
        if is_compound_of(base, self.stems):
            return True
        places = (base[: -len(end)] for end in DEMONYM_ENDINGS if base.endswith(end))
        return any(len(place) >= MIN_PLACE and place in self.stems for place in places)


@dataclass(frozen=True, slots=True)
class Quote:
    """The line taken for the quoted original headline, and why."""

    position: int
    evidence: tuple[str, ...]


def find_quote(
    headline: str,
    candidates: Sequence[str | None],
    body: Support,
    lead: Support | None = None,
    framed: bool = False,
) -> Quote | None:
    """The candidate line (None: not headline-shaped) that quotes the original, if any.

    ``lead`` is what the body's first paragraphs say; a full recast must be supported by
    it, since an outlet's headline summarises its own lead. ``framed``: the lines sit as
    a record of a dump does (see ``split``), so a version of the headline that lacks the
    wording the body never uses is enough.
    """
    missing = body.missing(headline)
    heads = content_stems(headline)
    own = body.share(headline)
    # A recast headline is one its body mostly does not support; a headline of a word or
    # two, one it does not support at all ('Toddler Grazed' over 'Clearview Homes
    # Shooting' is the page's kicker, not a rewrite).
    recast_possible = own <= MAX_RECAST_OWN and (len(heads) >= MIN_RECAST_WORDS or own == 0.0)
    versions: list[tuple[int, str, float, int, str]] = []
    recasts: list[tuple[int, str, float, int, str]] = []
    for position, line in enumerate(candidates):
        if line is None or repeats(headline, line) or len(_words(line)) < 2:
            continue
        shared: frozenset[str] = heads & content_stems(line)
        if len(shared) < min(MIN_SHARED, len(heads)) and not framed:
            shared = frozenset()  # one word in common: judged as a recast
        if shared and (_hedged(headline, line) or _few_words_apart(headline, line)):
            versions.append((position, line, body.share(line), len(shared), "hedges"))
        elif not missing or not {stem(m) for m in missing} - content_stems(line):
            continue  # the line says whatever the body does not support, too
        elif shared and (framed or _differs_better(headline, line, body)):
            versions.append((position, line, body.share(line), len(shared), ""))
        elif not shared and len(_words(line)) >= MIN_RECAST_WORDS and recast_possible:
            support = min(body.share(line), (lead or body).share(line))
            if support >= max(MIN_RECAST_SUPPORT, own + RECAST_MARGIN):
                recasts.append((position, line, support, 0, ""))
    if versions:
        position, line, support, common, hedged = versions[0]
    elif recasts:
        position, line, support, common, hedged = max(
            recasts, key=lambda r: (round(r[2] * len(_words(r[1]))), -r[0])
        )
    else:
        return None
    evidence = (
        f"headline-shaped line {position + 1} of the header zone",
        f"shares {common} content words with the headline" if common else "a full recast",
        f"body supports {support:.0%} of its words, {own:.0%} of the headline's",
        "it differs from the headline only in a hedge or a few words"
        if hedged
        else "headline words the body never uses: " + ", ".join(missing),
    )
    return Quote(position, evidence)


def repeats(headline: str, line: str) -> bool:
    """True when a line shows the headline again: the same words, perhaps cut short
    ('...ruled acciden - Liv' over '...ruled accidental'), or without a kicker
    ('News Briefs: Fatal crash...' over 'Fatal crash...')."""
    a, b = fold(headline), fold(line)
    if a == b or (":" in a and a.split(":", 1)[1].strip() == b):
        return True
    cut = _ELLIPSIS.search(a)
    if cut and cut.group("start") and b.startswith(cut.group("start")):
        return True  # '*** PRESS RELEASE *** Police...' over 'Police investigate shooting'
    ta, tb = [t.norm for t in tokenize(a)], [t.norm for t in tokenize(b)]
    k = next(
        (i for i, (x, y) in enumerate(zip(ta, tb, strict=False)) if x != y), min(len(ta), len(tb))
    )
    if k < MIN_REPEAT_WORDS or k < 0.6 * len(ta):
        return False
    rest = ta[k:]
    cut_short = 0 < len(rest) <= 2 and k < len(tb) and tb[k].startswith(rest[0])
    return not rest or cut_short or _SEPARATED_TAIL.search(a) is not None


# A headline cut short with an ellipsis, and what it shows of the headline after its
# last kicker or separator.
_ELLIPSIS = re.compile(r"(?:^|[*:|]\s*|\s-\s)(?P<start>[^*:|]*?\w)\s*(?:\.{3}|\u2026)$")


def _hedged(headline: str, line: str) -> bool:
    """True when a close version of the headline hedges what the headline states: once
    its hedges are taken away, it says nothing the headline does not."""
    hedges = _hedges(line) - _hedges(headline)
    if not hedges:
        return False
    left = " ".join(t.norm for t in tokenize(line))
    for hedge in hedges:
        left = left.replace(hedge, " ")
    return content_stems(left) <= content_stems(headline)


def _few_words_apart(headline: str, line: str) -> bool:
    """True when two lines differ in at most two words, in place (by -> against)."""
    a, b = [t.norm for t in tokenize(headline)], [t.norm for t in tokenize(line)]
    if len(a) < 4 or len(a) != len(b):
        return False
    return 0 < sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _hedges(line: str) -> set[str]:
    """The hedging phrases a line uses ('at least', 'police say')."""
    text = " " + " ".join(t.norm for t in tokenize(line)) + " "
    return {h for h in HEDGE_PHRASES if f" {h} " in text}


def _differs_better(headline: str, line: str, body: Support) -> bool:
    """True when the body supports what a version says differently better than what the
    headline says differently ('the city's mayor' against 'the Usurper'); by a recast's
    margin when the line is no close version of the headline. A
    version must say something differently: a title that only adds words to its display
    headline is still the outlet's own."""
    mine, theirs = _words(headline), _words(line)
    only_mine = " ".join(w for w in mine if stem(w) not in {stem(t) for t in theirs})
    only_theirs = " ".join(w for w in theirs if stem(w) not in {stem(t) for t in mine})
    if not only_theirs:
        return False
    theirs_share, mine_share = body.share(only_theirs), body.share(only_mine)
    if theirs_share < MIN_SUPPORT or theirs_share <= mine_share:
        return False
    if _sequence_similarity(headline, line) >= CLOSE_VERSION:
        return True
    return theirs_share >= mine_share + RECAST_MARGIN


def _sequence_similarity(a: str, b: str) -> float:
    """How much two lines say in the same order: rapidfuzz's normalised Indel similarity
    of their stemmed word sequences."""
    return float(
        Indel.normalized_similarity(
            [stem(t.norm) for t in tokenize(a)], [stem(t.norm) for t in tokenize(b)]
        )
    )


def _words(line: str) -> list[str]:
    """The folded content words and numbers of a line."""
    return [t.norm for t in tokenize(line) if is_content(t.norm)]
