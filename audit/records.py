"""Records passed between pipeline stages: frozen dataclasses, no I/O.

ingest -> Document | Skipped
split  -> Article (headline, quoted original headline, body, chrome)
match  -> Match, Matching (likely original, duplicates, copies)
align  -> SentencePair, BodyDiff (sentence alignment of bodies)
diff   -> EditOp (token-level alignment)
classify -> Change, ArticleAudit
figures  -> Claim, Range, Toll
events   -> Event, EventReport, Spread
pipeline -> AuditResult
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Span = tuple[int, int]
Where = Literal["headline", "body"]
OpTag = Literal["replace", "insert", "delete"]
FigureWhere = Literal["headline", "original_headline", "body"]
Origin = Literal["input", "reference", "index"]


class Kind(StrEnum):
    """What kind of alteration a change is; a change may carry several."""

    UNSUPPORTED_TERM = "unsupported-term"
    SUBSTITUTION = "substitution"
    HEDGE_REMOVED = "hedge-removed"
    FIGURE_CHANGED = "figure-changed"
    AGENCY_CHANGED = "agency-changed"
    MEANING_INVERTED = "meaning-inverted"
    WORDING = "wording"


class Severity(StrEnum):
    """How much an article's alterations matter to a fact-checker."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Order for comparisons: none < low < medium < high."""
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = (Severity.NONE, Severity.LOW, Severity.MEDIUM, Severity.HIGH)


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input file."""

    path: str
    text: str
    sha256: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of article text with its 1-based line in the file."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Chrome:
    """Site furniture set aside from the article text (bylines, dates, captions...)."""

    text: str
    line: int
    kind: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article found in a document.

    A repost record carries the headline the reposter published and the original
    outlet's headline it quoted; a single article has no quoted headline.
    """

    id: str
    path: str
    line: int
    headline: str
    original_headline: str | None
    original_line: int | None
    body: tuple[Paragraph, ...]
    chrome: tuple[Chrome, ...]
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class EditOp:
    """A non-equal stretch of a token alignment: tokens a[a0:a1] became b[b0:b1]."""

    tag: OpTag
    a0: int
    a1: int
    b0: int
    b1: int


@dataclass(frozen=True, slots=True)
class Change:
    """One classified alteration between an original text and its repost.

    Spans are [start, end) in the headlines or, for the body, in the bodies joined with
    blank lines (``BodyDiff.original``/``repost``); ``line`` is the repost's file line.
    """

    where: Where
    op: OpTag
    original: str
    repost: str
    kinds: tuple[Kind, ...]
    unsupported: tuple[str, ...]
    original_span: Span
    repost_span: Span
    line: int | None = None


class Category(StrEnum):
    """What happened to the people counted."""

    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"  # killed and wounded counted together
    SHOT = "shot"  # hit by gunfire, fatally or not
    KIDNAPPED = "kidnapped"
    ARRESTED = "arrested"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Claim:
    """One casualty figure as a text states it.

    ``min``/``max`` bound the count (``max`` None: open-ended, "at least 7");
    ``where``/``line`` name the text it was read from and ``span`` is [start, end)
    in that text; ``anchor`` is the time or scope phrase that tied it to the article's
    own event or, when ``background``, to an earlier or wider one.
    """

    category: Category
    min: int
    max: int | None
    qualifier: str
    text: str
    where: FigureWhere
    line: int
    span: Span
    source: str | None = None
    anchor: str | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class Range:
    """A count between ``min`` and ``max`` (None: no upper bound)."""

    min: int
    max: int | None

    def contains(self, value: int) -> bool:
        """True when value lies in the range."""
        return self.min <= value and (self.max is None or value <= self.max)


@dataclass(frozen=True, slots=True)
class Toll:
    """What one text says its event cost: killed and wounded, when it says."""

    killed: Range | None
    wounded: Range | None


@dataclass(frozen=True, slots=True)
class Match:
    """Another article sharing this one's text: where it is and how closely it matches."""

    article: str
    path: str
    line: int
    outlet: str | None
    score: float
    on: Literal["body", "headline"]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Matching:
    """What an article was matched to.

    ``original`` is the article it was most likely taken from (``confidence`` and the
    ``margin`` to the runner-up say how sure that is) or None with a ``reason``;
    ``duplicates`` are the same article seen again; ``copies`` are other outlets'
    articles carrying the same text, taken from this one or of unknown order.
    """

    original: Match | None = None
    confidence: str | None = None
    margin: float | None = None
    reason: str | None = None
    duplicates: tuple[Match, ...] = ()
    copies: tuple[Match, ...] = ()


SentenceKind = Literal[
    "equal", "changed", "split", "merged", "rewritten", "inserted", "deleted", "moved"
]


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Aligned sentences of an original body and its repost.

    ``original``/``repost`` are [start, end) spans in the joined body texts, None for a
    sentence with no counterpart; split and merged sentences span several sentences.
    """

    kind: SentenceKind
    original: Span | None
    repost: Span | None


@dataclass(frozen=True, slots=True)
class BodyDiff:
    """An original body and its repost, joined into texts, with their sentence alignment."""

    original: str
    repost: str
    pairs: tuple[SentencePair, ...]

    def counts(self) -> dict[str, int]:
        """How many sentence pairs there are of each kind, kinds in name order."""
        counts: dict[str, int] = {}
        for pair in self.pairs:
            counts[pair.kind] = counts.get(pair.kind, 0) + 1
        return dict(sorted(counts.items()))


@dataclass(frozen=True, slots=True)
class ArticleAudit:
    """An article together with what the audit found in it."""

    article: Article
    changes: tuple[Change, ...]
    severity: Severity
    figures: tuple[Claim, ...] = ()
    matching: Matching | None = None
    body: BodyDiff | None = None


@dataclass(frozen=True, slots=True)
class EventReport:
    """One outlet's figures for an event; ``also`` lists other articles with the same text."""

    article: str
    outlet: str | None
    killed: Range | None
    wounded: Range | None
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Spread:
    """How the reports of one figure differ: lowest, highest, and the consensus kept."""

    low: int
    high: int
    consensus: int
    reports: int


@dataclass(frozen=True, slots=True)
class Event:
    """One incident as several articles report it, with where their figures disagree."""

    id: str
    label: str
    reports: tuple[EventReport, ...]
    killed: Spread | None
    wounded: Spread | None
    flags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input that was read, with how many articles it held."""

    path: str
    sha256: str
    encoding: str
    articles: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditResult:
    """Everything one audit run found, ready for the reporters."""

    inputs: tuple[InputFile, ...]
    skipped: tuple[Skipped, ...]
    articles: tuple[ArticleAudit, ...]
    events: tuple[Event, ...] = ()
