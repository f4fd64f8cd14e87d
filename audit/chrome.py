"""Site chrome: the furniture around article text (datelines, bylines, captions, widgets).

Chrome is recorded with each article and never reported as changed wording. The rules
are tables of patterns so that a new site's furniture is one line to add, not a branch.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .outlets import ArticleParts, attribute
from .text import tokenize

_MONTHS = """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
DATE_WORDS = frozenset(
    _MONTHS
    + """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun am pm a.m p.m est edt gmt bst utc cet cest ast ist et pt ct at on of the
    updated published posted last modified first st nd rd th""".split()
)
_MONTH_DAY_YEAR = re.compile(
    r"(?:" + "|".join(_MONTHS) + r")[a-z]*\.?\s+\d{1,2},?\s+\d{4}", re.IGNORECASE
)

# Whole-line patterns: (kind, pattern). Checked in order; the first match wins.
LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "widget",
            r"^(?:A\+\s*A-|A-\s*A\+|share|print|email|tweet|comments?|subscribe|"
            r"follow us.*|advertisement|skip to .*|listen to this article.*)$",
        ),
        ("widget", r"^syndicated content\b.*$"),
        ("related", r"^(?:read|related|read more|see also|also read|watch|more)\s*:\s*\S.*$"),
        ("credits", r"^(?:\(?(?:additional )?reporting|writing|editing|compiled|edited) by\b.*$"),
        ("caption", r"^.{0,300}\bphoto(?:graph)?(?:\s+credit)?\s*:\s*\S.{0,120}$"),
        ("caption", r"^[^.!?]{0,300}?\S.{0,300}\[[^\[\]]{2,80}/[^\[\]]{2,80}\]\.?$"),
        (
            "caption",
            r"^.{10,300}\(\s*(?:photo|file|twitter|facebook|handout|getty|afp|ap|"
            r"reuters|screenshot|screengrab|social media)[^()]{0,60}\)$",
        ),
        ("caption", r"^.{10,400}\u2026\s*more$"),
        ("caption", r"^.{0,400}\bview full caption\b.{0,80}$"),
        ("caption", r"^.{0,400}\|\s*photo(?:graph)?\b.{0,80}$"),
        (
            "caption",
            r"^.{0,400}\((?:source:[^()]{0,60}|[^()]{0,60}\b(?:photo|photograph|file|"
            r"courtesy|credit|image)s?\b[^()]{0,30})\)\.?$",
        ),
        ("caption", r"^\((?:l|r|c|left|right|from left)(?:\s*(?:-|to)\s*(?:l|r|right|left))?\)\s"),
        (
            "widget",
            r"^(?:related (?:coverage|content|stories|articles|links)|"
            r"most (?:popular|read|viewed|shared|commented))\b.*$",
        ),
        ("widget", r"^(?:arrow|chevron|caret|icon)-(?:right|left|up|down)\b.{0,40}$"),
        ("widget", r"^showing posts (?:with label|for query)\b.*$"),
        ("widget", r"^(?:leave a reply|fill in your details below\b.*)$"),
    )
)

# A line from which the rest of an article is site furniture (comment forms, source lists).
FOOTER = re.compile(
    r"^(?:sources?|references|no comments|\d+ comments?|post a comment|leave a (?:reply|comment)|"
    r"share this(?: article)?|related (?:posts|articles|stories)|you may also like|"
    r"newer post|older post|subscribe to:? .*)\s*:?$",
    re.IGNORECASE,
)

# Headline suffixes added by the site, not the writer: "- Analysis", "- Opinion".
_LABEL_SUFFIX = re.compile(
    r"\s*[-\u2013\u2014:]\s*(?:analysis|opinion|op-ed|commentary|editorial|explainer|"
    r"interview|feature|exclusive|live|video|photos|update[sd]?)\s*$",
    re.IGNORECASE,
)
# A broadcaster: a call sign ('WCIV-TV', 'KXX') or a network and channel ('CBS 58').
_CALL_SIGN = re.compile(r"^(?:[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?|[A-Z]{2,5}\s?\d{1,3})\b")
# A byline run on after the headline: "... need prayers+help by Jessica Tappan".
_BYLINE_SUFFIX = re.compile(r"\s+by\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}$")
# A suffix after a bar or a spaced dash: "| Name | AW", " - NewsOn6.com". It is the
# site's only when it names a site (see ``names_site``); "| Chapter 17" is content.
# A site's tagline after its name ("- Central Texas News and Weather for ...") is this short.
MAX_TAGLINE_WORDS = 14
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]\s+|\s*\|\s*")
# What a site or outlet name looks like: a web address, a broadcaster's call sign, or a
# name ending in a word newspapers and stations are named with.
_SITE_NAME = re.compile(
    r"(?:\b[\w-]+\.(?:com|net|org|co\.uk|co|tv|news|info|us|uk|ca|au)\b"
    r"|\b(?:news|times|post|tribune|herald|journal|gazette|daily|weekly|chronicle|courier|"
    r"observer|telegraph|independent|review|press|media|radio|tv|television|channel|network|"
    r"online|magazine|report|monitor|standard|star|sun|globe|mail|express|examiner|"
    r"dispatch|bulletin|record|register|leader|reporter|today|newspaper|agency)\s*$)",
    re.IGNORECASE,
)

_BYLINE_CONNECTORS = frozenset("""al el bin ibn de da del der van von la le and by""".split())


def line_kind(line: str) -> str | None:
    """The chrome kind of a whole line anywhere in an article, or None for article text."""
    if is_dateline(line):
        return "date"
    for kind, pattern in LINE_PATTERNS:
        if pattern.match(line):
            return kind
    return None


def header_kind(line: str) -> str | None:
    """The chrome kind of a line just under a headline, where bylines also appear."""
    return line_kind(line) or ("byline" if is_byline(line) else None)


def is_dateline(line: str) -> bool:
    """True for a line that is only a date or time ('Oct 21, 2020 6:18 AM', 'Updated: ...')."""
    if len(line) > 80:
        return False
    tokens = [t.norm for t in tokenize(line)]
    if not tokens:
        return False
    if all(t.replace(".", "").isdigit() or t in DATE_WORDS for t in tokens):
        return any(t in _MONTHS or (t.isdigit() and len(t) == 4) for t in tokens) or ":" in line
    # A site name glued to a date: "Al Bawaba NewsApril 19, 2021".
    match = _MONTH_DAY_YEAR.search(line)
    return bool(match and match.end() >= len(line.rstrip()) - 12 and len(tokens) <= 9)


def is_byline(line: str) -> bool:
    """True for a short line of names ('Ghaith Abdul-Ahad', 'Qassim Abdul-zahra, AP')."""
    if len(line) > 70 or line[-1:] in '.!?"\u201d:;':
        return False
    if re.match(r"^by\s+\S", line, re.IGNORECASE):
        return True
    words = [w.strip(",;()") for w in line.split() if any(ch.isalpha() for ch in w)]
    if not 1 <= len(words) <= 6:
        return False
    return all(w[0].isupper() or w.split("-")[0].lower() in _BYLINE_CONNECTORS for w in words if w)


def is_footer(line: str) -> bool:
    """True for a line that starts the site's footer (comments, source lists)."""
    return bool(FOOTER.match(line.strip()))


def split_headline(headline: str, sites: Collection[str] = ()) -> tuple[str, str | None]:
    """Separate a headline from a site suffix: returns (headline, suffix or None).

    A label ("- Analysis") is always the site's; a suffix after a bar or a spaced dash
    only when its last part names a site (``names_site``) or is one of ``sites``, the
    names that recur in the same file.
    """
    headline = headline.strip()
    match = _BYLINE_SUFFIX.search(headline)
    if match and match.start() > 0 and is_byline(match.group().strip()):
        return headline[: match.start()].rstrip(), match.group().strip()
    match = _LABEL_SUFFIX.search(headline)
    if match and match.start() > 0:
        return headline[: match.start()].rstrip(), headline[match.start() :].strip()
    cut = len(headline)
    for match in reversed(list(_SEPARATOR.finditer(headline))):
        part = headline[match.end() : cut].strip()
        site = not part or names_site(part) or fold_name(part) in sites
        if not (site or (cut < len(headline) and is_byline(part))) or match.start() == 0:
            break
        cut = match.start()
    cut = _site_chain(headline[:cut], sites)
    if cut < len(headline):
        return headline[:cut].rstrip(), headline[cut:].strip()
    return headline, None


def _site_chain(headline: str, sites: Collection[str]) -> int:
    """Where a chain "Headline - Site - tagline" starts: at the first separated part that
    names a site when every part after it is a tagline (short, no numbers, so never a
    tag like "| Book 8"); the headline's length when there is no such chain."""
    separators = [m for m in _SEPARATOR.finditer(headline) if m.start() > 0]
    for i, match in enumerate(separators):
        end = separators[i + 1].start() if i + 1 < len(separators) else len(headline)
        part = headline[match.end() : end].strip()
        if not (names_site(part) or fold_name(part) in sites):
            continue
        rest = headline[end:]
        if len(rest.split()) <= MAX_TAGLINE_WORDS and not any(c.isdigit() for c in rest):
            return match.start()
    return len(headline)


def names_site(name: str) -> bool:
    """True when a short text names a site or outlet: a known outlet, a web address, a
    call sign, or a name like 'The Spokesman-Review' or 'WRAL News'."""
    name = name.strip(" |-\u2013\u2014")
    if not name or len(name) > 60 or _SEPARATOR.search(name):
        return False
    if attribute(ArticleParts(suffix=name, lead="", chrome=(), body=())) is not None:
        return True
    return bool(_SITE_NAME.search(name) or _CALL_SIGN.search(name))


def fold_name(name: str) -> str:
    """A site name folded for comparison."""
    return " ".join(name.casefold().strip(" |-\u2013\u2014").split())


# A caption, address or file name glued to the headline after it, with no space between:
# "...orig_00004724Who is Shiite cleric...", ".../mehdi_army.jpgFrom the Mahdi state...".
_GLUED_PREFIX = re.compile(r"^(?P<prefix>[^A-Z]*?[a-z0-9_/.)-])(?=[A-Z][a-z])")


def peel_glued(line: str) -> tuple[str, str | None]:
    """Split off an all-lowercase caption or address glued to the front of a line."""
    match = _GLUED_PREFIX.match(line)
    if not match or " " not in line[match.end() :] or len(match.group("prefix")) < 8:
        return line, None
    return line[match.end() :], match.group("prefix")
