"""Records the tool was never tuned on: other stories, other inserted words."""

from __future__ import annotations

from audit import AuditResult, Severity


def _by_headline(result: AuditResult, start: str):
    (audit,) = [a for a in result.articles if a.article.headline.startswith(start)]
    return audit


def test_all_records_are_split(unseen_result: AuditResult) -> None:
    assert len(unseen_result.articles) == 6
    assert all(a.article.original_headline for a in unseen_result.articles)


def test_inserted_words_are_found(unseen_result: AuditResult) -> None:
    expected = {
        "Flood relief convoy": "Serpent’s army",
        "Twelve miners killed": "Dragon Lords",
        "Minister admits": "admits",
        "Satan’s harvest": "Satan’s harvest",  # shares one word with the original
    }
    for start, term in expected.items():
        audit = _by_headline(unseen_result, start)
        assert term in [t for c in audit.changes for t in c.unsupported], start
        assert audit.severity is Severity.HIGH


def test_unchanged_headline_has_severity_none(unseen_result: AuditResult) -> None:
    audit = _by_headline(unseen_result, "Parliament approves")
    assert audit.changes == () and audit.severity is Severity.NONE


def test_kinds_on_unseen_records(unseen_result: AuditResult) -> None:
    def kinds(start: str) -> set[str]:
        return {k.value for c in _by_headline(unseen_result, start).changes for k in c.kinds}

    assert {"hedge-removed", "substitution"} <= kinds("Flood relief convoy")
    assert {"hedge-removed", "figure-changed"} <= kinds("Twelve miners killed")
    assert kinds("Violence by journalists") == {"agency-changed"}
    assert "meaning-inverted" in kinds("Minister admits")
