"""Pipeline: run the stages in order and collect an AuditResult."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import BinaryIO

from . import classify, diff, events, figures, ingest, split
from .records import Article, ArticleAudit, AuditResult, Change, Document, InputFile, Skipped, Where
from .text import tokenize

Progress = Callable[[str], None]


def audit_paths(
    paths: Iterable[str], stdin: BinaryIO | None = None, progress: Progress | None = None
) -> AuditResult:
    """Audit every file named by paths (files, folders, '-' for stdin)."""
    inputs: list[InputFile] = []
    skipped: list[Skipped] = []
    audits: list[ArticleAudit] = []
    seen_ids: set[str] = set()
    for path in ingest.expand(paths):
        if progress:
            progress(path)
        doc = ingest.read(path, stdin)
        if isinstance(doc, Skipped):
            skipped.append(doc)
            continue
        articles = [_unique(a, seen_ids) for a in split.split(doc)]
        inputs.append(_input_file(doc, len(articles)))
        audits.extend(audit_article(a) for a in articles)
    return AuditResult(tuple(inputs), tuple(skipped), tuple(audits), events.find_events(audits))


def audit_article(article: Article) -> ArticleAudit:
    """Read an article's casualty figures and compare its headline with the one it quotes."""
    claims = figures.article_claims(article)
    if article.original_headline is None:
        return ArticleAudit(article, (), classify.severity(()), claims)
    vocabulary = classify.Vocabulary.of(
        [article.original_headline, *(p.text for p in article.body)]
    )
    changes = compare("headline", article.original_headline, article.headline, vocabulary)
    return ArticleAudit(article, changes, classify.severity(changes), claims)


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


def _input_file(doc: Document, articles: int) -> InputFile:
    """The record of a read input."""
    return InputFile(doc.path, doc.sha256, doc.encoding, articles, doc.warnings)


def _unique(article: Article, seen: set[str]) -> Article:
    """Make article ids unique across inputs that share a file name."""
    candidate, n = article.id, 1
    while candidate in seen:
        n += 1
        candidate = f"{article.id}-{n}"
    seen.add(candidate)
    return article if candidate == article.id else replace(article, id=candidate)
