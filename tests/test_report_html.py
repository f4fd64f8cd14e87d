"""HTML pages: offline, script-free, escaped, with visible change markers."""

from __future__ import annotations

import re

from audit import AuditResult, Document, audit_article
from audit.events import find_events
from audit.records import AuditResult as Result
from audit.records import InputFile
from audit.report_html import index_page, render
from audit.split import split

HOSTILE = (
    '<script>alert("x")</script> Rebels "><img src=x onerror=alert(1)> seize town\n\n'
    "Rebels seize town after <b>battle</b>, officials say\n\n"
    "Rebels seized the town on Monday after a battle and killed 5 <i>people</i>, officials"
    " say.\n"
)


def _assert_safe(page: str) -> None:
    """Real tags (text from inputs is escaped, so every '<' starts one of ours) are safe."""
    tags = re.findall(r"<[a-zA-Z!][^>]*>", page)
    names = {re.match(r"<!?(\w+)", tag).group(1).lower() for tag in tags}  # type: ignore[union-attr]
    assert names <= {
        "doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "a", "q",
        "dl", "dt", "dd", "ul", "li", "code", "table", "thead", "tbody", "tr", "th", "td",
        "del", "ins", "span", "section", "strong", "tfoot", "figure", "figcaption", "svg",
        "text", "rect", "line", "h3", "details", "summary", "br", "caption", "header", "nav",
        "main", "div", "mark", "time", "circle",
    }, names  # fmt: skip
    for tag in tags:
        assert not re.search(r"\son\w+\s*=", tag, re.IGNORECASE), tag
        assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:\w+:)?//", tag, re.IGNORECASE), tag
        assert "javascript:" not in tag.lower(), tag


def test_seed_pages_render_offline_and_safely(seed_result: AuditResult) -> None:
    pages = render(seed_result)
    # index, events, sources, one page per article, one per source, one per queue filter
    filters = index_page(seed_result).queue.filters
    queue = sum(len(group.filters) for group in filters)
    assert queue == 2 + 7 + 5  # two verdicts, seven kinds, five sources
    assert len(pages) == 3 + len(seed_result.articles) + len(seed_result.sources) + queue
    for name, page in pages.items():
        _assert_safe(page)
        assert page.startswith("<!DOCTYPE html>"), name
    index = pages["index.html"]
    for audit in seed_result.articles:
        assert f'href="articles/{audit.article.id}.html"' in index


def test_article_page_shows_inline_diff_with_text_markers(seed_result: AuditResult) -> None:
    page = render(seed_result)["articles/000_892628b71d65a9e5-L43.html"]
    assert '<del><span class="marker">[−</span>cleric’s<span class="marker">]</span></del>' in page
    assert (
        '<ins><span class="marker">[+</span>Antichrist’s<span class="marker">]</span></ins>' in page
    )
    assert "Wording found nowhere in the original" in page
    assert "BAGHDAD (AP)" in page  # the body is shown
    assert "Photo: Khalid Mohammed, AP" in page  # chrome is shown, set aside


def test_hostile_headlines_are_escaped() -> None:
    (article,) = split(Document("evil.txt", HOSTILE, "0", "utf-8"))
    audit = audit_article(article)
    events = find_events([audit])
    assert len(events) == 1  # "killed 5 <i>people</i>" is read as a toll
    result = Result((InputFile("evil.txt", "0", "utf-8", 1),), (), (audit,), events)
    pages = render(result)
    assert "&lt;b&gt;battle&lt;/b&gt;" in pages["events.html"]  # labelled by its headline
    for name, page in pages.items():
        _assert_safe(page)
        if name == "events.html" or name.startswith("sources"):
            continue  # pages that print no headline
        # Escaped, whole or split by change markers, never as markup.
        assert "script&gt;alert(&#34;x&#34;)&lt;/script" in page, name
        assert "&#34;&gt;&lt;" in page and "img src=x onerror=alert(1" in page, name
    assert "&lt;b&gt;battle&lt;/b&gt;" in pages["index.html"]


def test_hostile_bodies_are_escaped_in_the_side_by_side_view(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from audit import audit_paths
    from audit.pipeline import Originals

    original = tmp_path / "original.txt"
    original.write_text(
        "Rebels seize town after battle\n\n"
        "Rebels seized the town on Monday after a long battle with the army. "
        "Officials said the fighting had stopped by evening and residents returned.\n",
        encoding="utf-8",
    )
    repost = tmp_path / "repost.txt"
    repost.write_text(
        "Rebels seize town <i>after</i> battle\n\n"
        'Rebels seized the town on Monday after a long <script>alert("x")</script> battle '
        'with the army. "><img src=x onerror=alert(1)> Officials said the fighting had '
        "stopped by evening and residents returned.\n",
        encoding="utf-8",
    )
    result = audit_paths([str(repost)], originals=Originals(references=(str(original),)))
    assert result.articles[0].body is not None
    page = render(result)["articles/repost-L1.html"]
    _assert_safe(page)
    assert "Body against the original" in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
