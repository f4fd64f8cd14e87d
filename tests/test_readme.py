"""Every command in the README runs, and prints what the README says it prints."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
TEST_COMMAND = "python -m pip install '.[test]' && python -m pytest"


def _examples() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each '$ ' line of the console blocks."""
    examples: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif line.strip() and examples:
                examples[-1][1].append(line.strip())
    return examples


EXAMPLES = _examples()


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    commands = [command for command, _ in EXAMPLES]
    assert "python -m pip install . && audit run seeds/" in commands
    assert TEST_COMMAND in commands
    assert TEST_COMMAND in CI.splitlines()


def test_the_browser_packages_the_readme_names_are_what_ci_installs() -> None:
    (line,) = re.findall(r"```sh\n(apt-get install [^\n]+)\n```", README)
    packages = line.split()[2:]
    assert packages == ["chromium", "chromium-driver"]
    assert re.search(r"apt-get install -y -qq " + " ".join(packages), CI)
    assert "reports/screenshots/" in README


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_command(command: str, expected: list[str], tmp_path: Path) -> None:
    # Installing is what CI does before the tests run; here the package is installed.
    command = re.sub(r"^python -m pip install \S+ && ", "", command)
    if command == "python -m pytest":
        return  # the test command itself: this very run
    for name in ("seeds", "tests", "benchmarks", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        ["bash", "-c", command.replace("python ", f"{sys.executable} ", 1)],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    for line in expected:
        assert line in output, (line, output[-2000:])
    if "AUDIT_ACCEPT_GOLDEN" in command:
        for golden in (ROOT / "tests" / "golden").glob("*"):
            assert (tmp_path / "tests" / "golden" / golden.name).read_bytes() == golden.read_bytes()


@pytest.mark.parametrize("code", re.findall(r"```python\n(.*?)```", README, re.DOTALL))
def test_readme_python_runs(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})  # our own README's example, nothing outside
    assert (tmp_path / "reports" / "audit.json").exists()
