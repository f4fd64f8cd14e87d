"""Match: find each article's likely original, the same article seen again, and its copies.

Candidates come from the LSH band tables of one or more indexes (the run's own inputs and
references in memory, and an index file). Each is rescored on its text:

* body: ``containment``, the share of the smaller text's word 3-grams found in the
  other (a repost that keeps part of an original still contains it), and
  ``resemblance``, rapidfuzz's normalised Indel similarity of the two word sequences;
  the score is their mean;
* headline, for articles without a body: rapidfuzz's ``token_sort_ratio`` between the
  headlines each side shows (its own and the one it quotes), the best pair.

A candidate with the same headline and a near-identical body is a ``duplicate``, the same
article seen again. Otherwise one of the two copied the other; which one is decided by
``_direction``. The best candidate this article copied is its ``original``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from . import figures, sketch
from .formats import host
from .index import Index, Indexed, Sketches, body_text, passage_hashes
from .outlets import mentions
from .records import Article, Match, Matching, Origin
from .sketch import U32
from .text import fold

# Bodies shorter than this many words are matched on their headlines.
MIN_BODY_WORDS = 25
# Candidates rescored per query, taken by the number of LSH bands they share, and only
# those sharing at least this share of the best candidate's bands (a repost keeping 40%
# of an original's shingles shares about 10 of 64 bands with it, an unrelated text 0-2).
CANDIDATES = 16
MIN_HITS_SHARE = 0.25
MIN_BODY_SCORE = 0.4
# An excerpt is matched when this share of its shingles (at least MIN_SHARED_SHINGLES of
# them: a sentence or two) lies in the candidate, chrome on either side notwithstanding.
MIN_CONTAINMENT = 0.5
MIN_SHARED_SHINGLES = 20
MIN_HEADLINE_SCORE = 0.75
# Score from which a copy of unknown order is a version of the same article, compared
# with it both ways: a near copy, not two outlets' own reports of one story (on 1,000
# genuine GVC articles, 0.9 leaves 8 with versions, 0.4 would leave 51).
VERSION_MIN_SCORE = 0.9
# Resemblance from which two candidate originals count as one text (for the margin).
SAME_TEXT = 0.97

Direction = Literal["candidate", "query"] | None


@dataclass(frozen=True, slots=True)
class Query:
    """An article to match, with the content hash of its file (to skip itself)."""

    article: Article
    sha256: str


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate rescored against a query."""

    found: Indexed
    origin: Origin
    score: float
    on: Literal["body", "headline"]
    words: U32

    def match(self) -> Match:
        """The report record of this candidate."""
        a = self.found.article
        return Match(a.id, a.path, a.line, a.outlet, round(self.score, 3), self.on, self.origin)


@dataclass(frozen=True, slots=True)
class _Text:
    """What the rescoring compares: word hashes and the set of word-shingle hashes."""

    words: U32
    shingles: U32


class Matcher:
    """Matches articles against the indexes given, in order of preference."""

    def __init__(self, sources: Sequence[tuple[Index, Origin]]) -> None:
        self.sources = sources
        self._texts: dict[tuple[str, int, str], _Text] = {}
        self._found: dict[tuple[str, str, int], Article] = {}
        self._searched: str | None = None
        self._sketched: tuple[tuple[str, int, str], Sketches] | None = None

    def article(self, match: Match) -> Article:
        """The article a match found (it must come from this matcher)."""
        return self._found[(match.article, match.path, match.line)]

    def scored(self, query: Query) -> list[Scored]:
        """Every candidate scoring above the threshold, best first."""
        text = self._text(query.article)
        if len(text.words) >= MIN_BODY_WORDS:
            found = self._rescored(query, "body")
            if found:
                return found
        return self._rescored(query, "headline")

    def match(self, query: Query) -> Matching:
        """The original, duplicates and copies of an article."""
        scored = self.scored(query)
        if not scored:
            return Matching(reason=f"no similar article in {self._describe()}")
        q = query.article
        duplicates = [s for s in scored if _same_article(q, s, self._text(q).words)]
        others = [s for s in scored if s not in duplicates]
        directions = {id(s): _direction(q, s) for s in others}
        sources = [s for s in others if directions[id(s)] == "candidate"]
        copies = [s for s in others if directions[id(s)] != "candidate"]
        original = _earliest(sources)
        margin = _margin(original, sources)
        unordered = [
            s for s in copies if directions[id(s)] is None and s.score >= VERSION_MIN_SCORE
        ]
        version = unordered[0] if unordered and original is None else None
        return Matching(
            original=original.match() if original else None,
            confidence=_confidence(original.score, margin) if original else None,
            margin=None if original is None else round(margin, 3),
            reason=None if original else _no_original(duplicates, copies, directions),
            duplicates=tuple(s.match() for s in duplicates),
            copies=tuple(s.match() for s in copies),
            version=version.match() if version else None,
        )

    def _rescored(self, query: Query, field: Literal["body", "headline"]) -> list[Scored]:
        """Candidates of one field from every source, rescored on text, best first."""
        found = self._candidates(query, field)
        if field == "headline":
            scores = headline_scores(query.article, [f.article for f, _ in found])
            scores = [
                score if self._headline_may_decide(query.article, f.article) else 0.0
                for score, (f, _) in zip(scores, found, strict=True)
            ]
            accepted = [s >= MIN_HEADLINE_SCORE for s in scores]
        else:
            pairs = [self._score(query.article, f.article) for f, _ in found]
            scores = [score for score, _ in pairs]
            accepted = [s >= MIN_BODY_SCORE or c >= MIN_CONTAINMENT for s, c in pairs]
        scored = []
        for (item, origin), score, ok in zip(found, scores, accepted, strict=True):
            if ok:
                a = item.article
                self._found[(a.id, a.path, a.line)] = a
                scored.append(Scored(item, origin, score, field, self._text(a).words))
        return sorted(scored, key=lambda s: (-s.score, s.found.article.path, s.found.article.line))

    def _candidates(self, query: Query, field: str) -> list[tuple[Indexed, Origin]]:
        """The articles sharing enough LSH bands (or, for bodies, whole sentences) with the
        query, itself and repeats left out. The band floor is set by the best candidate
        other than the query itself, so a copy of the query in the run's own inputs never
        raises the bar for an original in the references or the index."""
        keys = self._sketch(query.article).field(field)[0]
        passages = passage_hashes(query.article) if field == "body" else []
        own = (query.sha256, query.article.line)
        hits: list[tuple[int, int, int, int, tuple[str, int]]] = []  # source, row, bands, passages
        for k, (index, _) in enumerate(self.sources):
            bands = dict(index.candidates(field, keys, CANDIDATES))
            shared = dict(index.passage_candidates(passages, CANDIDATES)) if passages else {}
            found = index.identities([*bands, *shared]) if bands or shared else {}
            for row, identity in sorted(found.items()):
                if identity != own:
                    hits.append((k, row, bands.get(row, 0), shared.get(row, 0), identity))
        floor = MIN_HITS_SHARE * max((h[2] for h in hits), default=0)
        seen: set[tuple[str, int]] = {own}
        kept: list[tuple[int, int]] = []
        for k, row, band_hits, passage_hits, identity in sorted(hits, key=lambda h: (-h[2], -h[3])):
            if identity not in seen and (band_hits >= max(floor, 1) or passage_hits):
                seen.add(identity)
                kept.append((k, row))
        loaded = [  # only the candidates kept are read in full
            self.sources[k][0].articles(rows) if (rows := [r for j, r in kept if j == k]) else {}
            for k in range(len(self.sources))
        ]
        return [(loaded[k][row], self.sources[k][1]) for k, row in kept]

    def _score(self, query: Article, candidate: Article) -> tuple[float, float]:
        """How closely the candidate's body matches the query's, from 0 to 1, and the
        containment alone (an excerpt of a long original contains it, but resembles
        it little); containment counts only with MIN_SHARED_SHINGLES shingles shared."""
        a, b = self._text(query), self._text(candidate)
        if not len(a.shingles) or not len(b.shingles):
            return 0.0, 0.0
        shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
        containment = shared / min(len(a.shingles), len(b.shingles))
        resemblance = Indel.normalized_similarity(a.words.tolist(), b.words.tolist())
        return (containment + resemblance) / 2, containment if shared >= MIN_SHARED_SHINGLES else 0

    def _headline_may_decide(self, query: Article, candidate: Article) -> bool:
        """Headlines alone decide a match only when a body is too short to compare, or
        when the headline the query quotes is the candidate's own: two articles that only
        share a rewritten headline are not copies of each other."""
        short = min(len(self._text(query).words), len(self._text(candidate).words))
        if short < MIN_BODY_WORDS:
            return True
        own = candidate.original_headline or candidate.headline
        quoted = query.original_headline
        return quoted is not None and fuzz.token_sort_ratio(quoted, own, processor=fold) >= 90

    def _sketch(self, article: Article) -> Sketches:
        """The band keys of a query, computed once for both fields: the last query's."""
        key = (article.path, article.line, article.headline)
        if self._sketched is None or self._sketched[0] != key:
            self._sketched = (key, Sketches.of([article], self.sources[0][0].settings))
        return self._sketched[1]

    def _text(self, article: Article) -> _Text:
        """The words and shingles of an article's body, computed once per article."""
        key = (article.path, article.line, article.headline)
        if key not in self._texts:
            words = sketch.word_hashes(sketch.words(body_text(article)))
            shingles = np.unique(sketch.shingle_hashes(words, self.sources[0][0].settings.shingle))
            self._texts[key] = _Text(words, shingles)
        return self._texts[key]

    def _describe(self) -> str:
        """The sources searched, for a 'no match' reason."""
        if self._searched is None:
            self._searched = ", ".join(
                f"{index.info().articles} {origin} articles" for index, origin in self.sources
            )
        return self._searched


def headline_scores(query: Article, candidates: Sequence[Article]) -> list[float]:
    """For each candidate, the best token_sort_ratio (0 to 1) between the headlines the two
    show (their own and the one they quote), from one rapidfuzz cdist over all of them."""
    if not candidates:
        return []
    mine = [h for h in (query.headline, query.original_headline) if h]
    theirs = [h for c in candidates for h in (c.headline, c.original_headline or c.headline)]
    scores = process.cdist(mine, theirs, scorer=fuzz.token_sort_ratio, processor=fold)
    best = scores.max(axis=0).reshape(len(candidates), 2).max(axis=1)
    return [float(value) / 100 for value in best]


def _earliest(sources: list[Scored]) -> Scored | None:
    """The original among candidate sources: the best, the earliest published of those
    that score as well (the same text captured in an archive and copied into a feed)."""
    if not sources:
        return None
    best = [s for s in sources if s.score >= sources[0].score]
    return min(best, key=lambda s: s.found.article.published or "~")  # first of equals


def _same_article(query: Article, candidate: Scored, words: U32) -> bool:
    """True when the candidate is this article seen again: same headlines, same words,
    and not at another site's address.

    Case, quote and dash styles, spacing and punctuation do not count; any changed word
    does, so a copy with one phrase altered is a copy, not the same article. The same
    text on another site is a copy by another outlet.
    """
    other = candidate.found.article
    hosts = {host(a.url) for a in (query, other)}
    return (
        len(hosts - {None}) < 2
        and fold(query.headline) == fold(other.headline)
        and fold(query.original_headline or "") == fold(other.original_headline or "")
        and np.array_equal(words, candidate.words)
    )


def _direction(query: Article, candidate: Scored) -> Direction:
    """Which of two articles with the same text is the source: 'candidate', 'query' or unknown.

    In order: an outlet's own article is the source of a repost record quoting it; an
    earlier publication date (or month) is the source; an article that names the other's outlet
    in its body ("told The Arab Weekly") took it from that outlet; a reference the
    user supplied is the source of an input.
    """
    other = candidate.found.article
    if (query.original_headline is None) != (other.original_headline is None):
        return "candidate" if other.original_headline is None else "query"
    earlier = _earlier(query, other)
    if earlier:
        return earlier
    names_other = bool(other.outlet) and mentions(str(other.outlet), body_text(query))
    names_query = bool(query.outlet) and mentions(str(query.outlet), body_text(other))
    if query.outlet != other.outlet and names_other != names_query:
        return "candidate" if names_other else "query"
    return "candidate" if candidate.origin != "input" else None


def _earlier(query: Article, other: Article) -> Direction:
    """'candidate' or 'query' when both have publication dates that differ: the dates
    their records give (an HTML page's, a feed's, a JSON line's), else the months their
    texts state."""
    if query.published and other.published and query.published != other.published:
        return "candidate" if other.published < query.published else "query"
    a, b = figures.published(query), figures.published(other)
    if None in (a.year, a.month, b.year, b.month) or (a.year, a.month) == (b.year, b.month):
        return None
    return "candidate" if (b.year, b.month) < (a.year, a.month) else "query"


def _margin(original: Scored | None, sources: list[Scored]) -> float:
    """The original's lead over the best source with a different text (its score if none)."""
    if original is None:
        return 0.0
    rivals = [
        s.score
        for s in sources
        if s is not original
        and Indel.normalized_similarity(s.words.tolist(), original.words.tolist()) < SAME_TEXT
    ]
    return original.score - max(rivals, default=0.0)


def _confidence(score: float, margin: float) -> str:
    """How sure the match is, from its score and its lead over the runner-up."""
    if score >= 0.7 and margin >= 0.2:
        return "high"
    if score >= 0.5 and margin >= 0.1:
        return "medium"
    return "low"


def _no_original(
    duplicates: list[Scored], copies: list[Scored], directions: dict[int, Direction]
) -> str:
    """Why an article that has similar articles has no original."""
    if any(directions[id(s)] == "query" for s in copies):
        return "earliest version found: others copied it"
    if copies:
        return "same text under another outlet or headline; which came first is unknown"
    return "only the same article seen again"
