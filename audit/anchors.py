"""Anchors: the time and scope phrases that tie a claim to the article's event or another.

A news report states its own event's toll and, further down, tolls of earlier or wider
events ("On November 28 last year...", "in February", "since October 2019", "across
the country"). A claim is background when its clause carries such an anchor, or when
it has none and the sentence before it in the paragraph was background ("The protests
broke out in 2019... Nearly 500 people were killed.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_FLAGS = re.IGNORECASE

# Phrases that always point away from the article's own event.
_ELSEWHERE = re.compile(
    r"\b(?:last\s+(?:year|month|spring|summer|autumn|fall|winter|" + MONTH + r")"
    r"|(?:a|one|two|three|several|many|\d+)\s+(?:years?|months?)\s+(?:ago|earlier|before)"
    r"|since\s+(?:the\s+)?(?:start|beginning|outbreak|protests?|demonstrations?|uprising|"
    r"war|conflict|invasion|unrest|[\w-]+\s+began)"
    r"|since\s+(?:early\s+|late\s+|mid-?)?(?:" + MONTH + r"|\d{4})"
    r"|(?:through|thru|as\s+of)\s+(?:" + MONTH + r"|the\s+end\s+of)|year[\s-]to[\s-]date"
    r"|(?:so\s+far|earlier|later)\s+this\s+(?:year|month)|this\s+year|so\s+far\s+in\s+\d{4}"
    r"|in\s+recent\s+(?:weeks|months|years|incidents|attacks|shootings)"
    r"|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:weeks|months|years|decades?)|nationwide|across\s+the\s+(?:country|region)"
    r"|across\s+(?-i:[A-Z])[\w'’-]+|throughout\s+the\s+(?:country|year|protests)"
    r"|in\s+(?:a|an)\s+(?:separate|similar|previous|earlier|unrelated|another)\s+\w+"
    r"|previous(?:ly)?|the\s+year\s+before|(?:every|each|per)\s+(?:year|month|week|day)"
    r"|a\s+year(?!-)|annually)\b",
    _FLAGS,
)
# A month, a month and day, or a year, optionally with a year: its own event or not
# depends on the article's date.
_DATED = re.compile(
    rf"\b(?P<month>{MONTH})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>\d{{4}}))?\b"
    r"|\b(?:in|during|of)\s+(?P<year_only>(?:19|20)\d\d)\b",
    _FLAGS,
)
# Phrases that point at the article's own, recent event.
_RECENT = re.compile(
    rf"\b(?:{_WEEKDAY}|today|tonight|yesterday|overnight|this\s+(?:morning|afternoon|"
    r"evening|weekend)|at\s+the\s+weekend|on\s+the\s+weekend|last\s+night|early\s+\w+day)\b",
    _FLAGS,
)
# A relative clause after a claim describes something else ("a city which has...").
_RELATIVE = re.compile(r",?\s+(?:which|who|where|whose)\b", _FLAGS)
_FULL_DATE = re.compile(
    rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-\d\d\b",
    _FLAGS,
)


@dataclass(frozen=True, slots=True)
class When:
    """The month an article was published or its event happened, when known."""

    year: int | None = None
    month: int | None = None


def article_date(texts: list[str]) -> When:
    """The first full date in texts (datelines first), as the article's own month."""
    for text in texts:
        match = _FULL_DATE.search(text)
        if match:
            if match.group("iso_year"):
                return When(int(match.group("iso_year")), int(match.group("iso_month")))
            return When(int(match.group("year")), _month_number(match.group("month")))
    return When()


def lead_date(lead: list[str], published: When) -> When | None:
    """The month a lead dates the article's own event by (a month with a day or year).

    A follow-up published weeks later ("charged in the November 9 shooting") is about
    the event its lead dates, not about its publication month.
    """
    for text in lead:
        for match in _DATED.finditer(text):
            month = match.group("month")
            dated = match.group("day") or match.group("year")
            if month is None or (_VERB_MONTHS.match(month) and not dated):
                continue
            found = _dated_before(match, published)
            if found is not None:
                return found
    return None


def one_earlier_time(anchor: str) -> bool:
    """True when an anchor names one earlier time ("last month", "June 7"), not a span,
    a place or another incident ("since October", "across Iraq", "in a separate attack")."""
    return _SPAN.search(anchor) is None


_SPAN = re.compile(
    r"\b(?:since|through|thru|as\s+of|to[\s-]date|so\s+far|this\s+year|recent|over\s+the|"
    r"nationwide|across|throughout|separate|similar|previous|unrelated|another|every|each|per|"
    r"a\s+year|annually)\b",
    _FLAGS,
)


# A follow-up may come this many months after its event; a date further back in the lead
# is another event (a list of earlier shootings), not this article's.
MAX_FOLLOW_UP_MONTHS = 24


def _dated_before(match: re.Match[str], published: When) -> When | None:
    """The date a lead names, when it can be the article's event: not after publication
    and not long before it. A month without a year is the latest one not after it."""
    month = _month_number(match.group("month"))
    if published.year is None or published.month is None or month is None:
        year = int(match.group("year")) if match.group("year") else published.year
        return When(year, month)
    if match.group("year"):
        year = int(match.group("year"))
    else:
        year = published.year if month <= published.month else published.year - 1
    elapsed = (published.year - year) * 12 + published.month - month
    return When(year, month) if 0 <= elapsed <= MAX_FOLLOW_UP_MONTHS else None


def _month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation, None for another word."""
    prefix = name.lower().rstrip(".")[:3]
    for i, month in enumerate(MONTHS, start=1):
        if month.startswith(prefix):
            return i
    return None


def scope(sentence: str, claim_end: int) -> str:
    """The part of a sentence a claim's anchors can come from: up to a relative clause."""
    match = _RELATIVE.search(sentence, claim_end)
    return sentence[: match.start()] if match else sentence


def classify(text: str, when: When, in_lead: bool) -> tuple[str, str | None]:
    """('background', anchor), ('main', anchor) or ('none', None) for a claim's scope."""
    match = _ELSEWHERE.search(text)
    if match:
        return "background", match.group()
    for dated in _DATED.finditer(text):
        if _VERB_MONTHS.match(dated.group()):
            continue
        if _other_date(dated, when, in_lead):
            return "background", dated.group()
        return "main", dated.group()
    recent = _RECENT.search(text)
    if recent:
        return "main", recent.group()
    return "none", None


# "may" and "march" are also ordinary words; only a day or year makes them dates.
_VERB_MONTHS = re.compile(r"^(?:may|march)$", _FLAGS)


def _other_date(match: re.Match[str], when: When, in_lead: bool) -> bool:
    """True when a dated phrase names another time than the article's own."""
    year = match.group("year") or match.group("year_only")
    month = _month_number(match.group("month")) if match.group("month") else None
    if when.year is None and when.month is None:
        # Undated article: its lead tells its own event; later dates are other events.
        return not in_lead
    if year is not None and when.year is not None and int(year) != when.year:
        return True
    return month is not None and when.month is not None and month != when.month
