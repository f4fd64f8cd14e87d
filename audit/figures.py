"""Figures: casualty claims (killed, wounded, kidnapped, arrested...) read from text.

A claim is a count tied to a casualty word by one of a few sentence shapes:

    subject  "at least seven people died", "60 others were wounded", "5 dead"
    object   "shot dead five people", "wounding 51 others", "killed and wounded 7"
    toll     "the death toll rose to 12"
    single   "a man was shot and killed", "he was pronounced dead"
    manner   "four were shot, two of them fatally" (a subject whose verb is left out)

A number that no casualty word governs is not a claim, which is what keeps crowd
sizes ("tens of thousands of supporters"), votes ("56 deputies"), unit names, dates,
ages, phone numbers and years out. Counts are ranges: "at least 7" is 7 or more, and
vague words take the range in VAGUE below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from text_to_num import text2num

from . import anchors
from .records import Article, Category, Claim, FigureWhere, Range, Toll
from .sentences import attribution, sentence_of, sentence_starts
from .text import word_alternation

# Vague quantities, following conflict-data coding practice: the low end is the
# figure ACLED codes ("dozens" 12, "hundreds" 100), the lowest credible count;
# the high end is the most the word can mean (None: no upper bound).
VAGUE: dict[str, tuple[int, int | None]] = {
    "both": (2, 2),
    "a couple": (2, 3),
    "a pair": (2, 2),
    "a few": (2, 5),
    "a handful": (3, 9),
    "several": (3, 9),
    "multiple": (2, None),
    "many": (2, None),
    "numerous": (2, None),
    "a number": (2, None),
    "dozens": (12, 99),
    "scores": (40, 199),
    "hundreds": (100, 999),
    "thousands": (1000, 9999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999),
}

# How a qualifier turns a stated number n into a range.
_QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(("at least", "no fewer than", "no less than", "a minimum of"), "floor"),
    **dict.fromkeys(("more than", "over", "upwards of", "in excess of"), "above"),
    **dict.fromkeys(("nearly", "almost", "close to", "just under"), "below"),
    **dict.fromkeys(
        ("about", "around", "some", "roughly", "approximately", "an estimated"), "about"
    ),
    **dict.fromkeys(("up to", "as many as", "at most"), "ceiling"),
    **dict.fromkeys(("fewer than", "less than"), "under"),
    **dict.fromkeys(("another", "an additional", "a further", "a total of"), "exact"),
}

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million"
).split()
# People a count can be about, besides words shaped like names for people ("fishermen",
# "protesters", "pilgrims"); a number before any other noun is not a casualty count.
_PLURAL_NOUNS = (
    "people persons civilians protesters protestors demonstrators men women children kids "
    "boys girls teens teenagers youths juveniles adults infants babies students soldiers "
    "troops officers policemen police servicemen personnel marines guards fighters "
    "militants gunmen insurgents rebels militiamen members supporters followers victims "
    "others residents villagers workers employees staff individuals bystanders passengers "
    "pilgrims worshippers journalists activists inmates prisoners hostages migrants "
    "refugees patients citizens relatives suspects males females deputies officials "
    "Iraqis Palestinians Israelis Syrians Afghans Americans nationals"
).split()
_SINGULAR_NOUNS = (
    "person man woman child kid boy girl teen teenager youth juvenile adult infant baby "
    "toddler student soldier officer policeman trooper guard fighter militant gunman "
    "rebel member supporter victim resident worker employee individual bystander "
    "passenger journalist activist inmate prisoner hostage patient citizen relative "
    "suspect male female deputy official driver father mother son daughter brother "
    "sister husband wife friend neighbor neighbour girlfriend boyfriend fiance fiancee partner "
    "grandson granddaughter grandmother grandfather nephew niece cousin uncle aunt stepson "
    "stepdaughter stepfather stepmother roommate classmate coworker companion"
).split()

_ALT = "|".join
_PLURAL = word_alternation(_PLURAL_NOUNS)
_SINGULAR = word_alternation(_SINGULAR_NOUNS)
_NUMBER = word_alternation(_NUMBER_WORDS)
# Words shaped like names for people: "fishermen", "protesters", "activists".
_PEOPLE_SHAPED = r"[a-z]+(?:men|ers|ors|ists|ians|ants|ents|ees)"
_QUAL = _ALT(sorted((q.replace(" ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True))
_WORDNUM = (
    rf"(?:{_NUMBER})"
    rf"(?:(?:-|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER})\b)*"
)
_DOZEN = r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+)?dozen"
_VAGUE = _ALT(sorted((v.replace(" ", r"\s+") for v in VAGUE), key=len, reverse=True))
# Digits that are a count: not part of a phone number, date, time, decimal or age.
_DIGITS = r"(?<![\w.,/:$-])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%-]|[.,/:]\d)"
_QP = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<n>{_DOZEN}(?!s)|(?:{_VAGUE})\b|{_WORDNUM}\b|{_DIGITS})"
)
# The same without groups, to look ahead for a count.
_COUNT_AHEAD = rf"\s+(?:(?:{_QUAL})\s+)?(?:{_DOZEN}|{_VAGUE}|{_WORDNUM}|an?|\d+)\b"
# A word between a count and its noun ("five Iraqi protesters"), never a preposition,
# a unit ("50 feet from the women") or another count ("911 call saying five people").
_MOD = (
    r"(?:(?!(?:from|of|in|on|at|to|for|with|by|into|near|and|or|but|than|feet|foot|"
    r"miles?|yards|meters|metres|blocks|rounds|shots|times|hours|days|years?|saying|said|says|"
    rf"{_NUMBER})\b(?!-year)|\d[\d,]*\s)(?:St\.|[\w'’-]+)\s+)"
)
_OF_THEM = r"of\s+(?:them|whom|those)\b"
_NP = (
    rf"(?:\s+{_OF_THEM}"
    rf"|\s+(?:of\s+(?:the\s+|their\s+)?)?{_MOD}{{0,3}}?"
    rf"(?:{_PLURAL}|\w+-year-olds|{_PEOPLE_SHAPED})\b"
    rf"|(?:(?<=\b1)|(?<=\bone))\s+{_MOD}{{0,2}}?{_SINGULAR}\b)"
)
# Words before a singular verb ("... was shot") that are not a victim.
_NOT_NAMES = (
    r"(?:the|a|an|this|that|it|there|what|which|nobody|no|none|neither|nothing|everyone|"
    rf"everybody|anyone|anybody|who|where|when|and|or|but|than|police|all|both|each|they|we|"
    rf"some|many|most|few|others|{_NUMBER})\b"
)
# One person; "a 5-year-old boy" takes the noun after the age.
_SING_NP = (
    rf"{_MOD}{{0,3}}?(?:{_SINGULAR}|\w+-year-old\b(?!\s+(?:[\w'’-]+\s+)?{_SINGULAR}\b)|"
    r"\w+-(?:wife|husband|girlfriend|boyfriend))\b"
)
_AUX = (
    r"(?:were|was|are|is|have|has|had|been|being|be|also|all|later|both|who|that|found|"
    r"remain|remained|listed|got|get|each|believed|thought|to\s+have|to\s+be|reportedly|"
    r"allegedly|apparently|initially|originally|now|since|subsequently|eventually|still|"
    r"\w+ly)"
)

# A hospital, named or not: "the hospital", "a local hospital", "Grady Memorial Hospital".
_HOSPITAL = (
    r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:hospitals?|(?:medical|trauma)\s+cent(?:er|re)s?)\b"
)
_BODY_PART = (
    r"(?:head|face|neck|chest|back|arms?|legs?|foot|feet|hands?|shoulders?|stomach|abdomen|"
    r"buttocks|hip|thigh|knee|ankle|torso|side|groin|jaw|eye|wrist|elbow)\b"
)
# Casualty words after their subject, one named group per category; longer first.
_TRIGGER_AFTER = (
    # "dead and wounded 51 others" is two claims, not a combined count.
    r"(?P<casualties>(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured|hurt)"
    rf"(?!{_COUNT_AHEAD})|casualties|(?:taken|transported|self-transported|rushed|airlifted|"
    rf"flown|driven|brought)\s+to\s+{_HOSPITAL}|(?:arrived|showed\s+up|treated)\s+(?:at|in)\s+"
    rf"{_HOSPITAL}"
    rf"|(?:drove|walked|went|got)\s+(?:himself\s+|herself\s+|themselves\s+)?to\s+{_HOSPITAL})"
    r"|(?P<killed>(?:shot|stabbed|beaten|burned|burnt|hacked)\s+(?:dead|to\s+death)"
    r"|shot,?\s+(?:and\s+)?killed|gunned\s+down|killed|dead|died|dies|die|slain|murdered|"
    r"executed|perished|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|deaths|"
    r"fatalities|fatality|fatally\s+\w+|fatally|mortally|pronounced\s+dead)"
    r"|(?P<wounded>shot\s+and\s+(?:wounded|injured)|shot,?\s+but\s+survived|wounded|injured|hurt|"
    r"hospitali[sz]ed|critically\s+\w+|critical(?!\s+(?:of|to|for|that)\b)|seriously\s+\w+|"
    r"in\s+(?:critical|serious|stable|"
    r"fair|good)\s+condition|recovering|treated\s+and\s+released|(?:suffered|suffering|"
    r"sustained|treated\s+for|recovering\s+from)\s+(?:[\w-]+\s+){0,3}?(?:wounds?|injuries)"
    r"|in\s+(?:the\s+)?hospital)"
    r"|(?P<shot>shot(?!\s+at(?:\s+by\b|\s*[,.;]|\s*$))|(?:struck|hit)\s+by\s+"
    rf"(?:gunfire|bullets?)|(?:struck|hit)\s+(?:once\s+|twice\s+)?in\s+(?:the|his|her|their)\s+"
    rf"(?:(?:left|right|upper|lower)\s+)?{_BODY_PART}|grazed)"
    r"|(?P<kidnapped>kidnapped|abducted|taken\s+hostage|held\s+hostage)"
    r"|(?P<arrested>arrested|detained|taken\s+into\s+custody|rounded\s+up|jailed)"
    r"|(?P<missing>missing|unaccounted\s+for)"
)
# Casualty verbs before their object ("wounding 51 others").
_TRIGGER_BEFORE = (
    r"(?P<casualties>(?:killed|killing)\s+(?:and|or)\s+(?:wounded|wounding|injured|injuring))"
    r"|(?P<killed>(?:shot|shooting)\s+(?:dead|and\s+killed|and\s+killing)|fatally\s+(?:shot|"
    r"shooting|stabbed|stabbing|wounded|wounding)|killed|killing|kills|"
    r"kill|slew|slaying|claimed\s+the\s+lives\s+of|deaths\s+of|death\s+of|murdered|murdering)"
    r"|(?P<wounded>(?:shot|shooting)\s+and\s+(?:wounded|wounding|injured|injuring)|wounded|"
    r"wounding|wounds|injured|injuring|injures|injure|hurts)"
    r"|(?P<shot>shot|shooting|shoots|(?:(?<=gunfire\s)|(?<=bullet\s)|(?<=bullets\s))(?:struck|hit))"
    r"|(?P<kidnapped>kidnapped|kidnapping|abducted|abducting)"
    r"|(?P<arrested>arrested|arresting|detained|detaining|arrests\s+of|detention\s+of)"
)
# What cannot follow a count: it is then a time, a rate, an age or an address.
_NOT_COUNT = (
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|percent|"
    r"per\s+cent|am|pm|a\.m|p\.m|year-old|years?\s+old|miles?|feet|yards|rounds|shots|"
    r"bullets|kilometers?|kilometres?)\b|\s+(?-i:[A-Z]))"
)

# A casualty verb with an object after it is active: its subject did the killing
# ("two gunmen killed three people"), so the subject is not the count.
_NO_OBJECT = (
    rf"(?!{_COUNT_AHEAD}{_NOT_COUNT}|\s+(?:a|an|the|his|her|their|its|him|them|himself|"
    rf"herself|police|{_PLURAL}|{_PEOPLE_SHAPED})\b"
    # "who shot and wounded four people": the second verb has the object ("four people
    # dead and wounded 51 others" is no verb)
    rf"|(?<!dead)\s+and\s+(?:killed|wounded|injured|critically\s+\w+)"
    rf"(?:{_COUNT_AHEAD}|\s+(?:the|his|her|their)\b))"
)
_FLAGS = re.IGNORECASE
# A word between a subject and its verb: not a count, a conjunction or a casualty word.
_GAP = (
    r"(?:\s+(?-i:[A-Z][a-z]+)\s+\d+\b"  # a name with a number: "from Brigade 315"
    r"|\s+(?!(?:and|or|but|than|more|at|while|as)\b|kill|dead|die|wound|injur|shot|hurt)"
    r"[^\W\d][\w'’-]*)"
)
# An aside between a subject and its verb: "Four victims, including a boy, were found".
_ASIDE = (
    r"(?:\s*(?P<open>,|--|—|–)\s*(?:including|among\s+them|all|both|most|many)\b[^,.;—–]{1,60}?"
    r"\s*(?P=open))"
)
# Ages after a subject: "two men, ages 20 and 27, were shot".
_AGES = r"(?:,?\s+age[sd]?\s+\d{1,3}(?:(?:\s*,\s*|\s+)(?:and\s+)?\d{1,3})*,?)"
# A plural subject may be followed by a short phrase before its verb: "Four men coming
# from a repast were shot".
_SUBJECT = re.compile(
    rf"(?=\w)(?<!\bno\s)(?:(?<=\bone\sof\s)|(?<!\bof\s))(?<!\bof\sthe\s)\b(?:(?:(?:a|the)\s+)?family\s+of\s+)?{_QP}"
    rf"(?:{_NP}{_AGES}?{_ASIDE}?(?:{_GAP}{{1,8}}?(?=\s+(?:were|are|have\s+been|had\s+been)\b))?)?"
    rf"(?:\s+{_AUX}){{0,4}}?\s+(?:{_TRIGGER_AFTER})\b{_NO_OBJECT}",
    _FLAGS,
)
# A casualty verb and its object: a count ("wounding 51 others") or one person
# ("killing a man", "shot himself"). "Plotted to kill two officers" kills nobody.
# Every word _TRIGGER_BEFORE and _TRIGGER_AFTER match starts with one of these (a test
# checks it). Put first, they let the regex engine skip ahead.
BEFORE_FIRST_LETTERS = "acdfhikmsw"
AFTER_FIRST_LETTERS = "abcdefghijklmprstuw"
# A verb after a modal is no event: "drivers could kill thousands".
_NOT_AFTER_MODAL = "".join(
    rf"(?<!\b{modal}\s)"
    for modal in ("would", "could", "will", "might", "may", "can", "should", "must")
)
# A participle after a determiner describes someone: "the injured child".
_ADJECTIVE = r"(?:(?<=\bthe\s)|(?<=\ban\s)|(?<=\ba\s))(?:injured|wounded|killed|slain|shot)\b"
_OBJECT = re.compile(
    rf"(?=[{BEFORE_FIRST_LETTERS}])\b(?<!\bto\s){_NOT_AFTER_MODAL}(?!{_ADJECTIVE})(?:{_TRIGGER_BEFORE})"
    rf"\s+(?:(?:\w+ly\s+)?{_QP}(?:{_NP})?{_NOT_COUNT}"
    rf"|(?P<single>(?:a|an|one|another|the|his|her|their|its|my|our|your)\s+{_SING_NP}"
    rf"|(?<!ing\s){_SING_NP}|(?:himself|herself|another)\b))",
    _FLAGS,
)
_TOLL = re.compile(
    r"\b(?:(?P<killed>death|fatality)|(?P<casualties>casualty))\s+tolls?\b"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:to|at|of|reached|hit|is|was|now|stands\s+at|stood\s+at)\s+"
    rf"{_QP}{_NOT_COUNT}",
    _FLAGS,
)
# One person: "a man was shot and killed", "he died", "Woman killed" (a headline),
# "Mikel was pronounced dead", "who later died".
_SINGLE = re.compile(
    rf"(?=\w)(?:\b(?P<n>a|an|one|the|another)\s+{_SING_NP}(?:\s+\([^()]{{1,40}}\))?"
    rf"(?:{_GAP}{{1,6}}?(?=\s+(?:was|is|has\s+been|had\s+been)\b))?"
    rf"|(?:^|(?<=[:;,|–—-]\s)|(?<=\band\s))(?P<bare>{_SING_NP})(?:,\s+\d{{1,3}},)?"
    r"|\b(?P<pronoun>he|she|who)|\b(?P<other>another)"
    rf"|(?<!\bno\s)\b(?P<name>(?!{_NOT_NAMES})[^\W\d][\w'’-]*)(?:,\s+\d{{1,3}},)?"
    r"(?=\s+(?:was|is|has|had|died)\b))"
    rf"(?:\s+{_AUX}){{0,4}}?\s+(?:{_TRIGGER_AFTER})\b{_NO_OBJECT}",
    _FLAGS,
)
# The death of one person: "the death of his daughter", "Matt's death", "his death".
_ONE_DEATH = re.compile(
    r"\b(?P<killed>death|killing|murder|slaying)\s+of\s+(?P<n>a|an|his|her|their|the|one)\s+"
    rf"{_SING_NP}"
    r"|\b(?:his|her|(?-i:[A-Z][a-z]+)['’]s)\s+(?:shooting\s+)?death\b(?!\s+toll)",
    _FLAGS,
)
# A stem of every trigger word: a sentence without one holds no claim.
_KEYWORD_STEMS = (
    "kill dead die death slain slay murder execut perish lives life fatal shot shoot stab beat "
    "burn gunned wound injur hurt hospital critical serious struck kidnap abduct hostage "
    "arrest detain custody rounded jail missing unaccounted casualt toll recover suffer "
    "sustain treated condition homicid graz victim"
).split()
_KEYWORD = re.compile(
    rf"\b(?:{word_alternation(_KEYWORD_STEMS)}|hit\s+(?:by|in)|(?:medical|trauma)\s+cent)", _FLAGS
)
_DETERMINERS = ("a", "an", "his", "her", "their", "its", "my", "our", "the")
_PEOPLE = (
    rf"(?:{_PLURAL}|{_SINGULAR}|{_PEOPLE_SHAPED}|[\w-]+-(?:wife|husband|girlfriend|boyfriend|"
    r"year-old))\b"
)


# A bare noun followed by a verb starts a clause: "shoots himself, father charged".
_NO_VERB = r"(?!\s+(?:\w+ed|was|is|were|are|has|had|said|says|told)\b)"


def _conjunct_before(count: str) -> str:
    """One counted person or group, or one person named without a determiner ("Boy, 2,"),
    and the comma or "and" after it: "a young boy and ", "Man, "."""
    return (
        rf"\b(?:{count}\s+{_MOD}{{0,2}}?{_PEOPLE}|{_MOD}?{_SINGULAR}\b(?:,\s+\d{{1,3}},?)?)"
        r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    )


def _conjunct_after(count: str) -> str:
    """A comma, "and" or "then", then one counted person or group (", her friend"), one
    person with the determiner left out (", son") or the killer (", then himself")."""
    return (
        rf"(?:\s*,\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?)"
        rf"(?:{count}\s+{_MOD}{{0,2}}?{_PEOPLE}|{_SINGULAR}\b{_NO_VERB}|himself\b|herself\b)"
    )


_SUBJECT_COUNT = rf"a|an|one|{_WORDNUM}|\d{{1,3}}"
_OBJECT_COUNT = rf"{_ALT(_DETERMINERS)}|one|{_WORDNUM}|\d{{1,3}}"
# People joined by commas and "and" before a subject count, and after an object count;
# the capturing versions read each conjunct's count.
_CONJUNCT = re.compile(_conjunct_before(f"({_SUBJECT_COUNT})"), _FLAGS)
_COORDINATED = re.compile(rf"(?:{_conjunct_before(f'(?:{_SUBJECT_COUNT})')})+$", _FLAGS)
_OBJECT_CONJUNCT = re.compile(_conjunct_after(f"({_OBJECT_COUNT})"), _FLAGS)
_MORE_OBJECTS = re.compile(rf"(?:{_conjunct_after(f'(?:{_OBJECT_COUNT})')})*", _FLAGS)
# A list of names with ages: the number after the last name is an age too.
_AGE_LIST_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+,\s+\d{1,3}\b.{0,80}(?-i:[A-Z])[\w'’-]+,\s+$")
_NEGATED = re.compile(r"\b(?:no(?:\s+|-)one|nobody|none)\b[^,.;:!?]*$", _FLAGS)
_LIST_WORD = re.compile(r"\b(?:and|then)\b", _FLAGS)
_AND_AT_END = re.compile(r"\band\s+$", _FLAGS)
# A first conjunct that names a group: "three others, a woman and two men".
_GROUP = re.compile(r"\S+\s+(?:people|persons|others|victims|individuals)\s*,", _FLAGS)
# An event called fatal killed someone, a non-fatal one wounded someone: at least one.
_FATAL_EVENT = re.compile(
    r"(?:\b(?P<wounded>non-?fatal)|(?<!-)\b(?P<killed>fatal|deadly))\s+(?:[\w-]+\s+)?"
    r"(?:shooting|stabbing|attack|bombing|blast|explosion|crash|clash(?:es)?|incident|"
    r"accident|fire)\b",
    _FLAGS,
)
# "A shooting death": at least one dead.
_VIOLENT_DEATH = re.compile(r"\b(?:shooting|stabbing|gunshot)\s+deaths?\b", _FLAGS)
# "A double homicide", "a triple shooting": the word says how many.
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE = re.compile(
    rf"\b(?P<mult>{_ALT(_MULTIPLES)})\s+(?:(?P<killed>homicides?|murders?|killings?|slayings?|"
    r"fatal\s+shooting)|(?P<shot>shooting|stabbing))\b",
    _FLAGS,
)
# People named in the plural with no count, in a headline ("Teens fatally shot"): two
# or more.
_PLURAL_BARE = re.compile(
    rf"(?:^|(?<=[:;|–—-]\s))(?P<plural>{_MOD}{{0,2}}?(?:{_PLURAL}))"
    rf"(?:\s+{_AUX}){{0,4}}?\s+(?:{_TRIGGER_AFTER})\b{_NO_OBJECT}",
    _FLAGS,
)
# People sent to hospital: "sent an 8-year-old boy to the hospital".
_SENT = re.compile(
    rf"\b(?:sent|sends|sending)\s+(?:{_QP}(?:{_NP})?|(?P<single>(?:a|an|one|another|the|his|"
    rf"her|their)\s+{_SING_NP}))\s+to\s+{_HOSPITAL}",
    _FLAGS,
)
# Victims found: "officers found four victims", "found two gunshot victims".
_FOUND = re.compile(rf"\b(?:found|find|finds|located)\s+{_QP}\s+(?:\w+\s+)?victims\b", _FLAGS)
# An ordinal death: "Third victim dies", "becomes fourth to die" (at least three, four
# dead). Not after "the", which counts a series ("the fourth teenager killed this year"),
# nor for the wounded, which says less: the others may have died.
_ORDINALS = {
    word: n
    for n, word in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth".split(), start=2
    )
}
_ORDINAL = re.compile(
    rf"\b(?P<ord>{_ALT(_ORDINALS)}|\d(?:st|nd|rd|th))\s+(?:{_SING_NP}\s+)?(?:{_AUX}\s+){{0,3}}?"
    r"(?P<killed>to\s+die|dies|died|killed|pronounced\s+dead|fatality)\b",
    _FLAGS,
)
# Each sentence shape, the count it implies when it states none (one person; at least
# one), and the category it implies when no trigger group names one.
_SUBJECTS = (_SUBJECT, _SINGLE)
_OBJECTS = (_OBJECT,)
_ONE = (1, 1)
_SOME = (1, None)
_PATTERNS: tuple[tuple[re.Pattern[str], tuple[int, int | None] | None, Category | None], ...] = (
    (_ORDINAL, None, None),
    (_SUBJECT, None, None),
    (_OBJECT, None, None),
    (_TOLL, None, None),
    (_SINGLE, _ONE, None),
    (_ONE_DEATH, _ONE, Category.KILLED),
    (_FATAL_EVENT, _SOME, None),
    (_VIOLENT_DEATH, _SOME, Category.KILLED),
    (_MULTIPLE, None, None),
    (_PLURAL_BARE, (2, None), None),
    (_SENT, None, Category.CASUALTIES),
    (_FOUND, None, Category.CASUALTIES),
)
_ENDING_IN_VERB_AFTER = (_SUBJECT, _SINGLE, _PLURAL_BARE)
_VERB_AFTER = re.compile(rf"(?=[{AFTER_FIRST_LETTERS}])\b(?:{_TRIGGER_AFTER})\b", _FLAGS)
_CATEGORIES = tuple(Category)
# A count of more than one never takes a singular verb.
_SINGULAR_VERB = re.compile(r"\s+(?:was|is|has)\b", _FLAGS)
_FAMILY = re.compile(r"(?:(?:a|the)\s+)?family\b", _FLAGS)

# The categories of a toll.
_TOLD = (Category.KILLED, Category.WOUNDED, Category.SHOT, Category.CASUALTIES)
# Claims of people hurt, fatally or not: the wounded are those of them not killed.
_HURT = (Category.SHOT, Category.CASUALTIES)
_REFERS_BACK = re.compile(r"(?:he|she|who|the(?!\s+(?:other|second|third|fourth)\b))\b", _FLAGS)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# A capitalised word right before digits makes them a name ("Brigade 315"), unless
# the word is a day or month, or opens the sentence.
_LABEL_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z]+\.?\s+$"
)
_TITLE_CASE_AFTER = re.compile(r"\s+[A-Z][a-z]+\b")
_MONTH_BEFORE = re.compile(rf"\b{anchors.MONTH}\s+$", _FLAGS)
_AGES_BEFORE = re.compile(r"\bage[sd]?\s+(?:\d{1,3}(?:\s*,\s*|\s+)(?:and\s+)?)*$", _FLAGS)


def article_claims(article: Article, when: anchors.When | None = None) -> tuple[Claim, ...]:
    """Every casualty claim of an article, each tied to its event or marked background.

    ``when`` is the article's publication date when the caller knows it (a feed's
    date); otherwise the first full date among its datelines and lead is used. A
    day-dated month in the headline or lead dates the article's own event.
    """
    lead = [article.original_headline or article.headline, *(p.text for p in article.body[:2])]
    published_on = when or published(article)
    dated = anchors.lead_date(lead, published_on)
    when = dated or published_on
    claims: list[Claim] = []
    for where, line, text in _texts(article):
        if where != "body":
            claims.extend(extract(text, where, line))
            continue
        in_lead = line <= article.body[min(1, len(article.body) - 1)].line
        claims.extend(_anchored(extract(text, where, line), text, when, in_lead))
    if dated is None and _follows_up(claims):
        return tuple(replace(claim, background=False) for claim in claims)
    return tuple(claims)


def _follows_up(claims: list[Claim]) -> bool:
    """True for a follow-up: a lead with no date of its own, and every casualty figure
    anchored to one earlier time ("after she was shot by her son last month")."""
    told = {c.anchor for c in claims if c.category in _TOLD}
    return (
        all(claim.background for claim in claims)
        and len(told) == 1
        and anchors.one_earlier_time(next(iter(told)) or "")
    )


def published(article: Article) -> anchors.When:
    """The article's date: the one its record gives, else the first full date among its
    date lines and lead."""
    if article.published:
        year, month = article.published.split("-")[:2]
        return anchors.When(int(year), int(month))
    dates = [c.text for c in article.chrome if c.kind == "date"]
    return anchors.article_date(dates + [p.text for p in article.body[:2]])


def toll(claims: Iterable[Claim]) -> Toll:
    """The killed and wounded figures that claims give for their own event.

    Background claims are left out. Of several claims of a category the highest low
    end wins ("wounded 51 others" over "dozens wounded"). People hurt (shot, taken to
    hospital) and not killed were wounded, when that is more than the wounded figure
    says. A wounded person the text refers back to ("he was in critical condition",
    "the victim is recovering") may be one who then died, so counts as hurt.
    """
    main = [c for c in claims if not c.background]
    killed, wounded, hurt = (_largest(c for c in main if _role(c) == role) for role in _ROLES)
    dead = killed.min if killed else 0
    if hurt is not None and hurt.min > dead and (wounded is None or wounded.min < hurt.min - dead):
        wounded = Range(hurt.min - dead, None if hurt.max is None else hurt.max - dead)
    return Toll(killed, wounded)


_ROLES = ("killed", "wounded", "hurt")


def _role(claim: Claim) -> str | None:
    """What a claim counts toward in a toll: the killed, the wounded, or all people hurt
    (shot or taken to hospital, fatally or not). One wounded person named by a pronoun
    or "the" is someone already introduced, perhaps the one who died: hurt."""
    if claim.category is Category.KILLED:
        return "killed"
    if claim.category is Category.WOUNDED:
        refers_back = claim.min == claim.max == 1 and _REFERS_BACK.match(claim.text)
        return "hurt" if refers_back else "wounded"
    return "hurt" if claim.category in _HURT else None


def _largest(claims: Iterable[Claim]) -> Range | None:
    """The range of the claim with the highest low end."""
    ranges = [Range(c.min, c.max) for c in claims]
    if not ranges:
        return None
    # Ties go to the hedged figure: "at least 3" in the body over "Three killed" above it.
    return max(ranges, key=lambda r: (r.min, r.max is None, r.max or 0))


def _texts(article: Article) -> Iterator[tuple[FigureWhere, int, str]]:
    """The headline, the quoted original headline and the body paragraphs."""
    yield "headline", article.line, article.headline
    if article.original_headline is not None and article.original_line is not None:
        yield "original_headline", article.original_line, article.original_headline
    for paragraph in article.body:
        yield "body", paragraph.line, paragraph.text


def _anchored(
    claims: tuple[Claim, ...], text: str, when: anchors.When, in_lead: bool
) -> Iterator[Claim]:
    """Claims with their source and anchor; unanchored claims follow the sentence before."""
    starts = sentence_starts(text)
    for claim in claims:
        start, end = sentence_of(text, starts, claim.span[0])
        sentence = text[start:end]
        status, anchor = anchors.classify(
            anchors.scope(sentence, claim.span[1] - start), when, in_lead
        )
        index = starts.index(start)
        while status == "none" and index > 0:
            index -= 1
            previous = text[starts[index] : starts[index + 1]]
            status, anchor = anchors.classify(previous, when, in_lead)
        yield replace(
            claim,
            source=attribution(sentence),
            anchor=anchor,
            background=status == "background",
        )


def extract(text: str, where: FigureWhere = "body", line: int = 0) -> tuple[Claim, ...]:
    """Every casualty claim in a text, in order of position, without overlaps."""
    found: list[Claim] = []
    for start, end in _windows(text):
        # Most sentences hold only casualty words that come before their object
        # ("shooting"); the shapes ending in a subject's verb need not look at them.
        verb_after = _VERB_AFTER.search(text, start, end) is not None
        for pattern, implied_count, category in _PATTERNS:
            if pattern is _PLURAL_BARE and where == "body":
                continue  # headline style: running text names its perpetrators this way too
            if pattern in _ENDING_IN_VERB_AFTER and not verb_after:
                continue
            found.extend(_claims(pattern, implied_count, category, text, start, end, where, line))
    found.sort(key=lambda c: (c.span[0], -c.span[1]))
    return _without_overlaps(found)


def _windows(text: str) -> list[tuple[int, int]]:
    """The sentences of a text that hold a casualty word: the only places claims can be.

    Looking for the few casualty words first and reading only their sentences is
    what makes extraction fast: most sentences of a news text hold none.
    """
    windows: list[tuple[int, int]] = []
    for match in _KEYWORD.finditer(text):
        if windows and match.start() < windows[-1][1]:
            continue
        windows.append(sentence_of(text, sentence_starts(text), match.start()))
    return windows


def _claims(
    pattern: re.Pattern[str],
    implied_count: tuple[int, int | None] | None,
    implied: Category | None,
    text: str,
    start: int,
    end: int,
    where: FigureWhere,
    line: int,
) -> Iterator[Claim]:
    """Claims read by one sentence shape within text[start:end]."""
    for match in pattern.finditer(text, start, end):
        category = _category(match) or implied
        count = implied_count or _count(match, text)
        if category is None or count is None:
            continue
        low, high = count
        if _singular_verb_after(pattern, match, text, low):
            continue  # "Calvin Williams, 24 was shot": an age, not 24 people
        if pattern in _SUBJECTS and _NEGATED.search(
            text, max(start, match.start() - 60), match.start()
        ):
            continue  # "No one else was hurt", "nobody in the car was injured"
        qualifier = (match.group("qual") or "") if "qual" in match.re.groupindex else ""
        qualifier = " ".join(qualifier.lower().split()) or _vague_name(match)
        first, last, more = match.start(), match.end(), 0
        if pattern in _SUBJECTS and not match.groupdict().get("pronoun"):
            # A pronoun after "a girl, who ..." is that girl, not one more person.
            first, more = _coordinated(text, start, first, low, where)
        elif pattern in _OBJECTS:
            last, more = _more_objects(text, last, end, where)
        low, high = low + more, None if high is None else high + more
        span = (first, last)
        yield Claim(category, low, high, qualifier, text[first:last], where, line, span)


def _singular_verb_after(
    pattern: re.Pattern[str], match: re.Match[str], text: str, count: int
) -> bool:
    """True when a count of several takes a singular verb, which makes it no count;
    "a family of four was killed" is one family of four."""
    if pattern is not _SUBJECT or count < 2 or _FAMILY.match(match.group()):
        return False
    return _SINGULAR_VERB.match(text, match.end("n")) is not None


def _coordinated(
    text: str, floor: int, start: int, own: int, where: FigureWhere
) -> tuple[int, int]:
    """Counts joined to a subject: "a young boy and four adults were injured" adds one.

    A group that the rest of the list spells out is their total: "three others, a
    woman and two men, were treated" is three people. In running text a list ends in
    "and", so a comma alone is an apposition ("a second victim, a man who was shot");
    a headline lists with commas ("Man, woman shot").
    """
    match = _COORDINATED.search(text, max(floor, start - 160), start)
    if match is None or (where == "body" and not _AND_AT_END.search(match.group())):
        return start, 0
    conjuncts = list(_CONJUNCT.finditer(match.group()))
    values = [_conjunct_value(c.group(1)) if c.group(1) else 1 for c in conjuncts]
    spelled_out = len(values) > 1 and values[0] == sum(values[1:]) + own
    if spelled_out and _GROUP.match(conjuncts[0].group()):
        return match.start(), values[0] - own
    return match.start(), sum(values)


def _more_objects(text: str, end: int, ceiling: int, where: FigureWhere) -> tuple[int, int]:
    """Objects joined to a count: "shot his wife, her friend and a deputy" adds two.

    In running text a list has "and" or "then"; a comma alone is an apposition ("shot
    himself, the 15-year-old").
    """
    match = _MORE_OBJECTS.match(text, end, ceiling)
    if match is None or not match.group():
        return end, 0
    if where == "body" and not _LIST_WORD.search(match.group()):
        return end, 0
    counts = _OBJECT_CONJUNCT.findall(match.group())
    return match.end(), sum(_conjunct_value(n) if n else 1 for n in counts)


def _conjunct_value(word: str) -> int:
    """One for a determiner, else the number."""
    word = word.lower()
    return 1 if word in _DETERMINERS else _number(word)


def _category(match: re.Match[str]) -> Category | None:
    """The category named by whichever trigger group matched."""
    groups = match.groupdict()
    for category in _CATEGORIES:
        if groups.get(category.value):
            return category
    return None


def _count(match: re.Match[str], text: str) -> tuple[int, int | None] | None:
    """The range of a match's count, or None when the number is not a count."""
    groups = match.groupdict()
    if groups.get("single"):
        return 1, 1
    if groups.get("mult"):
        value = _MULTIPLES[groups["mult"].lower()]
        return value, value
    if groups.get("ord"):
        ordinal = groups["ord"].lower()
        return _ORDINALS.get(ordinal) or int(ordinal[0]), None
    number = groups.get("n")
    if number is None:
        return None
    folded = " ".join(number.lower().split())
    start = match.start("n")
    if _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return None  # "June 25"
    if _AGES_BEFORE.search(text, max(0, start - 40), start):
        return None  # "two men ages 20 and 27 were shot"
    if _YEAR.match(folded) and groups.get("qual") is None:
        return None  # "in 2019"
    if folded == "911":
        return None  # the emergency line: "shooting 911 calls"
    if _AGE_LIST_BEFORE.search(text, max(0, start - 120), start):
        return None  # "Lee Powers, 30; and Jerry Coleman, 31 all died"
    if (
        folded[0].isdigit()
        and _LABEL_BEFORE.search(text, max(0, start - 30), start)
        and not _TITLE_CASE_AFTER.match(text, match.end("n"))
    ):
        return None  # "Brigade 315", "Route 66"; not a title-case "Leaves 1 Man Dead"
    low, high = _base_range(folded)
    qualifier = groups.get("qual")
    if qualifier:
        return _qualified(" ".join(qualifier.lower().split()), low, high)
    return low, high


@lru_cache(maxsize=4096)
def _base_range(folded: str) -> tuple[int, int | None]:
    """The range a bare number, number words or a vague quantity stands for."""
    if folded in VAGUE:
        return VAGUE[folded]
    if folded.endswith("dozen"):
        head = folded[: -len("dozen")].strip()
        factor = {"": 1, "a": 1, "half a": 0.5}.get(head)
        value = round(12 * (factor if factor is not None else _number(head)))
        return value, value
    value = _number(folded)
    return value, value


def _number(words: str) -> int:
    """The value of digits or number words ('5,000', 'twenty-one', 'one hundred')."""
    digits = words.replace(",", "")
    if digits.isdigit():
        return int(digits)
    try:
        return int(text2num(words, "en"))
    except ValueError:
        # A run text2num will not read as one number ("five six"): take its first word.
        return int(text2num(words.split()[0].split("-")[0], "en"))


def _qualified(qualifier: str, low: int, high: int | None) -> tuple[int, int | None]:
    """Apply a qualifier to a stated range: 'more than 60' is 61 or more."""
    rule = _QUALIFIERS.get(qualifier, "exact")
    n = low
    if rule == "floor":
        return n, None
    if rule == "above":
        return n + 1, None
    if rule == "below":
        return max(1, n - max(1, n // 10)), max(1, n - 1)
    if rule == "about":
        return max(1, n - n // 10), n + n // 10
    if rule == "ceiling":
        return 1, high if high is not None else n
    if rule == "under":
        return 1, max(1, n - 1)
    return low, high


def _vague_name(match: re.Match[str]) -> str:
    """The vague word of a count ('dozens'), kept as the claim's qualifier."""
    number = match.groupdict().get("n")
    if number is None:
        return ""
    folded = " ".join(number.lower().split())
    return folded if folded in VAGUE else ""


def _without_overlaps(claims: list[Claim]) -> tuple[Claim, ...]:
    """Of claims that overlap in the text keep the first (for one start, the longest).

    A later claim that starts inside a kept one reads its words differently: "Six
    adults were injured including a pregnant woman" is not a claim about one woman.
    """
    kept: list[Claim] = []
    for claim in claims:
        if kept and claim.span[0] < kept[-1].span[1]:
            continue
        kept.append(claim)
    return tuple(kept)
