"""A set with a question after it: the set is logged as meant and the question is answered.

The question's words (`to failure?`, `rest pause or drop set?`, `до отказа?`) are no part of the set's
reading: no RIR 0, no AMRAP, no rest, no technique, no mangled note. A statement after the numbers
(`to failure`, `[Failure]`, `в отказ`) still says the set went to failure.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import install_translations
from handlers.base import Services
from handlers.questions import asked_after_set
from handlers.render import render_answer
from handlers.words import speaking, use_language
from rules.answers import answer
from rules.context import Context
from rules.models import Technique
from rules.notation import parse_message, says_failure
from tests.conftest import Clock
from tests.test_journeys import Lifter

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)

# (set line with a question after it, its exercise, reps, sets, RIR written or None, the question as typed)
ASKED_AFTER_SETS: list[tuple[str, str, int, int, float | None, str]] = [
    ("bench 100kg 3x8 to failure?", "Bench Press", 8, 3, None, "to failure?"),
    ("bench 100kg 3x8 go to failure?", "Bench Press", 8, 3, None, "go to failure?"),
    ("bench 100kg 8 should i go to failure?", "Bench Press", 8, 1, None, "should i go to failure?"),
    ("bench 100kg 8 @8 should i go to failure?", "Bench Press", 8, 1, 2.0, "should i go to failure?"),
    ("bench 100kg 8 rir2 - go to failure next set?", "Bench Press", 8, 1, 2.0, "go to failure next set?"),
    ("leg press 200kg 12 rir1 - rest pause or drop set next?", "Leg Press", 12, 1, 1.0, "rest pause or drop set next?"),
    ("leg press 200kg 12 rest pause or drop set?", "Leg Press", 12, 1, None, "rest pause or drop set?"),
    ("leg press 200kg 12 rir1 rest-pause or drop set next", "Leg Press", 12, 1, 1.0, "rest-pause or drop set next"),
    ("bench 100kg 8 should i rest 90s?", "Bench Press", 8, 1, None, "should i rest 90s?"),
    ("жим лёжа 100 3х8 до отказа?", "Bench Press", 8, 3, None, "до отказа?"),
    ("жим лёжа 100кг 8 в отказ?", "Bench Press", 8, 1, None, "в отказ?"),
    ("жим лёжа 100кг 8 rir2 стоит ли до отказа?", "Bench Press", 8, 1, 2.0, "стоит ли до отказа?"),
    ("жим ногами 200кг 12 rir1 - отдых-пауза или дроп-сет?", "Leg Press", 12, 1, 1.0, "отдых-пауза или дроп-сет?"),
    ("жим ногами 200кг 12 рест-пауза или дроп-сет?", "Leg Press", 12, 1, None, "рест-пауза или дроп-сет?"),
    ("жим ногами 200кг 12 отдых-пауза или дропсет дальше", "Leg Press", 12, 1, None, "отдых-пауза или дропсет дальше"),
]


@pytest.mark.parametrize(("text", "exercise", "reps", "count", "rir", "question"), ASKED_AFTER_SETS)
def test_a_question_after_the_numbers_feeds_no_effort_rest_technique_or_mangled_note(
    text: str, exercise: str, reps: int, count: int, rir: float | None, question: str
) -> None:
    result = parse_message(text)
    assert not result.errors, result.errors
    assert len(result.sets) == count
    for parsed in result.sets:
        assert (parsed.exercise, parsed.first_reps, parsed.top_load) == (exercise, reps, 100 if "ench" in exercise
                                                                         or "жим лёжа" in text else 200)  # fmt: skip
        assert parsed.rir == rir and parsed.amrap is False and parsed.rest_s is None, parsed
        assert parsed.technique is Technique.STRAIGHT and len(parsed.segments) == 1, parsed
        assert parsed.note == question  # as typed, whole: the question is kept, never read


# (statement after the numbers, the note kept): still a set to failure, RIR 0
FAILURE_STATEMENTS: list[tuple[str, str]] = [
    ("bench 100kg 8 to failure", "to failure"),
    ("bench 100kg 8 [Failure]", "Failure"),
    ("жим лёжа 100кг 8 в отказ", "в отказ"),
    ("bench 100kg 8 went to failure, what a grind", "went to failure, what a grind"),
]


@pytest.mark.parametrize(("text", "note"), FAILURE_STATEMENTS)
def test_a_statement_of_failure_after_the_numbers_is_still_rir_0(text: str, note: str) -> None:
    (parsed,) = parse_message(text).sets
    assert (parsed.rir, parsed.rpe, parsed.note) == (0.0, 10.0, note)


@pytest.mark.parametrize(
    ("note", "failure"),
    [
        ("to failure", True), ("в отказ", True), ("Failure", True),
        ("to failure?", False), ("go to failure?", False), ("до отказа?", False), ("в отказ?", False),
        ("should i go to failure", False), ("felt easy, should i go to failure", False),
        ("стоит ли до отказа", False), ("paused; to failure?", False), ("to failure; how was that", True),
    ],
)  # fmt: skip
def test_a_note_that_asks_about_failure_never_says_the_set_went_to_failure(note: str, failure: bool) -> None:
    assert says_failure(note) is failure


# (message, the exercise open before it or None, the answer id, the exercise the answer names)
ANSWERED_AFTER_SETS: list[tuple[str, str | None, str, str]] = [
    ("bench 100kg 3x8 to failure?", None, "failure.compound", "Bench Press"),
    ("bench 100kg 3x8 go to failure?", None, "failure.compound", "Bench Press"),
    ("100x8 should i go to failure?", "Bench Press", "failure.compound", "Bench Press"),
    ("100x8 to failure?", "Bench Press", "failure.compound", "Bench Press"),
    ("leg press 200kg 12 rir1 - rest pause or drop set next?", None, "choice.either", "Leg Press"),
    ("leg press 200kg 12 rest pause or drop set?", None, "choice.either", "Leg Press"),
    ("200x12 rest-pause or drop set?", "Leg Press", "choice.either", "Leg Press"),
    ("жим лёжа 100 3х8 до отказа?", None, "failure.compound", "Bench Press"),
    ("100х8 до отказа?", "Bench Press", "failure.compound", "Bench Press"),
    ("присед 140 5 стоит ли до отказа?", None, "failure.compound", "Back Squat"),
    ("жим ногами 200кг 12 rir1 - отдых-пауза или дроп-сет?", None, "choice.either", "Leg Press"),
    ("жим ногами 200кг 12 рест-пауза или дроп-сет?", None, "choice.either", "Leg Press"),
]


@pytest.mark.parametrize(("text", "open_exercise", "message", "exercise"), ANSWERED_AFTER_SETS)
def test_the_question_after_a_set_is_answered_about_that_sets_exercise(
    text: str, open_exercise: str | None, message: str, exercise: str
) -> None:
    question = asked_after_set(text, open_exercise)
    found = answer(question, Context(now=NOW)) if question else None
    assert found is not None, question
    assert found.message == message, (question, found)
    assert exercise in found.params.values(), found.params


@pytest.mark.parametrize("text", ["100x8 should i go to failure?", "100x8 to failure?"])
def test_a_bare_set_with_a_question_and_no_open_exercise_is_not_answered_as_a_guess(text: str) -> None:
    assert asked_after_set(text) is None


def _answered(question: str, language: str) -> str:
    """What the lifter reads for the question asked alone (no set, no numbers)."""
    found = answer(question, Context(now=NOW))
    assert found is not None, question
    with speaking(language):
        shown = render_answer(found)
    return shown.split("\n")[0].replace("<b>", "").replace("</b>", "")


# (language, what the lifter sends in turn, the set line logged, a line the set line must not show,
# the question asked alone whose answer follows the set)
CHATS: list[tuple[str, list[str], str, tuple[str, ...], str]] = [
    ("en", ["жим лёжа 100 3х8 до отказа?"], "Bench Press: 3 × 8 @ 100 kg", ("RIR", "AMRAP", "“?”"),
     "should i go to failure on bench?"),
    ("ru", ["жим лёжа 100 3х8 до отказа?"], "Жим лёжа: 3 × 8 @ 100 кг", ("RIR", "AMRAP", "“?”"),
     "до отказа на жиме?"),
    ("en", ["bench 100kg 3x8 @8", "100x8 should i go to failure?"], "Bench Press: 8 reps @ 100 kg",
     ("RIR", "RPE 10", "⚠️"), "should i go to failure on bench?"),
    ("ru", ["жим лёжа 100кг 3х8 @8", "100х8 до отказа?"], "Жим лёжа: 8", ("RIR", "RPE 10", "⚠️"),
     "до отказа на жиме?"),
    ("en", ["leg press 200kg 12 rir1 - rest pause or drop set next?"], "Leg Press: 12 reps @ 200 kg · RPE 9 (RIR 1)",
     ("pause;", "s rest", "drop set next?;"), "rest pause or drop set on leg press?"),
    ("ru", ["жим ногами 200кг 12 rir1 - отдых-пауза или дроп-сет?"], "Жим ногами: 12",
     ("пауза;", "с отдых", "отдых ", "дроп-сет?;"), "рест-пауза или дроп-сет для жима ногами?"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "messages", "logged", "not_shown", "alone"), CHATS, ids=[f"{c[0]}: {c[1][-1]}" for c in CHATS]
)
async def test_a_lifter_who_texts_a_set_with_a_question_gets_the_set_logged_and_the_question_answered(
    services: Services, clock: Clock, language: str, messages: list[str], logged: str, not_shown: tuple[str, ...],
    alone: str,
) -> None:  # fmt: skip
    install_translations()
    use_language(language)
    try:
        lifter = Lifter(services, clock, 6060)
        for text in messages:
            said = await lifter.says(text)
        set_line = next(line for line in said.split("\n") if line.startswith(logged.split(":")[0] + ":"))
        assert set_line.startswith(logged), said
        assert not any(word in set_line for word in not_shown), set_line
        assert not any(line.startswith("⚠️") for line in said.split("\n")), said
        assert _answered(alone, language) in said, said  # the same answer as the question asked alone
        history = await lifter.services.storage.recent_sets(6060, 10)
        assert all(row.set.rir is None or row.set.rir > 0 for row in history), history
    finally:
        use_language("en")


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("should i go to failure on bench?", "No, not on Bench Press"),
        ("rest pause or drop set on leg press?", "Either works on Leg Press"),
        ("до отказа на жиме?", "No, not on Bench Press"),
    ],
)
async def test_a_question_with_no_numbers_is_still_answered_and_logs_nothing(
    services: Services, clock: Clock, question: str, starts: str
) -> None:
    lifter = Lifter(services, clock, 7070)
    said = await lifter.says(question)
    assert said.startswith(starts) and "Logged" not in said, said
    assert await lifter.services.storage.recent_sets(7070, 10) == []


# (language, what the lifter sends before the question, the question, how the answer starts)
E1RM_OF_THE_OPEN_LIFT: list[tuple[str, list[str], str, str]] = [
    ("en", ["Deadlift", "140x5", "160 x 3", "180x1 @9"], "what is my e1rm?", "Your Deadlift e1RM is about"),
    ("en", ["Deadlift", "140x5", "180x1 @9"], "my 1rm?", "Your Deadlift e1RM is about"),
    ("en", ["squat 100kg 5 @8"], "/ask what's my one rep max?", "Your Back Squat e1RM is about"),
    ("ru", ["Становая", "140х5", "180х1 @9"], "какой у меня 1ПМ?", "e1RM в упражнении Становая тяга"),
    ("en", ["Deadlift"], "what is my e1rm?", "No Deadlift sets in the last 8 weeks"),  # open, nothing logged yet
    ("en", [], "what is my e1rm?", "Which lift?"),  # nothing open: still asks
    ("en", ["deadlift 180kg 1 @9", "done"], "what is my e1rm?", "Which lift?"),  # the session is over
    ("en", ["Deadlift", "180x1 @9"], "what is my bench 1rm?", "No Bench Press sets"),  # a lift named wins
]


@pytest.mark.parametrize(("language", "before", "question", "starts"), E1RM_OF_THE_OPEN_LIFT)
async def test_an_e1rm_question_naming_no_lift_is_about_the_exercise_open_in_the_conversation(
    services: Services, clock: Clock, language: str, before: list[str], question: str, starts: str
) -> None:
    install_translations()
    use_language(language)
    try:
        lifter = Lifter(services, clock, 9090)
        for text in before:
            await lifter.says(text)
        said = await lifter.says(question)
    finally:
        use_language("en")
    assert starts in said.split("\n")[0], said


async def test_an_e1rm_question_long_after_the_last_set_asks_which_lift(services: Services, clock: Clock) -> None:
    lifter = Lifter(services, clock, 9191)
    await lifter.says("deadlift 180kg 1 @9")
    lifter.later(hours=3)  # the session is over, though no sweep has closed it yet
    said = await lifter.says("what is my e1rm?")
    assert said.startswith("Which lift?"), said
