"""Real-shaped pages: where the quoted original sits, when there is none, and genuine
pages that must stay quiet."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audit import Document, audit_article
from audit.cli import main
from audit.records import Kind, Severity
from audit.split import split

BODY = (
    "BAGHDAD - Supporters of the cleric Muqtada al-Sadr rallied in the capital on Friday "
    "after the powerful Shiite leader called on his followers to protest against the "
    "government.\n\n"
    "Sadr, whose bloc won the most seats in parliament, said the protests would go on "
    "until the government resigned, according to a statement read by an aide.\n\n"
    "Thousands of his followers marched to Tahrir Square, where security forces stood "
    "by and no clashes were reported by the police.\n"
)


def _audit(text: str):  # type: ignore[no-untyped-def]
    (article,) = split(Document("page.txt", text, "0", "utf-8"))
    return audit_article(article)


def _assert_genuine(page: str) -> None:
    """The page is one article with no quoted original and nothing to report."""
    audit = _audit(page)
    assert audit.article.original_headline is None
    assert audit.severity is Severity.NONE, audit.changes


def test_a_caption_between_the_headlines_does_not_hide_the_quoted_original() -> None:
    page = (
        "The Beast calls for Baghdad protests\n\n"
        "Sadr supporters march in Baghdad. (Photo: Reuters)\n\n"
        "Sadr calls for Baghdad protests\n\n"
        "By Staff Writer\n\n" + BODY
    )
    audit = _audit(page)
    assert audit.article.original_headline == "Sadr calls for Baghdad protests"
    assert audit.basis == "quoted headline" and audit.verdict == "altered"
    assert any("Beast" in t for c in audit.changes for t in c.unsupported)
    assert audit.article.quote_evidence  # the JSON says why the line was taken


def test_a_full_recast_is_paired_and_shown_whole() -> None:
    page = (
        "The Mark of the Dragon (Isaiah 14)\n\n"
        "Shiite leader Sadr urges followers to protest in Baghdad\n\n" + BODY
    )
    audit = _audit(page)
    assert (
        audit.article.original_headline
        == "Shiite leader Sadr urges followers to protest in Baghdad"
    )
    (change,) = [c for c in audit.changes if c.where == "headline"]
    assert Kind.RECAST in change.kinds
    assert change.original == audit.article.original_headline
    assert change.repost == audit.article.headline


def test_no_quoted_original_compares_the_headline_with_its_own_body() -> None:
    audit = _audit("The Leviathan rallies his followers in Baghdad\n\n" + BODY)
    assert audit.article.original_headline is None
    assert audit.basis == "own body" and audit.confidence == "low"
    assert [t for c in audit.changes for t in c.unsupported] == ["Leviathan"]
    assert audit.severity is Severity.MEDIUM  # own-body evidence never rates high


def test_a_verse_tag_after_a_bar_or_in_parentheses_is_content() -> None:
    for headline in (
        "Sadr calls on his followers to protest | Ezekiel 38",
        "Sadr calls on his followers to protest (Ezekiel 38:2)",
    ):
        audit = _audit(headline + "\n\n" + BODY)
        assert "Ezekiel" in audit.article.headline
        terms = [t for c in audit.changes for t in c.unsupported]
        assert terms and terms[0].startswith("Ezekiel 38"), headline


def test_a_site_name_after_a_bar_is_still_chrome() -> None:
    audit = _audit("Sadr calls on his followers to protest | Rudaw\n\n" + BODY)
    assert audit.article.headline == "Sadr calls on his followers to protest"
    assert audit.verdict == "unchanged" and not audit.changes


def test_a_genuine_page_showing_its_headline_twice_is_one_unaltered_article() -> None:
    headline = "Sadr calls on his followers to protest in Baghdad"
    audit = _audit(f"{headline}\n\n{headline} Posted: Friday, May 6, 2016 10:12 AM\n\n{BODY}")
    assert audit.article.original_headline is None
    assert audit.verdict == "unchanged" and audit.severity is Severity.NONE


def test_a_caption_line_never_becomes_an_original_headline() -> None:
    page = (
        "Gunman wounds four outside Chicago lounge\n\n"
        "Someone in an SUV opened fire about 9:10 p.m. Four men were wounded View Full "
        "Caption Shutterstock\n\n"
        "CHICAGO - Four men were wounded when a gunman opened fire outside a lounge on the "
        "South Side late Saturday, police said.\n\n"
        "The men were taken to hospitals in good condition. No one was in custody and "
        "police were looking for the gunman, a spokesman said.\n"
    )
    _assert_genuine(page)


def test_a_widget_list_under_the_headline_never_becomes_an_original() -> None:
    kinds = ("Lake Effect Snow Warning", "Winter Weather Advisory", "Snow Watch", "Snow Advisory")
    counties = (
        "Erie, Wyoming", "Genesee, Orleans", "Cattaraugus, Chautauqua", "Erie, Niagara",
        "McKean, Warren", "Cambria, Cameron, Clearfield, Elk, Potter, Somerset",
    )  # fmt: skip
    alerts = [
        f"{kinds[i % 4]} issued January {11 + i % 2} at {2 + i % 3}:{(19 * i) % 60:02d}AM EST "
        f"expiring January {12 + i % 3} at {(4 + i) % 12 + 1}:00PM EST in effect for: "
        f"{counties[i % 6]}"
        for i in range(14)
    ]  # a page that kept only its weather widget under the headline
    _assert_genuine("One man dead after triple shooting in Buffalo\n\n" + "\n\n".join(alerts))


def test_a_deck_the_body_supports_as_well_as_the_title_is_the_outlets_own() -> None:
    page = (
        "Valley County deputies: Boy, 15, fatally shot while hunting near reservoir\n\n"
        "Valley County Sheriff's Office does not name the shooter in death of Ryan Cole, 15\n\n"
        "A teenage hunter died Sunday after being fatally shot near the Big Creek reservoir, "
        "and deputies are investigating his death, the Valley County Sheriff's Office said.\n\n"
        "Ryan Cole, 15, was hunting with his father when he was shot in the chest. The "
        "sheriff's office did not release the name of the shooter and said the investigation "
        "was active.\n"
    )
    _assert_genuine(page)


def test_irregular_forms_and_a_cut_short_title_are_supported_by_the_body() -> None:
    page = (
        "Boy shot when handgun discharges at Broken Arrow home - KXXV-TV News Channel 25 - "
        "Central Texas News and Weather for Waco, Temple |\n\n"
        "2-year-old Broken Arrow boy dies in accidental shooting at family home\n\n"
        "BROKEN ARROW - A two-year-old boy died after an accidental shooting at a home on "
        "Tuesday evening, police said. The boy had been holding a handgun when it discharged, "
        "striking him in the chest.\n\n"
        "Police said the child was taken to a hospital where he died. Officers did not say how "
        "the boy got hold of the gun, which belonged to his parents.\n"
    )
    audit = _audit(page)
    assert audit.article.headline == "Boy shot when handgun discharges at Broken Arrow home"
    assert audit.article.original_headline is None and audit.severity is Severity.NONE


def test_a_lead_sentence_standing_in_for_a_missing_headline_is_not_judged() -> None:
    page = (
        "Updated\n\n"
        "DECATUR - One person is dead after a shooting at Club Quarrington's on North Water "
        "Street in Decatur.\n\n"
        "The Decatur Police Department said officers responded to a call at 12:18 a.m. Monday "
        "and found five people shot. The county coroner said a 28-year-old man died shortly "
        "after being taken to a hospital, and an autopsy is scheduled.\n\n"
        "Anyone with information is asked to contact Crime Stoppers or the police.\n"
    )
    audit = _audit(page)
    assert audit.severity is Severity.NONE and not audit.changes


LOGIN = (  # the page as a reader saw it: a login form where the story should be
    "Sign in using you account with: {* loginWidget *}\n\n"
    "Sign in using your wsoc profile\n\n"
    "Welcome back. Please sign in\n\n"
    "Why are we asking this?\n\n"
    "By submitting your registration information, you agree to our Terms of Service and "
    "Privacy Policy .\n\n"
    "Already have an account?\n\n"
    "We have sent a confirmation email to {* data_emailAddress *}. Please check your email "
    "and click on the link to activate your account.\n\n"
    "Thank you for registering!\n\n"
    "Click here to return to the page you were visiting.\n"
)


def test_a_login_widget_or_a_credit_line_is_never_an_original_headline() -> None:
    _assert_genuine("Great Falls student injured in accidental shooting\n\n" + LOGIN)
    _assert_genuine(
        "Hill County sheriff investigating shooting that killed teen\n\n"
        "From the Hill County Sheriff's Office\n\n"
        "The Hill County Sheriff's Office is investigating a shooting on Sunday that killed a "
        "16-year-old near the county line, the sheriff said in a statement.\n\n"
        "Deputies found the teen with a gunshot wound at a home and he died at the scene. The "
        "sheriff's office did not name a suspect and said the investigation goes on.\n"
    )


def test_a_kicker_or_a_mostly_supported_headline_is_no_recast() -> None:
    body = (
        "A 2-year-old was grazed by a bullet at the Clearview Homes on Friday, police said, "
        "when a man fired at a group standing outside.\n\n"
        "The child was treated at a hospital and released. Police said the shooting at the "
        "Clearview Homes followed an argument and no one was arrested.\n"
    )
    _assert_genuine("Toddler Grazed\n\nClearview Homes Shooting\n\n" + body)
    _assert_genuine(
        "Child grazed by bullet outside Clearview apartments\n\n"
        "Police investigate Friday evening gunfire near homes\n\n" + body
    )


def test_a_title_cut_short_or_abbreviated_is_the_pages_own_headline() -> None:
    body = (
        "Deputies investigated a shooting at a public gun range in California on Saturday "
        "after a man was wounded, the sheriff's office said.\n\n"
        "The man was taken to a hospital. Deputies said the range was closed while they "
        "investigate, and no one was arrested after the shooting.\n"
    )
    _assert_genuine(
        "*** OFFICIAL PRESS RELEASE *** Deputies...\n\n"
        "Deputies Investigate Shooting at Public Range\n\n" + body
    )
    _assert_genuine("Calif. man wounded at public gun range\n\nPublic Range Shooting\n\n" + body)


def test_a_compound_word_made_of_body_words_is_supported() -> None:
    page = (
        "Gunfight at Fresno biker club kills 1\n\n"
        "FRESNO - One man was killed when a fight between two groups at a biker club turned "
        "into a shooting late Saturday, Fresno police said. Officers found several gun shell "
        "casings in the parking lot.\n\n"
        "Police said the dead man was 34. Detectives were interviewing witnesses and no "
        "arrests had been made by Sunday morning, a police spokesman said.\n"
    )
    _assert_genuine(page)


def test_a_page_showing_its_headline_twice_is_no_repost_of_another_input(tmp_path: Path) -> None:
    body = (
        "A teenage boy was shot to death Friday night in the Gresham neighborhood on the South "
        "Side, Chicago police said. The boy was standing on a sidewalk when a gunman opened "
        "fire at about 9:40 p.m.\n\n"
        "He was pronounced dead at the scene. No one was in custody, police said.\n"
    )
    headline = "Police: 15-year-old boy shot to death in Gresham"
    (tmp_path / "a.txt").write_text(f"{headline}\n\n{headline}\n\n{body}", encoding="utf-8")
    updated = body.replace(
        "No one was in custody", "The shooting may have been gang-related. No one"
    )
    (tmp_path / "b.txt").write_text(f"{headline}\n\n{headline}\n\n{updated}", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(tmp_path), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert [(a["original_headline"], a["severity"]) for a in report["articles"]] == [
        (None, "none"),
        (None, "none"),
    ]  # two versions of one story: nothing says which reposts which


def test_front_matter_can_state_the_quoted_original() -> None:
    page = (
        "headline: The Beast calls for Baghdad protests\n"
        "original_headline: Sadr calls for Baghdad protests\n---\n" + BODY
    )
    audit = _audit(page)
    assert audit.article.original_headline == "Sadr calls for Baghdad protests"
    assert audit.article.quote_evidence == ("the file's front matter gives it",)
    assert any("Beast" in t for c in audit.changes for t in c.unsupported)


def test_a_short_page_is_not_compared() -> None:
    audit = _audit("The Beast speaks\n\nToo short to judge.\n")
    assert audit.basis == "none" and audit.verdict == "not compared"


def test_an_excerpt_finds_its_original_through_shared_sentences(tmp_path: Path) -> None:
    original = tmp_path / "original.txt"
    chrome = "Arrow-right Camera\n\nThe Spokane Daily Newspaper\n\n"
    long_tail = "".join(
        f"Paragraph {n} of the original report goes on with details about the dispute "
        f"over the cabinet and the talks in Najaf that followed.\n\n"
        for n in range(30)
    )
    original.write_text(
        chrome + "Sadr calls on his followers to protest in Baghdad\n\n" + BODY + long_tail,
        encoding="utf-8",
    )
    excerpt = tmp_path / "pages" / "repost.txt"
    excerpt.parent.mkdir()
    excerpt.write_text(
        "The Beast calls on his followers to protest in Baghdad\n\n" + BODY, encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["run", str(excerpt.parent), "--reference", str(original), "-o", "-", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert '"path": "' + str(original) + '"' in result.stdout
    assert '"basis": "matched original"' in result.stdout
