"""The report as a review queue (issue 16): distinct articles, inline headline diffs,
static filter pages, pictures with text alternatives, truthful article and events
pages, and the spreadsheet export."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from audit import AuditResult, audit_paths
from audit.report_charts import nice_ticks
from audit.report_csv import ARTICLE_COLUMNS, articles_csv
from audit.report_html import index_page, render
from audit.report_queue import KIND_LABELS, distinct

from .conftest import DATA


@pytest.fixture(scope="module")
def pages(seed_result: AuditResult) -> dict[str, str]:
    return render(seed_result)


@pytest.fixture(scope="module")
def mixed() -> AuditResult:
    return audit_paths([str(DATA / "mixed")])


def _text(html: str) -> str:
    """A page's text, tags removed and white space (no-break spaces too) made single."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_the_seed_queue_folds_the_six_repeats_into_24_distinct_reposts(
    seed_result: AuditResult,
) -> None:
    rows = index_page(seed_result).queue.rows
    reposts = [r for r in rows if r.verdict == "altered"]
    assert len(seed_result.articles) == 32 and len(rows) == 26
    assert len(reposts) == 24
    folded = [r for r in rows if r.seen == 2]
    assert len(folded) == 6  # each seen in dumps 000 and 001
    for row in folded:
        (again,) = row.repeats
        assert again.href.startswith("articles/001_") and row.id.startswith("000_")
        assert len(row.sources) == 2  # both dumps carry it
    # Every repost row has its inserted wording marked in the headline diff.
    for row in reposts:
        assert row.inserted
        marked = _text(" ".join(seg.text for seg in row.headline if seg.kind == "ins"))
        assert any(_text(term) in marked for term in row.inserted), row.id


def test_rows_come_most_in_need_of_review_first(seed_result: AuditResult) -> None:
    rows = index_page(seed_result).queue.rows
    rank = {a.article.id: a.severity.rank for a in seed_result.articles}
    keys = [(-rank[r.id], -r.inserted_words, -r.carriers) for r in rows]
    assert keys == sorted(keys)
    assert rows[-1].verdict == "unchanged" and rows[0].inserted_words >= rows[1].inserted_words


def test_distinct_groups_only_the_same_article_seen_again(seed_result: AuditResult) -> None:
    groups = distinct(seed_result.articles)
    assert sum(len(g) for g in groups) == len(seed_result.articles)
    for group in groups:
        for other in group[1:]:
            assert other.matching is not None
            assert group[0].article.id in {m.article for m in other.matching.duplicates}


def test_the_index_prints_the_queue_with_filters_as_static_pages(
    seed_result: AuditResult, pages: dict[str, str]
) -> None:
    index = pages["index.html"]
    body = re.search(r'<table class="stack queue">(.*?)</table>', index, re.S)
    assert body is not None
    assert body.group(1).count("<tr>") == 1 + 26  # the header row and one per distinct article
    assert "<ins" in body.group(1)
    # A filter link per verdict, kind and source, each a page listing exactly its rows.
    page = pages["queue/kind-substitution.html"]
    assert 'href="queue/kind-substitution.html">substitution (21)</a>' in index
    assert page.count('<td data-label="Severity"') == 21
    assert pages["queue/verdict-unchanged.html"].count('<td data-label="Severity"') == 2
    for label in ("inserted term", "substitution", "hedge removed"):
        assert f">{label}</a>" in index
    assert set(KIND_LABELS.values()) >= {"inserted term", "substitution"}
    # The link text of a row is its headline, never a file path.
    links = re.findall(
        r'<td data-label="Headline" class="headline"><a href="[^"]+">(.*?)</a>', index
    )
    assert len(links) == 26 and not any(".txt" in _text(link) for link in links)
    assert "[−At least] Seven [+protesters] dead" in _text(index)


def test_the_index_draws_changes_by_kind_and_by_source_with_text_alternatives(
    pages: dict[str, str],
) -> None:
    index = pages["index.html"]
    figures = re.findall(r'<figure class="chart".*?</figure>', index, re.S)
    assert len(figures) == 2  # by kind, and source by kind; the seeds carry no dates
    for figure in figures:
        assert "<svg" in figure and 'role="img"' in figure and "<figcaption" in figure
        assert "<table" in figure  # the same numbers as text
    kinds = figures[0]
    assert "inserted term: 27" in _text(kinds)  # 24 rows, some with two inserted terms
    assert "No article states its date of publication" in index


def test_dated_articles_get_a_timeline_with_empty_months(mixed: AuditResult) -> None:
    page = index_page(mixed)
    timeline = page.overview.dates
    assert timeline is not None and page.overview.undated == 0
    assert [label for label, _ in timeline.table] == [
        "2023-03", "2023-04", "2023-05", "2023-06", "2023-07",
    ]  # fmt: skip
    assert [n for _, n in timeline.table] == ["1", "0", "1", "0", "3"]
    row = next(r for r in page.queue.rows if r.id == "repost-R1")
    assert row.published == "2023-07-10" and row.link.startswith("https://fringe.example.net/")


def test_nice_ticks_cover_the_highest_value_in_round_steps() -> None:
    assert nice_ticks(7) == (8.0, [0.0, 2.0, 4.0, 6.0, 8.0])
    assert nice_ticks(99)[0] == 100.0
    assert nice_ticks(2) == (2.0, [0.0, 1.0, 2.0])
    end, ticks = nice_ticks(1234)
    assert end >= 1234 and len(ticks) <= 7


def test_article_page_says_where_each_change_is_and_marks_figures(pages: dict[str, str]) -> None:
    page = pages["articles/000_892628b71d65a9e5-L446.html"]  # compared with its original body
    assert '<th scope="col">Where</th>' in page
    assert '<td data-label="Where">headline</td>' in page
    assert '<th scope="col">Original</th><th scope="col">Repost</th>' in page
    rudaw = pages["articles/000_892628b71d65a9e5-L1.html"]
    assert "<mark>At least seven people died</mark>" in rudaw
    assert '<span class="tag"> [killed]</span>' in rudaw
    # The basis is said once, and no line contradicts the quoted original headline.
    assert rudaw.count("compared with the quoted headline") == 1
    assert "No original found" not in rudaw
    assert "only the headline it quotes could be compared" in rudaw


def test_other_outlets_are_named_only_when_they_cover_the_event(
    seed_result: AuditResult, pages: dict[str, str]
) -> None:
    rudaw = pages["articles/000_892628b71d65a9e5-L1.html"]
    assert "Associated Press, Reuters, Al Jazeera also report this event" in _text(rudaw)
    said = [
        name
        for name, page in pages.items()
        if "also report" in page and name.startswith("articles/")
    ]
    assert not any("other outlets also cover" in page for page in pages.values())
    single = [e for e in seed_result.events if len({r.outlet for r in e.reports}) == 1]
    assert single
    for event in single:
        for report in event.reports:
            page = pages[f"articles/{report.article}.html"]
            assert "No other outlet among the inputs reports this event" in page
            assert f"articles/{report.article}.html" not in said


def test_events_page_leads_with_events_several_outlets_report(pages: dict[str, str]) -> None:
    page = pages["events.html"]
    assert "Events reported by several articles" not in page
    several, single = page.split('<h2 id="single">')
    assert '<h2 id="several">Reported by several outlets (1)</h2>' in several
    first = re.search(r"<h3[^>]*>(.*?)</h3>", several)
    assert first is not None and "Nasiriyah" in first.group(1)
    assert "Reported by one outlet only (3)" in single
    assert single.count("<section") == 3
    # The chart has an axis with ticks and the consensus line.
    chart = re.search(r'<figure class="chart".*?</figure>', several, re.S)
    assert chart is not None
    assert chart.group(0).count('class="tick"') >= 4 and 'class="marker-line"' in chart.group(0)
    # Rows link to articles by their headline.
    assert "Seven protesters dead in clash with the Antichrist" in _text(several)
    assert 'href="articles/000_892628b71d65a9e5-L1.html">Seven' in several


def test_articles_csv_names_source_and_repeats_and_resists_formulas(
    seed_result: AuditResult,
) -> None:
    rows = list(csv.DictReader(io.StringIO(articles_csv(seed_result))))
    assert list(rows[0]) == list(ARTICLE_COLUMNS)
    assert {"verdict", "severity", "url", "published", "source", "outlet", "headline",
            "original_headline", "unsupported", "kinds"} <= set(ARTICLE_COLUMNS)  # fmt: skip
    rudaw = next(r for r in rows if r["id"] == "000_892628b71d65a9e5-L1")
    assert rudaw["source"] == "000_892628b71d65a9e5.txt" and rudaw["outlet"] == "Rudaw"
    repeated = next(r for r in rows if r["id"] == "000_892628b71d65a9e5-L151")
    assert repeated["seen_again"] == "seeds/001_afa5ccce8ab925d8.txt:1"
    hostile = audit_paths([str(DATA / "unseen_dump.txt")])
    for row in csv.reader(io.StringIO(articles_csv(hostile))):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_links_to_articles_say_where_they_go(
    seed_result: AuditResult, pages: dict[str, str]
) -> None:
    headline = {a.article.id: a.article.headline for a in seed_result.articles}
    checked = 0
    for name, page in pages.items():
        for href, text in re.findall(
            r'<a href="(?:\.\./)?articles/([^".]+)\.html">([^<]*)</a>', page
        ):
            assert text == headline[href].replace("'", "&#39;").replace('"', "&#34;"), (name, text)
            checked += 1
    assert checked > 50  # events rows, source pages' evidence and tallies, article pages
    # A page of an article seen again names the other appearance by its headline.
    repeat = pages["articles/000_892628b71d65a9e5-L151.html"]
    assert (
        f'href="001_afa5ccce8ab925d8-L1.html">{headline["001_afa5ccce8ab925d8-L1"]}</a>' in repeat
    )
