"""Verdicts everywhere: every output says whether and against what each article was
compared, and a source's profile lists the headline terms its bodies never use."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main

BODY = (
    "Supporters of the cleric Muqtada al-Sadr rallied in the capital on Friday after the "
    "powerful Shiite leader called on his followers to protest against the government.\n\n"
    "Sadr, whose bloc won the most seats in parliament, said the protests would go on until "
    "the government resigned, according to a statement read by an aide.\n"
)
PAGES = {
    "quoted.txt": "The Leviathan calls for Baghdad protests\n\nSadr calls for Baghdad protests\n\n"
    + BODY,
    "own_body.txt": "The Leviathan rallies his followers in Baghdad\n\n" + BODY,
    "other_story.txt": "Leviathan's bloc demands the government resign\n\n" + BODY,
    "genuine.txt": "Sadr supporters rally in Baghdad\n\n" + BODY,
    "short.txt": "The Beast speaks\n\nToo short to judge.\n",
}


def _pages(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout


def test_every_report_format_carries_each_articles_verdict(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _ = _run("run", str(_pages(tmp_path)), "-o", str(out), "-q", "--source", "Blog")
    assert code == 0
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    verdicts = {Path(a["path"]).name: (a["verdict"], a["basis"]) for a in report["articles"]}
    assert verdicts == {
        "quoted.txt": ("altered", "quoted headline"),
        "own_body.txt": ("altered", "own body"),
        "other_story.txt": ("altered", "own body"),
        "genuine.txt": ("versions differ", "other version"),  # own_body.txt has its body
        "short.txt": ("not compared", "none"),
    }
    assert report["summary"]["verdict"] == {
        "altered": 3, "versions differ": 1, "unchanged": 0, "not compared": 1,
    }  # fmt: skip
    genuine = next(a for a in report["articles"] if a["path"].endswith("genuine.txt"))
    assert genuine["matching"]["version"] and genuine["version_changes"]
    own_body = next(a for a in report["articles"] if a["path"].endswith("own_body.txt"))
    assert own_body["version_changes"]  # its own body's evidence first, the versions beside
    rules = {f["rule"] for f in report["findings"] if f["article"] == own_body["id"]}
    assert rules == {"AUD108", "AUD109"}
    rows = {
        Path(r["path"]).name: r
        for r in csv.DictReader(io.StringIO((out / "articles.csv").read_text("utf-8")))
    }
    assert {n: (r["verdict"], r["basis"]) for n, r in rows.items()} == verdicts
    assert rows["own_body.txt"]["confidence"] == "low" and rows["own_body.txt"]["unsupported"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="sev sev-unchecked"') == 1  # the short page: no green "none"
    assert "not compared" in index and "against its own body only (confidence low)" in index


def test_a_sources_profile_lists_the_headline_terms_its_bodies_never_use(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    _run("run", str(_pages(tmp_path)), "-o", str(out), "-q", "--source", "Blog")
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    (blog,) = [s for s in report["sources"] if s["name"] == "Blog"]
    (term,) = blog["headline_terms"]
    assert term["term"] == "Leviathan" and term["count"] == 2  # two unrelated stories
    assert sorted(a.split("-L")[0] for a in term["articles"]) == ["other_story", "own_body"]
    page = next((out / "sources").glob("*.html")).read_text(encoding="utf-8")
    assert "Terms in its headlines that their own bodies never use" in page
    table = (out / "sources.csv").read_text(encoding="utf-8")
    assert "Leviathan (2)" in table


def test_ci_outputs_name_what_was_not_compared(tmp_path: Path) -> None:
    folder = _pages(tmp_path)

    def check(fmt: str) -> str:  # a new index each time: nothing skipped as checked before
        index = str(tmp_path / f"{fmt}.sqlite")
        return _run("check", str(folder), "--index", index, "--format", fmt, "--exit-zero")[1]

    data = json.loads(check("json"))
    assert data["verdicts"] == {
        "altered": 3, "versions differ": 1, "unchanged": 0, "not compared": 1,
    }  # fmt: skip
    assert [Path(a["path"]).name for a in data["not_compared"]] == ["short.txt"]
    suite = ET.fromstring(check("junit")).find("testsuite")
    assert suite is not None and suite.get("skipped") == "1"
    skipped = [c for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert [c.get("classname", "").rsplit("/", 1)[-1] for c in skipped] == ["short.txt"]
    markdown = check("markdown")
    assert "Verdicts: 3 altered, 1 versions differ, 0 unchanged, 1 not compared." in markdown
