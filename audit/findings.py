"""Findings: an audit result as a flat list of rule violations, for CI.

Each finding has a rule id (see ``rules``), a place (path, line, columns) and a
fingerprint computed from normalised content only (rule, original and repost wording,
the article's own headline, where in the article), never from paths or line numbers,
so a moved or re-wrapped file keeps its fingerprints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .align import paragraph_position
from .records import ArticleAudit, AuditResult, Change, Event, Kind, Severity
from .rules import KIND_RULES, OWN_BODY_RULE, VERSION_RULE, Rule, rule
from .text import fold


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule violation at one place; columns are 1-based, end exclusive."""

    rule: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_column: int
    article: str
    where: str
    original: str
    repost: str
    fingerprint: str

    def as_dict(self) -> dict[str, Any]:
        """The finding as plain data, for JSON."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_column": self.end_column,
            "article": self.article,
            "where": self.where,
            "original": self.original,
            "repost": self.repost,
            "fingerprint": self.fingerprint,
        }


def findings(result: AuditResult) -> tuple[Finding, ...]:
    """Every finding of an audit, most severe first, then in file order and rule order."""
    found = [f for audit in result.articles for f in _article_findings(audit)]
    found.extend(f for event in result.events for f in _event_findings(event, result))
    return tuple(sorted(found, key=order))


def order(f: Finding) -> tuple[int, str, int, int, str, str]:
    """The order findings are listed in everywhere: most severe first, then by place."""
    return (-f.severity.rank, f.path, f.line, f.column, f.rule, f.fingerprint)


def _rules(audit: ArticleAudit, change: Change) -> list[tuple[Rule, str]]:
    """The rules a change raises, each with what it adds to the message. A substitution
    whose new wording is itself unsupported is one finding: the unsupported term, which
    says that it stands where the original named someone."""
    if audit.basis == "own body":
        return [(OWN_BODY_RULE, "")]
    kinds = list(change.kinds)
    if Kind.SUBSTITUTION in kinds and Kind.UNSUPPORTED_TERM in kinds:
        kinds.remove(Kind.SUBSTITUTION)
        return [
            (KIND_RULES[k], ", in place of a named actor" if k is Kind.UNSUPPORTED_TERM else "")
            for k in kinds
        ]
    return [(KIND_RULES[k], "") for k in kinds]


def fingerprint(*parts: str) -> str:
    """A stable digest of normalised content."""
    text = "\x1f".join(fold(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _article_findings(audit: ArticleAudit) -> Iterator[Finding]:
    """The findings of one article's changes, and of a repost with no original found."""
    a = audit.article
    identity = a.original_headline or a.headline
    ruled = [(c, _rules(audit, c)) for c in audit.changes]
    ruled += [(c, [(VERSION_RULE, "")]) for c in audit.version_changes]
    for change, rules in ruled:
        line, column = _position(audit, change)
        for r, note in dict.fromkeys(rules):
            yield Finding(
                rule=r.id,
                severity=r.severity,
                message=_message(r, change) + note,
                path=a.path,
                line=line,
                column=column,
                end_column=column + max(1, change.repost_span[1] - change.repost_span[0]),
                article=a.id,
                where=change.where,
                original=change.original,
                repost=change.repost,
                fingerprint=fingerprint(
                    r.id, change.where, change.original, change.repost, identity
                ),
            )
    matching = audit.matching
    if a.original_headline is not None and matching is not None and matching.original is None:
        r = rule("AUD301")
        yield Finding(
            r.id, r.severity, f"{r.summary} ({matching.reason})", a.path, a.line, 1,
            1 + len(a.headline), a.id, "article", a.original_headline, a.headline,
            fingerprint(r.id, identity),
        )  # fmt: skip


def _event_findings(event: Event, result: AuditResult) -> Iterator[Finding]:
    """One finding per report of an event whose outlets disagree on a figure."""
    if not event.flags:
        return
    r = rule("AUD202")
    articles = {audit.article.id: audit.article for audit in result.articles}
    message = f"{event.label}: " + "; ".join(event.flags)
    for report in event.reports:
        a = articles[report.article]
        yield Finding(
            r.id, r.severity, message, a.path, a.line, 1, 1 + len(a.headline), a.id, "event",
            "", "; ".join(event.flags), fingerprint(r.id, a.original_headline or a.headline),
        )  # fmt: skip


def _position(audit: ArticleAudit, change: Change) -> tuple[int, int]:
    """File line and 1-based column where a change starts in the repost (a record's own
    place, for an article of a record format: its text is not the file's)."""
    if audit.article.record is not None:
        return audit.article.line, 1
    if change.where == "headline":
        return audit.article.line, change.repost_span[0] + 1
    return paragraph_position(audit.article.body, change.repost_span[0])


def _message(r: Rule, change: Change) -> str:
    """One line saying what changed (what differs, between versions of unknown order)."""
    before = f"'{change.original}'" if change.original else "nothing"
    after = f"'{change.repost}'" if change.repost else "nothing"
    if r is VERSION_RULE:
        return (
            f"{r.name} in {change.where}: {after} here, {before} in the other version "
            "(which came first is unknown)"
        )
    terms = f" (unsupported: {', '.join(change.unsupported)})" if change.unsupported else ""
    return f"{r.name} in {change.where}: {before} became {after}{terms}"
