"""The curated public API in audit/__init__.py."""

from __future__ import annotations

import audit


def test_exported_members_exist_and_are_documented() -> None:
    for name in audit.__all__:
        member = getattr(audit, name)
        if callable(member):
            assert member.__doc__, name
    assert len(set(audit.__all__)) == len(audit.__all__)


def test_public_names_are_all_exported() -> None:
    public = {n for n in dir(audit) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(audit.__all__)


def test_every_exported_name_loads_from_its_module() -> None:
    assert audit.audit_paths.__module__ == "audit.pipeline"
    assert "audit_paths" in dir(audit) and "import_module" not in dir(audit)
    try:
        audit.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
