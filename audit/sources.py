"""Sources: who published each file, and a profile of every source and outlet.

A file's source is, in order: the name given with ``--source``, the first
``[tool.audit.sources]`` glob that matches its path, or else the file itself.

Every article belongs to one source. An article taken from another (a repost record
quoting an outlet's headline, or one matched to an original) is a *relay* of the source
that published the file. Any other article is the writing of the source named for its
file by --source or a glob, else of the outlet it is attributed to, else of its file.
A source with relays is a *reposter*; any other is an *outlet*. An outlet's articles
also include the relays that quote it: they stand for its text when the original itself
is not among the inputs.

A reposter's profile counts, per distinct article (the same article seen twice counts
once), what it altered, with the ids behind every number; an outlet's places each of its
casualty figures against what the other outlets covering the event reported.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from . import rating
from .classify import removed_hedges
from .records import (
    ArticleAudit,
    Event,
    InputFile,
    Kind,
    NamedBy,
    Position,
    Range,
    SourceProfile,
    Standing,
    Tally,
    TermUse,
)
from .text import fold

NOT_STATED = "outlet not stated"
# The counts of a reposter's profile, in display order, with their labels.
COUNTS: tuple[tuple[str, str], ...] = (
    ("reposted", "articles reposted (distinct)"),
    ("seen-again", "records repeating an article already counted"),
    ("original-known", "with a known original to compare"),
    ("no-original", "with no original found"),
    ("altered-headline", "with an altered headline"),
    ("altered-body", "with an altered body"),
    ("body-intact", "with the body relayed intact"),
    (Kind.UNSUPPORTED_TERM.value, "with inserted unsupported terms"),
    (Kind.SUBSTITUTION.value, "with substituted names or actors"),
    (Kind.HEDGE_REMOVED.value, "with hedges or attributions removed"),
    (Kind.FIGURE_CHANGED.value, "with changed figures"),
    (Kind.AGENCY_CHANGED.value, "with changed agency"),
    (Kind.MEANING_INVERTED.value, "with inverted meaning"),
)
COUNT_LABELS = dict(COUNTS)


@dataclass(frozen=True, slots=True)
class Naming:
    """How files get their source: one name for every input, or globs mapped to names.

    Globs are matched against the path as given and, when ``root`` is set, against the
    path relative to it (the folder of the pyproject.toml that set them).
    """

    given: str | None = None
    globs: tuple[tuple[str, str], ...] = ()
    root: str | None = None

    def name(
        self, path: str, site: str | None = None, host: str | None = None
    ) -> tuple[str, NamedBy]:
        """The source of a file and how it was named: the name given, a glob matching its
        path or the host of its address, the site its records name, else the file name."""
        if self.given:
            return self.given, "option"
        for glob, name in self.globs:
            if matches(path, glob, self.root) or (host and fnmatch.fnmatch(host, glob)):
                return name, "config"
        if site:
            return site, "site"
        return PurePath(path).name if path != "-" else "<stdin>", "file"


def matches(path: str, glob: str, root: str | None = None) -> bool:
    """True when a path, as given or relative to root, matches a glob."""
    names = {Path(path).as_posix()}
    if root is not None and path != "-":
        resolved, base = Path(path).resolve(), Path(root).resolve()
        if resolved.is_relative_to(base):
            names.add(resolved.relative_to(base).as_posix())
    return any(fnmatch.fnmatch(name, glob) for name in names)


@dataclass(frozen=True, slots=True)
class _Placed:
    """An article with its publisher and whose text it carries (its writer)."""

    audit: ArticleAudit
    publisher: str
    named_by: NamedBy
    relay: bool
    writer: str

    @property
    def owner(self) -> str:
        """The source whose profile the article counts in."""
        return self.publisher if self.relay else self.writer


@dataclass(frozen=True, slots=True)
class _Links:
    """Who copies whom: per source, (other source, article id) pairs in each direction."""

    copies_from: dict[str, list[tuple[str, str]]]
    copied_by: dict[str, list[tuple[str, str]]]


def profiles(
    inputs: Sequence[InputFile], audits: Sequence[ArticleAudit], events: Sequence[Event]
) -> tuple[SourceProfile, ...]:
    """A profile for every source and outlet: reposters first, then outlets, by name."""
    publishers = {i.path: (i.source, i.named_by) for i in inputs}
    placed = [_place(audit, publishers) for audit in audits]
    writers = {p.audit.article.id: p.writer for p in placed}
    copies_from: dict[str, list[tuple[str, str]]] = defaultdict(list)
    copied_by: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in placed:
        for copier, copied, article in _copy_links(p, writers):
            copies_from[copier].append((copied, article))
            copied_by[copied].append((copier, article))
    links = _Links(copies_from, copied_by)
    members: dict[str, list[_Placed]] = defaultdict(list)
    for p in placed:
        for name in dict.fromkeys((p.owner, p.writer)):
            if name != NOT_STATED:
                members[name].append(p)
    placed_by = standings(events, writers)
    made = [
        _profile(name, members[name], tuple(placed_by.get(name, ())), links)
        for name in sorted(members)
    ]
    return tuple(sorted(made, key=lambda p: (p.kind != "reposter", p.name)))


def _place(audit: ArticleAudit, publishers: dict[str, tuple[str, NamedBy]]) -> _Placed:
    """Who published an article, whether it is a relay, and whose text it is."""
    a = audit.article
    name, named_by = publishers.get(a.path, Naming().name(a.path))
    matched = audit.matching is not None and audit.matching.original is not None
    if a.original_headline is not None:
        return _Placed(audit, name, named_by, True, a.outlet or NOT_STATED)
    if matched:
        return _Placed(audit, name, named_by, True, name)
    writer = name if named_by != "file" else a.outlet or name
    return _Placed(audit, name, named_by, False, writer)


def _copy_links(placed: _Placed, writers: dict[str, str]) -> list[tuple[str, str, str]]:
    """(copier, copied, article id) for the copying an article shows.

    A repost record is its publisher relaying the quoted outlet, and, when the quoted
    article matched another outlet's original, that outlet copying the other.
    """
    a = placed.audit.article
    original = placed.audit.matching.original if placed.audit.matching else None
    if not placed.relay:
        return []
    found = writers.get(original.article, original.outlet or NOT_STATED) if original else None
    if a.original_headline is None:
        return [(placed.publisher, found or NOT_STATED, a.id)]
    links = [(placed.publisher, placed.writer, a.id)]
    if found and placed.writer != NOT_STATED and found not in (placed.writer, NOT_STATED):
        links.append((placed.writer, found, a.id))
    return links


def _profile(
    name: str,
    placed: Sequence[_Placed],
    figures: tuple[Standing, ...],
    links: _Links,
) -> SourceProfile:
    """The profile of one source from the articles it published or wrote."""
    relays, seen_again = _distinct([p.audit for p in placed if p.relay and p.publisher == name])
    written = [p.audit.article.id for p in placed if p.writer == name]
    mine = [p for p in placed if p.owner == name]
    named_by = mine[0].named_by if mine and mine[0].publisher == name else "outlet"
    judged = [rating.relay(audit) for audit in relays]
    criteria = rating.judge(judged)
    return SourceProfile(
        name=name,
        kind="reposter" if relays else "outlet",
        named_by=named_by,
        files=tuple(sorted({p.audit.article.path for p in mine})),
        articles=tuple(a.article.id for a in relays) if relays else tuple(written),
        counts=_counts(judged, seen_again) if relays else (),
        inserted_terms=inserted_terms(relays),
        hedges_removed=hedges_removed(relays),
        copies_from=_tallies(links.copies_from.get(name, ())),
        criteria=criteria,
        grade=rating.grade(criteria),
        standings=figures,
        copied_by=_tallies(links.copied_by.get(name, ())),
        headline_terms=headline_terms([p.audit for p in placed if p.publisher == name]),
    )


def _distinct(audits: Sequence[ArticleAudit]) -> tuple[list[ArticleAudit], list[str]]:
    """The articles with the same article seen again left out, and the ids left out."""
    kept: list[ArticleAudit] = []
    again: list[str] = []
    seen: set[str] = set()
    for audit in audits:
        twins = {m.article for m in audit.matching.duplicates} if audit.matching else set()
        if twins & seen:
            again.append(audit.article.id)
        else:
            kept.append(audit)
        seen.add(audit.article.id)
    return kept, again


def _counts(relays: Sequence[rating.Relay], seen_again: Sequence[str]) -> tuple[Tally, ...]:
    """Every count of a reposter's profile, in COUNTS order, with its articles."""
    tests = {
        "reposted": lambda r: True,
        "original-known": lambda r: r.compared,
        "no-original": lambda r: not r.compared,
        "altered-headline": lambda r: r.changed("headline"),
        "altered-body": lambda r: r.changed("body"),
        "body-intact": lambda r: r.body_compared and not r.changed("body"),
        **{kind.value: _with(kind) for kind in Kind if kind is not Kind.WORDING},
    }
    found = {
        key: tuple(r.audit.article.id for r in relays if test(r)) for key, test in tests.items()
    }
    found["seen-again"] = tuple(seen_again)
    return tuple(Tally(key, found[key]) for key, _label in COUNTS)


def _with(kind: Kind) -> Callable[[rating.Relay], bool]:
    """A test for relays with a change of kind."""
    return lambda r: r.has(kind)


class _Tallier:
    """Article ids gathered under keys; keys that fold alike are one, shown as first written."""

    def __init__(self) -> None:
        self._shown: dict[str, str] = {}
        self._ids: dict[str, dict[str, None]] = defaultdict(dict)

    @staticmethod
    def key(text: str) -> str:
        """The key text counts under: folded, spacing collapsed."""
        return fold(text)

    def add(self, key: str, article: str) -> None:
        """Count article under key."""
        shown = " ".join(key.split())
        folded = self.key(shown)
        self._shown.setdefault(folded, shown)
        self._ids[folded][article] = None

    def ranked(self) -> list[tuple[str, str]]:
        """(folded key, shown key) pairs, most articles first, then by key."""
        order = sorted(self._ids, key=lambda k: (-len(self._ids[k]), k))
        return [(k, self._shown[k]) for k in order]

    def articles(self, folded: str) -> tuple[str, ...]:
        """The articles counted under a folded key, in the order first seen."""
        return tuple(self._ids[folded])

    def tallies(self) -> tuple[Tally, ...]:
        """Every key with its articles, most articles first."""
        return tuple(Tally(shown, self.articles(k)) for k, shown in self.ranked())


def inserted_terms(audits: Sequence[ArticleAudit]) -> tuple[TermUse, ...]:
    """The unsupported terms inserted, most used first, each with what it replaced.

    A term that replaced several different original wordings stands in for them all:
    a systematic substitution.
    """
    uses = _Tallier()
    replaced: dict[str, _Tallier] = defaultdict(_Tallier)
    for audit in audits:
        for change in audit.changes:
            for term in change.unsupported:
                uses.add(term, audit.article.id)
                if change.op == "replace" and change.original:
                    replaced[_Tallier.key(term)].add(change.original, audit.article.id)
    return tuple(
        TermUse(shown, uses.articles(key), replaced[key].tallies()) for key, shown in uses.ranked()
    )


def headline_terms(audits: Sequence[ArticleAudit]) -> tuple[Tally, ...]:
    """The terms put into headlines whose own bodies never use them, most used first: one
    term across many unrelated stories is the source's, not the stories'."""
    found = _Tallier()
    for audit in audits:
        if audit.basis != "own body":
            continue
        for change in audit.changes:
            if change.where == "headline":
                for term in change.unsupported:
                    found.add(term, audit.article.id)
    return found.tallies()


def hedges_removed(audits: Sequence[ArticleAudit]) -> tuple[Tally, ...]:
    """The hedges and attributions dropped, most frequent first."""
    found = _Tallier()
    for audit in audits:
        for change in audit.changes:
            if Kind.HEDGE_REMOVED in change.kinds:
                hedges = removed_hedges(change.original, change.repost) or (change.original,)
                for hedge in hedges:
                    found.add(hedge, audit.article.id)
    return found.tallies()


def _tallies(pairs: Iterable[tuple[str, str]]) -> tuple[Tally, ...]:
    """(key, article id) pairs as tallies, most articles first."""
    found = _Tallier()
    for key, article in pairs:
        found.add(key, article)
    return found.tallies()


def standings(events: Sequence[Event], writers: dict[str, str]) -> dict[str, list[Standing]]:
    """Per outlet, where each of its killed and wounded figures sits against the others'."""
    found: dict[str, list[Standing]] = defaultdict(list)
    for event in events:
        for category in ("killed", "wounded"):
            stated = [
                (writers.get(r.article, r.outlet or NOT_STATED), r.article, value)
                for r in event.reports
                if (value := getattr(r, category)) is not None
            ]
            for writer, article, value in stated:
                others = [v.min for w, _, v in stated if w != writer]
                around = Range(min(others), max(others)) if others else None
                position = _position(value.min, around)
                consensus = getattr(event, category).consensus
                found[writer].append(
                    Standing(event.id, category, article, value, around, position, consensus)
                )
    return found


def _position(figure: int, others: Range | None) -> Position:
    """Above, inside or below the range of the other outlets' figures; 'only' without one."""
    if others is None:
        return "only"
    if others.max is not None and figure > others.max:
        return "above"
    return "below" if figure < others.min else "inside"
