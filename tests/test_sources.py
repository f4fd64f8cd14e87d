"""Source profiles: who published what, what each reposter altered, how outlets' figures
compare, the rating, and the JSON, HTML and CSV that show them, driven through the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from audit import rating
from audit.cli import ExitCode, main
from audit.records import Criterion
from audit.report import MANIFEST
from audit.report_sources import source_href
from audit.sources import Naming

from .conftest import DATA, DUMPS, SEEDS

FAITHFUL = DATA / "faithful"
FRINGE = "Fringe site"


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _audit(tmp_path: Path, *args: str) -> dict[str, Any]:
    """Run the CLI into tmp_path and return the JSON report."""
    result = _run("run", *args, "-o", str(tmp_path), "-q")
    assert result.exit_code == ExitCode.OK, result.stderr
    return json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))


def _source(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in report["sources"] if s["name"] == name)


@pytest.fixture(scope="module")
def fringe(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The seed dumps named as one source, next to the rest of the seeds."""
    out = tmp_path_factory.mktemp("fringe")
    dumps = [str(SEEDS / name) for name in DUMPS]
    result = _run("run", *dumps, "--source", FRINGE, "-o", str(out), "-q")
    assert result.exit_code == ExitCode.OK, result.stderr
    return out, json.loads((out / "audit.json").read_text(encoding="utf-8"))


def test_seed_dumps_as_one_reposter(fringe: tuple[Path, dict[str, Any]]) -> None:
    _, report = fringe
    profile = _source(report, FRINGE)
    assert profile["kind"] == "reposter" and profile["named_by"] == "option"
    assert profile["files"] == [f"{SEEDS / name}" for name in DUMPS]
    counts = profile["counts"]
    # 30 records, six of them the same article seen again: 24 distinct reposts.
    assert counts["reposted"]["count"] == 24 == profile["articles"]
    assert counts["seen-again"]["count"] == 6
    # Every repost's headline was altered, and every number lists its articles.
    assert counts["altered-headline"]["articles"] == profile["article_ids"]
    for tally in counts.values():
        assert tally["count"] == len(tally["articles"])
    assert all(a["source"] == FRINGE for a in report["inputs"])


def test_one_inserted_term_stands_in_for_many_actors(fringe: tuple[Path, dict[str, Any]]) -> None:
    _, report = fringe
    profile = _source(report, FRINGE)
    top = profile["inserted_terms"][0]
    assert top["count"] >= 10
    systematic = [s for s in profile["substitutions"] if s["systematic"]]
    assert systematic[0]["term"] == top["term"]
    replaced = {r["original"] for r in systematic[0]["replaced"]}
    assert {"Sadr", "PMF", "its militias", "Muqtada al-Sadr"} <= replaced
    assert len(replaced) >= 8
    sadr = next(r for r in systematic[0]["replaced"] if r["original"] == "Sadr")
    assert sadr["count"] == len(sadr["articles"]) >= 5


def test_hedges_removed_and_outlets_copied(fringe: tuple[Path, dict[str, Any]]) -> None:
    _, report = fringe
    profile = _source(report, FRINGE)
    hedges = {h["original"]: h["articles"] for h in profile["hedges_removed"]}
    assert hedges["At least"] == ["000_892628b71d65a9e5-L1"]
    assert hedges["report says"] == ["002_c4cef2f461591f60-L313"]
    copied = {c["source"]: c["count"] for c in profile["copies_from"]}
    for outlet in ("Rudaw", "Associated Press", "Reuters", "Al Jazeera", "The Arab Weekly"):
        assert copied[outlet] >= 1
    assert copied["The Arab Weekly"] == 7 and copied["Rudaw"] == 5


def test_the_reposter_fails_the_facts_criteria(fringe: tuple[Path, dict[str, Any]]) -> None:
    _, report = fringe
    profile = _source(report, FRINGE)
    criteria = {c["id"]: c for c in profile["criteria"]}
    assert profile["grade"] == "F"
    assert criteria["no-inserted-terms"]["met"] is False
    assert criteria["no-inserted-terms"]["share"] == 0.0
    assert criteria["figures-kept"]["evidence"] == ["000_892628b71d65a9e5-L1"]
    assert criteria["meaning-kept"]["evidence"] == ["002_c4cef2f461591f60-L141"]
    assert criteria["hedges-kept"]["share"] == round(21 / 24, 3)


def test_nasiriyah_outlets_placed_against_the_others(tmp_path: Path) -> None:
    report = _audit(tmp_path, str(SEEDS))
    nasiriyah = next(e for e in report["events"] if len(e["reports"]) == 4)
    positions = {}
    for report_ in nasiriyah["reports"]:
        outlet = _source(report, report_["outlet"])
        assert outlet["kind"] == "outlet" and outlet["named_by"] == "outlet"
        killed = next(
            s
            for s in outlet["events"]
            if s["event"] == nasiriyah["id"] and s["category"] == "killed"
        )
        positions[report_["outlet"]] = (
            killed["figure"]["min"],
            killed["position"],
            killed["others"],
        )
    assert positions == {
        "Rudaw": (7, "above", {"min": 3, "max": 5}),
        "Associated Press": (5, "inside", {"min": 3, "max": 7}),
        "Reuters": (3, "below", {"min": 4, "max": 7}),
        "Al Jazeera": (4, "inside", {"min": 3, "max": 7}),
    }


def test_unnamed_files_are_their_own_sources(tmp_path: Path) -> None:
    report = _audit(tmp_path, str(SEEDS))
    assert {(i["source"], i["named_by"]) for i in report["inputs"]} == {
        (Path(i["path"]).name, "file") for i in report["inputs"]
    }
    assert _source(report, "000_892628b71d65a9e5.txt")["kind"] == "reposter"
    # The Al-Monitor original in file 003 counts for its outlet, which others copy.
    monitor = _source(report, "Al-Monitor")
    assert "003_81ef8f3b8094cae4-L1" in monitor["article_ids"]
    assert {c["source"] for c in monitor["copied_by"]} == {
        "000_892628b71d65a9e5.txt",
        "001_afa5ccce8ab925d8.txt",
    }
    bawaba = _source(report, "Al Bawaba")
    assert [c["source"] for c in bawaba["copies_from"]] == ["The Arab Weekly"]
    page = (tmp_path / "sources.html").read_text(encoding="utf-8")
    assert "the input file is its own source" in page


def test_faithful_source_meets_every_criterion(tmp_path: Path) -> None:
    report = _audit(
        tmp_path,
        str(FAITHFUL / "repost"),
        "--reference",
        str(FAITHFUL / "orig"),
        "--source",
        "Faithful wire",
    )
    profile = _source(report, "Faithful wire")
    assert profile["kind"] == "reposter" and profile["articles"] == 3
    assert [(c["id"], c["met"], c["judged"], c["share"]) for c in profile["criteria"]] == [
        (spec.id, True, 3, 1.0) for spec in rating.CRITERIA
    ]
    assert profile["grade"] == "A"
    assert profile["inserted_terms"] == [] and profile["hedges_removed"] == []
    assert profile["counts"]["body-intact"]["count"] == 3


def test_one_changed_figure_costs_a_faithful_source_its_grade(tmp_path: Path) -> None:
    text = (FAITHFUL / "repost" / "wire.txt").read_text(encoding="utf-8")
    altered = text.replace("At least 12 killed as floods", "20 killed as floods", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(altered, encoding="utf-8")
    report = _audit(
        tmp_path / "out", str(tmp_path / "in"), "--reference", str(FAITHFUL / "orig"),
        "--source", "Wire",
    )  # fmt: skip
    criteria = {c["id"]: c for c in _source(report, "Wire")["criteria"]}
    assert criteria["figures-kept"]["met"] is False
    assert criteria["figures-kept"]["evidence"] == ["wire-L1"]
    assert criteria["hedges-kept"]["met"] is False
    assert criteria["bodies-intact"]["met"] is True
    assert _source(report, "Wire")["grade"] == "D"


@pytest.mark.parametrize(
    ("failed", "grade"),
    [
        ((), "A"),
        (("headlines-unaltered",), "B"),
        (("headlines-unaltered", "bodies-intact"), "B"),
        (("hedges-kept",), "C"),
        (("names-kept", "bodies-intact"), "C"),
        (("figures-kept", "hedges-kept"), "D"),
        (("no-inserted-terms", "meaning-kept"), "F"),
    ],
)
def test_grade_rule(failed: tuple[str, ...], grade: str) -> None:
    criteria = [
        Criterion(spec.id, 4, ("x",) if spec.id in failed else ()) for spec in rating.CRITERIA
    ]
    assert rating.grade(criteria) == grade


def test_nothing_judged_is_unrated() -> None:
    criteria = [Criterion(spec.id, 0, ()) for spec in rating.CRITERIA]
    assert rating.grade(criteria) == rating.UNRATED
    assert {g for g, _ in rating.GRADE_RULES} == {"A", "B", "C", "D", "F", rating.UNRATED}


def test_config_names_sources_by_glob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dumps").mkdir()
    for name in DUMPS[:2]:
        (tmp_path / "dumps" / name).write_bytes((SEEDS / name).read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.audit.sources]\n"dumps/000_*.txt" = "First site"\n"dumps/*.txt" = "Second site"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    report = _audit(tmp_path / "out", "dumps")
    named = {Path(i["path"]).name: (i["source"], i["named_by"]) for i in report["inputs"]}
    assert named == {DUMPS[0]: ("First site", "config"), DUMPS[1]: ("Second site", "config")}
    # --source overrides the globs.
    report = _audit(tmp_path / "out2", "dumps", "--source", "One")
    assert {i["source"] for i in report["inputs"]} == {"One"}


def test_bad_sources_table_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.audit.sources]\n"*.txt" = 3\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run("run", str(SEEDS / DUMPS[0]), "-o", str(tmp_path / "out"))
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.count("\n") == 1 and "[tool.audit.sources]" in result.stderr
    assert not (tmp_path / "out").exists()
    assert _run("run", str(SEEDS / DUMPS[0]), "--source", " ").exit_code == ExitCode.ERROR


def test_glob_matches_relative_to_the_config_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "x.txt"
    naming = Naming(None, (("a/*.txt", "A"),), str(tmp_path))
    assert naming.name(str(path)) == ("A", "config")
    assert naming.name(str(tmp_path / "y.txt")) == ("y.txt", "file")


HREF = re.compile(r'href="([^"]+)"')


def _targets(page: Path, root: Path) -> list[str]:
    """Every link of a page that does not resolve to a file or an anchor on its page."""
    broken = []
    text = page.read_text(encoding="utf-8")
    for href in HREF.findall(text):
        path, _, anchor = href.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.is_file() or (
            anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8")
        ):
            broken.append(href)
    assert root in page.parents
    return broken


def test_source_pages_link_both_ways(fringe: tuple[Path, dict[str, Any]]) -> None:
    out, _ = fringe
    pages = [out / "sources.html", *sorted((out / "sources").glob("*.html"))]
    assert len(pages) == 1 + len({s["name"] for s in _fringe_sources(out)})
    for page in [*pages, out / "events.html", out / "index.html"]:
        assert _targets(page, out) == [], page
    fringe_page = out / source_href(FRINGE)
    text = fringe_page.read_text(encoding="utf-8")
    # Each number links to the list of its articles, and each article to its page.
    assert '<a href="#count-' in text and 'href="../articles/000_892628b71d65a9e5-L1.html"' in text
    assert "stands in for" in text and "<q>report says</q>" in text
    assert f'href="../{source_href("Rudaw")}"' in text  # copies from, linked
    article = (out / "articles" / "001_afa5ccce8ab925d8-L1.html").read_text(encoding="utf-8")
    assert f'href="../{source_href(FRINGE)}"' in article  # a record seen again links back
    assert f'href="../{source_href("The Arab Weekly")}"' in article
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="sources.html"' in index
    assert "<script" not in text


def test_outlet_page_links_events_and_events_link_outlets(tmp_path: Path) -> None:
    _audit(tmp_path, str(SEEDS))
    rudaw = (tmp_path / source_href("Rudaw")).read_text(encoding="utf-8")
    assert 'href="../events.html#event-1"' in rudaw
    assert re.search(r'class="position position-above">above<', rudaw)
    events = (tmp_path / "events.html").read_text(encoding="utf-8")
    assert f'href="{source_href("Rudaw")}"' in events
    assert f'href="{source_href("Associated Press")}"' in events


def test_hostile_source_name_is_escaped(tmp_path: Path) -> None:
    name = '<script>alert(1)</script>" onload="x'
    result = _run("run", str(SEEDS / DUMPS[2]), "--source", name, "-o", str(tmp_path), "-q")
    assert result.exit_code == ExitCode.OK, result.stderr
    page = tmp_path / source_href(name)
    assert page.parent == tmp_path / "sources" and re.fullmatch(r"[a-z0-9-]+\.html", page.name)
    for html in (page, tmp_path / "sources.html"):
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text and '" onload="' not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_csv_export_of_the_sources_table(tmp_path: Path) -> None:
    name = "=HYPERLINK(1)"
    dumps = [str(SEEDS / n) for n in DUMPS]
    result = _run("run", *dumps, "--source", name, "-o", str(tmp_path), "--format", "csv", "-q")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "articles.csv", "sources.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "sources.csv").read_text("utf-8"))))
    first = rows[0]
    assert first["name"] == "'=HYPERLINK(1)" and first["kind"] == "reposter"
    assert first["grade"] == "F" and first["articles"] == "24"
    assert first["no-inserted-terms"] == "not met" and first["meaning-kept_share"] == "0.958"
    assert "Rudaw (5)" in first["copies_from"]
    assert {r["kind"] for r in rows[1:]} == {"outlet"}


def test_check_reports_grades_of_the_checked_sources(tmp_path: Path) -> None:
    args = [str(SEEDS / DUMPS[0]), "--index", str(tmp_path / "i.sqlite"), "--source", FRINGE]
    result = _run("check", *args, "--format", "json", "--exit-zero")
    assert result.exit_code == ExitCode.OK, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert sources == [
        {
            "name": FRINGE,
            "kind": "reposter",
            "grade": "F",
            "criteria_not_met": [
                "headlines-unaltered", "names-kept", "hedges-kept",
                "no-inserted-terms", "figures-kept",
            ],
        }
    ]  # fmt: skip
    markdown = _run("check", *args, "--format", "markdown", "--exit-zero")
    assert f"| {FRINGE} | F |" in markdown.stdout


def _fringe_sources(out: Path) -> list[dict[str, Any]]:
    report: dict[str, Any] = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    sources: list[dict[str, Any]] = report["sources"]
    return sources


def test_profile_of_a_reposter_never_seen(tmp_path: Path) -> None:
    report = _audit(tmp_path, str(DATA / "unseen_dump.txt"), "--source", "Unseen")
    profile = _source(report, "Unseen")
    terms = {t["term"] for t in profile["inserted_terms"]}
    assert {"Serpent\u2019s army", "Dragon Lords", "admits", "Satan\u2019s harvest"} <= terms
    hedges = {h["original"] for h in profile["hedges_removed"]}
    assert {"police say", "officials say", "At least"} <= hedges
    # Six records, one relayed with its headline unchanged.
    assert profile["counts"]["reposted"]["count"] == 6
    assert profile["counts"]["altered-headline"]["count"] == 5
    headlines = next(c for c in profile["criteria"] if c["id"] == "headlines-unaltered")
    assert (headlines["judged"], headlines["share"]) == (6, round(1 / 6, 3))
    assert profile["grade"] == "F"
