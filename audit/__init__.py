"""audit: a source-reliability and text-integrity auditor for reposted news.

The library does the work; the `audit` command is a thin layer over it::

    from audit import audit_paths, to_json
    result = audit_paths(["seeds/"])
    print(to_json(result))
"""

from .errors import AuditError, InputError, OutputError
from .events import find_events
from .figures import article_claims, extract, toll
from .pipeline import audit_article, audit_paths
from .records import (
    Article,
    ArticleAudit,
    AuditResult,
    Category,
    Change,
    Chrome,
    Claim,
    Document,
    Event,
    EventReport,
    InputFile,
    Kind,
    Paragraph,
    Range,
    Severity,
    Skipped,
    Spread,
    Toll,
)
from .report import write_reports
from .report_json import FORMAT_VERSION, to_dict, to_json

__all__ = [
    "FORMAT_VERSION",
    "Article",
    "ArticleAudit",
    "AuditError",
    "AuditResult",
    "Category",
    "Change",
    "Chrome",
    "Claim",
    "Document",
    "Event",
    "EventReport",
    "InputError",
    "InputFile",
    "Kind",
    "OutputError",
    "Paragraph",
    "Range",
    "Severity",
    "Skipped",
    "Spread",
    "Toll",
    "article_claims",
    "audit_article",
    "audit_paths",
    "extract",
    "find_events",
    "to_dict",
    "to_json",
    "toll",
    "write_reports",
]
