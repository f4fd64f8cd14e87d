"""The JSON report's layout: the fields later issues extend but never rename."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audit import FORMAT_VERSION, AuditResult, to_json
from audit.cli import main
from audit.findings import findings


def test_layout(seed_result: AuditResult) -> None:
    data = json.loads(to_json(seed_result))
    assert data["format_version"] == FORMAT_VERSION == 8
    assert [set(i) >= {"path", "sha256", "articles"} for i in data["inputs"]] == [True] * 5
    assert data["skipped"] == []
    article = data["articles"][0]
    assert set(article) >= {
        "id", "path", "line", "headline", "original_headline", "outlet", "severity", "changes",
    }  # fmt: skip
    change = article["changes"][0]
    assert set(change) >= {
        "where", "op", "original", "repost", "kinds", "unsupported", "original_span",
        "repost_span",
    }  # fmt: skip
    assert change["where"] == "headline" and change["op"] in {"replace", "insert", "delete"}
    start, end = change["original_span"]
    assert article["original_headline"][start:end] == change["original"]


def test_ids_are_unique_and_paths_as_given(seed_result: AuditResult) -> None:
    data = json.loads(to_json(seed_result))
    ids = [a["id"] for a in data["articles"]]
    assert len(ids) == len(set(ids)) == 32
    assert all(a["path"].startswith("seeds/") for a in data["articles"])


def test_findings_are_listed_as_check_gives_them(seed_result: AuditResult, tmp_path: Path) -> None:
    data = json.loads(to_json(seed_result))
    assert data["findings"] == [f.as_dict() for f in findings(seed_result)]
    ranks = ["high", "medium", "low"]
    assert [f["severity"] for f in data["findings"]] == sorted(
        (f["severity"] for f in data["findings"]), key=ranks.index
    )
    out = tmp_path / "r"
    args = ["run", "seeds", "-o", str(out), "--format", "json", "--select", "AUD2", "-q"]
    assert CliRunner().invoke(main, [*args, "--ignore", "AUD202"]).exit_code == 0
    selected = json.loads((out / "audit.json").read_text(encoding="utf-8"))["findings"]
    assert selected and {f["rule"] for f in selected} == {"AUD201"}
