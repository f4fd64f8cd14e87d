"""What a body supports: forms of one word, peoples and their places, titles cut short."""

from __future__ import annotations

from audit.pairing import Support

BODY = Support.of(
    [
        "Iraq's prime minister failed again to replace his cabinet, and in Syria the war "
        "went on. Police said the shooting was accidently caused by a child at a restaurant.",
    ]
)


def test_a_peoples_adjective_is_supported_by_its_place() -> None:
    assert BODY.missing("Iraqi and Syrian leaders struggle") == ("leaders", "struggle")


def test_forms_sharing_six_letters_are_one_word_but_shorter_stems_are_not() -> None:
    assert BODY.missing("Accidental shot at cabinets") == ()
    assert BODY.missing("Quest for prime ministers") == ("quest",)


def test_only_the_last_word_may_be_cut_short() -> None:
    assert BODY.missing("Child shot at resta") == ()  # five letters: no form of a word
    assert BODY.missing("Resta child shot") == ("resta",)
