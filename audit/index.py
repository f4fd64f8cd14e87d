"""Index: a reference corpus of articles in one SQLite file, with compact LSH band tables.

Layout (``PRAGMA application_id`` marks the file as ours, ``user_version`` its schema):

    meta      key -> value: the sketch settings the signatures were made with
    files     one row per indexed file, unique by content hash: adding it again is a no-op
    articles  one row per article: where it is, its outlet, headline and body (JSON)
    passages  (hash, article): a fingerprint of every long sentence of a body, so that an
              excerpt sharing whole sentences with an article finds it (MinHash bands
              estimate resemblance, which a short excerpt of a long text lacks)
    segments  LSH band tables, one row per (field, batch): ``keys`` is a sorted array of
              32-bit band keys and ``docs`` the article id of each, both as raw bytes

Every ``add`` is one ``BEGIN IMMEDIATE`` transaction: a crash leaves the previous index
as it was, and a second writer waits for the first (up to ``timeout`` seconds).
Segments are merged like a binary counter (a segment is merged into the one before it
while that one is less than twice its size), so adding never rebuilds the whole table
and a query searches O(log n) segments. Nothing read from the file is unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from . import defaults, sketch
from .errors import IndexFileError
from .records import Article, Chrome, Document, Paragraph
from .sketch import U32, Settings

DEFAULT_PATH = defaults.INDEX_PATH
MEMORY = ":memory:"
# 2: a passages table (sentence fingerprints) finds an excerpt's original.
SCHEMA_VERSION = 3
# Schema 2 lacked articles.meta; it is upgraded in place when the file may be written.
_UPGRADABLE = 2
APPLICATION_ID = 0x41554458  # "AUDX"
# Seconds a writer waits for another writer before giving up.
TIMEOUT = 60.0
FIELDS = ("body", "headline")

# Sentences this long are fingerprinted as passages, on their first PASSAGE_WORDS words.
MIN_PASSAGE_WORDS = 8
PASSAGE_WORDS = 12
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+(?=[\"\u201c\u2018A-Z0-9])")
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Files that passed `audit check`, by content, with the key of the settings they passed
# under, and the files a check added to the index (not references anyone chose); created
# on first use, so indexes made before them still open.
# Values bound in one SQL statement at most.
SQL_CHUNK = 500
T = TypeVar("T")
_CHECK_TABLES = (
    "CREATE TABLE IF NOT EXISTS checked (sha256 TEXT NOT NULL, settings TEXT NOT NULL,"
    " PRIMARY KEY (sha256, settings)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS check_added (sha256 TEXT PRIMARY KEY) WITHOUT ROWID",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
    articles INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL REFERENCES files(id), article TEXT NOT NULL,
    line INTEGER NOT NULL, outlet TEXT, headline TEXT NOT NULL, original_headline TEXT,
    original_line INTEGER, body TEXT NOT NULL, chrome TEXT NOT NULL, meta TEXT);
CREATE TABLE IF NOT EXISTS passages (hash INTEGER NOT NULL, article INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS passages_by_hash ON passages (hash);
CREATE TABLE IF NOT EXISTS segments (
    id INTEGER PRIMARY KEY, field TEXT NOT NULL, size INTEGER NOT NULL,
    keys BLOB NOT NULL, docs BLOB NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Indexed:
    """An article as the index holds it, with its row id and the hash of its file."""

    id: int
    article: Article
    sha256: str


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add`` did: files and articles added, files already present."""

    files_added: int
    articles_added: int
    files_present: int


@dataclass(frozen=True, slots=True)
class Info:
    """Counts and settings of an index, for ``audit index info``."""

    path: str
    files: int
    articles: int
    segments: dict[str, int]
    settings: dict[str, str]
    bytes: int


@dataclass(frozen=True, slots=True)
class Sketches:
    """The band keys of a batch of articles, one row per article and field."""

    body: U32
    headline: U32

    @classmethod
    def of(cls, articles: Sequence[Article], settings: Settings) -> Sketches:
        """Sketch the bodies and headlines of articles, all at once."""
        bodies = sketch.text_shingles([body_text(a) for a in articles], settings.shingle)
        heads = sketch.text_shingles(
            [headline_text(a) for a in articles], settings.headline_shingle
        )
        return cls(
            sketch.band_keys(sketch.signatures(bodies, settings), settings),
            sketch.band_keys(sketch.signatures(heads, settings), settings),
        )

    def field(self, name: str) -> U32:
        """The band keys of one field."""
        return self.body if name == "body" else self.headline


class BandTable:
    """The in-memory LSH table of one field: sorted key arrays and their article ids."""

    def __init__(self, segments: list[tuple[U32, U32]]) -> None:
        self.segments = segments

    def hits(self, keys: U32) -> tuple[U32, npt.NDArray[np.int64]]:
        """Article ids sharing at least one band key, and how many bands each shares."""
        found: list[U32] = []
        for sorted_keys, docs in self.segments:
            left = np.searchsorted(sorted_keys, keys, side="left")
            right = np.searchsorted(sorted_keys, keys, side="right")
            found.extend(
                docs[a:b] for a, b in zip(left.tolist(), right.tolist(), strict=True) if b > a
            )
        if not found:
            return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
        ids, counts = np.unique(np.concatenate(found), return_counts=True)
        return ids, counts.astype(np.int64)

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays."""
        return sum(k.nbytes + d.nbytes for k, d in self.segments)


class Index:
    """A reference corpus: add articles, look up candidates by band keys, fetch articles."""

    def __init__(self, path: str, connection: sqlite3.Connection, settings: Settings) -> None:
        self.path = path
        self.settings = settings
        self._db = connection
        self._tables: dict[str, BandTable] | None = None

    @classmethod
    def open(cls, path: str, settings: Settings | None = None, create: bool = True) -> Index:
        """Open (and when allowed, create) the index at path; ':memory:' for a throwaway one."""
        settings = settings or Settings()
        if path != MEMORY:
            _check_file(path, create)
        try:
            db = sqlite3.connect(path, timeout=TIMEOUT, isolation_level=None)
            _prepare(db, path, settings)
        except sqlite3.OperationalError as exc:
            raise _operational(path, exc) from exc
        except sqlite3.DatabaseError as exc:
            raise IndexFileError(
                f"{path}: corrupt or not an index ({exc}); restore it or build a new one "
                "with `audit index add --index NEW_FILE`"
            ) from exc
        return cls(path, db, settings)

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def add(self, batch: Sequence[tuple[Document, Sequence[Article]]]) -> AddResult:
        """Add the articles of documents not yet indexed (by content hash), in one transaction.

        The sketches are computed before the transaction, so a concurrent writer waits
        only for the database writes.
        """
        owners = np.array([d for d, (_, articles) in enumerate(batch) for _ in articles], np.int64)
        sketches = Sketches.of([a for _, articles in batch for a in articles], self.settings)
        with self._write() as db:
            fresh = _fresh(batch, _present(db, [doc.sha256 for doc, _ in batch]))
            keep = np.isin(owners, fresh)
            next_id = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM articles").fetchone()[0]
            ids = np.arange(next_id, next_id + int(keep.sum()), dtype=np.uint32)
            new_ids = iter(ids.tolist())
            for d in fresh:
                doc, articles = batch[d]
                file_id = _insert_file(db, doc, len(articles))
                rows = [(next(new_ids), a) for a in articles]
                db.executemany(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [_article_row(row_id, file_id, a) for row_id, a in rows],
                )
                db.executemany(
                    "INSERT INTO passages VALUES (?, ?)",
                    [(h, row_id) for row_id, a in rows for h in passage_hashes(a)],
                )
            for name in FIELDS:
                _add_segment(db, name, sketches.field(name)[keep], ids)
        self._tables = None
        return AddResult(len(fresh), len(ids), len(batch) - len(fresh))

    def candidates(self, field: str, keys: U32, limit: int) -> list[tuple[int, int]]:
        """Up to limit (article id, shared bands) pairs, most shared bands first."""
        ids, counts = self._band_tables()[field].hits(keys)
        order = np.lexsort((ids, -counts))[:limit]
        return [(int(ids[i]), int(counts[i])) for i in order]

    def passage_candidates(self, hashes: Sequence[int], limit: int) -> list[tuple[int, int]]:
        """Up to limit (article id, shared passages) pairs, most shared first."""
        if not hashes:
            return []
        found: dict[int, int] = {}
        for chunk in _chunks(hashes):
            marks = ",".join("?" * len(chunk))
            for article, count in self._db.execute(
                f"SELECT article, COUNT(DISTINCT hash) FROM passages WHERE hash IN ({marks})"
                " GROUP BY article",
                chunk,
            ):
                found[article] = found.get(article, 0) + count
        return sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]

    def identities(self, ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        """The file content hash and line of the indexed articles with these ids: what
        tells a query's own copy apart, without reading the articles."""
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT a.id, f.sha256, a.line FROM articles a JOIN files f ON f.id = a.file"
            f" WHERE a.id IN ({marks})",
            list(ids),
        )
        return {int(rid): (str(sha), int(line)) for rid, sha, line in rows}

    def articles(self, ids: Sequence[int]) -> dict[int, Indexed]:
        """The indexed articles with these ids."""
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT a.id, a.article, f.path, a.line, a.outlet, a.headline, a.original_headline,"
            " a.original_line, a.body, a.chrome, a.meta, f.sha256 FROM articles a JOIN files f"
            f" ON f.id = a.file WHERE a.id IN ({marks})",
            list(ids),
        )
        return {row[0]: _indexed(row) for row in rows}

    def checked_before(self, hashes: Sequence[str], key: str) -> set[str]:
        """The content hashes among these that passed a check with the same key (the
        settings that decide findings: see ``check.check_key``)."""
        if not self._has_table("checked"):
            return set()
        found: set[str] = set()
        for chunk in _chunks(hashes):
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self._db.execute(
                    f"SELECT sha256 FROM checked WHERE settings = ? AND sha256 IN ({marks})",
                    [key, *chunk],
                )
            )
        return found

    def record_checked(self, hashes: Sequence[str], key: str, added: Sequence[str]) -> None:
        """Record that files with these contents passed a check with this key, and which
        of them the check itself then added to the index."""
        with self._write() as db:
            for table in _CHECK_TABLES:
                db.execute(table)
            db.executemany(
                "INSERT OR IGNORE INTO checked VALUES (?, ?)", [(h, key) for h in hashes]
            )
            db.executemany("INSERT OR IGNORE INTO check_added VALUES (?)", [(h,) for h in added])

    def reference_state(self) -> str:
        """What the index holds besides the files checks added to it: the references a
        check's findings may depend on ('files:last article id')."""
        recorded = "SELECT sha256 FROM check_added" if self._has_table("check_added") else "''"
        files, last = self._db.execute(
            "SELECT COUNT(*), COALESCE(MAX(a.id), 0) FROM files f LEFT JOIN articles a"
            f" ON a.file = f.id WHERE f.sha256 NOT IN ({recorded})"
        ).fetchone()
        return f"{files}:{last}"

    def _has_table(self, name: str) -> bool:
        """True when the index has this table (older indexes lack the newer ones)."""
        row = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).fetchone()
        return row is not None

    def contains(self, sha256: str) -> bool:
        """True when a file with this content hash is indexed."""
        row = self._db.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def info(self) -> Info:
        """Counts, settings and size of the index."""
        db = self._db
        segments = dict(db.execute("SELECT field, COUNT(*) FROM segments GROUP BY field"))
        size = os.path.getsize(self.path) if self.path != MEMORY else 0
        return Info(
            path=self.path,
            files=db.execute("SELECT COUNT(*) FROM files").fetchone()[0],
            articles=db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            segments={name: segments.get(name, 0) for name in FIELDS},
            settings=dict(db.execute("SELECT key, value FROM meta ORDER BY key")),
            bytes=size,
        )

    @property
    def nbytes(self) -> int:
        """Memory held by the loaded band tables."""
        return sum(table.nbytes for table in self._band_tables().values())

    def _band_tables(self) -> dict[str, BandTable]:
        """The band tables, loaded from the segments once per change."""
        if self._tables is None:
            self._tables = {name: BandTable(_segments(self._db, name)) for name in FIELDS}
        return self._tables

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: committed whole, or rolled back whole. A storage
        fault (full disk, read-only file, lock held too long) becomes an IndexFileError
        naming the file, with the index as it was before."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _operational(self.path, exc) from exc
        try:
            yield self._db
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _operational(self.path, exc) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back the open transaction, if SQLite has not already done so (it does on a
        full disk); a failed rollback must not hide the fault that caused it."""
        if self._db.in_transaction:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")


def body_text(article: Article) -> str:
    """The body of an article as one text, paragraphs separated by blank lines."""
    return "\n\n".join(p.text for p in article.body)


def passage_hashes(article: Article) -> list[int]:
    """Fingerprints of the body's sentences of MIN_PASSAGE_WORDS words or more: the first
    PASSAGE_WORDS of their folded words, as signed 64-bit integers (SQLite's)."""
    found: set[int] = set()
    for paragraph in article.body:
        for sentence in _SENTENCE_BREAK.split(paragraph.text):
            words = sketch.words(sentence)
            if len(words) >= MIN_PASSAGE_WORDS:
                digest = hashlib.blake2b(" ".join(words[:PASSAGE_WORDS]).encode(), digest_size=8)
                found.add(int.from_bytes(digest.digest(), "little", signed=True))
    return sorted(found)


def headline_text(article: Article) -> str:
    """The headline an article is found by: its own and the one it quotes."""
    return f"{article.headline}\n{article.original_headline or ''}"


def settings_fingerprint(settings: Settings) -> str:
    """A digest of datasketch's permutations, which datasketch versions may change."""
    a, b = sketch.permutations(settings.num_perm, settings.seed)
    return hashlib.sha256(a.tobytes() + b.tobytes()).hexdigest()[:16]


def _check_file(path: str, create: bool) -> None:
    """Refuse a missing index (when not creating) and any file that is not SQLite."""
    file = Path(path)
    if not file.exists():
        if not create:
            raise IndexFileError(f"{path}: no such index; build one with `audit index add`")
        file.parent.mkdir(parents=True, exist_ok=True)
        return
    if file.is_dir():
        raise IndexFileError(f"{path}: is a folder, not an index file")
    with file.open("rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head and head != _SQLITE_MAGIC:
        raise IndexFileError(
            f"{path}: not an audit index (not an SQLite file); left untouched, "
            "choose another path with --index"
        )


def _prepare(db: sqlite3.Connection, path: str, settings: Settings) -> None:
    """Create the schema in a new file, or check that an existing one is ours and matches."""
    expected = {**settings.as_dict(), "permutations": settings_fingerprint(settings)}
    app, version = _pragma(db, "application_id"), _pragma(db, "user_version")
    tables = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    if app != APPLICATION_ID and tables:
        raise IndexFileError(
            f"{path}: an SQLite database of another application, not an audit index; "
            "left untouched, choose another path with --index"
        )
    if app == APPLICATION_ID and version == _UPGRADABLE and _upgraded(db):
        version = SCHEMA_VERSION
    if app == APPLICATION_ID and version != SCHEMA_VERSION:
        raise IndexFileError(
            f"{path}: index schema {version}, this audit reads schema {SCHEMA_VERSION}; "
            "build a new index with `audit index add --index NEW_FILE`"
        )
    if not tables:
        db.execute("BEGIN IMMEDIATE")
        if not db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
            for statement in _SCHEMA.split(";"):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(expected.items()))
        db.execute("COMMIT")
    _check_settings(path, dict(db.execute("SELECT key, value FROM meta")), expected)


def _upgraded(db: sqlite3.Connection) -> bool:
    """Add schema 3's column to a schema 2 index; False when the file may not be written."""
    try:
        db.execute("BEGIN IMMEDIATE")
        if _pragma(db, "user_version") == _UPGRADABLE:
            db.execute("ALTER TABLE articles ADD COLUMN meta TEXT")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except sqlite3.OperationalError:
        if db.in_transaction:
            db.execute("ROLLBACK")
        return False
    return True


def _check_settings(path: str, stored: dict[str, str], expected: dict[str, str]) -> None:
    """Refuse an index whose signatures were made with other settings."""
    differ = [k for k in sorted(expected) if k != "datasketch" and stored.get(k) != expected[k]]
    if differ:
        found = ", ".join(f"{k}={stored.get(k)} (now {expected[k]})" for k in differ)
        raise IndexFileError(
            f"{path}: built with other sketch settings: {found}, datasketch "
            f"{stored.get('datasketch')}; build a new index with `audit index add --index NEW_FILE`"
        )


def _pragma(db: sqlite3.Connection, name: str) -> int:
    """An integer pragma of the open database."""
    return int(db.execute(f"PRAGMA {name}").fetchone()[0])


def _operational(path: str, exc: sqlite3.Error) -> IndexFileError:
    """The user-facing error for an index SQLite could not read or write."""
    text = str(exc).lower()
    unchanged = "the index is as it was before this command"
    if "locked" in text or "busy" in text:
        return IndexFileError(f"{path}: locked by another process for over {TIMEOUT:g}s; try again")
    code = getattr(exc, "sqlite_errorname", "")
    if "full" in text or code in ("SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC"):
        return IndexFileError(
            f"{path}: the index could not be written (disk full or a file-size limit: "
            f"{exc}); {unchanged}"
        )
    if "readonly" in text or "read-only" in text:
        return IndexFileError(f"{path}: read-only, the index cannot be written; {unchanged}")
    if "not a database" in text or "malformed" in text:
        return IndexFileError(
            f"{path}: corrupt or not an index ({exc}); restore it or build a new one "
            "with `audit index add --index NEW_FILE`"
        )
    return IndexFileError(f"{path}: cannot use the index: {exc}")


def _chunks(values: Sequence[T]) -> Iterator[list[T]]:
    """Values in lists short enough for one SQL 'IN (...)' (SQLite bounds parameters)."""
    for start in range(0, len(values), SQL_CHUNK):
        yield list(values[start : start + SQL_CHUNK])


def _present(db: sqlite3.Connection, hashes: Sequence[str]) -> set[str]:
    """The content hashes among these that are already indexed."""
    found: set[str] = set()
    for chunk in _chunks(hashes):
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in db.execute(f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", chunk)
        )
    return found


def _fresh(batch: Sequence[tuple[Document, Sequence[Article]]], present: set[str]) -> list[int]:
    """Positions of the documents to add: not indexed yet, first of each content hash."""
    seen, fresh = set(present), []
    for position, (doc, _articles) in enumerate(batch):
        if doc.sha256 not in seen:
            seen.add(doc.sha256)
            fresh.append(position)
    return fresh


def _insert_file(db: sqlite3.Connection, doc: Document, articles: int) -> int:
    """Record an indexed file; its row id."""
    cursor = db.execute(
        "INSERT INTO files (sha256, path, articles) VALUES (?, ?, ?)",
        (doc.sha256, doc.path, articles),
    )
    return int(cursor.lastrowid or 0)


def _article_row(row_id: int, file_id: int, article: Article) -> tuple[object, ...]:
    """The articles-table row of an article."""
    return (
        row_id,
        file_id,
        article.id,
        article.line,
        article.outlet,
        article.headline,
        article.original_headline,
        article.original_line,
        json.dumps([[p.line, p.text] for p in article.body], ensure_ascii=False),
        json.dumps([[c.line, c.kind, c.text] for c in article.chrome], ensure_ascii=False),
        _meta(article),
    )


# The Article fields a record format gives, kept together in articles.meta.
_META_FIELDS = ("url", "published", "captured", "site", "author", "record")


def _meta(article: Article) -> str | None:
    """An article's record metadata as JSON, or None when it has none (plain text)."""
    given = {name: getattr(article, name) for name in _META_FIELDS}
    given = {name: value for name, value in given.items() if value is not None}
    return json.dumps(given, ensure_ascii=False, sort_keys=True) if given else None


def _from_meta(text: object) -> dict[str, Any]:
    """The Article fields stored in articles.meta (none for an article without)."""
    if text is None:
        return {}
    stored = json.loads(str(text))
    return {name: stored[name] for name in _META_FIELDS if name in stored}


def _indexed(row: tuple[object, ...]) -> Indexed:
    """An indexed article from its row."""
    rid, aid, path, line, outlet, headline, original, original_line, body, chrome, meta, sha = row
    paragraphs = tuple(Paragraph(text, n) for n, text in json.loads(str(body)))
    chromes = tuple(Chrome(text, n, kind) for n, kind, text in json.loads(str(chrome)))
    article = Article(
        id=str(aid),
        path=str(path),
        line=int(str(line)),
        headline=str(headline),
        original_headline=None if original is None else str(original),
        original_line=None if original_line is None else int(str(original_line)),
        body=paragraphs,
        chrome=chromes,
        outlet=None if outlet is None else str(outlet),
        **_from_meta(meta),
    )
    return Indexed(int(str(rid)), article, str(sha))


def _add_segment(db: sqlite3.Connection, field: str, keys: U32, ids: U32) -> None:
    """Store the band keys of new articles as a segment, then merge small segments."""
    if not len(ids):
        return
    flat_keys = keys.reshape(-1)
    flat_ids = np.repeat(ids, keys.shape[1])
    order = np.argsort(flat_keys, kind="stable")
    _insert_segment(db, field, flat_keys[order], flat_ids[order])
    while True:
        rows = db.execute(
            "SELECT id, size FROM segments WHERE field = ? ORDER BY id DESC LIMIT 2", (field,)
        ).fetchall()
        if len(rows) < 2 or rows[1][1] >= 2 * rows[0][1]:
            return
        _merge(db, field, [rows[1][0], rows[0][0]])


def _merge(db: sqlite3.Connection, field: str, ids: list[int]) -> None:
    """Replace segments by one holding all their entries, still sorted by key."""
    parts = [_segment(db, i) for i in ids]
    keys = np.concatenate([k for k, _ in parts])
    docs = np.concatenate([d for _, d in parts])
    order = np.argsort(keys, kind="stable")
    db.execute(f"DELETE FROM segments WHERE id IN ({','.join('?' * len(ids))})", ids)
    _insert_segment(db, field, keys[order], docs[order])


def _insert_segment(db: sqlite3.Connection, field: str, keys: U32, docs: U32) -> None:
    """Write one segment as little-endian raw arrays."""
    db.execute(
        "INSERT INTO segments (field, size, keys, docs) VALUES (?, ?, ?, ?)",
        (field, len(keys), keys.astype("<u4").tobytes(), docs.astype("<u4").tobytes()),
    )


def _segment(db: sqlite3.Connection, segment_id: int) -> tuple[U32, U32]:
    """The arrays of one segment."""
    keys, docs = db.execute(
        "SELECT keys, docs FROM segments WHERE id = ?", (segment_id,)
    ).fetchone()
    return np.frombuffer(keys, dtype="<u4"), np.frombuffer(docs, dtype="<u4")


def _segments(db: sqlite3.Connection, field: str) -> list[tuple[U32, U32]]:
    """Every segment of a field, as arrays."""
    rows = db.execute("SELECT keys, docs FROM segments WHERE field = ? ORDER BY id", (field,))
    return [(np.frombuffer(k, dtype="<u4"), np.frombuffer(d, dtype="<u4")) for k, d in rows]
