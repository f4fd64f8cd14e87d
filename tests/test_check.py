"""`audit check` for CI: exit codes, stable fingerprints, and every output format."""

from __future__ import annotations

import json
import re
import shutil
import tarfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from audit import audit_paths, defaults
from audit.cli import ExitCode, main
from audit.findings import findings
from audit.records import Severity

from .conftest import DATA, DUMPS, ROOT, SEEDS

CLEAN = "004_bded5637d4401b88.txt"  # a single article: nothing to compare, no finding


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where no default index or pyproject.toml applies, on a copy of the seeds."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)


def _check(*args: str, keep_index: bool = False) -> Result:
    """Run `audit check`; each run gets a fresh index unless keep_index (the default one)."""
    fresh = [] if keep_index or "--index" in args else ["--index", _fresh_index()]
    return CliRunner().invoke(main, ["check", *args, *fresh])


def _fresh_index() -> str:
    """A path for an index no earlier check has recorded files in."""
    _fresh_index.count += 1  # type: ignore[attr-defined]
    return f"indexes/{_fresh_index.count}.sqlite"  # type: ignore[attr-defined]


_fresh_index.count = 0  # type: ignore[attr-defined]


def test_exit_codes() -> None:
    assert _check("seeds").exit_code == ExitCode.FINDINGS
    assert _check(f"seeds/{CLEAN}").exit_code == ExitCode.OK
    assert _check("seeds", "--exit-zero").exit_code == ExitCode.OK
    Path("seeds/broken.txt").write_bytes(b"\x00\x01binary")
    broken = _check("seeds")
    assert broken.exit_code == ExitCode.ERROR
    assert "skipped seeds/broken.txt: binary file" in broken.stderr


def test_the_threshold_decides_what_fails(tmp_path: Path) -> None:
    low_only = tmp_path / "only_low.txt"  # a repost whose original is nowhere: AUD301 (low)
    low_only.write_text(
        "headline: Rebels take the town\noriginal_headline: Rebels take the town\n---\n"
        "Rebels took the town on Monday after a long battle with the army, officials said.\n",
        encoding="utf-8",
    )
    assert _check(str(low_only)).exit_code == ExitCode.OK  # default: medium
    failing = _check(str(low_only), "--fail-on", "low")
    assert failing.exit_code == ExitCode.FINDINGS
    assert "AUD301 [low]" in failing.stdout


def test_text_output_is_one_line_per_finding() -> None:
    result = _check(f"seeds/{DUMPS[0]}")
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"seeds/{DUMPS[0]}:1:1: AUD201 [high] figure-changed in headline")
    severities = [re.search(r"\[(\w+)\]", line)[1] for line in result.stdout.splitlines()]  # type: ignore[index]
    ranks = [Severity(s).rank for s in severities]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) > 1  # most severe first
    assert "new findings" in result.stderr and "new findings" not in result.stdout


def test_fingerprints_survive_moving_and_rewrapping(tmp_path: Path) -> None:
    before = {f.fingerprint for f in findings(audit_paths([f"seeds/{DUMPS[0]}"]))}
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    text = (SEEDS / DUMPS[0]).read_text(encoding="utf-8")
    moved.write_text("\n\n\n" + text.replace("\n\n", "\n\n\n"), encoding="utf-8")
    after = findings(audit_paths([str(moved)]))
    assert {f.fingerprint for f in after} == before
    assert {f.line for f in after} != {f.line for f in findings(audit_paths([f"seeds/{DUMPS[0]}"]))}


def test_sarif_validates_against_the_schema() -> None:
    result = _check("seeds", "--format", "sarif", "-o", "audit.sarif")
    assert result.exit_code == ExitCode.FINDINGS
    log = json.loads(Path("audit.sarif").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"AUD101", "AUD201", "AUD202"}
    assert all(r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    first = run["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"seeds/{DUMPS[0]}"
    assert location["region"]["startLine"] == 1 and first["partialFingerprints"]


def test_the_vendored_schema_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not shared.exists():
        pytest.skip("../shared is not here")
    assert shared.read_bytes() == (DATA / "sarif-schema-2.1.0.json").read_bytes()


def test_github_output_leads_with_the_most_severe_within_the_limits() -> None:
    data = json.loads(_check("seeds", "--format", "json").stdout)
    github = _check("seeds", "--format", "github").stdout.splitlines()
    annotations = [line for line in github if line.startswith("::")]
    levels = [line[2:].split(" ", 1)[0] for line in annotations]
    # Every error (high) before any warning (medium), every warning before any notice.
    assert levels == sorted(levels, key=["error", "warning", "notice"].index)
    assert all(n <= 10 for n in Counter(levels).values())
    assert annotations[0].startswith(f"::error file=seeds/{DUMPS[0]},line=1,col=1,")
    assert "title=AUD201::figure-changed" in annotations[0]
    # The last line is a notice that counts the findings it could not annotate.
    hidden = len(data["new"]) - (len(annotations) - 1)
    assert hidden > 0 and github[-1].startswith(f"::notice title=audit::{hidden} more findings")
    assert len(github) == len(data["new"]) + 1  # the rest are plain log lines
    high = [f for f in data["new"] if f["severity"] == "high"]
    assert levels.count("error") == min(10, len(high))


def test_a_substitution_with_an_unsupported_term_is_one_finding() -> None:
    data = json.loads(_check("seeds", "--format", "json").stdout)
    places = Counter((f["path"], f["line"], f["column"], f["where"]) for f in data["new"]
                     if f["rule"] in ("AUD101", "AUD102"))  # fmt: skip
    assert places and max(places.values()) == 1
    assert any(f["message"].endswith("in place of a named actor") for f in data["new"])


def test_junit_json_and_markdown() -> None:
    junit = ET.fromstring(_check("seeds", "--format", "junit").stdout)
    cases = junit.findall("./testsuite/testcase")
    assert len(cases) == 32 and len(junit.findall("./testsuite/testcase/failure")) == 30
    data = json.loads(_check("seeds", "--format", "json").stdout)
    assert data["failing"] == len([f for f in data["new"] if f["severity"] in ("high", "medium")])
    worst = {}
    for f in data["new"]:  # most severe first, so the first of an article is its worst
        worst.setdefault(f["article"], f)
    for case in cases:
        failure = case.find("failure")
        if failure is not None:
            article = case.get("name", "").split(":", 1)[0]
            assert failure.get("type") == worst[article]["rule"], article
    markdown = _check("seeds", "--format", "markdown").stdout
    assert markdown.startswith("## audit check") and "| AUD201 | high | 1 |" in markdown
    # Grouped by article under its headline, the article with the most severe first.
    sections = markdown.split("\n### ")[1:]
    assert len(sections) == len({f["article"] for f in data["new"]})
    assert sections[0].startswith("Seven protesters dead in clash with the Antichrist\n")
    firsts = [re.search(r"most severe (\w+)", s)[1] for s in sections]  # type: ignore[index]
    assert [Severity(s).rank for s in firsts] == sorted(
        (Severity(s).rank for s in firsts), reverse=True
    )


def test_explain_prints_a_rule_and_refuses_unknown_ones() -> None:
    runner = CliRunner()
    known = runner.invoke(main, ["explain", "aud201"])
    assert known.exit_code == 0 and known.stdout.startswith("AUD201 figure-changed (severity high)")
    assert "What to do:" in known.stdout
    unknown = runner.invoke(main, ["explain", "AUD999"])
    assert unknown.exit_code == ExitCode.ERROR and "known rules: AUD101" in unknown.stderr


def _baseline(*args: str) -> Result:
    return CliRunner().invoke(main, ["baseline", *args])


def test_a_baseline_turns_known_findings_green_and_keeps_verdicts(tmp_path: Path) -> None:
    assert _check("seeds").exit_code == ExitCode.FINDINGS
    written = _baseline("write", "seeds")
    assert written.exit_code == 0 and "wrote audit-baseline.json: 64 findings" in written.stderr
    text = Path("audit-baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1 and {e["verdict"] for e in data["findings"]} == {"to-review"}
    assert data["findings"] == sorted(
        data["findings"], key=lambda e: (e["path"], e["article"], e["rule"], e["fingerprint"])
    )
    green = _check("seeds")
    assert green.exit_code == ExitCode.OK and green.stdout == ""
    assert "0 new findings, 0 at or above medium, 80 in the baseline" in green.stderr
    # A reviewer's verdict and note survive an update; gone findings are dropped.
    data["findings"][0].update(verdict="false-positive", note="a paraphrase")
    Path("audit-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    updated = _baseline("update", f"seeds/{DUMPS[0]}")
    assert updated.exit_code == 0 and "dropped" in updated.stderr
    kept = json.loads(Path("audit-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert kept[0]["verdict"] == "false-positive" and kept[0]["note"] == "a paraphrase"
    assert all(e["path"] == f"seeds/{DUMPS[0]}" for e in kept)
    # Undo the change of one headline: its baseline entry no longer occurs.
    dump = Path("seeds") / DUMPS[0]
    text = dump.read_text(encoding="utf-8")
    repost_headline = text.splitlines()[42]  # the record at line 43
    original_headline = text.splitlines()[44]
    dump.write_text(text.replace(repost_headline, original_headline, 1), encoding="utf-8")
    stale = _check(f"seeds/{DUMPS[0]}")
    assert "baseline entry no longer found" in stale.stderr and "AUD101" in stale.stderr


def test_a_tampered_new_file_is_the_only_new_finding() -> None:
    _baseline("write", "seeds")
    headline = "Iraq’s PM Kazemi Might Finally Be Standing Up To Pro-Iran Groups"
    body = (SEEDS / CLEAN).read_text(encoding="utf-8").split(headline, 1)[1]
    tampered = "The Beast Kazemi Might Finally Be Standing Up To Pro-Iran Groups"
    Path("seeds/new.txt").write_text(f"{tampered}\n\n{headline}\n\n{body}", encoding="utf-8")
    result = _check("seeds", "--format", "json")
    assert result.exit_code == ExitCode.FINDINGS
    new = json.loads(result.stdout)["new"]
    assert new and {f["path"] for f in new} == {"seeds/new.txt"}


def test_a_baseline_with_an_unknown_verdict_is_refused() -> None:
    _baseline("write", f"seeds/{DUMPS[0]}")
    data = json.loads(Path("audit-baseline.json").read_text(encoding="utf-8"))
    data["findings"][0]["verdict"] = "fine"
    Path("audit-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    result = _check(f"seeds/{DUMPS[0]}")
    assert result.exit_code == ExitCode.ERROR
    assert "has verdict 'fine'; use one of accepted, false-positive, to-review" in result.stderr


def test_configuration_then_environment_then_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    only_low = Path("only_low.txt")
    only_low.write_text(
        "headline: Rebels take the town\noriginal_headline: Rebels take the town\n---\n"
        "Rebels took the town on Monday after a long battle with the army, officials said.\n",
        encoding="utf-8",
    )
    assert _check(str(only_low)).exit_code == ExitCode.OK  # AUD301 is low
    Path("pyproject.toml").write_text('[tool.audit]\nfail_on = "low"\n', encoding="utf-8")
    assert _check(str(only_low)).exit_code == ExitCode.FINDINGS
    monkeypatch.setenv("AUDIT_FAIL_ON", "high")
    assert _check(str(only_low)).exit_code == ExitCode.OK
    assert _check(str(only_low), "--fail-on", "low").exit_code == ExitCode.FINDINGS
    monkeypatch.setenv("AUDIT_FAIL_ON", "severe")
    bad = _check(str(only_low))
    assert bad.exit_code == ExitCode.ERROR
    assert "AUDIT_FAIL_ON must be one of high, medium, low, not 'severe'" in bad.stderr


def test_rule_selection_and_file_globs(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {line.split()[1] for line in _check("seeds", "--select", "AUD2").stdout.splitlines()}
    assert rules == {"AUD201", "AUD202"}
    ignored = _check("seeds", "--ignore", "AUD1,AUD3").stdout
    assert "AUD101" not in ignored and "AUD301" not in ignored and "AUD201" in ignored
    Path("pyproject.toml").write_text(
        '[tool.audit]\nexclude = ["seeds/00[0-2]*"]\nselect = ["AUD101"]\n', encoding="utf-8"
    )
    assert _check("seeds").exit_code == ExitCode.OK  # 003 and 004 carry no AUD101
    monkeypatch.setenv("AUDIT_EXCLUDE", "seeds/003*")
    flagged = _check("seeds").stdout
    assert flagged and all(line.startswith("seeds/00") for line in flagged.splitlines())
    assert "AUD101" in flagged and "AUD103" not in flagged
    Path("pyproject.toml").write_text('[tool.audit]\nselect = "AUD1"\n', encoding="utf-8")
    assert "select must be a list of strings" in _check("seeds").stderr


def test_passing_files_are_recorded_and_skipped_until_they_change() -> None:
    skipped = "skipped: passed before, same content and settings"
    first = _check("seeds", keep_index=True)
    assert first.exit_code == ExitCode.FINDINGS
    assert f"32 articles in 5 files checked (0 {skipped})" in first.stderr
    assert "2 passing files recorded" in first.stderr  # 003 and 004 pass; the rest fail
    second = _check("seeds", keep_index=True)
    assert f"30 articles in 3 files checked (2 {skipped})" in second.stderr
    _baseline("write", "seeds")  # a new baseline: what passes may change, so check all again
    assert _check("seeds", keep_index=True).exit_code == ExitCode.OK
    third = _check("seeds", keep_index=True)
    assert third.exit_code == ExitCode.OK
    assert f"0 articles in 0 files checked (5 {skipped})" in third.stderr
    edited = Path("seeds") / DUMPS[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fourth = _check("seeds", keep_index=True)
    assert f"in 1 files checked (4 {skipped})" in fourth.stderr


def test_only_a_check_under_the_same_settings_skips_a_file() -> None:
    """A file in the index was never checked for it; a lower threshold, a deleted baseline
    or --all checks again what passed."""
    assert CliRunner().invoke(main, ["index", "add", "seeds"]).exit_code == ExitCode.OK
    indexed = _check("seeds", keep_index=True)
    assert indexed.exit_code == ExitCode.FINDINGS  # the index holding them checks nothing
    assert "32 articles in 5 files checked (0 skipped" in indexed.stderr
    _baseline("write", "seeds")
    assert _check("seeds", keep_index=True).exit_code == ExitCode.OK
    assert "(5 skipped" in _check("seeds", keep_index=True).stderr
    lower = _check("seeds", "--fail-on", "low", keep_index=True)
    assert "(0 skipped" in lower.stderr
    Path("audit-baseline.json").unlink()  # only what passed without a baseline is skipped
    gone = _check("seeds", keep_index=True)
    assert gone.exit_code == ExitCode.FINDINGS and "in 3 files checked (2 skipped" in gone.stderr
    assert "(0 skipped" in _check("seeds", "--all", keep_index=True).stderr


def test_every_command_that_audits_articles_has_the_same_options() -> None:
    """--index, --reference, --source, --select, --ignore and -q, with the same help."""
    commands = (["run"], ["check"], ["baseline", "write"], ["baseline", "update"])
    helps = [CliRunner().invoke(main, [*c, "--help"]).stdout for c in commands]

    def shared(text: str) -> str:
        options = text.split("Options:\n", 1)[1]
        start = options.index("  --index")
        block = options[start : options.index("  -q, --quiet") + len("  -q, --quiet")]
        return " ".join(block.split())  # click aligns the help to each command's longest

    assert all("--reference PATH" in shared(h) and "--select RULES" in shared(h) for h in helps)
    assert len({shared(h) for h in helps}) == 1, [shared(h) for h in helps]


def test_check_reads_references_and_keeps_quiet(tmp_path: Path) -> None:
    # The Rudaw repost (000, line 1) against its original given as a reference file.
    original = tmp_path / "refs" / "rudaw.txt"
    original.parent.mkdir()
    lines = (Path("seeds") / DUMPS[0]).read_text(encoding="utf-8").splitlines()
    original.write_text("\n".join(lines[2:42]) + "\n", encoding="utf-8")  # headline, body
    without = json.loads(_check(f"seeds/{DUMPS[0]}", "--format", "json").stdout)
    found = _check(f"seeds/{DUMPS[0]}", "--reference", str(original), "--format", "json")
    data = json.loads(found.stdout)
    assert "AUD301" in {f["rule"] for f in without["new"]}
    assert len([f for f in data["new"] if f["rule"] == "AUD301"]) < len(
        [f for f in without["new"] if f["rule"] == "AUD301"]
    )
    quiet = _check("seeds", "-q")
    assert quiet.exit_code == ExitCode.FINDINGS and quiet.stderr == "" and quiet.stdout


def test_a_reference_file_is_part_of_what_a_pass_depends_on(tmp_path: Path) -> None:
    reference = tmp_path / "ref.txt"
    reference.write_text("A headline\n\nA body that says little.\n", encoding="utf-8")
    clean = f"seeds/{CLEAN}"
    assert "(0 skipped" in _check(clean, "--reference", str(reference), keep_index=True).stderr
    assert "(1 skipped" in _check(clean, "--reference", str(reference), keep_index=True).stderr
    reference.write_text("Another headline\n\nAnother body.\n", encoding="utf-8")
    assert "(0 skipped" in _check(clean, "--reference", str(reference), keep_index=True).stderr


def test_baseline_write_takes_the_rule_selection() -> None:
    written = _baseline("write", "seeds", "--select", "AUD2")
    assert written.exit_code == ExitCode.OK
    entries = json.loads(Path("audit-baseline.json").read_text(encoding="utf-8"))
    rules = {e["rule"] for e in entries["findings"]}
    assert rules and all(rule.startswith("AUD2") for rule in rules)
    assert _baseline("update", "seeds", "--ignore", "AUD202", "-q").stderr == ""


def test_the_readme_cache_step_carries_what_passed_to_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's actions/cache step, done as the action does it: the cached folder
    archived after one run, restored into a fresh checkout before the next."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    step = re.search(r"uses: actions/cache@v4[^\n]*\n\s+with:\n\s+path: (\S+)", readme)
    assert step is not None
    cached = step[1]
    assert cached == Path(defaults.INDEX_PATH).parent.as_posix()
    archive = tmp_path / "cache.tar.gz"
    for run, restore in (("first", False), ("second", True), ("uncached", False)):
        workspace = tmp_path / run
        shutil.copytree(SEEDS, workspace / "articles")  # a fresh checkout
        monkeypatch.chdir(workspace)
        if restore:
            with tarfile.open(archive) as saved:
                saved.extractall(workspace, filter="data")
        result = _check("articles", keep_index=True)
        assert result.exit_code == ExitCode.FINDINGS
        skipped = re.search(r"\((\d+) skipped", result.stderr)
        assert skipped is not None
        assert int(skipped[1]) == (2 if restore else 0), run  # 003 and 004 passed before
        if run == "first":
            with tarfile.open(archive, "w:gz") as saving:
                saving.add(workspace / cached, arcname=cached)
