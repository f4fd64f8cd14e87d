"""Pipeline: run the stages in order and collect an AuditResult.

ingest -> split -> match (against the other inputs, references and an index file)
-> compare headlines and align bodies with the original -> figures -> events -> sources.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import BinaryIO

from . import classify, diff, events, figures, formats, ingest, ownbody, parallel, sources, split
from .align import Aligned, align_bodies, paragraph_line
from .index import MEMORY, AddResult, Index
from .match import Matcher, Query
from .records import (
    Article,
    ArticleAudit,
    AuditResult,
    Basis,
    Change,
    Document,
    InputFile,
    Kind,
    Matching,
    Origin,
    Paragraph,
    Severity,
    Skipped,
    Where,
)
from .text import tokenize

Progress = Callable[[str], None]
# Own-body evidence is weaker than an original's: it never rates above medium.
OWN_BODY_SEVERITY = Severity.MEDIUM
# A headline keeping at most this share of the original's words is a recast.
RECAST_KEPT = 0.15
Batch = list[tuple[Document, Sequence[Article]]]


@dataclass(frozen=True, slots=True)
class Originals:
    """Where originals are looked for besides the inputs: reference files and an index."""

    references: tuple[str, ...] = ()
    index: Index | None = None
    # Leave out inputs whose content passed a check with this key (see check.check_key).
    skip_checked: str | None = None


def audit_paths(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    originals: Originals | None = None,
    naming: sources.Naming | None = None,
    fields: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> AuditResult:
    """Audit every file named by paths (files, folders, '-' for stdin); naming says which
    source published each file (by default, each file is its own), fields the record keys
    of JSON Lines and CSV fields that do not use a common name. Reading and auditing run
    in up to jobs worker processes, with the same result as one."""
    originals = originals or Originals()
    files, skipped = ingest.scan(paths)
    batch = _read(files, stdin, progress, skipped, set(), fields, jobs)
    if originals.skip_checked is not None and originals.index is not None:
        passed = originals.index.checked_before(
            [d.sha256 for d, _ in batch], originals.skip_checked
        )
        batch = [(doc, articles) for doc, articles in batch if doc.sha256 not in passed]
    references = _read(ingest.expand(originals.references), None, None, skipped, set(), fields)
    audits = _audit_all(batch, references, originals.index, jobs)
    naming = naming or sources.Naming()
    inputs = tuple(_input_file(doc, len(articles), naming) for doc, articles in batch)
    found = events.find_events(audits)
    profiles = sources.profiles(inputs, audits, found)
    return AuditResult(inputs, tuple(skipped), audits, found, profiles)


def index_paths(
    index: Index,
    paths: Iterable[str],
    progress: Progress | None = None,
    batch_files: int = 500,
    fields: Mapping[str, str] | None = None,
) -> tuple[AddResult, tuple[Skipped, ...]]:
    """Add the articles of files to an index, one transaction per batch of files."""
    skipped: list[Skipped] = []
    files = added = present = 0
    expanded = list(ingest.expand(paths))
    for start in range(0, len(expanded), batch_files):
        chunk = expanded[start : start + batch_files]
        batch = _read(chunk, None, progress, skipped, set(), fields)
        result = index.add(batch)
        files, added = files + result.files_added, added + result.articles_added
        present += result.files_present
    return AddResult(files, added, present), tuple(skipped)


def _audit_all(
    inputs: Batch, references: Batch, index: Index | None, jobs: int
) -> tuple[ArticleAudit, ...]:
    """Match and audit every input article: here, or in workers that each open the same
    indexes (the inputs' and references' written to temporary files for them)."""
    queries = [Query(article, doc.sha256) for doc, articles in inputs for article in articles]
    if parallel.workers(len(queries), jobs) <= 1 or (index is not None and index.path == MEMORY):
        matcher = _matcher(inputs, references, index)
        return tuple(audit_article(q.article, matcher.match(q), matcher) for q in queries)
    with tempfile.TemporaryDirectory(prefix="audit-") as work:
        opened: list[tuple[str, Origin]] = []
        built_here: tuple[tuple[Batch, Origin], ...] = (
            (inputs, "input"),
            (references, "reference"),
        )
        for batch, origin in built_here:
            path = os.path.join(work, f"{origin}.sqlite")
            with Index.open(path) as built:
                built.add(batch)
            opened.append((path, origin))
        if index is not None:
            opened.append((index.path, "index"))
        audited = parallel.ordered_map(
            _match_and_audit, queries, jobs, initializer=_open_matcher, initargs=(opened,)
        )
        return tuple(audited)


# A worker's matcher, opened once by _open_matcher over the files the run indexed.
_worker_matcher: Matcher | None = None


def _open_matcher(opened: Sequence[tuple[str, Origin]]) -> None:
    """Open a worker's own connections to the indexes (none is shared across processes)."""
    global _worker_matcher
    _worker_matcher = Matcher([(Index.open(path, create=False), origin) for path, origin in opened])


def _match_and_audit(query: Query) -> ArticleAudit:
    """Match and audit one article in a worker."""
    assert _worker_matcher is not None, "the worker's matcher was not opened"
    return audit_article(query.article, _worker_matcher.match(query), _worker_matcher)


def audit_article(
    article: Article, matching: Matching | None = None, matcher: Matcher | None = None
) -> ArticleAudit:
    """Compare an article with its original (quoted headline, matched body), or with
    another version of unknown order, and read its figures."""
    claims = figures.article_claims(article)
    original = _original(matching, matcher)
    quoted = article.original_headline
    version = None
    if original is None and quoted is None and matching and matching.version and matcher:
        version = matcher.article(matching.version)
    compared = original or version
    # What the original says: the headline quoted, and the matched original's own text
    # (a repost record's own headline is the one it quotes).
    said = [quoted or "", *(p.text for p in (compared or article).body)]
    if compared is not None:
        said.append(own_headline(compared))
    vocabulary = classify.Vocabulary.of(said)
    changes: list[Change] = []
    headline = quoted if quoted is not None else own_headline(compared) if compared else None
    basis: Basis = (
        "quoted headline"
        if quoted is not None
        else "other version"
        if version
        else "matched original"
    )
    if headline is not None:
        found = compare("headline", headline, article.headline, vocabulary)
        changes.extend(replace(c, line=article.line) for c in recast(found, headline, article))
    aligned = None
    if compared is not None and compared.body and article.body:
        aligned = align_bodies(compared.body, article.body)
        changes.extend(body_changes(aligned, vocabulary, article.body))
    severity = classify.severity(changes)
    if headline is None and compared is None:
        own = ownbody.headline_changes(article)
        basis = "none" if own is None else "own body"
        changes.extend(own or ())
        severity = min(classify.severity(changes), OWN_BODY_SEVERITY, key=lambda s: s.rank)
    differs: tuple[Change, ...] = ()
    if version is not None:  # no direction: what differs from it, but nothing altered...
        differs, changes, severity = tuple(changes), [], Severity.NONE
        own = ownbody.headline_changes(article)
        if own:  # ...unless its headline uses a term its own body never does
            basis, changes = "own body", list(own)
            severity = min(classify.severity(changes), OWN_BODY_SEVERITY, key=lambda s: s.rank)
    return ArticleAudit(
        article,
        tuple(changes),
        severity,
        claims,
        matching,
        aligned.diff if aligned else None,
        basis,
        differs,
    )


def recast(changes: tuple[Change, ...], original: str, article: Article) -> tuple[Change, ...]:
    """A headline's changes, or one whole-headline change when almost nothing of the
    original survives (a word diff of a full rewrite is unreadable)."""
    kept = sum(len(tokenize(original[a:b])) for a, b in _equal_spans(changes, original))
    if not changes or kept > RECAST_KEPT * len(tokenize(original)):
        return changes
    kinds = tuple(k for k in Kind if any(k in c.kinds for c in changes))
    unsupported = tuple(dict.fromkeys(u for c in changes for u in c.unsupported))
    whole = Change(
        where="headline",
        op="replace",
        original=original,
        repost=article.headline,
        kinds=(*kinds, Kind.RECAST) if Kind.RECAST not in kinds else kinds,
        unsupported=unsupported,
        original_span=(0, len(original)),
        repost_span=(0, len(article.headline)),
    )
    return (whole,)


def _equal_spans(changes: Sequence[Change], text: str) -> list[tuple[int, int]]:
    """The stretches of the original headline that no change touches."""
    spans, at = [], 0
    for change in sorted(changes, key=lambda c: c.original_span):
        start, end = change.original_span
        if start > at:
            spans.append((at, start))
        at = max(at, end)
    if at < len(text):
        spans.append((at, len(text)))
    return spans


def compare(
    where: Where, original: str, repost: str, vocabulary: classify.Vocabulary
) -> tuple[Change, ...]:
    """All classified changes between an original text and its repost."""
    a, b = tokenize(original), tokenize(repost)
    return tuple(
        classify.classify(
            where,
            op,
            classify.Side(original, a, op.a0, op.a1),
            classify.Side(repost, b, op.b0, op.b1),
            vocabulary,
        )
        for op in diff.align(a, b)
    )


def body_changes(
    aligned: Aligned, vocabulary: classify.Vocabulary, paragraphs: Sequence[Paragraph] = ()
) -> list[Change]:
    """The classified changes of an aligned body.

    A whole inserted sentence is judged only by the terms it brings in, a whole deleted
    sentence is an omission ('wording'): hedges, figures and negations are compared
    within sentences that both sides have.
    """
    a, b = aligned.original, aligned.repost
    changes = []
    for edit in aligned.edits:
        op = edit.op
        change = classify.classify(
            "body",
            op,
            classify.Side(a.text, a.tokens, op.a0, op.a1),
            classify.Side(b.text, b.tokens, op.b0, op.b1),
            vocabulary,
        )
        if edit.whole:
            kept = tuple(k for k in change.kinds if k is Kind.UNSUPPORTED_TERM)
            change = replace(change, kinds=kept or (Kind.WORDING,))
        line = paragraph_line(paragraphs, change.repost_span[0]) if paragraphs else None
        changes.append(replace(change, line=line))
    return changes


def own_headline(article: Article) -> str:
    """The headline of the outlet an article comes from: the quoted one in a repost record."""
    return article.original_headline or article.headline


def _original(matching: Matching | None, matcher: Matcher | None) -> Article | None:
    """The matched original article, when there is one."""
    if matching is None or matching.original is None or matcher is None:
        return None
    return matcher.article(matching.original)


def _read(
    paths: Iterable[str],
    stdin: BinaryIO | None,
    progress: Progress | None,
    skipped: list[Skipped],
    seen_ids: set[str],
    fields: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> Batch:
    """Read and split files (in up to jobs workers, standard input here); unreadable ones
    go to skipped."""
    batch: Batch = []
    tasks = [(path, fields) for path in paths]
    here = any(path == ingest.STDIN for path, _ in tasks)  # standard input is this process's
    done = map(partial(_read_one, stdin=stdin), tasks) if here else None
    for (path, _), read in zip(
        tasks, done or parallel.ordered_map(_read_one, tasks, jobs), strict=True
    ):
        if progress:
            progress(path)
        if isinstance(read, Skipped):
            skipped.append(read)
            continue
        doc, articles = read
        batch.append((doc, [_unique(a, seen_ids) for a in articles]))
    return batch


def _read_one(
    task: tuple[str, Mapping[str, str] | None], stdin: BinaryIO | None = None
) -> tuple[Document, Sequence[Article]] | Skipped:
    """One file read and split into articles, or why it was skipped."""
    path, fields = task
    doc = ingest.read(path, stdin, fields)
    return doc if isinstance(doc, Skipped) else (doc, split.split(doc))


def _matcher(inputs: Batch, references: Batch, index: Index | None) -> Matcher:
    """A matcher over the inputs, the references (both in memory) and the index file."""
    found_in: list[tuple[Index, Origin]] = []
    origins: tuple[tuple[Batch, Origin], ...] = ((inputs, "input"), (references, "reference"))
    for batch, origin in origins:
        memory = Index.open(MEMORY)
        memory.add(batch)
        found_in.append((memory, origin))
    if index is not None:
        found_in.append((index, "index"))
    return Matcher(found_in)


def _input_file(doc: Document, articles: int, naming: sources.Naming) -> InputFile:
    """The record of a read input, with the source that published it."""
    sites = {(r.site, formats.host(r.url)) for r in doc.records}
    site, host = sites.pop() if len(sites) == 1 else (None, None)  # one site for the file
    source, named_by = naming.name(doc.path, site, host)
    return InputFile(
        doc.path, doc.sha256, doc.encoding, articles, doc.warnings, source, named_by, doc.format
    )


def _unique(article: Article, seen: set[str]) -> Article:
    """Make article ids unique across inputs that share a file name."""
    candidate, n = article.id, 1
    while candidate in seen:
        n += 1
        candidate = f"{article.id}-{n}"
    seen.add(candidate)
    return article if candidate == article.id else replace(article, id=candidate)
