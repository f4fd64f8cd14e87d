"""Classify: say what kind of alteration each difference is, and how much it matters.

Every rule here is about language in general, never about particular stories: the
general signal is ``unsupported-term``, wording in the repost that the original's
headline and body do not contain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .diff import char_span
from .records import Change, EditOp, Kind, Severity, Where
from .text import Token, Words, is_content, number_value, stem, strip_possessive, tokenize

# Words that soften or attribute a claim. Dropping one states the claim more baldly.
HEDGES: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "at least", "more than", "up to", "as many as", "nearly", "almost", "about",
        "around", "approximately", "roughly", "some", "reportedly", "allegedly",
        "apparently", "purportedly", "possibly", "likely", "probably", "suspected",
        "alleged", "unconfirmed", "may", "might", "could", "appears", "seems",
        "according to", "said", "says", "say", "told", "claimed", "claims", "report",
        "reports", "sources",
    )
)  # fmt: skip
# Hedges that attribute a claim to someone, named by the word before them.
_ATTRIBUTION = frozenset(("said", "says", "say", "told", "claimed", "claims"))
# Qualifiers that belong to a figure ("at least 7").
FIGURE_QUALIFIERS = frozenset(
    ("at least", "more than", "over", "up to", "as many as", "nearly", "almost", "about",
     "around", "approximately", "roughly", "some", "fewer than", "less than", "under")
)  # fmt: skip
# Vague quantities count as figures; their values live with the casualty figures.
VAGUE_QUANTITIES = frozenset(
    """dozen dozens score scores hundreds thousands millions tens several many few""".split()
)
# A number before one of these is a time, not a figure ("one year after").
TIME_UNITS = frozenset(
    stem(w)
    for w in """year years month months week weeks day days hour hours minute minutes decade decades
    century centuries""".split()
)
# Words that mark who acts on whom; a change among them changes agency.
AGENCY_MARKERS = frozenset("""against by from targeting toward towards upon""".split())
NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without deny denies denied denying fail
    fails failed reject rejects rejected""".split()
)
# Common nouns for actors: a change that replaces one of these replaces an actor.
ACTOR_NOUNS = frozenset(
    stem(word)
    for word in """supporters followers loyalists militia militias militiamen gunmen group groups
    forces
    fighters rebels cleric clerics leader leaders government officials official
    protesters demonstrators activists journalists police army troops soldiers party
    movement men commander commanders representative faction factions friends foes
    allies authorities minister ministers president premier people residents civilians
    students crowd mob bloc coalition organisation organization regime state""".split()
)

# Severity of each kind; an article takes the highest severity of its changes.
KIND_SEVERITY: dict[Kind, Severity] = {
    Kind.UNSUPPORTED_TERM: Severity.HIGH,
    Kind.AGENCY_CHANGED: Severity.HIGH,
    Kind.MEANING_INVERTED: Severity.HIGH,
    Kind.FIGURE_CHANGED: Severity.HIGH,
    Kind.SUBSTITUTION: Severity.MEDIUM,
    Kind.HEDGE_REMOVED: Severity.MEDIUM,
    Kind.RECAST: Severity.MEDIUM,
    Kind.WORDING: Severity.LOW,
}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the original says: word stems, number values and proper names."""

    stems: frozenset[str]
    numbers: frozenset[float]
    names: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        """The vocabulary of the original's headline and body paragraphs."""
        stems: set[str] = set()
        numbers: set[float] = set()
        names: set[str] = set()
        for text in texts:
            words = Words(text, [(0, len(text))])
            stems.update(map(stem, words.norms))
            numbers.update(v for v in map(number_value, words.norms) if v is not None)
            capitals = [i for i, w in enumerate(words.texts) if i > 0 and w[0].isupper()]
            names.update(
                stem(words.norms[i]) for i in capitals if not _opens_sentence(text, words.starts[i])
            )
        return cls(frozenset(stems), frozenset(numbers), frozenset(names))

    def supports(self, token: Token) -> bool:
        """True when the original contains this word (or this number's value)."""
        value = number_value(token.norm)
        if value is not None:
            return value in self.numbers
        return not is_content(token.norm) or stem(token.norm) in self.stems


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a change: the text, its tokens and the changed token range."""

    text: str
    tokens: Sequence[Token]
    start: int
    end: int

    @property
    def changed(self) -> Sequence[Token]:
        """The tokens inside the change."""
        return self.tokens[self.start : self.end]

    @property
    def norms(self) -> tuple[str, ...]:
        """Folded forms of the changed tokens."""
        return tuple(t.norm for t in self.changed)


def classify(
    where: Where, op: EditOp, original: Side, repost: Side, vocabulary: Vocabulary
) -> Change:
    """Classify one edit operation between an original and its repost."""
    unsupported = unsupported_terms(repost, vocabulary)
    kinds = _kinds(original, repost, vocabulary, bool(unsupported))
    original_span = char_span(original.tokens, op.a0, op.a1)
    repost_span = char_span(repost.tokens, op.b0, op.b1)
    return Change(
        where=where,
        op=op.tag,
        original=original.text[original_span[0] : original_span[1]],
        repost=repost.text[repost_span[0] : repost_span[1]],
        kinds=kinds,
        unsupported=unsupported,
        original_span=original_span,
        repost_span=repost_span,
    )


def severity(changes: Iterable[Change]) -> Severity:
    """An article's severity: the highest severity among the kinds of its changes."""
    ranked = [KIND_SEVERITY[kind] for change in changes for kind in change.kinds]
    return max(ranked, key=lambda s: s.rank, default=Severity.NONE)


def unsupported_terms(repost: Side, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Runs of repost words that the original never uses, as they appear in the repost.

    A run may bridge function words ("Army of God") but ends at any supported word. A
    run of numbers alone is a figure, judged as one (figure-changed), not a term.
    """
    tokens = repost.changed
    runs: list[tuple[int, int]] = []
    first = last = -1
    for i, token in enumerate(tokens):
        if not vocabulary.supports(token):
            first, last = (i, i) if first < 0 else (first, i)
        elif is_content(token.norm) and first >= 0:
            runs.append((first, last))
            first = -1
    if first >= 0:
        runs.append((first, last))
    runs = [(a, b) for a, b in runs if any(number_value(t.norm) is None for t in tokens[a : b + 1])]
    terms = (" ".join(repost.text[tokens[a].start : tokens[b].end].split()) for a, b in runs)
    return tuple(dict.fromkeys(strip_possessive(term) for term in terms))


def _kinds(
    original: Side, repost: Side, vocabulary: Vocabulary, unsupported: bool
) -> tuple[Kind, ...]:
    """All kinds that apply to a change, in a fixed order; 'wording' when nothing else does."""
    found = {
        Kind.UNSUPPORTED_TERM: unsupported,
        Kind.SUBSTITUTION: _is_substitution(original, repost, vocabulary),
        Kind.HEDGE_REMOVED: _hedges(original.norms) - _hedges(repost.norms) != set(),
        Kind.FIGURE_CHANGED: _figure_changed(_figures(original), _figures(repost)),
        Kind.AGENCY_CHANGED: _agency_changed(original.norms, repost.norms),
        Kind.MEANING_INVERTED: _negations(original.norms) != _negations(repost.norms),
    }
    kinds = tuple(kind for kind, present in found.items() if present)
    return kinds or (Kind.WORDING,)


def _is_substitution(original: Side, repost: Side, vocabulary: Vocabulary) -> bool:
    """A named actor or group on the original side replaced by different wording."""
    if not any(is_content(n) for n in repost.norms):
        return False
    kept = {stem(n) for n in repost.norms}
    return any(
        is_content(t.norm)
        and (stem(t.norm) in ACTOR_NOUNS or _is_name(t, original, vocabulary))
        and stem(t.norm) not in kept
        for t in original.changed
    )


def _is_name(token: Token, side: Side, vocabulary: Vocabulary) -> bool:
    """A proper name: capitalised where the original's running text capitalises it, or
    capitalised mid-sentence in a headline that is not in Title Case."""
    if not token.text[0].isupper() or number_value(token.norm) is not None:
        return False
    if stem(token.norm) in vocabulary.names:
        return True
    return not _sentence_start(side.text, token) and not _title_case(side.tokens)


def _title_case(tokens: Sequence[Token]) -> bool:
    """True for Title Case headlines, where capitals do not mark names."""
    content = [t for t in tokens if is_content(t.norm) and t.text[0].isalpha()]
    return len(content) >= 3 and all(t.text[0].isupper() for t in content)


def removed_hedges(original: str, repost: str) -> tuple[str, ...]:
    """The hedges of original that repost drops, as written in original and in its order;
    an attribution verb comes with the word before it ("officials say")."""
    tokens = tokenize(original)
    norms = [t.norm for t in tokens]
    kept = _hedges([t.norm for t in tokenize(repost)])
    found: dict[int, str] = {}
    for hedge in HEDGES:
        if hedge in kept:
            continue
        for i in range(len(norms) - len(hedge) + 1):
            if tuple(norms[i : i + len(hedge)]) == hedge:
                start = i - 1 if hedge[0] in _ATTRIBUTION and i > 0 else i
                found.setdefault(
                    start, original[tokens[start].start : tokens[i + len(hedge) - 1].end]
                )
                break
    return tuple(found[i] for i in sorted(found))


def _hedges(norms: Sequence[str]) -> set[tuple[str, ...]]:
    """The hedge phrases present in a run of folded words."""
    return {h for h in HEDGES if _contains(norms, h)}


def _figure_changed(original: list[tuple[str, str]], repost: list[tuple[str, str]]) -> bool:
    """A figure's value or qualifier differs; a number only on one side is not a figure
    change (it may be a chapter, an age or a name) and is left to the other kinds."""
    return bool(original) and bool(repost) and original != repost


def _figures(side: Side) -> list[tuple[str, str]]:
    """(value, qualifier) of the figures a change touches, including the number right after it."""
    end = side.end
    if end < len(side.tokens) and _figure_value(side.tokens[end].norm) is not None:
        end += 1
    norms = [t.norm for t in side.tokens[side.start : end]]
    figures = []
    for i, norm in enumerate(norms):
        value = _figure_value(norm)
        following = (
            side.tokens[side.start + i + 1].norm if side.start + i + 1 < len(side.tokens) else ""
        )
        if value is None or stem(following) in TIME_UNITS or _is_year(value):
            continue
        before = " " + " ".join(norms[max(0, i - 3) : i])
        qualifier = next((q for q in sorted(FIGURE_QUALIFIERS) if before.endswith(" " + q)), "")
        figures.append((value, qualifier))
    return figures


def _figure_value(norm: str) -> str | None:
    """A comparable value for a number or vague quantity word."""
    value = number_value(norm)
    if value is not None:
        return f"{value:g}"
    return norm if norm in VAGUE_QUANTITIES else None


def _is_year(value: str) -> bool:
    """Four-digit numbers in the range of calendar years are dates, not figures."""
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100


def _agency_changed(original: Sequence[str], repost: Sequence[str]) -> bool:
    """Who does what to whom changed: the agency markers differ between two non-empty sides."""
    if not original or not repost:
        return False
    return AGENCY_MARKERS.intersection(original) != AGENCY_MARKERS.intersection(repost)


def _negations(norms: Sequence[str]) -> int:
    """Parity of negations; an odd difference inverts the meaning."""
    return sum(1 for n in norms if n in NEGATIONS or n.endswith("n't")) % 2


def _contains(norms: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when phrase occurs as a contiguous run of norms."""
    size = len(phrase)
    return any(tuple(norms[i : i + size]) == tuple(phrase) for i in range(len(norms) - size + 1))


def _sentence_start(text: str, token: Token) -> bool:
    """True when a token opens a sentence (so its capital says nothing)."""
    return _opens_sentence(text, token.start)


def _opens_sentence(text: str, start: int) -> bool:
    """True when the word at offset start opens a sentence: only spaces, quotes and
    brackets stand between it and a full stop, a colon, a line break or the start."""
    window = max(0, start - 40)
    before = text[window:start].rstrip(" \"'\u201c\u2018([")
    if not before and window:
        before = text[:start].rstrip(" \"'\u201c\u2018([")
    return not before or before[-1] in ".!?:\n"
