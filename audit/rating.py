"""Rating: the fixed criteria a source's relayed articles are judged on, and the grade rule.

Each criterion is judged only on the articles it can be: those whose original text is
known (a quoted headline, a matched original body). A criterion is *met* when no judged
article fails it; its share is the part of the judged articles that pass. None of them
looks at particular words: each is defined by the kinds of change found.

    id                  tier      judged on                        fails when
    headlines-unaltered form      original headline known          any headline change
    bodies-intact       form      original body compared           any body change
    names-kept          framing   original text known              substitution
    hedges-kept         framing   original text known              hedge-removed
    no-inserted-terms   facts     original text known              unsupported-term
    figures-kept        facts     original text states a number    figure-changed
    meaning-kept        facts     original text known              agency-changed,
                                                                   meaning-inverted

The grade follows from the criteria not met, by ``GRADE_RULES`` and ``grade`` below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from .records import ArticleAudit, Criterion, Kind
from .text import number_value, tokenize

Tier = Literal["form", "framing", "facts"]
UNRATED = "unrated"


@dataclass(frozen=True, slots=True)
class Relay:
    """An article a source took from another, with what of the original is known."""

    audit: ArticleAudit
    headline_compared: bool
    body_compared: bool
    states_numbers: bool

    @property
    def compared(self) -> bool:
        """True when any original text was compared with it."""
        return self.headline_compared or self.body_compared

    def has(self, *kinds: Kind) -> bool:
        """True when any change of the article carries one of kinds."""
        return any(kind in change.kinds for change in self.audit.changes for kind in kinds)

    def changed(self, where: str) -> bool:
        """True when the headline or body has any change."""
        return any(change.where == where for change in self.audit.changes)


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    """A named criterion: its label, tier, which relays it judges and which fail it
    (``rule`` says both in words, for the reports)."""

    id: str
    label: str
    tier: Tier
    judges: Callable[[Relay], bool]
    fails: Callable[[Relay], bool]
    rule: str


CRITERIA: tuple[CriterionSpec, ...] = (
    CriterionSpec(
        "headlines-unaltered",
        "Headlines relayed unaltered",
        "form",
        lambda r: r.headline_compared,
        lambda r: r.changed("headline"),
        "judged where the original headline is known; fails on any change to it",
    ),
    CriterionSpec(
        "bodies-intact",
        "Bodies relayed intact",
        "form",
        lambda r: r.body_compared,
        lambda r: r.changed("body"),
        "judged where the original body was compared; fails on any word changed in it",
    ),
    CriterionSpec(
        "names-kept",
        "Names and actors kept",
        "framing",
        lambda r: r.compared,
        lambda r: r.has(Kind.SUBSTITUTION),
        "judged where an original text is known; fails when a name or actor is replaced",
    ),
    CriterionSpec(
        "hedges-kept",
        "Hedges and attributions kept",
        "framing",
        lambda r: r.compared,
        lambda r: r.has(Kind.HEDGE_REMOVED),
        "judged where an original text is known; fails on a dropped 'at least', 'report says'...",
    ),
    CriterionSpec(
        "no-inserted-terms",
        "No inserted unsupported terms",
        "facts",
        lambda r: r.compared,
        lambda r: r.has(Kind.UNSUPPORTED_TERM),
        "judged where an original text is known; fails on a term the original does not support",
    ),
    CriterionSpec(
        "figures-kept",
        "Figures relayed as reported",
        "facts",
        lambda r: r.compared and r.states_numbers,
        lambda r: r.has(Kind.FIGURE_CHANGED),
        "judged where the original states a number; fails when a figure or its qualifier changes",
    ),
    CriterionSpec(
        "meaning-kept",
        "Meaning and agency kept",
        "facts",
        lambda r: r.compared,
        lambda r: r.has(Kind.AGENCY_CHANGED, Kind.MEANING_INVERTED),
        "judged where an original text is known; fails when who did what changes, or on negation",
    ),
)
SPECS = {spec.id: spec for spec in CRITERIA}
# The grade rule, the one place it is written; ``grade`` applies it in this order.
GRADE_RULES: tuple[tuple[str, str], ...] = (
    (UNRATED, "no criterion could be judged: nothing relayed with a known original"),
    ("F", "two or more facts criteria not met"),
    ("D", "exactly one facts criterion not met"),
    ("C", "a framing criterion not met, every facts criterion met"),
    ("B", "only form criteria not met: wording changed, nothing reported differently"),
    ("A", "every judged criterion met"),
)


def relay(audit: ArticleAudit) -> Relay:
    """An article taken from another, with what of its original the audit compared."""
    a = audit.article
    matched = audit.matching is not None and audit.matching.original is not None
    original_texts = [a.original_headline or ""]
    if audit.body is not None:
        original_texts.append(audit.body.original)
    original_texts += [c.original for c in audit.changes]
    return Relay(
        audit,
        headline_compared=a.original_headline is not None or matched,
        body_compared=audit.body is not None,
        states_numbers=any(_has_number(text) for text in original_texts),
    )


def judge(relays: Sequence[Relay]) -> tuple[Criterion, ...]:
    """Every criterion applied to a source's relays (one per distinct article)."""
    criteria = []
    for spec in CRITERIA:
        judged = [r for r in relays if spec.judges(r)]
        failing = tuple(r.audit.article.id for r in judged if spec.fails(r))
        criteria.append(Criterion(spec.id, len(judged), failing))
    return tuple(criteria)


def grade(criteria: Sequence[Criterion]) -> str:
    """The overall grade from the criteria not met, by the rule in this module's docstring."""
    if all(c.met is None for c in criteria):
        return UNRATED
    failed = [SPECS[c.id].tier for c in criteria if c.met is False]
    facts = failed.count("facts")
    if facts >= 2:
        return "F"
    if facts == 1:
        return "D"
    if "framing" in failed:
        return "C"
    return "B" if failed else "A"


def _has_number(text: str) -> bool:
    """True when a text states a number ('7', 'seven', '5,000')."""
    return any(number_value(token.norm) is not None for token in tokenize(text))
