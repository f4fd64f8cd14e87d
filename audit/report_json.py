"""The JSON report: a stable, deterministic, versioned view of an AuditResult."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .events import event_of_articles, outlet_claims
from .findings import findings
from .records import (
    VERDICTS,
    ArticleAudit,
    AuditResult,
    Change,
    Claim,
    Event,
    Kind,
    Match,
    Matching,
    Range,
    Severity,
    SourceProfile,
    Spread,
    Standing,
    Tally,
)

# Version of the JSON layout. Later versions only add fields, never rename them.
#   1: inputs, skipped, summary, articles with headline changes.
#   2: articles carry casualty `figures`; top-level `events` compares outlets' figures.
#   3: articles carry `matching` (original, duplicates, copies) and `body_diff`; changes
#      carry `line` and may be `where: "body"`; summary counts matched articles.
#   4: top-level `sources` (a profile per reposting source and outlet, with rating
#      criteria and grade); inputs carry `source` and `named_by`; summary counts sources.
#   5: articles carry `verdict` (altered | unchanged | not compared), `basis` (quoted
#      headline | matched original | own body | none), `confidence` and `quote_evidence`
#      (why a header line was taken for the quoted original); change kind `recast`.
#   6: summary counts articles by `verdict`; sources carry `headline_terms`, the terms
#      in their headlines that the articles' own bodies never use.
#   7: top-level `findings`, the rule findings `audit check` gives.
#   8: articles carry `version_changes` (how they differ from another version of
#      unknown order, `matching.version`; verdict `versions differ`, basis `other
#      version`); inputs carry `format` (text | html | warc | feed | jsonl | csv); articles carry
#      `url`, `published`, `captured`, `site`, `author` and `record` (where a record format says
#      the article comes from; null for plain text).
FORMAT_VERSION = 8


def to_json(result: AuditResult, wants_rule: Callable[[str], bool] | None = None) -> str:
    """The report as JSON text: same result, byte-identical output."""
    return json.dumps(to_dict(result, wants_rule), ensure_ascii=False, indent=2) + "\n"


def to_dict(result: AuditResult, wants_rule: Callable[[str], bool] | None = None) -> dict[str, Any]:
    """The report as plain data, in a fixed key order; the rule findings listed are those
    wants_rule accepts (all by default), most severe first, as `audit check` gives them."""
    events = event_of_articles(result.events)
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
                "source": i.source,
                "named_by": i.named_by,
                "format": i.format,
            }
            for i in result.inputs
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "articles": [_article(a, events.get(a.article.id)) for a in result.articles],
        "events": [_event(e) for e in result.events],
        "sources": [_source(s) for s in result.sources],
        "findings": [
            f.as_dict() for f in findings(result) if wants_rule is None or wants_rule(f.rule)
        ],
    }


def is_repost(audit: ArticleAudit) -> bool:
    """True for an article that quotes an original headline or was matched to one."""
    matched = audit.matching is not None and audit.matching.original is not None
    return audit.article.original_headline is not None or matched


def summary(result: AuditResult) -> dict[str, Any]:
    """Counts a reader wants first: files, articles, reposts, severities."""
    reposts = [a for a in result.articles if is_repost(a)]
    by_severity = {s.value: 0 for s in reversed(Severity)}
    for audit in result.articles:
        by_severity[audit.severity.value] += 1
    return {
        "files": len(result.inputs),
        "skipped": len(result.skipped),
        "articles": len(result.articles),
        "reposts": len(reposts),
        "with_unsupported_terms": sum(
            1 for a in result.articles if has_kind(a, Kind.UNSUPPORTED_TERM)
        ),
        "with_changes": sum(1 for a in result.articles if a.changes),
        "severity": by_severity,
        "verdict": {v: sum(1 for a in result.articles if a.verdict == v) for v in VERDICTS},
        "with_original": sum(1 for a in result.articles if a.matching and a.matching.original),
        "with_duplicates": sum(1 for a in result.articles if a.matching and a.matching.duplicates),
        "with_body_changes": sum(1 for a in result.articles if body_changed(a)),
        "events": len(result.events),
        "events_with_disagreement": sum(1 for e in result.events if e.flags),
        "sources": len(result.sources),
        "reposters": sum(1 for s in result.sources if s.kind == "reposter"),
    }


def compared_with(audit: ArticleAudit) -> str:
    """What the verdict rests on, in words: 'the quoted headline (confidence high)'."""
    if audit.basis == "none":
        return "nothing: no original was found and the body is too short to judge by"
    shown = {
        "own body": "its own body only",
        "other version": "another version of it (which came first is unknown)",
    }.get(audit.basis, f"the {audit.basis}")
    return f"{shown} (confidence {audit.confidence})"


def verdict_phrase(result: AuditResult) -> str:
    """'30 altered, 2 unchanged, 1 not compared': what the articles' verdicts are."""
    counts = summary(result)["verdict"]
    return ", ".join(f"{n} {verdict}" for verdict, n in counts.items())


def body_changed(audit: ArticleAudit) -> bool:
    """True when the article's body differs in wording from its original's."""
    return any(change.where == "body" for change in audit.changes)


def has_kind(audit: ArticleAudit, kind: Kind) -> bool:
    """True when any change of the article carries kind."""
    return any(kind in change.kinds for change in audit.changes)


def article_kinds(audit: ArticleAudit) -> list[str]:
    """The distinct kinds of an article's changes, in the fixed kind order."""
    present = {kind for change in audit.changes for kind in change.kinds}
    return [kind.value for kind in Kind if kind in present]


def _article(audit: ArticleAudit, event: str | None) -> dict[str, Any]:
    """One article's entry; event is the id of the event its own figures belong to."""
    a = audit.article
    own = outlet_claims(audit)
    return {
        "id": a.id,
        "path": a.path,
        "line": a.line,
        "headline": a.headline,
        "original_headline": a.original_headline,
        "original_line": a.original_line,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published,
        "captured": a.captured,
        "site": a.site,
        "author": a.author,
        "record": a.record,
        "severity": audit.severity.value,
        "verdict": audit.verdict,
        "basis": audit.basis,
        "confidence": audit.confidence,
        "quote_evidence": list(a.quote_evidence),
        "kinds": article_kinds(audit),
        "changes": [_change(c) for c in audit.changes],
        "version_changes": [_change(c) for c in audit.version_changes],
        "figures": [_figure(c, event if c in own else None) for c in audit.figures],
        "matching": _matching(audit.matching),
        "body_diff": _body_diff(audit),
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
        "line": change.line,
    }


def _matching(matching: Matching | None) -> dict[str, Any] | None:
    """What an article was matched to: its original (or why none), duplicates and copies."""
    if matching is None:
        return None
    return {
        "original": _match(matching.original) if matching.original else None,
        "confidence": matching.confidence,
        "margin": matching.margin,
        "reason": matching.reason,
        "duplicates": [_match(m) for m in matching.duplicates],
        "copies": [_match(m) for m in matching.copies],
        "version": _match(matching.version) if matching.version else None,
    }


def _match(match: Match) -> dict[str, Any]:
    """Another article, where it is and how closely it matched."""
    return {
        "article": match.article,
        "path": match.path,
        "line": match.line,
        "outlet": match.outlet,
        "score": match.score,
        "on": match.on,
        "origin": match.origin,
    }


def _body_diff(audit: ArticleAudit) -> dict[str, Any] | None:
    """Sentence counts by kind and every sentence that is not unchanged, with its text.

    Spans are [start, end) in the bodies joined with blank lines.
    """
    body = audit.body
    if body is None or audit.matching is None or audit.matching.original is None:
        return None
    return {
        "against": audit.matching.original.article,
        "sentences": body.counts(),
        "pairs": [
            {
                "kind": pair.kind,
                "original": list(pair.original) if pair.original else None,
                "repost": list(pair.repost) if pair.repost else None,
                "original_text": body.original[slice(*pair.original)] if pair.original else None,
                "repost_text": body.repost[slice(*pair.repost)] if pair.repost else None,
            }
            for pair in body.pairs
            if pair.kind != "equal"
        ],
    }


def _figure(claim: Claim, event: str | None) -> dict[str, Any]:
    """One casualty claim; span is [start, end) in the text named by where and line."""
    return {
        "category": claim.category.value,
        "min": claim.min,
        "max": claim.max,
        "qualifier": claim.qualifier,
        "text": claim.text,
        "where": claim.where,
        "line": claim.line,
        "span": list(claim.span),
        "source": claim.source,
        "event": None if claim.background else event,
        "background": claim.background,
        "anchor": claim.anchor,
    }


def _event(event: Event) -> dict[str, Any]:
    """One event: each outlet's figures, their spread, and the disagreements."""
    return {
        "id": event.id,
        "label": event.label,
        "reports": [
            {
                "article": r.article,
                "outlet": r.outlet,
                "killed": _range(r.killed),
                "wounded": _range(r.wounded),
                "also": list(r.also),
            }
            for r in event.reports
        ],
        "killed": _spread(event.killed),
        "wounded": _spread(event.wounded),
        "flags": list(event.flags),
    }


def _range(value: Range | None) -> dict[str, int | None] | None:
    """A count range, or None when not stated."""
    return None if value is None else {"min": value.min, "max": value.max}


def _spread(value: Spread | None) -> dict[str, int] | None:
    """An event figure's spread across reports."""
    if value is None:
        return None
    return {
        "low": value.low,
        "high": value.high,
        "consensus": value.consensus,
        "reports": value.reports,
    }


def _source(profile: SourceProfile) -> dict[str, Any]:
    """One source's profile: counts with their articles, terms, copying, criteria, grade.

    ``substitutions`` lists the inserted terms that replaced some original wording, with
    each wording and its articles; ``systematic`` marks a term standing in for several.
    """
    return {
        "name": profile.name,
        "kind": profile.kind,
        "named_by": profile.named_by,
        "files": list(profile.files),
        "articles": len(profile.articles),
        "article_ids": list(profile.articles),
        "grade": profile.grade,
        "criteria": [
            {
                "id": c.id,
                "met": c.met,
                "share": c.share,
                "judged": c.judged,
                "evidence": list(c.evidence),
            }
            for c in profile.criteria
        ],
        "counts": {t.key: _tally(t) for t in profile.counts},
        "inserted_terms": [
            {"term": t.term, "count": len(t.articles), "articles": list(t.articles)}
            for t in profile.inserted_terms
        ],
        "substitutions": [
            {
                "term": t.term,
                "systematic": len(t.replaced) > 1,
                "replaced": [{"original": r.key, **_tally(r)} for r in t.replaced],
            }
            for t in profile.inserted_terms
            if t.replaced
        ],
        "hedges_removed": [{"original": t.key, **_tally(t)} for t in profile.hedges_removed],
        "headline_terms": [{"term": t.key, **_tally(t)} for t in profile.headline_terms],
        "copies_from": [{"source": t.key, **_tally(t)} for t in profile.copies_from],
        "copied_by": [{"source": t.key, **_tally(t)} for t in profile.copied_by],
        "events": [_standing(s) for s in profile.standings],
    }


def _tally(tally: Tally) -> dict[str, Any]:
    """A count and the articles behind it."""
    return {"count": len(tally.articles), "articles": list(tally.articles)}


def _standing(standing: Standing) -> dict[str, Any]:
    """An outlet's figure for an event against the range of the other outlets' figures."""
    return {
        "event": standing.event,
        "category": standing.category,
        "article": standing.article,
        "figure": _range(standing.figure),
        "others": _range(standing.others),
        "position": standing.position,
        "consensus": standing.consensus,
    }
