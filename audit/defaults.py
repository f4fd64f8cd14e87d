"""Names and defaults the command line shows before any work: light enough that
`audit --help` imports nothing else of the package."""

from __future__ import annotations

# Where the reference index and the CI baseline live unless configured.
INDEX_PATH = ".audit/index.sqlite"
BASELINE_PATH = "audit-baseline.json"
# Severities `audit check` can fail on, and its default.
FAIL_ON = ("high", "medium", "low")
DEFAULT_FAIL_ON = "medium"
# Report formats of `audit run` and of `audit check`; '-' writes to standard output.
STDOUT = "-"
FORMATS = ("json", "html", "csv", "all")
CI_FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")

# File name endings a folder scan takes, one per format ``formats`` reads.
SUFFIXES = (
    ".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".warc", ".warc.gz", ".arc",
    ".arc.gz", ".rss", ".atom", ".xml", ".jsonl", ".ndjson", ".csv",
)  # fmt: skip
