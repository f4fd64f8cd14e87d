"""Classify: every kind on text written from the rules, and the severity rule."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from audit import Kind, Severity
from audit.classify import Vocabulary, severity
from audit.pipeline import compare


def _kinds(original: str, repost: str, body: Sequence[str] = ()) -> list[set[str]]:
    changes = compare("headline", original, repost, Vocabulary.of([original, *body]))
    return [{k.value for k in c.kinds} for c in changes]


def _unsupported(original: str, repost: str, body: Sequence[str] = ()) -> list[str]:
    changes = compare("headline", original, repost, Vocabulary.of([original, *body]))
    return [term for c in changes for term in c.unsupported]


def test_inserted_term_is_unsupported_whatever_the_word() -> None:
    original = "Farmers protest new water tax in Punjab"
    for inserted in ("the Lizard King", "Baal", "Ministry of Truth", "Agent 47"):
        repost = f"Farmers protest new water tax by {inserted} in Punjab"
        assert inserted.removeprefix("the ") in _unsupported(original, repost)


def test_wording_from_the_body_is_supported() -> None:
    body = ["Farmers in Punjab marched against the tax imposed by the provincial government."]
    assert _unsupported("Farmers protest tax", "Farmers march against provincial tax", body) == []


def test_possessive_is_not_part_of_the_term() -> None:
    assert _unsupported("Cleric's men storm camp", "Moloch's men storm camp") == ["Moloch"]


@pytest.mark.parametrize(
    ("original", "repost"),
    [
        ("Rebels stop attacks if troops leave, report says", "Rebels stop attacks if troops leave"),
        ("Minister allegedly took bribes", "Minister took bribes"),
        ("Five dead according to police", "Five dead"),
        ("Four killed in raid, medics said", "Four killed in raid"),
        ("Army reportedly shelled the town", "Army shelled the town"),
    ],
)  # fmt: skip
def test_removed_hedges(original: str, repost: str) -> None:
    assert any("hedge-removed" in kinds for kinds in _kinds(original, repost))


def test_removed_qualifier_changes_the_figure() -> None:
    kinds = _kinds("At least 12 miners killed in blast", "Twelve miners killed in blast")
    assert {"hedge-removed", "figure-changed"} <= set().union(*kinds)


def test_changed_number_changes_the_figure() -> None:
    # A number is a figure, not an inserted term: one change, one kind.
    assert _kinds("Clashes kill 5 in south", "Clashes kill 9 in south") == [{"figure-changed"}]


def test_a_term_with_a_number_is_still_a_term() -> None:
    kinds = _kinds("Iraq and its militias", "Iraq and Legion 66")
    assert any("unsupported-term" in k for k in kinds)
    assert _unsupported("Iraq and its militias", "Iraq and Legion 66") == ["Legion 66"]
    assert _unsupported("Clashes kill 5 in south", "Clashes kill 9 in south") == []


def test_number_words_equal_to_digits_are_not_changes() -> None:
    assert _kinds("Clashes kill 5 in south", "Clashes kill five in south") == []


def test_time_expressions_are_not_figures() -> None:
    kinds = _kinds(
        "One year after protests, militias grow", "Three years after protests, militias grow"
    )
    assert "figure-changed" not in set().union(*kinds)


def test_direction_of_violence_is_agency() -> None:
    assert (
        "agency-changed"
        in _kinds("Violence escalates against protesters", "Violence escalates from protesters")[0]
    )


def test_negation_inverts_meaning() -> None:
    kinds = _kinds("Minister denies ordering crackdown", "Minister admits ordering crackdown")
    assert "meaning-inverted" in kinds[0]
    assert "meaning-inverted" in _kinds("Police did not fire", "Police did fire")[0]


def test_actor_replaced_is_substitution() -> None:
    body = ["Supporters of cleric Moqtada al-Sadr stormed the square."]
    kinds = _kinds("Sadr supporters storm square", "Mob storms square", body)
    assert "substitution" in kinds[0]


def test_grammar_only_is_wording() -> None:
    assert _kinds("Iran sees leaders as rivals", "Iran see leaders as rivals") == [{"wording"}]


def test_severity_rule() -> None:
    changes = compare(
        "headline", "Iran sees rivals", "Iran see rivals", Vocabulary.of(["Iran sees rivals"])
    )
    assert severity(changes) is Severity.LOW
    changes = compare(
        "headline", "Army allegedly shelled town", "Army shelled town", Vocabulary.of(["x"])
    )
    assert severity(changes) is Severity.MEDIUM
    changes = compare("headline", "Army shelled town", "Demons shelled town", Vocabulary.of(["x"]))
    assert severity(changes) is Severity.HIGH
    assert severity(()) is Severity.NONE
    assert Kind.UNSUPPORTED_TERM in changes[0].kinds
