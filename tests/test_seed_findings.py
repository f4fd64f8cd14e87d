"""Findings on the seed corpus: what a fact-checker must see."""

from __future__ import annotations

from audit import AuditResult, Severity
from audit.records import Kind
from audit.text import fold

from .conftest import DUMPS


def _reposts(result: AuditResult) -> list:
    return [a for a in result.articles if a.article.original_headline is not None]


def test_every_record_lists_the_inserted_term(seed_result: AuditResult) -> None:
    reposts = _reposts(seed_result)
    assert len(reposts) == 30
    for audit in reposts:
        terms = [t for c in audit.changes for t in c.unsupported]
        assert any("antichrist" in fold(t) for t in terms), audit.article.id
        assert audit.severity is Severity.HIGH


def test_unchanged_parts_of_headlines_carry_no_change(seed_result: AuditResult) -> None:
    for audit in _reposts(seed_result):
        # A recast (almost nothing of the original kept) is shown whole, on purpose.
        headline = [
            c for c in audit.changes if c.where == "headline" and Kind.RECAST not in c.kinds
        ]
        for change in headline:
            assert fold(change.original) != fold(change.repost)
        changed = sum(c.repost_span[1] - c.repost_span[0] for c in headline)
        assert changed < len(audit.article.headline)
    by_line = {
        a.article.line: a for a in _reposts(seed_result) if a.article.path.endswith(DUMPS[0])
    }
    (change,) = by_line[43].changes
    assert (change.original, change.repost) == ("cleric’s", "Antichrist’s")


def test_repeated_records_carry_the_same_findings(seed_result: AuditResult) -> None:
    def findings(name: str) -> dict[str, object]:
        return {
            fold(a.article.headline): [(c.op, c.original, c.repost, c.kinds, c.unsupported)
                                       for c in a.changes]
            for a in _reposts(seed_result) if a.article.path.endswith(name)
        }  # fmt: skip

    first, second = findings(DUMPS[0]), findings(DUMPS[1])
    shared = first.keys() & second.keys()
    assert len(shared) == 6
    assert all(first[h] == second[h] for h in shared)


def _find(result: AuditResult, start: str):
    (audit,) = [a for a in _reposts(result) if a.article.headline.startswith(start)]
    return audit


def test_at_least_seven_became_seven(seed_result: AuditResult) -> None:
    audit = _find(seed_result, "Seven protesters dead")
    first = audit.changes[0]
    assert (first.op, first.original) == ("delete", "At least")
    assert {k.value for k in first.kinds} == {"hedge-removed", "figure-changed"}


def test_report_says_removed_is_a_hedge(seed_result: AuditResult) -> None:
    audit = _find(seed_result, "Antichrist’s Men will stop attacks")
    assert [c.original for c in audit.changes if "hedge-removed" in c.kinds] == ["report says"]


def test_violence_against_became_from_is_agency(seed_result: AuditResult) -> None:
    audit = _find(seed_result, "Renewed demonstrations in Nasiriyah")
    (change,) = audit.changes
    assert change.original == "against protesters"
    assert {"agency-changed", "unsupported-term"} <= {k.value for k in change.kinds}


def test_revelation_insert_is_found_with_its_parts(seed_result: AuditResult) -> None:
    audit = _find(seed_result, "‘A threat from within’")
    (change,) = audit.changes
    assert change.original == "its militias"
    assert "Revelation 13" in change.unsupported


def test_single_articles_have_severity_none(seed_result: AuditResult) -> None:
    singles = [a for a in seed_result.articles if a.article.original_headline is None]
    assert len(singles) == 2 and all(a.severity is Severity.NONE for a in singles)
