"""Every number the coaching words say is in a seed, or the sentence says it is not from the guides (#16)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from handlers.words import answers, blocks, checkins, feedback, report

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
LABEL = "not from the guides"
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
_FIELD = re.compile(r"\{[^}]*\}")


def seed_numbers() -> set[str]:
    texts = [path.read_text() for path in sorted(SEEDS.glob("0*.txt"))]
    if not texts:  # a checkout without the shared seeds next to it
        pytest.skip("no seeds next to the checkout")
    return set(_NUMBER.findall(" ".join(texts)))


@pytest.mark.parametrize("words", [feedback, answers, report, blocks, checkins], ids=lambda m: m.__name__)
def test_every_number_in_the_coaching_words_is_in_a_seed_or_labelled_general_practice(words: ModuleType) -> None:
    known = seed_numbers()
    unsupported = [
        (key, number)
        for key, text in words.CATALOGUE.items()
        if LABEL not in text
        for number in _NUMBER.findall(_FIELD.sub("", text))
        if number not in known
    ]
    assert not unsupported, unsupported


def test_an_e1rm_that_leans_on_the_rpe_chart_is_labelled_general_coaching_practice() -> None:
    labelled = [answers.CATALOGUE["strength.your_data"]] + [
        feedback.CATALOGUE[key] for key in ("e1rm.new_best.why", "pair.compound_light.why", "pair.compound_heavy.why")
    ]
    for text in labelled:
        assert "RPE-percentage chart" in text and "general coaching practice, not from the guides" in text, text
