"""The JSON report's layout: the fields later issues extend but never rename."""

from __future__ import annotations

import json

from audit import FORMAT_VERSION, AuditResult, to_json


def test_layout(seed_result: AuditResult) -> None:
    data = json.loads(to_json(seed_result))
    assert data["format_version"] == FORMAT_VERSION == 6
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
