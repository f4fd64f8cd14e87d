"""Casualty claims: number words, vague quantities, qualifiers, and what is not a claim.

The phrases are written from the rules (ACLED-style vague quantities, text2num number
words, the sentence shapes in audit/figures.py), not taken from any benchmark text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.anchors import When, article_date
from audit.figures import (
    _TRIGGER_AFTER,
    _TRIGGER_BEFORE,
    AFTER_FIRST_LETTERS,
    BEFORE_FIRST_LETTERS,
    VAGUE,
    article_claims,
    extract,
    toll,
)
from audit.records import Article, Category, Paragraph, Range
from audit.sentences import attribution
from audit.text import word_alternation

K, W, C, S = Category.KILLED, Category.WOUNDED, Category.CASUALTIES, Category.SHOT
KID, ARR, MIS = Category.KIDNAPPED, Category.ARRESTED, Category.MISSING
Expected = list[tuple[Category, int, int | None]]

PHRASES: list[tuple[str, Expected]] = [
    # Digits and number words, in both sentence shapes.
    ("Five people were killed in the attack.", [(K, 5, 5)]),
    ("7 dead after the blast", [(K, 7, 7)]),
    ("Gunmen killed 12 villagers overnight.", [(K, 12, 12)]),
    ("The bomb killed twenty-one soldiers.", [(K, 21, 21)]),
    ("One hundred and five protesters died.", [(K, 105, 105)]),
    ("The strike killed 1,200 fighters.", [(K, 1200, 1200)]),
    ("Thirteen people were wounded.", [(W, 13, 13)]),
    ("Forty-four passengers were injured in the crash.", [(W, 44, 44)]),
    ("The explosion wounded 30 others.", [(W, 30, 30)]),
    ("Militants kidnapped 17 students.", [(KID, 17, 17)]),
    ("Nine aid workers were abducted near the border.", [(KID, 9, 9)]),
    ("Police arrested 40 demonstrators.", [(ARR, 40, 40)]),
    ("Eleven activists were detained on Tuesday.", [(ARR, 11, 11)]),
    ("Six fishermen are still missing.", [(MIS, 6, 6)]),
    ("Two soldiers were shot dead at a checkpoint.", [(K, 2, 2)]),
    ("Three guards were stabbed to death.", [(K, 3, 3)]),
    ("Eight people lost their lives in the fire.", [(K, 8, 8)]),
    ("Four civilians were slain.", [(K, 4, 4)]),
    ("Snipers shot dead three protesters.", [(K, 3, 3)]),
    ("The flood claimed the lives of 14 residents.", [(K, 14, 14)]),
    ("The death toll rose to 31.", [(K, 31, 31)]),
    ("The death toll from the quake now stands at 210.", [(K, 210, 210)]),
    ("Six people were hurt.", [(W, 6, 6)]),
    ("15 people were hospitalised.", [(W, 15, 15)]),
    # Dozens, written out.
    ("A dozen people were killed.", [(K, 12, 12)]),
    ("Three dozen people died.", [(K, 36, 36)]),
    ("Half a dozen officers were wounded.", [(W, 6, 6)]),
    ("More than two dozen people were wounded.", [(W, 25, None)]),
    # Qualifiers keep both ends of the range.
    ("At least 9 people were killed.", [(K, 9, None)]),
    ("No fewer than 4 soldiers were killed.", [(K, 4, None)]),
    ("More than 60 were wounded.", [(W, 61, None)]),
    ("Over 100 people were injured.", [(W, 101, None)]),
    ("Nearly 500 people were killed.", [(K, 450, 499)]),
    ("Almost 20 people died.", [(K, 18, 19)]),
    ("About 50 people were wounded.", [(W, 45, 55)]),
    ("Around 30 people were arrested.", [(ARR, 27, 33)]),
    ("Some 200 protesters were detained.", [(ARR, 180, 220)]),
    ("Up to 7 people were killed.", [(K, 1, 7)]),
    ("As many as 40 people died.", [(K, 1, 40)]),
    ("Fewer than 10 people were hurt.", [(W, 1, 9)]),
    ("Another 3 people were killed.", [(K, 3, 3)]),
    # Vague quantities from the VAGUE table.
    ("Dozens were wounded in the clashes.", [(W, 12, 99)]),
    ("Dozens of people were killed.", [(K, 12, 99)]),
    ("Scores were injured.", [(W, 40, 199)]),
    ("Hundreds of protesters have been killed.", [(K, 100, 999)]),
    ("Thousands were wounded over the years.", [(W, 1000, 9999)]),
    (
        "Tens of thousands of people were displaced and thousands were detained.",
        [(ARR, 1000, 9999)],
    ),
    ("Several people were killed.", [(K, 3, 9)]),
    ("A few people were hurt.", [(W, 2, 5)]),
    ("A handful of soldiers were wounded.", [(W, 3, 9)]),
    ("Many people died.", [(K, 2, None)]),
    ("Both men died at the scene.", [(K, 2, 2)]),
    ("At least dozens were killed.", [(K, 12, None)]),
    # One person.
    ("A man was shot and killed on Sunday.", [(K, 1, 1)]),
    ("A 15-year-old was killed.", [(K, 1, 1)]),
    ("He was pronounced dead at the hospital.", [(K, 1, 1)]),
    ("One officer was wounded.", [(W, 1, 1)]),
    ("The gunman killed a woman.", [(K, 1, 1)]),
    ("A journalist was kidnapped in the capital.", [(KID, 1, 1)]),
    # Combined counts and subsets.
    ("The blast killed and wounded 7 people.", [(C, 7, 7)]),
    ("Seven people were killed or wounded.", [(C, 7, 7)]),
    ("Four people were shot, two of them fatally.", [(S, 4, 4), (K, 2, 2)]),
    (
        "The violence left four people dead and wounded 51 others, nine of them by gunfire.",
        [(K, 4, 4), (W, 51, 51)],
    ),
    ("Three were killed and 20 wounded.", [(K, 3, 3), (W, 20, 20)]),
    ("A young boy and four adults were injured.", [(W, 5, 5)]),
    ("Gunmen killed three soldiers and a policeman.", [(K, 4, 4)]),
    ("He shot his ex-wife, her friend and a deputy.", [(S, 3, 3)]),
    ("Father kills wife, son, daughter, then himself", [(K, 4, 4)]),
    # People named without a determiner, in a list that ends in "and".
    ("Boy, 2, and man killed in crash", [(K, 2, 2)]),
    ("A man and woman were shot on Sunday.", [(S, 2, 2)]),
    ("Boy shoots himself, father charged", [(S, 1, 1)]),
    ("The boy shot himself, the 15-year-old told police.", [(S, 1, 1)]),
    ("Four victims, including a boy, were found shot to death.", [(K, 4, 4)]),
    ("Police investigate a double homicide.", [(K, 2, 2)]),
    ("A triple shooting left the street shaken.", [(S, 3, 3)]),
    ("A family of five was found dead.", [(K, 5, 5)]),
    ("Three protesters, a journalist and two police officers were killed.", [(K, 6, 6)]),
    ("Family of four found shot dead in their home", [(K, 4, 4)]),
    # A relative pronoun is the person just named, not one more.
    ("A nine-year-old girl, who was shot in the arm, is recovering.", [(S, 1, 1)]),
    # A number with a singular verb is an age, and a number word is not a name.
    ("Marcus Lee, 31 was shot in the leg.", []),
    ("Four was the number of shots fired, and none was killed.", []),
    # Ages after a subject, an apposition, and a group the list spells out.
    ("Two men, ages 20 and 27, were taken to the hospital.", [(C, 2, 2)]),
    ("Police found a second victim, a man who was shot in the leg.", [(S, 1, 1)]),
    ("Three others, a woman and two men were treated for gunshot wounds.", [(W, 3, 3)]),
    ("Eight victims, 2 critical", [(W, 2, 2)]),
    # Taken or sent to hospital: people hurt, some of whom may have died.
    ("Four victims were rushed to a local hospital.", [(C, 4, 4)]),
    ("The blast sent 14 people to the hospital.", [(C, 14, 14)]),
    ("Two other victims arrived at the hospital by car.", [(C, 2, 2)]),
    ("Two men later drove themselves to a local hospital.", [(C, 2, 2)]),
    ("Three other people were treated at a hospital and released.", [(C, 3, 3)]),
    # An aside in dashes; "one of four"; victims found; a second verb with the object.
    ("Two people -- including a boy -- were wounded.", [(W, 2, 2)]),
    ("She was one of five people struck by gunfire.", [(S, 5, 5)]),
    ("Officers found three victims in the parking lot.", [(C, 3, 3)]),
    ("The man who shot and wounded two officers fled.", [(W, 2, 2)]),
    ("The blast killed one guard and injured another.", [(K, 1, 1), (W, 1, 1)]),
    # Wounds named by where they hit, and "another" on its own.
    ("A girl was hit in the shoulder by a stray round.", [(S, 1, 1)]),
    ("A passer-by was grazed by a bullet.", [(S, 1, 1)]),
    ("The blast injured a 5-year-old boy and a 20-year-old woman.", [(W, 2, 2)]),
    ("The boy was struck in his left shoulder.", [(S, 1, 1)]),
    ("A stray bullet struck a 9-year-old girl.", [(S, 1, 1)]),
    ("His wife was also shot, but survived.", [(W, 1, 1)]),
    ("Three men were taken to Grady Memorial Medical Center.", [(C, 3, 3)]),
    ("Two died and another was critically injured.", [(K, 2, 2), (W, 1, 1)]),
    ("He was charged with shooting and wounding another man.", [(W, 1, 1)]),
    ("Crash hurts toddler", [(W, 1, 1)]),
    # An ordinal death counts all before it; "a total of" is a plain count.
    ("Third victim dies in hospital", [(K, 3, None)]),
    ("Boy becomes 4th to die after the fire", [(K, 4, None)]),
    ("A total of 50 people were killed.", [(K, 50, 50)]),
    ("St. Paul teen killed in crash", [(K, 1, 1)]),
    ("Five-year-old girl hospitalized after fall", [(W, 1, 1)]),
    # Not casualties.
    ("Drunk drivers could kill thousands of people.", []),
    ("Lee Powers, 30; and Jerry Coleman, 31 were shot dead.", []),
    ("Nightclub shooting 911 calls released", []),
    ("No one else was hurt.", []),
    ("Nobody in the second car was injured.", []),
    ("Medics carried the injured child to the ambulance.", []),
    ("The gang who killed protesters was never tried.", []),
    ("She was critical of the police response.", []),
    ("Tens of thousands of supporters took to the streets.", []),
    ("The motion passed with 56 deputies in favour.", []),
    ("The 5,000 remaining troops will leave next year.", []),
    ("A fighter from Brigade 315 was killed on Monday.", [(K, 1, 1)]),
    ("He was killed on June 25.", [(K, 1, 1)]),
    ("The 15-year-old boy was shot in 2019.", [(S, 1, 1)]),
    ("Call 252-972-1411 with information about the killing.", []),
    ("The protests that broke out in 2019 continue.", []),
    ("Two days after the attack, officials met.", []),
    ("He was shot 3 times.", [(S, 1, 1)]),
    ("The shooting at 2501 Cleveland Avenue is under investigation.", []),
    ("Nobody was hurt.", []),
    ("No one was injured in the blast.", []),
    ("Police fired 40 rounds.", []),
    ("Unemployment rose to 12 percent.", []),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_phrase(phrase: str, expected: Expected) -> None:
    found = [(c.category, c.min, c.max) for c in extract(phrase)]
    assert found == expected


def test_there_are_at_least_sixty_phrase_cases() -> None:
    assert len(PHRASES) >= 60


@pytest.mark.parametrize("word", sorted(VAGUE))
def test_every_vague_quantity_reads_as_its_table_range(word: str) -> None:
    low, high = VAGUE[word]
    (claim,) = extract(f"{word.capitalize()} of the villagers were killed.")
    assert (claim.min, claim.max, claim.qualifier) == (low, high, word)


def test_a_headline_may_name_victims_in_the_plural_without_a_count() -> None:
    (claim,) = extract("Teenagers fatally shot near school", "headline")
    assert (claim.category, claim.min, claim.max) == (K, 2, None)
    assert extract("Gunmen shot at the crowd.", "body") == ()


def test_a_headline_lists_with_commas_where_running_text_has_an_apposition() -> None:
    for headline, count in (("Man, woman shot outside bar", 2), ("2 men, woman shot", 3)):
        (claim,) = extract(headline, "headline")
        assert (claim.category, claim.min) == (S, count)
    (claim,) = extract("Police found a second victim, a man who was shot.")
    assert claim.min == 1


def test_spans_point_at_the_claim() -> None:
    text = "Officials said on Friday that at least 9 people were killed in the raid."
    (claim,) = extract(text)
    assert text[claim.span[0] : claim.span[1]] == claim.text == "at least 9 people were killed"


def test_attribution_names_the_source() -> None:
    assert attribution("Five were killed, according to medical officials.") == "medical officials"
    said = "Three were killed, a Reuters witness and a medical source said."
    assert attribution(said) == "a Reuters witness and a medical source"
    assert attribution("Three were killed in the clashes.") is None


def _article(*paragraphs: str, headline: str = "Clashes in the city") -> Article:
    body = tuple(Paragraph(text, i + 3) for i, text in enumerate(paragraphs))
    return Article("t-L1", "t.txt", 1, headline, None, None, body, ())


def test_background_anchors_keep_earlier_tolls_out() -> None:
    article = _article(
        "Six people were killed on Friday when gunmen opened fire on a market.",
        "Last year, more than 40 people died in a similar attack.",
        "The unrest began in October 2019. Nearly 900 people were killed.",
        "Twelve people were wounded across the country in February.",
    )
    claims = article_claims(article, When(2021, 3))
    assert [(c.min, c.background) for c in claims] == [
        (6, False), (41, True), (810, True), (12, True),
    ]  # fmt: skip
    assert claims[1].anchor == "Last year"
    assert toll(claims).killed == Range(6, 6)


def test_running_totals_are_background() -> None:
    article = _article(
        "A man was shot dead on Friday.",
        "Police counted 3,000 shootings through Nov. 16. More than 2,000 people were wounded.",
    )
    claims = article_claims(article, When(2016, 11))
    assert [(c.min, c.background) for c in claims] == [(1, False), (2001, True)]


def test_a_relative_clause_does_not_lend_its_anchor() -> None:
    article = _article(
        "Gunmen shot at the crowd, leaving at least five people dead in a town which has "
        "seen unrest since 2019."
    )
    (claim,) = article_claims(article, When())
    assert not claim.background


def test_toll_takes_the_highest_figure_and_derives_wounded_from_shot() -> None:
    article = _article(
        "Dozens were wounded in the clashes.",
        "The violence wounded 51 others.",
        "Five people were shot, one fatally.",
    )
    result = toll(article_claims(article, When()))
    assert result.wounded == Range(51, 51)
    assert result.killed == Range(1, 1)
    shot_only = toll(article_claims(_article("Five people were shot, one fatally."), When()))
    assert shot_only.wounded == Range(4, 4)


def test_a_wounded_person_referred_back_to_may_be_the_one_who_died() -> None:
    died = _article("A man was shot and killed on Monday.", "He was in critical condition.")
    assert toll(article_claims(died, When())).wounded is None
    other = _article("A man was killed on Monday.", "A woman was in critical condition.")
    assert toll(article_claims(other, When())).wounded == Range(1, 1)


def test_people_taken_to_hospital_include_those_who_died() -> None:
    article = _article("One man died on Monday.", "Four people were taken to the hospital.")
    result = toll(article_claims(article, When()))
    assert (result.killed, result.wounded) == (Range(1, 1), Range(3, 3))


def test_a_follow_up_is_about_the_earlier_event_it_anchors_to() -> None:
    follow_up = _article(
        "A mother was charged on Friday.", "Her son was shot and wounded last month."
    )
    (claim,) = article_claims(follow_up, When(2016, 5))
    assert not claim.background and claim.anchor == "last month"
    # Not when its figures span a period, nor when its lead dates an event of its own.
    for span in (
        "Hundreds of people have been killed since October.",
        "Drunk drivers kill 40 people a year.",
    ):
        assert all(c.background for c in article_claims(_article("A talk.", span), When(2016, 5)))
    dated = _article(
        "Rockets hit the Green Zone on May 3.", "A missile killed a guard last September."
    )
    assert all(c.background for c in article_claims(dated, When(2016, 5)))


def test_a_lead_date_long_before_publication_is_not_the_event() -> None:
    from audit.anchors import lead_date

    published = When(2014, 6)
    assert lead_date(["August 1982: eight people killed at a shop."], published) is None
    assert lead_date(["Charged in the November 9 shooting."], published) == When(2013, 11)
    assert lead_date(["In the May 3, 2014 shooting, two died."], published) == When(2014, 5)
    assert lead_date(["A list: December 2016 was warm."], published) is None


def test_article_date_reads_datelines() -> None:
    assert article_date(["9:43 am EST, Saturday, November 28, 2020"]) == When(2020, 11)
    assert article_date(["2016-08-01"]) == When(2016, 8)
    assert article_date(["no date here"]) == When()


@given(st.lists(st.text(alphabet="abcde", min_size=1, max_size=5), min_size=1, max_size=12))
def test_prefix_tree_alternation_matches_exactly_the_words(words: list[str]) -> None:
    pattern = re.compile(word_alternation(words))
    for candidate in {*words, *(w[:-1] for w in words), *(w + "a" for w in words)}:
        assert bool(pattern.fullmatch(candidate)) == (candidate in words)


def test_patterns_skip_ahead_only_past_letters_no_trigger_starts_with() -> None:
    from re import _constants, _parser  # the regex parser, to read the pattern's first letters

    def first_letters(items: list[tuple[object, object]]) -> tuple[set[str], bool]:
        """The letters a parsed pattern can start with, and whether it can match empty."""
        letters: set[str] = set()
        for op, arg in items:
            if op is _constants.LITERAL:
                return letters | {chr(arg).lower()}, False  # type: ignore[arg-type]
            if op is _constants.BRANCH:
                empty = False
                for branch in arg[1]:  # type: ignore[index]
                    found, can_be_empty = first_letters(branch.data)
                    letters, empty = letters | found, empty or can_be_empty
                if not empty:
                    return letters, False
            elif op is _constants.SUBPATTERN:
                found, empty = first_letters(arg[3].data)  # type: ignore[index]
                letters |= found
                if not empty:
                    return letters, False
        return letters, True

    for triggers, skip_letters in (
        (_TRIGGER_BEFORE, BEFORE_FIRST_LETTERS),
        (_TRIGGER_AFTER, AFTER_FIRST_LETTERS),
    ):
        letters, can_be_empty = first_letters(_parser.parse(triggers).data)
        assert letters == set(skip_letters) and not can_be_empty
