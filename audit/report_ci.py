"""CI output of `audit check`: text, JSON, SARIF 2.1.0, GitHub workflow commands, JUnit XML
and Markdown. Each renderer takes the same data and returns text for stdout or a file."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from . import defaults
from .check import Outcome
from .findings import Finding, order
from .records import AuditResult, Severity
from .report_json import compared_with, summary, verdict_phrase
from .rules import RULES

CI_FORMATS = defaults.CI_FORMATS
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
_GITHUB_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}
# GitHub shows at most this many annotations of each level (error, warning, notice) per
# step and drops the rest (actions/toolkit, docs/problem-matchers.md, "Limitations").
GITHUB_ANNOTATIONS_PER_LEVEL = 10


def render(fmt: str, outcome: Outcome, result: AuditResult) -> str:
    """The check's findings in one of CI_FORMATS."""
    renderers: dict[str, Callable[[Outcome, AuditResult], str]] = {
        "text": _text,
        "json": _json,
        "sarif": _sarif,
        "github": _github,
        "junit": _junit,
        "markdown": _markdown,
    }
    return renderers[fmt](outcome, result)


def uri(path: str) -> str:
    """A path as a relative URI with forward slashes (SARIF artifactLocation.uri)."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return relative.replace(os.sep, "/")


def _text(outcome: Outcome, _result: AuditResult) -> str:
    """One line per new finding, like a compiler: path:line:column: RULE [severity] message."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}\n"
        for f in outcome.new
    )


def _json(outcome: Outcome, result: AuditResult) -> str:
    """The findings as JSON, new and baselined apart, and the checked sources' grades."""
    data = {
        "fail_on": outcome.fail_on.value,
        "failing": len(outcome.failing),
        "new": [f.as_dict() for f in outcome.new],
        "baselined": [f.as_dict() for f in outcome.known],
        "stale": [e.fingerprint for e in outcome.stale],
        "verdicts": summary(result)["verdict"],
        "not_compared": [
            {"article": a.article.id, "path": uri(a.article.path), "line": a.article.line}
            for a in result.articles
            if a.verdict == "not compared"
        ],
        "sources": [
            {
                "name": s.name,
                "kind": s.kind,
                "grade": s.grade,
                "criteria_not_met": [c.id for c in s.criteria if c.met is False],
            }
            for s in result.sources
            if s.kind == "reposter"
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _sarif(outcome: Outcome, _result: AuditResult) -> str:
    """A SARIF 2.1.0 log: every rule with its help, every finding with a fingerprint."""
    index = {rule.id: i for i, rule in enumerate(RULES)}
    results = [
        _sarif_result(f, index[f.rule], state)
        for state, group in (("new", outcome.new), ("unchanged", outcome.known))
        for f in group
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "audit",
                        "version": version("audit"),
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "help": {"text": r.help},
                                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                            }
                            for r in RULES
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(f: Finding, rule_index: int, state: str) -> dict[str, Any]:
    """One SARIF result."""
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(f.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"auditFinding/v1": f.fingerprint},
        "baselineState": state,
    }


def _github(outcome: Outcome, _result: AuditResult) -> str:
    """GitHub workflow commands: an annotation per new finding, most severe first, as many
    of each level as GitHub shows for a step; the rest as plain log lines, and a closing
    notice that says how many were not annotated and where to find them all."""
    lines, shown = [], Counter[str]()
    for f in outcome.new:
        level = _GITHUB_LEVEL[f.severity]
        # One notice is kept for the closing summary.
        room = GITHUB_ANNOTATIONS_PER_LEVEL - (1 if level == "notice" else 0)
        place = f"{uri(f.path)}:{f.line}:{f.column}"
        if shown[level] >= room:
            lines.append(f"{place}: {f.rule} [{f.severity.value}] {f.message}")
            continue
        shown[level] += 1
        lines.append(
            f"::{level} file={_property(uri(f.path))},line={f.line},col={f.column},"
            f"endColumn={f.end_column},title={_property(f.rule)}::{_data(f.message)}"
        )
    hidden = len(outcome.new) - sum(shown.values())
    if hidden:
        lines.append(
            f"::notice title=audit::{hidden} more findings not shown as annotations "
            f"(GitHub shows {GITHUB_ANNOTATIONS_PER_LEVEL} of each level per step): they are "
            "in this step's log above, and in `audit check --format sarif` or "
            "`--format markdown`"
        )
    return "".join(line + "\n" for line in lines)


def _data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _junit(outcome: Outcome, result: AuditResult) -> str:
    """JUnit XML: one test case per checked article, failed by its failing findings."""
    articles = result.articles
    failing: dict[str, list[Finding]] = {}
    for f in outcome.failing:
        failing.setdefault(f.article, []).append(f)
    suite = ET.Element(
        "testsuite",
        name="audit",
        tests=str(len(articles)),
        failures=str(sum(1 for a in articles if a.article.id in failing)),
        skipped=str(sum(1 for a in articles if a.verdict == "not compared")),
    )
    for audit in articles:
        a = audit.article
        case = ET.SubElement(suite, "testcase", classname=uri(a.path), name=f"{a.id}: {a.headline}")
        found = failing.get(a.id, [])
        if audit.verdict == "not compared" and not found:
            ET.SubElement(case, "skipped", message="not compared: " + compared_with(audit))
        if found:
            worst = max(found, key=lambda f: f.severity.rank)  # the first of the most severe
            failure = ET.SubElement(
                case,
                "failure",
                type=worst.rule,
                message=f"{len(found)} new findings at or above {outcome.fail_on.value}",
            )
            failure.text = "".join(f"line {f.line}: {f.rule} {f.message}\n" for f in found)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _markdown(outcome: Outcome, result: AuditResult) -> str:
    """A summary for $GITHUB_STEP_SUMMARY: counts, the reposting sources' grades, then a
    table of new findings."""
    articles = result.articles
    lines = [
        "## audit check",
        "",
        f"{len(articles)} articles checked: {len(outcome.new)} new findings "
        f"({len(outcome.failing)} at or above `{outcome.fail_on.value}`), "
        f"{len(outcome.known)} in the baseline, {len(outcome.stale)} baseline entries no "
        f"longer found. Verdicts: {verdict_phrase(result)}.",
        "",
    ]
    reposters = [s for s in result.sources if s.kind == "reposter"]
    if reposters:
        lines += ["| source | grade | criteria not met |", "|---|---|---|"]
        lines += [
            f"| {_cell(s.name)} | {s.grade} | "
            f"{', '.join(c.id for c in s.criteria if c.met is False) or 'none'} |"
            for s in reposters
        ]
        lines.append("")
    headlines = {a.article.id: a.article.headline for a in articles}
    for article, found in _by_article(outcome.new):
        first = found[0]
        lines += [
            f"### {_inline(headlines.get(article, article))}",
            "",
            f"`{uri(first.path)}:{first.line}`, {len(found)} new findings, most severe "
            f"{first.severity.value}",
            "",
            "| rule | severity | line | finding |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {f.rule} | {f.severity.value} | {f.line} | {_cell(f.message)} |" for f in found
        ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _by_article(found: tuple[Finding, ...]) -> list[tuple[str, list[Finding]]]:
    """Findings by article, each article's most severe first, the articles ordered by
    their most severe finding (findings come ordered, so the first of each decides)."""
    groups: dict[str, list[Finding]] = {}
    for f in found:
        groups.setdefault(f.article, []).append(f)
    return sorted(groups.items(), key=lambda item: order(item[1][0]))


def _inline(text: str) -> str:
    """Text safe as one line of Markdown: no line breaks, markup characters escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
