"""Shared fixtures: the seed corpus and its audit, computed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import AuditResult, audit_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
DUMPS = ("000_892628b71d65a9e5.txt", "001_afa5ccce8ab925d8.txt", "002_c4cef2f461591f60.txt")


@pytest.fixture(scope="session")
def seed_result() -> AuditResult:
    """The audit of the seed corpus, with paths relative to the project root."""
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return audit_paths(["seeds"])
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")
def unseen_result() -> AuditResult:
    """The audit of hand-written records the tool was never tuned on."""
    return audit_paths([str(DATA / "unseen_dump.txt")])
