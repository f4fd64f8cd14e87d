"""Records passed between pipeline stages: frozen dataclasses, no I/O.

ingest -> Document | Skipped
split  -> Article (headline, quoted original headline, body, chrome)
match  -> Match, Matching (likely original, duplicates, copies)
align  -> SentencePair, BodyDiff (sentence alignment of bodies)
diff   -> EditOp (token-level alignment)
classify -> Change, ArticleAudit
figures  -> Claim, Range, Toll
events   -> Event, EventReport, Spread
sources  -> SourceProfile (Tally, TermUse, Criterion, Standing)
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
# How a source got its name: --source, a [tool.audit.sources] glob, the file's own name,
# or the outlet attribution of the articles it wrote.
NamedBy = Literal["option", "config", "site", "file", "outlet"]
SourceKind = Literal["reposter", "outlet"]
Position = Literal["above", "inside", "below", "only"]


class Kind(StrEnum):
    """What kind of alteration a change is; a change may carry several."""

    UNSUPPORTED_TERM = "unsupported-term"
    SUBSTITUTION = "substitution"
    HEDGE_REMOVED = "hedge-removed"
    FIGURE_CHANGED = "figure-changed"
    AGENCY_CHANGED = "agency-changed"
    MEANING_INVERTED = "meaning-inverted"
    RECAST = "recast"  # the whole headline replaced: shown old and new, whole
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
class Record:
    """One article of a record file (a page, an archive record, a feed entry, a JSON line
    or CSV row): its text (headline, blank line, paragraphs) and metadata."""

    text: str
    position: int  # its line in a JSON Lines or CSV file, its number in an archive or feed
    url: str | None = None
    published: str | None = None  # ISO date, as the article or its record states it
    captured: str | None = None  # ISO date an archive captured it
    site: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input file: its text, or the records of a record format."""

    path: str
    text: str
    sha256: str
    encoding: str
    warnings: tuple[str, ...] = ()
    format: str = "text"
    records: tuple[Record, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why; not fatal when a folder scan passed it
    over as a format the tool does not read (a check does not fail for it)."""

    path: str
    reason: str
    fatal: bool = True


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
    # Why a header line was taken for the quoted original headline (see ``pairing``).
    quote_evidence: tuple[str, ...] = ()
    # Where a record format says the article comes from (None for plain text).
    url: str | None = None
    published: str | None = None
    captured: str | None = None
    site: str | None = None
    author: str | None = None
    record: int | None = None  # the record's position (see Record.position)


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
    articles carrying the same text, taken from this one or of unknown order; ``version``
    is the closest copy of unknown order, when there is no original: the article is
    compared with it both ways.
    """

    original: Match | None = None
    confidence: str | None = None
    margin: float | None = None
    reason: str | None = None
    duplicates: tuple[Match, ...] = ()
    copies: tuple[Match, ...] = ()
    version: Match | None = None


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


# What a reader may conclude of an article: its wording was changed, it was compared and
# found as it was, or there was nothing to compare it with.
VERDICTS = ("altered", "versions differ", "unchanged", "not compared")

# What an article's wording was compared with: the headline it quotes, a matched
# original, only its own body, or nothing (no original and too little body).
Basis = Literal["quoted headline", "matched original", "other version", "own body", "none"]
BASIS_CONFIDENCE: dict[str, str] = {
    "quoted headline": "high",
    "matched original": "high",
    "other version": "low",  # a difference, but not who changed what
    "own body": "low",  # a headline may use words its body does not: weaker evidence
    "none": "none",
}


@dataclass(frozen=True, slots=True)
class ArticleAudit:
    """An article together with what the audit found in it."""

    article: Article
    changes: tuple[Change, ...]
    severity: Severity
    figures: tuple[Claim, ...] = ()
    matching: Matching | None = None
    body: BodyDiff | None = None
    basis: Basis = "none"
    # How the article differs from another version of unknown order ("other version"):
    # wording here and there, no direction, so neither altered nor counted against a source.
    version_changes: tuple[Change, ...] = ()

    @property
    def verdict(self) -> str:
        """'altered', 'versions differ', 'unchanged' or 'not compared': what a reader may
        conclude."""
        if self.changes:
            return "altered"
        if self.version_changes:
            return "versions differ"
        return "not compared" if self.basis == "none" else "unchanged"

    @property
    def confidence(self) -> str:
        """How strong the basis of the verdict is: high, low, or none."""
        if self.basis == "matched original" and self.matching and self.matching.confidence:
            return self.matching.confidence
        return BASIS_CONFIDENCE[self.basis]


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
    source: str = ""
    named_by: NamedBy = "file"
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Tally:
    """A count of articles under a key (an outlet, a phrase, a kind), with their ids."""

    key: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TermUse:
    """A term a source inserted: the articles carrying it and, per original wording it
    replaced, the articles where it did."""

    term: str
    articles: tuple[str, ...]
    replaced: tuple[Tally, ...]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One rating criterion applied to a source: how many articles could be judged on it
    and which of them fail it (the evidence)."""

    id: str
    judged: int
    evidence: tuple[str, ...]

    @property
    def met(self) -> bool | None:
        """True when no judged article fails; None when none could be judged."""
        return None if not self.judged else not self.evidence

    @property
    def status(self) -> str:
        """'met', 'not met' or 'not judged', for the reports."""
        return {None: "not judged", True: "met", False: "not met"}[self.met]

    @property
    def share(self) -> float | None:
        """Share of the judged articles that meet the criterion."""
        return None if not self.judged else round(1 - len(self.evidence) / self.judged, 3)


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an outlet's figure for an event sits against what the other outlets reported.

    ``others`` spans the other outlets' stated figures (None when it is the only report);
    ``consensus`` is the event's conservative figure (the lowest credible one).
    """

    event: str
    category: Literal["killed", "wounded"]
    article: str
    figure: Range
    others: Range | None
    position: Position
    consensus: int


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """What one source did with what it published: counts with their articles, inserted
    terms, what it copied and from whom, its criteria and grade, and for an outlet where
    its casualty figures sit against other outlets'."""

    name: str
    kind: SourceKind
    named_by: NamedBy
    files: tuple[str, ...]
    articles: tuple[str, ...]
    counts: tuple[Tally, ...]
    inserted_terms: tuple[TermUse, ...]
    hedges_removed: tuple[Tally, ...]
    copies_from: tuple[Tally, ...]
    criteria: tuple[Criterion, ...]
    grade: str
    standings: tuple[Standing, ...] = ()
    copied_by: tuple[Tally, ...] = ()
    # Terms in its headlines that their own bodies never use (no original to compare).
    headline_terms: tuple[Tally, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditResult:
    """Everything one audit run found, ready for the reporters."""

    inputs: tuple[InputFile, ...]
    skipped: tuple[Skipped, ...]
    articles: tuple[ArticleAudit, ...]
    events: tuple[Event, ...] = ()
    sources: tuple[SourceProfile, ...] = ()
