"""audit: a source-reliability and text-integrity auditor for reposted news.

The library does the work; the `audit` command is a thin layer over it::

    from audit import audit_paths, to_json
    result = audit_paths(["seeds/"])
    print(to_json(result))
"""

from .errors import AuditError, InputError, OutputError
from .pipeline import audit_article, audit_paths
from .records import (
    Article,
    ArticleAudit,
    AuditResult,
    Change,
    Chrome,
    Document,
    InputFile,
    Kind,
    Paragraph,
    Severity,
    Skipped,
)
from .report import write_reports
from .report_json import FORMAT_VERSION, to_dict, to_json

__all__ = [
    "FORMAT_VERSION",
    "Article",
    "ArticleAudit",
    "AuditError",
    "AuditResult",
    "Change",
    "Chrome",
    "Document",
    "InputError",
    "InputFile",
    "Kind",
    "OutputError",
    "Paragraph",
    "Severity",
    "Skipped",
    "audit_article",
    "audit_paths",
    "to_dict",
    "to_json",
    "write_reports",
]
