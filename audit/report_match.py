"""View data for the matching part of an article page: the original found, the same
article seen elsewhere, copies, and the body side by side with its original.

Only the repost's and original's own text is shown; changed words are wrapped in
``del``/``ins`` with bracket markers, so changes read without colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .records import ArticleAudit, BodyDiff, Change, Match, SentencePair, Span

# Runs of at least this many unchanged sentences are folded away.
FOLD_MIN = 4


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text: unchanged, deleted or inserted, with text markers."""

    kind: str
    text: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class MatchRow:
    """Another article: where it is, a link when the report has a page for it, the score."""

    article: str
    href: str
    text: str  # the link's text: the headline when the report has the article's page
    location: str
    outlet: str
    score: str
    origin: str


@dataclass(frozen=True, slots=True)
class SideRow:
    """One aligned sentence pair, each side as segments."""

    kind: str
    label: str
    left: tuple[Segment, ...]
    right: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive rows of the side-by-side body; ``folded`` when all are unchanged."""

    rows: tuple[SideRow, ...]
    folded: bool


@dataclass(frozen=True, slots=True)
class MatchingView:
    """What the article page says about matching."""

    original: MatchRow | None
    confidence: str
    margin: str
    reason: str
    duplicates: tuple[MatchRow, ...]
    copies: tuple[MatchRow, ...]
    blocks: tuple[Block, ...] = ()
    sentences: str = ""
    version: MatchRow | None = None  # compared with, when no original is known


def matching_view(audit: ArticleAudit, has_page: Mapping[str, str]) -> MatchingView | None:
    """The matching section of an article page; has_page maps the ids of articles with a
    page here to their headlines."""
    matching = audit.matching
    if matching is None:
        return None
    body = audit.body
    changes = audit.changes + audit.version_changes
    blocks = side_by_side(body, [c for c in changes if c.where == "body"]) if body else ()
    return MatchingView(
        original=_row(matching.original, has_page) if matching.original else None,
        confidence=matching.confidence or "",
        margin=f"{matching.margin:.2f}" if matching.margin is not None else "",
        reason=matching.reason or "",
        duplicates=tuple(_row(m, has_page) for m in matching.duplicates),
        copies=tuple(_row(m, has_page) for m in matching.copies),
        blocks=blocks,
        sentences=_sentence_counts(body) if body else "",
        version=_row(matching.version, has_page) if matching.version else None,
    )


def side_by_side(body: BodyDiff, changes: Sequence[Change]) -> tuple[Block, ...]:
    """The aligned sentences as rows, long unchanged stretches folded."""
    rows = [_side_row(body, pair, changes) for pair in body.pairs]
    blocks: list[Block] = []
    run: list[SideRow] = []
    for row in rows:
        if row.kind == "equal":
            run.append(row)
            continue
        blocks.extend(_flush(run))
        run = []
        blocks.append(Block((row,), folded=False))
    blocks.extend(_flush(run))
    return tuple(blocks)


def marked(text: str, span: Span, marks: Sequence[Span], kind: str) -> tuple[Segment, ...]:
    """text[span] as segments, the marked sub-spans as kind ('del' or 'ins')."""
    before, after = ("[\u2212", "]") if kind == "del" else ("[+", "]")
    segments: list[Segment] = []
    position = span[0]
    for start, end in sorted(
        m for m in marks if span[0] <= m[0] and m[1] <= span[1] and m[1] > m[0]
    ):
        if start < position:
            continue
        if start > position:
            segments.append(Segment("same", text[position:start]))
        segments.append(Segment(kind, text[start:end], before, after))
        position = end
    if position < span[1]:
        segments.append(Segment("same", text[position : span[1]]))
    return tuple(segments)


def inline_diff(repost: str, changes: list[Change]) -> tuple[Segment, ...]:
    """The repost headline as unchanged text interleaved with deletions and insertions."""
    segments: list[Segment] = []
    position = 0
    for change in sorted(changes, key=lambda c: c.repost_span):
        start, end = change.repost_span
        if start > position:
            segments.append(Segment("same", repost[position:start]))
        if change.original:
            if segments and not segments[-1].text[-1:].isspace() and start == len(repost):
                segments.append(Segment("same", " "))  # a deletion at the very end
            segments.append(Segment("del", change.original, "[\u2212", "]"))
        if change.original and (change.repost or end < len(repost)):
            segments.append(Segment("same", " "))
        if change.repost:
            segments.append(Segment("ins", change.repost, "[+", "]"))
        position = max(position, end)
    if position < len(repost):
        segments.append(Segment("same", repost[position:]))
    return tuple(segments)


def _side_row(body: BodyDiff, pair: SentencePair, changes: Sequence[Change]) -> SideRow:
    """One pair of sentences with the words each side changed marked."""
    left: tuple[Segment, ...] = ()
    right: tuple[Segment, ...] = ()
    if pair.original:
        left = marked(body.original, pair.original, [c.original_span for c in changes], "del")
    if pair.repost:
        right = marked(body.repost, pair.repost, [c.repost_span for c in changes], "ins")
    if pair.kind == "inserted":
        right = (Segment("ins", body.repost[slice(*pair.repost or (0, 0))], "[+", "]"),)
    if pair.kind == "deleted":
        left = (Segment("del", body.original[slice(*pair.original or (0, 0))], "[\u2212", "]"),)
    return SideRow(pair.kind, "" if pair.kind == "equal" else pair.kind, left, right)


def _flush(run: list[SideRow]) -> list[Block]:
    """A run of unchanged rows: folded when long, shown when short."""
    if not run:
        return []
    return [Block(tuple(run), folded=len(run) >= FOLD_MIN)]


def _row(match: Match, has_page: Mapping[str, str]) -> MatchRow:
    """A matched article as a row."""
    return MatchRow(
        article=match.article,
        href=f"{match.article}.html"
        if match.origin == "input" and match.article in has_page
        else "",
        text=has_page.get(match.article, match.article)
        if match.origin == "input"
        else match.article,
        location=f"{match.path}:{match.line}",
        outlet=match.outlet or "not stated",
        score=f"{match.score:.2f} on {match.on}",
        origin=match.origin,
    )


def _sentence_counts(body: BodyDiff) -> str:
    """'23 unchanged, 1 inserted' for the section heading."""
    return ", ".join(
        f"{n} {'unchanged' if kind == 'equal' else kind}" for kind, n in body.counts().items()
    )
