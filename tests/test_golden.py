"""Golden files of the seed audit: JSON, the index page and one article page."""

from __future__ import annotations

from audit import AuditResult, audit_paths, to_json
from audit.report_html import render

from .conftest import ROOT
from .goldtest import compare_golden


def test_seed_audit_json_matches_golden(seed_result: AuditResult) -> None:
    compare_golden("seeds_audit.json", to_json(seed_result))


def test_seed_html_matches_golden(seed_result: AuditResult) -> None:
    pages = render(seed_result)
    compare_golden("seeds_index.html", pages["index.html"])
    compare_golden("seeds_article_000_L1.html", pages["articles/000_892628b71d65a9e5-L1.html"])


def test_json_is_byte_identical_across_runs(monkeypatch, seed_result: AuditResult) -> None:
    monkeypatch.chdir(ROOT)
    assert to_json(audit_paths(["seeds"])) == to_json(seed_result)
