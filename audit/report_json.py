"""The JSON report: a stable, deterministic, versioned view of an AuditResult."""

from __future__ import annotations

import json
from typing import Any

from .records import ArticleAudit, AuditResult, Change, Kind, Severity

# Version of the JSON layout. Later versions only add fields, never rename them.
#   1: inputs, skipped, summary, articles with headline changes.
FORMAT_VERSION = 1


def to_json(result: AuditResult) -> str:
    """The report as JSON text: same result, byte-identical output."""
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def to_dict(result: AuditResult) -> dict[str, Any]:
    """The report as plain data, in a fixed key order."""
    return {
        "format_version": FORMAT_VERSION,
        "summary": summary(result),
        "inputs": [
            {
                "path": i.path,
                "sha256": i.sha256,
                "encoding": i.encoding,
                "articles": i.articles,
                "warnings": list(i.warnings),
            }
            for i in result.inputs
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "articles": [_article(a) for a in result.articles],
    }


def summary(result: AuditResult) -> dict[str, Any]:
    """Counts a reader wants first: files, articles, reposts, severities."""
    reposts = [a for a in result.articles if a.article.original_headline is not None]
    by_severity = {s.value: 0 for s in reversed(Severity)}
    for audit in result.articles:
        by_severity[audit.severity.value] += 1
    return {
        "files": len(result.inputs),
        "skipped": len(result.skipped),
        "articles": len(result.articles),
        "reposts": len(reposts),
        "with_unsupported_terms": sum(1 for a in reposts if has_kind(a, Kind.UNSUPPORTED_TERM)),
        "with_changes": sum(1 for a in reposts if a.changes),
        "severity": by_severity,
    }


def has_kind(audit: ArticleAudit, kind: Kind) -> bool:
    """True when any change of the article carries kind."""
    return any(kind in change.kinds for change in audit.changes)


def article_kinds(audit: ArticleAudit) -> list[str]:
    """The distinct kinds of an article's changes, in the fixed kind order."""
    present = {kind for change in audit.changes for kind in change.kinds}
    return [kind.value for kind in Kind if kind in present]


def _article(audit: ArticleAudit) -> dict[str, Any]:
    """One article's entry."""
    a = audit.article
    return {
        "id": a.id,
        "path": a.path,
        "line": a.line,
        "headline": a.headline,
        "original_headline": a.original_headline,
        "original_line": a.original_line,
        "outlet": a.outlet,
        "severity": audit.severity.value,
        "kinds": article_kinds(audit),
        "changes": [_change(c) for c in audit.changes],
        "chrome": [{"line": c.line, "kind": c.kind, "text": c.text} for c in a.chrome],
        "body": [{"line": p.line, "text": p.text} for p in a.body],
    }


def _change(change: Change) -> dict[str, Any]:
    """One change's entry; spans are [start, end) character offsets into the headlines."""
    return {
        "where": change.where,
        "op": change.op,
        "original": change.original,
        "repost": change.repost,
        "kinds": [k.value for k in change.kinds],
        "unsupported": list(change.unsupported),
        "original_span": list(change.original_span),
        "repost_span": list(change.repost_span),
    }
