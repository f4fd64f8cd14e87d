"""Exceptions raised by the library; the CLI turns them into exit codes in one place.

AuditError
├── InputError    nothing could be read, or an argument names no usable input
├── OutputError   a report could not be written
└── IndexFileError  an index file is missing, not ours, corrupt, locked or incompatible
"""


class AuditError(Exception):
    """Base of every error the audit library raises on purpose."""


class InputError(AuditError):
    """The inputs cannot be audited (for example, none of them could be read)."""


class OutputError(AuditError):
    """A report could not be written where it was asked for."""


class IndexFileError(AuditError):
    """An index file cannot be used; the message says which file and what to do."""
