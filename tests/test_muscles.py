"""One muscle vocabulary: questions and check-ins read the same words the same way, except where a check-in
reads a word as a joint first (the cautious reading)."""

from __future__ import annotations

from datetime import date

import pytest

from rules.answers import find_muscle
from rules.catalog import BY_NAME
from rules.checkins import read_answer
from rules.muscles import MUSCLE_WORDS

DAY = date(2026, 11, 23)


def test_every_muscle_word_names_muscles_the_catalog_uses() -> None:
    known = {muscle for exercise in BY_NAME.values() for muscle in exercise.primary + exercise.secondary}
    assert {muscle for group in MUSCLE_WORDS.values() for muscle in group} <= known


@pytest.mark.parametrize(
    ("word", "muscle"),
    [("back", "lats"), ("lats", "lats"), ("pecs", "chest"), ("quad", "quads"), ("tris", "triceps"), ("arms", "biceps")],
)
def test_a_question_reads_the_muscle_word(word: str, muscle: str) -> None:
    assert find_muscle([word]) == muscle


@pytest.mark.parametrize(
    ("text", "sore", "joints"),
    [
        ("quad a bit sore", ("quads",), ()),
        ("tris sore", ("triceps",), ()),
        ("upper back sore", ("upper_back",), ()),
        ("back 2", (), ("lower back",)),  # a bare back in a check-in is the lower-back joint
        ("shoulder 1", (), ("shoulder",)),
    ],
)
def test_a_checkin_reads_the_same_words(text: str, sore: tuple[str, ...], joints: tuple[str, ...]) -> None:
    checkin = read_answer(text, DAY).checkin
    assert checkin is not None
    assert checkin.sore_muscles == sore and tuple(checkin.joints) == joints
