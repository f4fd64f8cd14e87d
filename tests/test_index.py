"""The reference index: incremental, transactional, safe with files that are not ours."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import index as index_module
from audit import ingest, sketch, split
from audit.errors import IndexFileError
from audit.index import Index, Sketches
from audit.match import Matcher, Query
from audit.records import Article, Document, Paragraph, Skipped
from audit.sketch import Settings

from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _batch(paths: list[Path]) -> list[tuple[Document, tuple[Article, ...]]]:
    docs = [ingest.read(str(p)) for p in paths]
    return [(d, split.split(d)) for d in docs if not isinstance(d, Skipped)]


def test_adding_is_incremental_and_adding_twice_changes_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "index.sqlite")
    first = Index.open(path).add(_batch(SEED_FILES[:3]))
    assert (first.files_added, first.articles_added, first.files_present) == (3, 30, 0)
    index = Index.open(path)
    second = index.add(_batch(SEED_FILES))
    assert (second.files_added, second.articles_added, second.files_present) == (2, 2, 3)
    before = Path(path).read_bytes()
    again = index.add(_batch(SEED_FILES))
    assert (again.files_added, again.articles_added, again.files_present) == (0, 0, 5)
    info = index.info()
    assert (info.files, info.articles) == (5, 32)
    assert info.settings["num_perm"] == "128" and info.settings["datasketch"]
    assert index.info() == Index.open(path).info()
    assert len(Path(path).read_bytes()) == len(before)


def test_segments_merge_like_a_binary_counter(tmp_path: Path) -> None:
    index = Index.open(str(tmp_path / "index.sqlite"))
    for path in SEED_FILES:  # five adds of 10, 10, 10, 1 and 1 articles
        index.add(_batch([path]))
    sizes = [
        size
        for (size,) in index._db.execute("SELECT size FROM segments WHERE field='body' ORDER BY id")
    ]
    assert sum(sizes) == 32 * Settings().bands
    assert all(a >= 2 * b for a, b in itertools.pairwise(sizes)), sizes
    # Articles from every segment are found: the repost of 003 in 000 and 001.
    (article,) = split.split(ingest.read(str(SEED_FILES[3])))  # type: ignore[arg-type]
    keys = Sketches.of([article], index.settings).body[0]
    found = {index.articles([i])[i].article.id for i, _ in index.candidates("body", keys, 5)}
    assert {"000_892628b71d65a9e5-L446", "001_afa5ccce8ab925d8-L296"} <= found


def test_a_crash_during_add_leaves_the_previous_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "index.sqlite")
    Index.open(path).add(_batch(SEED_FILES[:1]))

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "_add_segment", crash)
    with pytest.raises(KeyboardInterrupt):
        Index.open(path).add(_batch(SEED_FILES[1:]))
    monkeypatch.undo()
    info = Index.open(path).info()
    assert (info.files, info.articles) == (1, 10)
    assert Index.open(path).add(_batch(SEED_FILES[1:])).files_added == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some notes\n", r"not an audit index \(not an SQLite file\)"),
        (b"SQLite format 3\x00" + b"\x13" * 200, "corrupt or not an index"),
    ],
)
def test_files_that_are_not_an_index_are_refused_and_left_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "index.sqlite"
    path.write_bytes(content)
    with pytest.raises(IndexFileError, match=message) as error:
        Index.open(str(path))
    assert str(path) in str(error.value) and "\n" not in str(error.value)
    assert path.read_bytes() == content


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    before = path.read_bytes()
    with pytest.raises(IndexFileError, match="another application"):
        Index.open(str(path))
    assert path.read_bytes() == before


def test_an_index_built_with_other_settings_or_schema_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "index.sqlite")
    Index.open(path).close()
    with pytest.raises(IndexFileError, match=r"num_perm=128 \(now 64\).*build a new index"):
        Index.open(path, Settings(num_perm=64, bands=32))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'f00d' WHERE key = 'permutations'")
    with pytest.raises(IndexFileError, match="permutations=f00d"):
        Index.open(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(IndexFileError, match="schema 99"):
        Index.open(path)


def test_a_missing_index_is_an_error_when_reading(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="no such index"):
        Index.open(str(tmp_path / "none.sqlite"), create=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_a_locked_index_gives_up_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "index.sqlite")
    Index.open(path).close()
    monkeypatch.setattr(index_module, "TIMEOUT", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(IndexFileError, match="locked by another process"):
            Index.open(path).add(_batch(SEED_FILES[:1]))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_processes_adding_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    commands = [
        [sys.executable, "-m", "audit", "index", "add", *map(str, files), "--index", str(path)]
        for files in (SEED_FILES[:3], SEED_FILES[2:])
    ]
    running = [subprocess.Popen(c, stderr=subprocess.PIPE, text=True) for c in commands]
    for process in running:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    info = Index.open(str(path)).info()
    assert (info.files, info.articles) == (5, 32)  # file 002 was given to both


VOCABULARY = [f"w{i}" for i in range(120)]
DOC = st.lists(st.sampled_from(VOCABULARY), min_size=40, max_size=90)


def _paragraphs(words: list[str]) -> tuple[Paragraph, ...]:
    return (Paragraph(" ".join(words), 3),)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(DOC, min_size=2, max_size=12), st.data())
def test_the_index_finds_what_brute_force_finds(docs: list[list[str]], data: st.DataObject) -> None:
    """Every text sharing half its shingles with the query is a candidate, and the
    matcher's best equals rescoring every document the slow way."""
    articles = [
        Article(f"d{i}", f"d{i}.txt", 1, f"doc {i}", None, None, _paragraphs(d), ())
        for i, d in enumerate(docs)
    ]
    target = data.draw(st.integers(0, len(docs) - 1))
    query_words = [
        data.draw(st.sampled_from(VOCABULARY)) if data.draw(st.integers(0, 9)) == 0 else w
        for w in docs[target]
    ]
    query = Article("q", "q.txt", 1, "query", None, None, _paragraphs(query_words), ())
    index = Index.open(index_module.MEMORY)
    index.add([(Document(a.path, a.headline, f"sha-{a.id}", "utf-8"), [a]) for a in articles])
    shingles = sketch.text_shingles([" ".join(query_words), *(" ".join(d) for d in docs)], 3)
    q = set(shingles[0].tolist())
    jaccard = [len(q & set(s.tolist())) / len(q | set(s.tolist())) for s in shingles[1:]]
    keys = Sketches.of([query], index.settings).body[0]
    candidates = {index.articles([i])[i].article.id for i, _ in index.candidates("body", keys, 99)}
    assert {f"d{i}" for i, j in enumerate(jaccard) if j >= 0.5} <= candidates
    matcher = Matcher([(index, "input")])
    slow = sorted(
        ((matcher._score(query, a)[0], a.id) for a in articles), key=lambda s: (-s[0], s[1])
    )
    fast = matcher.scored(Query(query, "sha-q"))
    if slow[0][0] >= 0.5 and max(jaccard) >= 0.5:
        assert fast and fast[0].found.article.id == slow[0][1]
        assert np.isclose(fast[0].score, slow[0][0])
