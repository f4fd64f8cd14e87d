"""Matching on the seeds: the same article seen twice, another outlet's copy, the original
body in another file, and the body compared with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import AuditResult, audit_paths
from audit.cli import main
from audit.index import Index
from audit.pipeline import Originals, index_paths
from audit.records import ArticleAudit, Kind

from .conftest import DUMPS, SEEDS

REPOST_OF_003 = ("000_892628b71d65a9e5-L446", "001_afa5ccce8ab925d8-L296")
ORIGINAL = "003_81ef8f3b8094cae4-L1"


def _by_id(result: AuditResult) -> dict[str, ArticleAudit]:
    return {a.article.id: a for a in result.articles}


def test_the_six_records_repeated_in_000_and_001_are_duplicates(seed_result: AuditResult) -> None:
    pairs = set()
    for audit in seed_result.articles:
        assert audit.matching is not None
        for twin in audit.matching.duplicates:
            pairs.add(tuple(sorted((audit.article.id, twin.article))))
    assert len(pairs) == 6
    for a, b in pairs:
        assert a.startswith(DUMPS[0][:-4]) and b.startswith(DUMPS[1][:-4])
    audits = _by_id(seed_result)
    assert audits[a].article.headline == audits[b].article.headline


def test_the_first_record_of_002_copies_the_second(seed_result: AuditResult) -> None:
    audits = _by_id(seed_result)
    copy, source = audits["002_c4cef2f461591f60-L1"], audits["002_c4cef2f461591f60-L49"]
    assert copy.matching and copy.matching.original
    assert copy.matching.original.article == source.article.id
    assert (copy.article.outlet, copy.matching.original.outlet) == ("Al Bawaba", "The Arab Weekly")
    assert copy.matching.confidence == "high" and copy.matching.original.score > 0.95
    assert source.matching and source.matching.original is None
    assert [m.article for m in source.matching.copies] == [copy.article.id]
    assert source.matching.reason == "earliest version found: others copied it"
    assert not [c for c in copy.changes if c.where == "body"]  # the body is copied whole


def test_003_is_the_original_of_the_repost_in_000_and_001(seed_result: AuditResult) -> None:
    audits = _by_id(seed_result)
    for repost in REPOST_OF_003:
        matching = audits[repost].matching
        assert matching and matching.original and matching.original.article == ORIGINAL
        assert matching.original.on == "body" and matching.confidence == "high"
    original = audits[ORIGINAL].matching
    assert original and original.original is None
    assert {m.article for m in original.copies} == set(REPOST_OF_003)


def test_the_same_text_under_the_same_headline_is_a_duplicate(tmp_path: Path) -> None:
    text = (SEEDS / "003_81ef8f3b8094cae4.txt").read_text(encoding="utf-8")
    retyped = _write(tmp_path / "retyped.txt", text.replace("’", "'").replace("  ", " "))
    result = audit_paths([retyped, str(SEEDS / "003_81ef8f3b8094cae4.txt")])
    matching = result.articles[0].matching
    assert matching and matching.original is None
    assert [m.article for m in matching.duplicates] == [ORIGINAL]


def test_unrelated_articles_say_why_they_have_no_original(seed_result: AuditResult) -> None:
    audit = _by_id(seed_result)["004_bded5637d4401b88-L3"]
    assert audit.matching and audit.matching.original is None
    assert audit.matching.reason and audit.matching.reason.startswith("no similar article")
    assert not audit.matching.duplicates and not audit.matching.copies


def test_references_and_index_find_the_original_for_an_input_alone(tmp_path: Path) -> None:
    reposts = str(SEEDS / DUMPS[0])
    original = str(SEEDS / "003_81ef8f3b8094cae4.txt")
    by_reference = _by_id(audit_paths([reposts], originals=Originals(references=(original,))))
    index = Index.open(str(tmp_path / "index.sqlite"))
    index_paths(index, [original])
    by_index = _by_id(audit_paths([reposts], originals=Originals(index=index)))
    for audits, origin in ((by_reference, "reference"), (by_index, "index")):
        matching = audits[REPOST_OF_003[0]].matching
        assert matching and matching.original
        assert (matching.original.article, matching.original.origin) == (ORIGINAL, origin)


def test_a_reposts_own_copy_among_the_inputs_never_hides_its_original(tmp_path: Path) -> None:
    """The repost shares 8 of 64 bands with its original in the index and all 64 with its
    copy among the inputs: the copy must not set the bar the original is held to (a
    floor of a quarter of 64 bands would drop the original)."""
    original = SEEDS / "003_81ef8f3b8094cae4.txt"
    words = original.read_text(encoding="utf-8").split(" ")
    edited = " ".join(w + "s" if k % 5 == 4 and w.isalpha() else w for k, w in enumerate(words))
    repost = edited.replace("Iraqi militias defy", "The Beast's men defy", 1)
    _write(tmp_path / "repost.txt", repost)
    _write(tmp_path / "copy.txt", repost)
    index = str(tmp_path / "index.sqlite")
    assert main_run(["index", "add", str(original), "--index", index]) == 0
    out = tmp_path / "out"
    code = main_run(["run", str(tmp_path / "repost.txt"), str(tmp_path / "copy.txt"),
                     "--index", index, "-o", str(out), "-q"])  # fmt: skip
    assert code == 0
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    found = {
        Path(a["path"]).name: (a["matching"] or {}).get("original") for a in report["articles"]
    }
    assert {name: m and (m["article"], m["origin"]) for name, m in found.items()} == {
        "repost.txt": (ORIGINAL, "index"), "copy.txt": (ORIGINAL, "index"),
    }  # fmt: skip


def main_run(args: list[str]) -> int:
    """The exit code of the audit command line with args."""
    return CliRunner().invoke(main, args).exit_code


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _tampered(tmp_path: Path, old: str, new: str) -> ArticleAudit:
    """A single-article repost of seed 003 under a new headline, one body phrase replaced."""
    original = (SEEDS / "003_81ef8f3b8094cae4.txt").read_text(encoding="utf-8")
    assert old in original
    text = original.replace(old, new, 1).replace("Iraqi militias defy", "Militias defy", 1)
    repost = _write(tmp_path / "repost.txt", text)
    result = audit_paths(
        [repost], originals=Originals(references=(str(SEEDS / "003_81ef8f3b8094cae4.txt"),))
    )
    (audit,) = result.articles
    return audit


def test_a_term_inserted_into_the_body_is_found_with_its_span(tmp_path: Path) -> None:
    audit = _tampered(
        tmp_path, "the Iraqi security forces arrested", "the apostate hordes arrested"
    )
    assert audit.matching and audit.matching.original
    assert audit.matching.original.origin == "reference"
    (change,) = [c for c in audit.changes if c.where == "body"]
    assert Kind.UNSUPPORTED_TERM in change.kinds and change.unsupported == ("apostate hordes",)
    assert audit.body is not None
    assert audit.body.repost[slice(*change.repost_span)] == "apostate hordes"
    assert audit.body.original[slice(*change.original_span)] == "Iraqi security forces"
    assert (
        change.line
        and "apostate hordes"
        in Path(tmp_path / "repost.txt").read_text(encoding="utf-8").splitlines()[change.line - 1]
    )
    assert [p.kind for p in audit.body.pairs].count("changed") == 1


def test_a_removed_hedge_and_a_changed_figure_in_the_body(tmp_path: Path) -> None:
    audit = _tampered(
        tmp_path,
        "it seems that Kataib Hezbollah is taking the lead",
        "Kataib Hezbollah is taking the lead",
    )
    (change,) = [c for c in audit.changes if c.where == "body"]
    assert Kind.HEDGE_REMOVED in change.kinds and change.op == "delete"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Iran’s Islamic", "Iran's Islamic"),  # quote style
        ("Soleimani — such as", "Soleimani - such as"),  # dash style
        ("the militias have started", "the  militias   have started"),  # spacing
    ],
)
def test_typography_and_spacing_are_not_changes(tmp_path: Path, old: str, new: str) -> None:
    audit = _tampered(tmp_path, old, new)
    assert audit.matching and audit.matching.original and audit.body
    assert not [c for c in audit.changes if c.where == "body"]
    assert {p.kind for p in audit.body.pairs} == {"equal"}


def test_a_headline_only_article_is_matched_on_its_headline(tmp_path: Path) -> None:
    headline_only = _write(
        tmp_path / "short.txt",
        "The Beast's militias defy government, expand networks and pressure\n\n"
        "Iraqi militias defy government, expand networks and pressure\n\n"
        "Read more at the link.\n",
    )
    result = audit_paths(
        [headline_only], originals=Originals(references=(str(SEEDS / "003_81ef8f3b8094cae4.txt"),))
    )
    matching = result.articles[0].matching
    assert matching and matching.original
    assert (matching.original.article, matching.original.on) == (ORIGINAL, "headline")
