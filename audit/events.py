"""Events: the same incident reported by several outlets, and how their figures differ.

An article takes part when its own (not background) claims give a killed or wounded
figure. Two such articles report the same event when the sentences stating their tolls,
with their headlines, share enough of their words and names (spelling variants such as
"Nasiriyah"/"Nasiriya" count as one), each weighed by how few other reports in the batch
and how little English uses it, and their dates do not say otherwise. Per event
each outlet's range is listed with the spread and a conservative consensus: the lowest
credible figure, as conflict-event datasets code conflicting reports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

from . import anchors, figures
from .ownbody import zipf
from .records import ArticleAudit, Claim, Event, EventReport, Range, Spread
from .sentences import sentence_of, sentence_starts
from .text import STOPWORDS, Words, fold, stem, tokenize

_T = TypeVar("_T")

# Two reports tell of the same event when the words they share weigh at least MIN_SHARED
# and at least MIN_OVERLAP of the lighter report's words. Measured on the GVC corpus
# against its incident labels (benchmarks/bench_events.py prints B-cubed precision and
# recall).
MIN_SHARED = 2.0
MIN_OVERLAP = 0.4
# A word's weight is its inverse document frequency in the batch of reports, smoothed as
# if the batch sat among PRIOR_DOCS ordinary news articles, times how rare it is in
# English: a hospital or a county every local report names says little about which
# incident it is, however rare it is in English. A word no other report uses and English
# does not know weighs 1, whatever the batch's size, so MIN_SHARED is about two names.
PRIOR_DOCS = 300
# A word of Zipf value z turns up in about 10 ** (z - DOC_ZIPF) of all news articles
# (a Zipf value is log10 of a word's frequency per billion words; an article has ~500).
DOC_ZIPF = 6.3
# Words at least this common (Zipf) weigh nothing; the weight is whole from two below.
COMMON_ZIPF = 5.5
# Words every casualty report uses; they say nothing about which incident it is.
_GENERIC_WORDS = tuple(
    """people person killed kill dead died death deaths wounded wound injured injury
    injuries hurt shot shooting least more than others other said says told according
    report reported reports also were was official officials source sources medical medic
    medics police witness one two three four five six seven eight nine ten dozens scores
    several hundreds thousands""".split()
)


@cache
def _generic() -> frozenset[str]:
    """The keys of the generic words, made on first use (stems need the lexicon)."""
    return frozenset(_name_key(stem(word)) for word in _GENERIC_WORDS)


_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An article with a toll of its own, and what identifies its incident."""

    audit: ArticleAudit
    context: tuple[str, ...]  # the sentences that state its toll
    killed: Range | None
    wounded: Range | None
    signature: Mapping[str, float]  # word key to its Zipf value (the commonest spelling's)
    when: anchors.When
    body_key: int


def find_events(audits: Sequence[ArticleAudit]) -> tuple[Event, ...]:
    """Group articles into events and compare their figures."""
    candidates = [c for c in (_candidate(a) for a in audits) if c is not None]
    groups = _group(candidates, weights(candidates))
    events = [_event(i, group) for i, group in enumerate(groups, start=1)]
    return tuple(events)


def event_of_articles(events: Iterable[Event]) -> dict[str, str]:
    """Article id to the id of the event it reports, copies included."""
    return {
        article: event.id
        for event in events
        for report in event.reports
        for article in (report.article, *report.also)
    }


def outlet_claims(audit: ArticleAudit) -> tuple[Claim, ...]:
    """The claims an article's outlet made: a repost's own headline is not the outlet's."""
    quoted = audit.article.original_headline is not None
    return tuple(c for c in audit.figures if not (quoted and c.where == "headline"))


def _candidate(audit: ArticleAudit) -> _Candidate | None:
    """The article as an event report, or None when it gives no toll of its own."""
    claims = outlet_claims(audit)
    toll = figures.toll(claims)
    if toll.killed is None and toll.wounded is None:
        return None
    article = audit.article
    headline = article.original_headline or article.headline
    context = _toll_context(audit, claims)
    signature = _signature([headline, *context])
    body_key = hash(fold(" ".join(p.text for p in article.body)))
    return _Candidate(
        audit, context, toll.killed, toll.wounded, signature, figures.published(article), body_key
    )


def _toll_context(audit: ArticleAudit, claims: Iterable[Claim]) -> tuple[str, ...]:
    """The sentences that state the article's own toll."""
    by_line = {p.line: p.text for p in audit.article.body}
    sentences = []
    for claim in claims:
        if claim.background or claim.where != "body":
            continue
        text = by_line[claim.line]
        start, end = sentence_of(text, sentence_starts(text), claim.span[0])
        sentences.append(text[start:end])
    return tuple(sentences)


def _signature(texts: Iterable[str]) -> dict[str, float]:
    """Content words and names of texts, spelling variants of a name folded together,
    each with how common it is in English."""
    text = "\n".join(texts)
    words: dict[str, float] = {}
    for norm in set(Words(text, [(0, len(text))]).norms):
        if norm in STOPWORDS or norm in _WEEKDAYS or norm.isdigit() or len(norm) < 3:
            continue
        key = _name_key(stem(norm))
        if key not in _generic():
            words[key] = max(words.get(key, 0.0), zipf(norm))
    return words


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|at|az)-")
_DOUBLED = re.compile(r"(.)\1")


@lru_cache(maxsize=65536)
def _name_key(word: str) -> str:
    """One spelling for transliteration variants: 'al-Habboubi' and 'Haboubi' agree."""
    word = _ARTICLE_PREFIX.sub("", word)
    word = _DOUBLED.sub(r"\1", word)
    return word[:-1] if len(word) > 4 and word.endswith("h") else word


def weights(candidates: Sequence[_Candidate]) -> dict[str, float]:
    """The weight of each signature word of a batch of reports (see PRIOR_DOCS)."""
    documents: Counter[str] = Counter()
    common: dict[str, float] = {}
    for c in candidates:
        documents.update(c.signature.keys())  # a mapping would add its values
        for word, z in c.signature.items():
            common[word] = max(common.get(word, 0.0), z)
    total = len(candidates) + PRIOR_DOCS
    rarest = math.log(total / 0.5)
    weight = {}
    for word, z in common.items():
        expected = PRIOR_DOCS * min(1.0, 10 ** (z - DOC_ZIPF))
        idf = math.log(total / (documents[word] + expected + 0.5)) / rarest
        weight[word] = idf * min(1.0, max(0.0, COMMON_ZIPF - z) / 2)
    return weight


def total(c: _Candidate, weight: Mapping[str, float]) -> float:
    """The weight of all of a report's signature words."""
    return sum(weight[w] for w in c.signature)


def same_event(
    a: _Candidate, b: _Candidate, weight: Mapping[str, float], totals: tuple[float, float]
) -> bool:
    """True when two reports (whose words weigh totals) are copies of one text, or share
    enough weighty words and their dates agree."""
    if a.body_key == b.body_key:
        return True
    if a.when.month and b.when.month and (a.when.year, a.when.month) != (b.when.year, b.when.month):
        return False
    words = a.signature.keys() & b.signature.keys()
    needed = _needed(min(totals))
    if len(words) < needed:  # no word weighs more than 1
        return False
    return sum(weight[w] for w in words) >= needed


def _needed(lighter: float) -> float:
    """The weight two reports must share when the lighter one's words weigh this much."""
    return max(MIN_SHARED, MIN_OVERLAP * lighter)


class Groups:
    """Union-find over items 0..n-1: which items are joined into one group."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        """The item that stands for i's group."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> int:
        """Put i's group into j's; returns the joined group's root."""
        top = self.root(j)
        self.parent[self.root(i)] = top
        return top

    def listed(self, items: Sequence[_T]) -> list[list[_T]]:
        """The items by group, groups in the order of their first item."""
        groups: dict[int, list[_T]] = {}
        for i, item in enumerate(items):
            groups.setdefault(self.root(i), []).append(item)
        return list(groups.values())


def _group(candidates: Sequence[_Candidate], weight: Mapping[str, float]) -> list[list[_Candidate]]:
    """Connected groups of reports of the same event, in input order: the groups every
    pair of reports compared would give, without comparing every pair.

    With the words in one order for all reports, heaviest first, two reports that share
    the weight they need share a word outside both the lighter report's light tail (its
    last words, weighing less than that need) and the heavier one's (weighing less than
    MIN_SHARED, the least any pair needs): the shared words in the two tails are those in
    the longer of them (both are ends of one order), and weigh less than all shared. So
    each report is filed under both prefixes; it looks for lighter earlier reports by its
    longer prefix among the shorter ones, for heavier ones by its shorter prefix among
    the longer ones, and for copies by its text.
    """
    groups = Groups(len(candidates))
    totals = [total(c, weight) for c in candidates]
    by_prefix: dict[str, list[int]] = {}  # under the prefix its own need leaves
    by_floor: dict[str, list[int]] = {}  # under the prefix MIN_SHARED leaves (longer)
    by_text: dict[int, list[int]] = {}
    for i, a in enumerate(candidates):
        ordered = sorted(a.signature, key=lambda w: (-weight[w], w))
        prefix = _prefix(ordered, weight, _needed(totals[i]))
        floor = _prefix(ordered, weight, MIN_SHARED)
        found = set(by_text.get(a.body_key, ()))
        for word in floor:
            found.update(j for j in by_prefix.get(word, ()) if totals[j] <= totals[i])
        for word in prefix:
            found.update(j for j in by_floor.get(word, ()) if totals[j] > totals[i])
        for j in sorted(found):
            if groups.root(j) != groups.root(i) and same_event(
                a, candidates[j], weight, (totals[i], totals[j])
            ):
                groups.join(i, j)
        for word in prefix:
            by_prefix.setdefault(word, []).append(i)
        for word in floor:
            by_floor.setdefault(word, []).append(i)
        by_text.setdefault(a.body_key, []).append(i)
    return groups.listed(candidates)


def every_pair(
    candidates: Sequence[_Candidate], weight: Mapping[str, float]
) -> list[list[_Candidate]]:
    """The groups by definition: every pair of reports compared, connected groups in
    input order. What ``_group`` must give, at a fraction of the cost (for tests and
    benchmarks)."""
    groups = Groups(len(candidates))
    totals = [total(c, weight) for c in candidates]
    for i, a in enumerate(candidates):
        for j in range(i):
            if same_event(a, candidates[j], weight, (totals[i], totals[j])):
                groups.join(i, j)
    return groups.listed(candidates)


def _prefix(ordered: Sequence[str], weight: Mapping[str, float], needed: float) -> Sequence[str]:
    """The words of a signature (ordered heaviest first, ties by spelling: one order for
    every report) before its lightest tail that weighs less than needed (by a margin:
    sums of the same weights added in another order may differ in the last bit, and such
    a pair goes on to the exact test)."""
    tail = 0.0
    cut = len(ordered)
    while cut and tail + weight[ordered[cut - 1]] < needed - 1e-9:
        cut -= 1
        tail += weight[ordered[cut]]
    return ordered[:cut]


def _event(number: int, group: list[_Candidate]) -> Event:
    """An event from its reports: one per distinct body, copies listed with the first."""
    reports: list[EventReport] = []
    first_of: dict[int, int] = {}
    for c in group:
        if c.body_key in first_of:
            i = first_of[c.body_key]
            reports[i] = _with_copy(reports[i], c.audit.article.id)
            continue
        first_of[c.body_key] = len(reports)
        reports.append(
            EventReport(c.audit.article.id, c.audit.article.outlet, c.killed, c.wounded, ())
        )
    killed = _spread([r.killed for r in reports])
    wounded = _spread([r.wounded for r in reports])
    return Event(
        id=f"event-{number}",
        label=_label(group),
        reports=tuple(reports),
        killed=killed,
        wounded=wounded,
        flags=_flags(reports),
    )


def _with_copy(report: EventReport, article_id: str) -> EventReport:
    """The report with one more article that carries the same text."""
    return EventReport(
        report.article, report.outlet, report.killed, report.wounded, (*report.also, article_id)
    )


def _spread(ranges: Sequence[Range | None]) -> Spread | None:
    """Lowest and highest figures reported, and the conservative consensus."""
    given = [r for r in ranges if r is not None]
    if not given:
        return None
    low = min(r.min for r in given)
    high = max(r.max if r.max is not None else r.min for r in given)
    # The lowest figure a report commits to: what conflict datasets code when reports differ.
    return Spread(low=low, high=high, consensus=low, reports=len(given))


def _label(group: list[_Candidate]) -> str:
    """A short name for an event: the names its reports share most, and its month."""
    if len(group) == 1:
        article = group[0].audit.article
        return _shorten(article.original_headline or article.headline)
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for c in group:
        article = c.audit.article
        headline = article.original_headline or article.headline
        text = " ".join([headline, *c.context])
        for token in tokenize(text):
            if token.text[:1].isupper() and token.norm not in STOPWORDS:
                key = _name_key(stem(token.norm))
                counts[key] += 1
                display.setdefault(key, token.text)
    shared = [key for key, n in counts.most_common(3) if n > 1 and key not in _generic()]
    label = " ".join(display[k] for k in shared) or _shorten(group[0].audit.article.headline)
    dated = next((c.when for c in group if c.when.month is not None), None)
    if dated is not None and dated.month is not None:
        label += f", {anchors.MONTHS[dated.month - 1].title()} {dated.year or ''}".rstrip()
    return label


def _shorten(text: str, limit: int = 60) -> str:
    """Text cut at a word boundary to at most limit characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "\u2026"


def _flags(reports: Sequence[EventReport]) -> tuple[str, ...]:
    """One line per category on which the outlets disagree: 'AP says 5, Rudaw at least 7'."""
    flags = []
    for category in ("killed", "wounded"):
        stated = [(r.outlet or r.article, getattr(r, category)) for r in reports]
        stated = [(name, rng) for name, rng in stated if rng is not None]
        if len({(rng.min, rng.max) for _, rng in stated}) > 1:
            parts = [f"{name} {format_range(rng)}" for name, rng in stated]
            flags.append(f"{category}: " + ", ".join(parts))
    return tuple(flags)


def format_range(value: Range) -> str:
    """A range as a reader says it: '5', 'at least 7', '12-99'."""
    if value.max is None:
        return f"at least {value.min}"
    if value.max == value.min:
        return str(value.min)
    return f"{value.min}-{value.max}"


def bcubed(events: Iterable[Event], label: Mapping[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of events against known incidents (article id to
    incident label): for each article, the share of its event that reports its incident,
    and the share of its incident's articles that its event holds. Articles without a
    label are left out; so are copies, which are one report."""
    reports = [[r.article for r in event.reports if r.article in label] for event in events]
    reports = [group for group in reports if group]
    incident_size = Counter(label[a] for group in reports for a in group)
    precision = recall = 0.0
    for group in reports:
        counts = Counter(label[a] for a in group)
        for a in group:
            precision += counts[label[a]] / len(group)
            recall += counts[label[a]] / incident_size[label[a]]
    articles = sum(map(len, reports))
    return (precision / articles, recall / articles) if articles else (1.0, 1.0)
