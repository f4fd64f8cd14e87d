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
from .rating import CRITERIA, GRADE_RULES
from .records import (
    Article,
    ArticleAudit,
    AuditResult,
    Category,
    Change,
    Chrome,
    Claim,
    Criterion,
    Document,
    Event,
    EventReport,
    InputFile,
    Kind,
    Paragraph,
    Range,
    Severity,
    Skipped,
    SourceProfile,
    Spread,
    Standing,
    Tally,
    TermUse,
    Toll,
)
from .report import write_reports
from .report_json import FORMAT_VERSION, to_dict, to_json
from .sources import Naming, profiles

__all__ = [
    "CRITERIA",
    "FORMAT_VERSION",
    "GRADE_RULES",
    "Article",
    "ArticleAudit",
    "AuditError",
    "AuditResult",
    "Category",
    "Change",
    "Chrome",
    "Claim",
    "Criterion",
    "Document",
    "Event",
    "EventReport",
    "InputError",
    "InputFile",
    "Kind",
    "Naming",
    "OutputError",
    "Paragraph",
    "Range",
    "Severity",
    "Skipped",
    "SourceProfile",
    "Spread",
    "Standing",
    "Tally",
    "TermUse",
    "Toll",
    "article_claims",
    "audit_article",
    "audit_paths",
    "extract",
    "find_events",
    "profiles",
    "to_dict",
    "to_json",
    "toll",
    "write_reports",
]
