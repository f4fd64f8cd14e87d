"""audit: a source-reliability and text-integrity auditor for reposted news.

The library does the work; the `audit` command is a thin layer over it::

    from audit import audit_paths, to_json
    result = audit_paths(["seeds/"])
    print(to_json(result))
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# The modules the public names live in, lightest first; a name is imported from the first
# that has it, on first use (PEP 562): `import audit` and `audit --help` stay fast, and a
# run loads only the stages it uses.
_MODULES = (
    "errors", "records", "rating", "figures", "events", "sources", "report_json", "report",
    "pipeline",
)  # fmt: skip


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use."""
    if name in __all__:
        for module_name in _MODULES:
            module = import_module(f".{module_name}", __name__)
            if hasattr(module, name):
                globals()[name] = value = getattr(module, name)
                return value
    raise AttributeError(f"module 'audit' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, loaded or not."""
    return sorted(__all__)


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
