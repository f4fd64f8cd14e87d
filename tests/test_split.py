"""Split: the seeds hold exactly 30 repost records and two single articles."""

from __future__ import annotations

from collections import Counter

from audit import AuditResult, Document, split
from audit.chrome import split_headline
from audit.text import fold

from .conftest import DUMPS, SEEDS


def _articles(result: AuditResult, name: str) -> list:
    return [a.article for a in result.articles if a.article.path.endswith(name)]


def test_seed_dumps_hold_thirty_records_ten_per_file(seed_result: AuditResult) -> None:
    per_file = {name: _articles(seed_result, name) for name in DUMPS}
    assert {name: len(arts) for name, arts in per_file.items()} == dict.fromkeys(DUMPS, 10)
    assert all(a.original_headline for arts in per_file.values() for a in arts)


def test_seed_single_articles_have_no_quoted_headline(seed_result: AuditResult) -> None:
    (militias,) = _articles(seed_result, "003_81ef8f3b8094cae4.txt")
    (kazemi,) = _articles(seed_result, "004_bded5637d4401b88.txt")
    assert militias.headline == "Iraqi militias defy government, expand networks and pressure"
    assert militias.line == 1 and militias.original_headline is None
    assert kazemi.headline.startswith("Iraq’s PM Kazemi Might Finally") and kazemi.line == 3
    assert ("byline", "Ali Mamouri") in {(c.kind, c.text) for c in militias.chrome}
    footer = [c.text for c in kazemi.chrome if c.kind == "footer"]
    assert footer[0] == "SOURCES" and "No comments:" in footer
    assert not any("SOURCES" in p.text or "No comments" in p.text for p in kazemi.body)
    assert ("date", "Sunday, December 27, 2020") in {(c.kind, c.text) for c in kazemi.chrome}


def test_six_records_appear_in_both_000_and_001(seed_result: AuditResult) -> None:
    first = {fold(a.headline) for a in _articles(seed_result, DUMPS[0])}
    second = {fold(a.headline) for a in _articles(seed_result, DUMPS[1])}
    assert len(first & second) == 6


def test_record_lines_and_body_lines_are_one_based(seed_result: AuditResult) -> None:
    article = _articles(seed_result, DUMPS[0])[1]
    lines = (SEEDS / DUMPS[0]).read_text(encoding="utf-8").split("\n")
    assert lines[article.line - 1].strip() == article.headline
    assert lines[article.original_line - 1].strip() == article.original_headline
    for paragraph in article.body:
        assert lines[paragraph.line - 1].strip() == paragraph.text


def test_outlet_suffixes_and_site_furniture_are_chrome(seed_result: AuditResult) -> None:
    chrome = Counter((c.kind, c.text) for a in seed_result.articles for c in a.article.chrome)
    expected = [
        ("suffix", "| Hammam Latif | AW"),
        ("suffix", "- Analysis"),
        ("widget", "A+ A-"),
        ("caption", "Photo: Khalid Mohammed, AP"),
        ("date", "Updated: October 12, 2020 12:11 PM"),
        ("byline", "Qassim Abdul-zahra, Associated Press"),
        ("credits", "Reporting by Reuters Baghdad newsroom; writing by Amina Ismail; "
                    "Editing by Angus MacSwan, William Maclean"),
    ]  # fmt: skip
    for item in expected:
        assert chrome[item] >= 1, item
    assert any(text.startswith("Syndicated Content") for _kind, text in chrome)
    headlines = [a.article.original_headline or "" for a in seed_result.articles]
    assert not any("|" in h or h.endswith("Analysis") for h in headlines)


def test_outlets_come_from_the_text(seed_result: AuditResult) -> None:
    outlets = {a.article.line: a.article.outlet for a in seed_result.articles
               if a.article.path.endswith(DUMPS[0])}  # fmt: skip
    assert outlets[1] == "Rudaw"
    assert outlets[43] == "Associated Press"
    assert outlets[71] == "Reuters"
    assert outlets[101] == "Al Jazeera"
    assert outlets[151] == "The Arab Weekly"
    assert outlets[446] == "Al-Monitor"


def test_plain_single_article_without_chrome() -> None:
    doc = Document(
        "x.txt", "Storm hits coast\n\nThe storm hit the coast on Monday.\n", "0", "utf-8"
    )
    (article,) = split.split(doc)
    assert article.headline == "Storm hits coast" and article.original_headline is None
    assert [p.text for p in article.body] == ["The storm hit the coast on Monday."]


def test_unrelated_short_lines_do_not_start_records() -> None:
    text = "Weather report\n\nMarkets close higher\n\nStocks rose on Monday.\n"
    (article,) = split.split(Document("x.txt", text, "0", "utf-8"))
    assert article.original_headline is None


def test_headline_suffix_split() -> None:
    assert split_headline("Iran sees leaders pro-US | Hammam Latif | AW") == (
        "Iran sees leaders pro-US", "| Hammam Latif | AW",
    )  # fmt: skip
    assert split_headline("What Will Sadr Do?- Analysis") == ("What Will Sadr Do?", "- Analysis")
    assert split_headline("No suffix here") == ("No suffix here", None)


def test_rewritten_headline_sharing_one_word_needs_a_record_frame() -> None:
    framed = (
        "Satan’s harvest: wildfires burn crops\n\nWildfires destroy farmland, officials say\n\n"
        "Wildfires destroyed hundreds of hectares of wheat fields on Wednesday, officials said.\n"
    )
    (article,) = split.split(Document("x.txt", framed, "0", "utf-8"))
    assert article.original_headline == "Wildfires destroy farmland, officials say"
    unframed = framed.split("\n\nWildfires destroyed")[0] + "\n\nFires spread.\n"
    assert split.split(Document("x.txt", unframed, "0", "utf-8"))[0].original_headline is None
