"""Outlet attribution: which outlet an article says it comes from.

One table of outlets and one table of signal patterns. A signal is a pattern with an
``{alias}`` slot, the part of the article it is looked for in, and a weight. The outlet
with the highest total weight of at least ``MIN_SCORE`` wins; ties go to the table order.
Wire agencies are quoted by everybody ("told AFP"), so their mentions in running text
count for less than a dateline or a site suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet, the names it goes by, and its own dateline patterns."""

    name: str
    aliases: tuple[str, ...]
    wire: bool = False
    datelines: tuple[str, ...] = ()


OUTLETS: tuple[Outlet, ...] = (
    Outlet("Reuters", ("Reuters",), wire=True),
    Outlet("Associated Press", ("Associated Press", "AP"), wire=True),
    Outlet("AFP", ("AFP", "Agence France-Presse"), wire=True),
    Outlet("Anadolu Agency", ("Anadolu Agency", "AA"), wire=True),
    Outlet("Rudaw", ("Rudaw", "Rudaw English"), datelines=(r"ERBIL, Kurdistan Region\b",)),
    Outlet("The Arab Weekly", ("The Arab Weekly", "AW")),
    Outlet("Al-Monitor", ("Al-Monitor",)),
    Outlet("Al Jazeera", ("Al Jazeera",)),
    Outlet("The Guardian", ("The Guardian", "Guardian")),
    Outlet("Al Bawaba", ("Al Bawaba", "Al Bawaba News")),
    Outlet("The National", ("The National", "The National News")),
    Outlet("Middle East Monitor", ("Middle East Monitor", "MEMO")),
    Outlet("Asharq Al-Awsat", ("Asharq Al-Awsat",)),
    Outlet("Kurdistan 24", ("Kurdistan 24", "K24")),
    Outlet("Shafaq News", ("Shafaq News", "Shafaaq News")),
    Outlet("BBC News", ("BBC News", "BBC")),
    Outlet("Eurasia Review", ("Eurasia Review",)),
)

# (where, pattern with {alias}, weight). "where" names a part of the article:
#   suffix  - the site suffix cut from a headline ("| Hammam Latif | AW")
#   lead    - the first body paragraph (datelines)
#   chrome  - bylines, date lines and credits set aside as chrome
#   body    - the running text
SIGNALS: tuple[tuple[str, str, int], ...] = (
    ("suffix", r"(?:^|[|\-\u2013\u2014]\s*){alias}\s*$", 6),
    ("lead", r"^[^a-z\n]{0,40}?(?:,\s*[A-Z][\w ]{0,30})?\s*\(\s*{alias}\s*\)\s*[-\u2013\u2014]", 5),
    ("chrome", r"^[^.]{0,60},\s*{alias}\s*$", 4),
    ("chrome", r"^{alias}(?=\s*News|\s*[A-Z][a-z]+ \d)", 4),
    ("body", r"\btold {alias}\b", 2),
    ("body", r"\b{alias}\u2019s [A-Z]\w+ [A-Z][\w-]+,? (?:reporting|said|reported)", 3),
    ("body", r"\b{alias}'s [A-Z]\w+ [A-Z][\w-]+,? (?:reporting|said|reported)", 3),
    ("chrome", r"Photograph: [^/\n]+/{alias}\b", 2),
)
MIN_SCORE = 2
# An outlet's own dateline counts as much as the generic "(Reuters) -" dateline signal.
DATELINE_WEIGHT = next(weight for where, _p, weight in SIGNALS if where == "lead")
_WIRE_BODY_FACTOR = 0.5


@dataclass(frozen=True, slots=True)
class ArticleParts:
    """The parts of an article that outlet signals are looked for in."""

    suffix: str
    lead: str
    chrome: tuple[str, ...]
    body: tuple[str, ...]

    def texts(self, where: str) -> Iterable[str]:
        """The texts of one named part."""
        if where == "suffix":
            return (self.suffix,) if self.suffix else ()
        if where == "lead":
            return (self.lead,) if self.lead else ()
        return self.chrome if where == "chrome" else self.body


def attribute(parts: ArticleParts) -> str | None:
    """The outlet the article's own text names as its publisher, or None."""
    scores = dict.fromkeys((o.name for o in OUTLETS), 0.0)
    for where, pattern, weight in _compiled():
        hits = {
            _OUTLET_OF[m.group("alias")] for t in parts.texts(where) for m in pattern.finditer(t)
        }
        for outlet in hits:
            factor = _WIRE_BODY_FACTOR if outlet.wire and where == "body" else 1.0
            scores[outlet.name] += weight * factor
    for outlet, pattern in _datelines():
        if pattern.match(parts.lead):
            scores[outlet.name] += DATELINE_WEIGHT
    best = max(scores, key=lambda name: scores[name])  # first in table order on ties
    return best if scores[best] >= MIN_SCORE else None


_OUTLET_OF = {alias: outlet for outlet in OUTLETS for alias in outlet.aliases}


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str], int], ...]:
    """Each signal as one pattern over every alias (longest first), capturing the alias."""
    aliases = sorted(_OUTLET_OF, key=len, reverse=True)
    alias = "(?<![\\w-])(?P<alias>" + "|".join(re.escape(a) for a in aliases) + ")(?![\\w-])"
    return tuple(
        (where, re.compile(pattern.replace("{alias}", alias), re.MULTILINE), weight)
        for where, pattern, weight in SIGNALS
    )


@cache
def _datelines() -> tuple[tuple[Outlet, re.Pattern[str]], ...]:
    """Each outlet's own dateline patterns, compiled once."""
    return tuple((o, re.compile(d)) for o in OUTLETS for d in o.datelines)


def mentions(outlet: str, text: str) -> bool:
    """True when text names the outlet by one of its longer aliases ("told The Arab Weekly")."""
    pattern = _mention_pattern(outlet)
    return pattern is not None and pattern.search(text) is not None


@cache
def _mention_pattern(outlet: str) -> re.Pattern[str] | None:
    """The names an outlet is mentioned by; short aliases ("AP", "AW") are too ambiguous."""
    known = next((o for o in OUTLETS if o.name == outlet), None)
    names = [a for a in known.aliases if len(a) > 3] if known else [outlet]
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
