"""Body alignment: sentences paired first, then words; the script rebuilds the repost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.align import Aligned, align_bodies
from audit.diff import apply
from audit.records import Paragraph

ORIGINAL = (
    "The army said five people were killed. Police arrested two men on Monday. "
    "The minister resigned after the vote, and the cabinet met in Baghdad.",
    "Residents fled the area. The governor promised an inquiry into the shooting.",
)
REPOST = (
    "The governor promised an inquiry into the shooting. Seven people were killed. "
    "Police arrested two men on Monday. The minister resigned after the vote. "
    "The cabinet met in Baghdad.",
    "Residents fled the area, witnesses said. A new sentence about the Beast appears here.",
)


def _paragraphs(texts: tuple[str, ...] | list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text, 1 + 2 * i) for i, text in enumerate(texts))


def _pairs(aligned: Aligned) -> list[tuple[str, str | None, str | None]]:
    body = aligned.diff
    return [
        (
            p.kind,
            body.original[slice(*p.original)] if p.original else None,
            body.repost[slice(*p.repost)] if p.repost else None,
        )
        for p in body.pairs
    ]


def _rebuilds(aligned: Aligned) -> bool:
    a = [k for k in aligned.original.keys]
    b = [k for k in aligned.repost.keys]
    return apply(a, b, aligned.script) == b


def test_moved_changed_split_and_inserted_sentences() -> None:
    aligned = align_bodies(_paragraphs(ORIGINAL), _paragraphs(REPOST))
    assert _pairs(aligned) == [
        ("moved", ORIGINAL[1].split(". ")[1], REPOST[0].split(". ")[0] + "."),
        ("changed", "The army said five people were killed.", "Seven people were killed."),
        ("equal", "Police arrested two men on Monday.", "Police arrested two men on Monday."),
        (
            "split",
            "The minister resigned after the vote, and the cabinet met in Baghdad.",
            "The minister resigned after the vote. The cabinet met in Baghdad.",
        ),
        ("changed", "Residents fled the area.", "Residents fled the area, witnesses said."),
        ("inserted", None, "A new sentence about the Beast appears here."),
    ]
    edits = [
        (
            e.whole,
            " ".join(t.text for t in aligned.original.tokens[e.op.a0 : e.op.a1]),
            " ".join(t.text for t in aligned.repost.tokens[e.op.b0 : e.op.b1]),
        )
        for e in aligned.edits
    ]
    # The split's dropped "and" is restructuring, not a change of wording.
    assert edits == [
        (False, "The army said five", "Seven"),
        (False, "", "witnesses said"),
        (True, "", "A new sentence about the Beast appears here"),
    ]
    assert _rebuilds(aligned)


def test_merged_and_deleted_sentences() -> None:
    original = _paragraphs(["Troops arrived. They sealed the road. Nobody was hurt in the raid."])
    repost = _paragraphs(["Troops arrived and they sealed the road."])
    aligned = align_bodies(original, repost)
    assert _pairs(aligned) == [
        (
            "merged",
            "Troops arrived. They sealed the road.",
            "Troops arrived and they sealed the road.",
        ),
        ("deleted", "Nobody was hurt in the raid.", None),
    ]
    assert [e.whole for e in aligned.edits] == [True]
    assert _rebuilds(aligned)


def test_a_dateline_is_chrome_not_a_change() -> None:
    original = _paragraphs(["BAGHDAD \u2013 Protesters gathered in the square on Friday."])
    for repost in (
        "Protesters gathered in the square on Friday.",
        "NASIRIYAH, Iraq (AP) \u2014 Protesters gathered in the square on Friday.",
    ):
        aligned = align_bodies(original, _paragraphs([repost]))
        assert [p.kind for p in aligned.diff.pairs] == ["equal"]
        assert not aligned.edits


SENTENCE = st.lists(
    st.sampled_from("alpha beta gamma delta seven 7 Sadr militia".split()), min_size=1, max_size=8
).map(lambda words: " ".join(words).capitalize() + ".")
BODY = st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(BODY, BODY)
def test_the_script_rebuilds_the_repost_from_the_original(a: list[str], b: list[str]) -> None:
    aligned = align_bodies(_paragraphs(a), _paragraphs(b))
    assert _rebuilds(aligned)
    for pair in aligned.diff.pairs:
        assert pair.original or pair.repost
    for edit in aligned.edits:
        op = edit.op
        assert 0 <= op.a0 <= op.a1 <= len(aligned.original.tokens)
        assert 0 <= op.b0 <= op.b1 <= len(aligned.repost.tokens)


@settings(max_examples=60, deadline=None)
@given(BODY, st.data())
def test_edits_of_a_real_repost_are_found_where_they_were_made(
    a: list[str], data: st.DataObject
) -> None:
    sentences = [s + "." for p in a for s in p.split(". ") if s.strip(".")]
    position = data.draw(st.integers(0, len(sentences)))
    inserted = "Zebras quietly annexed the marketplace."
    repost = [*sentences[:position], inserted, *sentences[position:]]
    aligned = align_bodies(_paragraphs([" ".join(sentences)]), _paragraphs([" ".join(repost)]))
    added = [p for p in aligned.diff.pairs if p.kind == "inserted"]
    assert [aligned.diff.repost[slice(*p.repost)] for p in added if p.repost] == [inserted]
