"""The HTML report in a real browser: Chromium from the system's packages, driven by
Playwright, checked by axe-core on every page type.

Each page type is opened at 360 and 1400 pixels wide: nothing may scroll sideways, axe
may find no serious or critical violation, and a screenshot is saved under
``reports/screenshots/`` (or ``$AUDIT_SCREENSHOTS``) for a reviewer to look at. Every
link of every page must lead to a file of the report (and to an id on it, when it names
one), and the pages must work with JavaScript turned off.

Without Chromium the tests are skipped, except in CI (``CI`` set), where a browser test
that did not run is a failure: CI must not pass what it did not check.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from audit import audit_paths
from audit.report import write_reports

from .conftest import DATA, ROOT

WIDTHS = (360, 1400)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# One page of each type, from the seed report (the article has a body compared with
# its original) and from the report on pages, feeds and records (dates and addresses).
SEED_PAGES = {
    "index": "index.html",
    "queue": "queue/verdict-altered.html",
    "article": "articles/000_892628b71d65a9e5-L446.html",
    "events": "events.html",
    "sources": "sources.html",
    "source": None,  # the first reposter's page, found in the index
}
MIXED_PAGES = {"index-dated": "index.html", "article-page": "articles/repost-R1.html"}


def _chromium() -> str | None:
    """The system's Chromium, if installed."""
    return os.environ.get("AUDIT_CHROMIUM") or next(
        (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))),
        None,
    )


def _missing(reason: str) -> None:
    """Skip here, fail in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium, shared by the module's tests."""
    executable = _chromium()
    if executable is None:
        _missing("no chromium on PATH (apt-get install chromium chromium-driver)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed report and the report on mixed formats, written as `audit run` does."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        seeds = audit_paths(["seeds"])
    finally:
        os.chdir(here)
    out = {"seeds": tmp_path_factory.mktemp("seeds"), "mixed": tmp_path_factory.mktemp("mixed")}
    write_reports(seeds, str(out["seeds"]))
    write_reports(audit_paths([str(DATA / "mixed")]), str(out["mixed"]))
    return out


def _page_types(reports: dict[str, Path]) -> list[tuple[str, Path]]:
    """(name, file) of every page type."""
    seeds = reports["seeds"]
    source = sorted((seeds / "sources").glob("*.html"))[0]
    pages = [
        (name, seeds / (path or source.relative_to(seeds).as_posix()))
        for name, path in SEED_PAGES.items()
    ]
    pages += [(name, reports["mixed"] / path) for name, path in MIXED_PAGES.items()]
    for _, path in pages:
        assert path.is_file(), path
    return pages


def _screenshots() -> Path:
    """Where screenshots go (the README names the default)."""
    folder = Path(os.environ.get("AUDIT_SCREENSHOTS", ROOT / "reports" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _axe_script() -> str:
    """axe-core, as shipped inside the axe-playwright-python package."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_fits_the_screen_and_passes_axe(
    browser, reports: dict[str, Path], width: int
) -> None:  # type: ignore[no-untyped-def]
    axe = _axe_script()
    shots = _screenshots()
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    problems = []
    for name, path in _page_types(reports):
        page.goto(path.as_uri())
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        if scroll > inner:
            problems.append(f"{name} at {width}px scrolls sideways: {scroll} > {inner}")
        page.evaluate(axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{name} at {width}px: {violation['id']} on {targets}")
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        assert (shots / f"{name}-{width}.png").stat().st_size > 0
    page.close()
    assert not problems, "\n".join(problems)


def test_the_checks_catch_a_page_that_breaks_them(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same checks fail on a page with faint text and a fixed-width table."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color:#bbb">faint</p><table style="width:900px"><tr><td>x</td></tr></table>'
        "</main></body></html>",
        "utf-8",
    )
    page = browser.new_page(viewport={"width": 360, "height": 900})  # type: ignore[attr-defined]
    page.goto(bad.as_uri())
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    page.evaluate(_axe_script())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    page.close()
    assert scroll > inner
    assert "color-contrast" in {v["id"] for v in result["violations"] if v["impact"] == "serious"}


def test_the_report_works_with_javascript_off(browser, reports: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((reports["seeds"] / "index.html").as_uri())
    assert page.evaluate("typeof window.axe") == "undefined"
    rows = page.locator("table.queue tbody tr")
    assert rows.count() == 26  # 24 distinct reposts, the 6 seen twice folded, and 2 others
    assert rows.first.locator("ins").count() >= 1  # inserted wording is marked
    # Filtering is a link to a static page: follow "substitution" and count its rows.
    page.get_by_role("link", name="substitution (21)").first.click()
    assert page.url.endswith("/queue/kind-substitution.html")
    assert page.locator("table.queue tbody tr").count() == 21
    # A row's headline leads to its article page, where folded sentences open on click.
    page.goto((reports["seeds"] / "articles/000_892628b71d65a9e5-L446.html").as_uri())
    details = page.locator("details").first
    assert not details.evaluate("d => d.open")
    details.locator("summary").click()
    assert details.evaluate("d => d.open")
    context.close()


class _Links(HTMLParser):
    """The hrefs and ids of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href") is not None:
            self.hrefs.append(str(found["href"]))


def test_every_link_of_every_page_resolves(reports: dict[str, Path]) -> None:
    for folder in reports.values():
        parsed: dict[Path, _Links] = {}
        for path in folder.rglob("*.html"):
            parser = _Links()
            parser.feed(path.read_text("utf-8"))
            parsed[path.resolve()] = parser
        checked = 0
        for path, parser in parsed.items():
            for href in parser.hrefs:
                parts = urlsplit(href)
                if parts.scheme in ("http", "https"):
                    continue  # an article's own address, never fetched
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
                assert target.is_file(), f"{path.relative_to(folder)}: {href} leads nowhere"
                assert folder.resolve() in target.parents, f"{href} leaves the report"
                if parts.fragment and target.suffix == ".html":
                    assert parts.fragment in parsed[target].ids, f"{path.name}: {href}"
                checked += 1
        assert checked > 100
