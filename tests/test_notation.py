"""The lifter's shorthand, form by form: each row is what a lifter types and what the bot must read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.catalog import EXERCISES
from rules.models import ParsedSet, Segment, Technique
from rules.notation import parse_message, render_set


def describe(parsed: ParsedSet) -> str:
    """A one-line reading of a set, so the table below reads like the chat does."""
    segments = "+".join(f"{'' if s.load is None else f'{s.load:g}'}x{s.reps}" for s in parsed.segments)
    parts = [f"{parsed.exercise}:", segments]
    if parsed.unit:
        parts.append(parsed.unit)
    if parsed.technique is not Technique.STRAIGHT:
        parts.append(parsed.technique.value)
    if parsed.rir is not None:
        parts.append(f"rir={parsed.rir:g} rpe={parsed.rpe:g}")
    for flag, label in ((parsed.bodyweight, "bw"), (parsed.amrap, "amrap")):
        if flag:
            parts.append(label)
    if parsed.rest_s is not None:
        parts.append(f"rest={parsed.rest_s}")
    if parsed.group is not None:
        parts.append(f"group={parsed.group}")
    return " ".join(parts)


def read(text: str, unit: str = "kg") -> list[str]:
    result = parse_message(text, unit)  # type: ignore[arg-type]
    assert not result.errors, result.errors
    return [describe(s) for s in result.sets]


B3 = ["Bench Press: 100x8 kg rir=2 rpe=8"] * 3

STRAIGHT_SETS = [
    ("bench 100kg 3x8 @8", B3),
    ("BENCH 100KG 3X8 @8", B3),
    ("bench 100 kg 3 x 8 @ 8", B3),
    ("Deadlift 160 kg 3x5", ["Deadlift: 160x5 kg"] * 3),
    ("row 3x10 70kg", ["Barbell Row: 70x10 kg"] * 3),
    ("Leg press: 4 x 12 @ 150 kg", ["Leg Press: 150x12 kg"] * 4),
    ("curl 14kg 12, 10, 9", ["Biceps Curl: 14x12 kg", "Biceps Curl: 14x10 kg", "Biceps Curl: 14x9 kg"]),
    ("row 50kg 4×10", ["Barbell Row: 50x10 kg"] * 4),
    ("press 60x8", ["Overhead Press: 60x8 kg"]),
    ("press 60kg x 8", ["Overhead Press: 60x8 kg"]),
    ("deadlift 140x5, 160x3, 180x1", ["Deadlift: 140x5 kg", "Deadlift: 160x3 kg", "Deadlift: 180x1 kg"]),
    ("row 3x10 60,60,55", ["Barbell Row: 60x10 kg", "Barbell Row: 60x10 kg", "Barbell Row: 55x10 kg"]),
    ("fly 3x15@12kg", ["Dumbbell Fly: 12x15 kg"] * 3),
    ("Bench Press, Barbell / 5x5 135lb", ["Bench Press: 135x5 lb"] * 5),
    ("bench press (barbell) 100kg 5", ["Bench Press: 100x5 kg"]),
    ("squat 3 sets of 5 100kg", ["Back Squat: 100x5 kg"] * 3),
    ("pullups 3x10", ["Pull-Up: x10"] * 3),
    ("t-bar row 40kg 10", ["T-Bar Row: 40x10 kg"]),
    ("bench 100kg 8, 105kg 6", ["Bench Press: 100x8 kg", "Bench Press: 105x6 kg"]),
]

REST_PAUSE = [
    ("lat raise 20kg 12+4+3 RIR1", ["Lateral Raise: 20x12+20x4+20x3 kg rest_pause rir=1 rpe=9"]),
    ("pressdown 30kg 15 +5 +3 RIR 1", ["Triceps Pressdown: 30x15+30x5+30x3 kg rest_pause rir=1 rpe=9"]),
    ("lat raise 20kg 12+4+3 rest 15s", ["Lateral Raise: 20x12+20x4+20x3 kg rest_pause rest=15"]),
    ("lat raise 20kg 12+4+3 (15s rest)", ["Lateral Raise: 20x12+20x4+20x3 kg rest_pause rest=15"]),
    ("lat raise 20kg 12+4+3 20s", ["Lateral Raise: 20x12+20x4+20x3 kg rest_pause rest=20"]),
    ("LR 20kg 12+4+3", ["Lateral Raise: 20x12+20x4+20x3 kg rest_pause"]),
    ("leg ext 60x15+5+3", ["Leg Extension: 60x15+60x5+60x3 kg rest_pause"]),
]

DROP_SETS = [
    ("curl 20/15/10kg 10+8+6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
    ("lateral raise 12/10/8 kg 12+8+8", ["Lateral Raise: 12x12+10x8+8x8 kg drop_set"]),
    ("curl 20/15/10 10+8+6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
    ("curl 20/15/10kg 10, 8, 6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
]

PAIRS = [
    ("bench 80kg 8 > cable fly 15kg 15", ["Bench Press: 80x8 kg group=1", "Cable Fly: 15x15 kg group=1"]),
    (
        "bench 80kg 8 @8 > cable fly 15kg 15 rir0",
        ["Bench Press: 80x8 kg rir=2 rpe=8 group=1", "Cable Fly: 15x15 kg rir=0 rpe=10 group=1"],
    ),
    (
        "leg ext 50kg 15 > leg press 150kg 10\nsquat 100kg 5 -> leg ext 40kg 20",
        [
            "Leg Extension: 50x15 kg group=1",
            "Leg Press: 150x10 kg group=1",
            "Back Squat: 100x5 kg group=2",
            "Leg Extension: 40x20 kg group=2",
        ],
    ),
]

EFFORT_AND_UNITS = [
    (
        "squat 120kg 3 @7, 3 @8, 3 @9",
        ["Back Squat: 120x3 kg rir=3 rpe=7", "Back Squat: 120x3 kg rir=2 rpe=8", "Back Squat: 120x3 kg rir=1 rpe=9"],
    ),
    ("bench 100kg 8 @ RPE 8.5", ["Bench Press: 100x8 kg rir=1.5 rpe=8.5"]),
    ("bench 100kg 8 rpe 9", ["Bench Press: 100x8 kg rir=1 rpe=9"]),
    ("bench 100kg 8 rir 0", ["Bench Press: 100x8 kg rir=0 rpe=10"]),
    ("bench 100kg 8 2 rir", ["Bench Press: 100x8 kg rir=2 rpe=8"]),
    ("curl 22,5kg 10", ["Biceps Curl: 22.5x10 kg"]),
    ("curl 22.5 kg 10", ["Biceps Curl: 22.5x10 kg"]),
    ("bench 225lbs 5", ["Bench Press: 225x5 lb"]),
    ("bench 225 5", ["Bench Press: 225x5 lb"]),  # read with the lifter's unit set to lb below
    ("bench 100 3x8", ["Bench Press: 100x8 kg"] * 3),
    ("dips BW+20kg 3x8", ["Dip: 20x8 kg bw"] * 3),
    ("chin ups bw 8, 7", ["Chin-Up: x8 bw", "Chin-Up: x7 bw"]),
    ("squat 100kg AMRAP 9", ["Back Squat: 100x9 kg amrap"]),
    ("squat 100kg 9 amrap", ["Back Squat: 100x9 kg amrap"]),
    ("zottman curl 10kg 12", ["zottman curl: 10x12 kg"]),
    ("💪 squat 100kg 5 🔥", ["Back Squat: 100x5 kg"]),
]


@pytest.mark.parametrize(("text", "expected"), STRAIGHT_SETS + REST_PAUSE + DROP_SETS + PAIRS + EFFORT_AND_UNITS)
def test_reads_the_lifters_shorthand(text: str, expected: list[str]) -> None:
    unit = "lb" if text == "bench 225 5" else "kg"
    assert read(text, unit) == expected


def test_a_pasted_workout_is_one_entry_per_line() -> None:
    text = "squat 100kg 5x5\n\nbench 80kg 3x8 @8\nlat raise 10kg 15+5+3"
    exercises = [s.exercise for s in parse_message(text).sets]
    assert exercises == ["Back Squat"] * 5 + ["Bench Press"] * 3 + ["Lateral Raise"]


def test_unknown_exercise_is_kept_as_typed_and_flagged() -> None:
    (parsed,) = parse_message("Zottman Curl 10kg 12").sets
    assert (parsed.exercise, parsed.raw_exercise, parsed.known) == ("Zottman Curl", "Zottman Curl", False)


@pytest.mark.parametrize(
    ("text", "error", "column", "hint"),
    [
        ("bench 100kgg 5", "`kgg`", 10, "did you mean `100kg`?"),
        ("bench 100kg", "no reps", 12, "bench 100kg 8"),
        ("bench -100kg 5", "negative", 7, "plain number"),
        ("bench 100kg 0", "zero reps", 13, "reps"),
        ("bench 100kg 5 rir 11", "RIR 11", 15, "0 (failure) to 10"),
        ("bench 100kg 5 @11", "RPE 11", 15, "1 to 10"),
        ("bench 100kg 5 rpe 12", "RPE 12", 15, "1 to 10"),
        ("bench 1000kg 5", "more than anyone", 7, "extra digit"),
        ("curl 10kg 500", "500 reps", 11, "typo"),
        ("bench 100kg 5 rri1", "`rri1`", 15, "did you mean `rir1`?"),
        ("curl 20/15/10kg 10+8", "3 loads but 2 rep counts", 17, "one rep count per load"),
        ("row 3x10 60,55", "3 sets but 2 loads", 5, "one per set"),
        ("100kg 3x8", "which exercise", 1, "start with the exercise name"),
        ("bench 80% 5", "percentage", 7, "load you lifted"),
        ("bench 100kg 5.5", "whole numbers", 13, "unit"),
        ("bench 100kg 30x8", "30 sets", 13, "1 to 20"),
    ],
)
def test_bad_input_gets_what_where_and_how(text: str, error: str, column: int, hint: str) -> None:
    result = parse_message(text)
    assert not result.sets
    (problem,) = result.errors
    assert error in problem.error
    assert problem.column == column
    assert problem.hint is not None and hint in problem.hint


def test_one_bad_line_does_not_lose_the_good_ones() -> None:
    result = parse_message("squat 100kg 5\nbench 100kgg 5\nrow 60kg 10")
    assert [s.exercise for s in result.sets] == ["Back Squat", "Barbell Row"]
    assert [e.line for e in result.errors] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "😀" * 50,
        "x" * 10_000,
        "bench 100kg 8 " * 800,
        "\x00\x07bench\x1b[31m 100kg 8",
        "<b>bench</b> 100kg 8",
        "'; DROP TABLE sets; --",
        "بنش 100kg 8",
        "bench ١٠٠kg ٨",
    ],
)
def test_hostile_input_gets_an_error_or_sets_never_an_exception(text: str) -> None:
    result = parse_message(text)
    assert result.sets or result.errors
    assert not any(e.error.startswith("I couldn't read that (") for e in result.errors)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fuzzed_text_never_breaks_the_parser(text: str) -> None:
    result = parse_message(text)
    assert not any(e.error.startswith("I couldn't read that (") for e in result.errors), result.errors


# Round trip: any set the bot can hold renders to text that reads back as the same set.
_loads = st.integers(min_value=1, max_value=1200).map(lambda quarter: quarter / 4)


@st.composite
def parsed_sets(draw: st.DrawFn) -> ParsedSet:
    exercise = draw(st.sampled_from(EXERCISES))
    technique = draw(st.sampled_from(list(Technique)))
    unit = draw(st.sampled_from(["kg", "lb"]))
    bodyweight = technique is Technique.STRAIGHT and draw(st.booleans())
    reps = (
        draw(st.lists(st.integers(1, 30), min_size=2, max_size=4))
        if technique is not Technique.STRAIGHT
        else [draw(st.integers(1, 30))]
    )
    if technique is Technique.DROP_SET:
        loads: list[float | None] = sorted(
            draw(st.lists(_loads, min_size=len(reps), max_size=len(reps), unique=True)), reverse=True
        )
    else:
        load = None if bodyweight and draw(st.booleans()) else draw(_loads)
        loads = [load] * len(reps)
    rpe = draw(st.none() | st.sampled_from([6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10]))
    has_load = any(load is not None for load in loads)
    return ParsedSet(
        exercise=exercise.name,
        raw_exercise=exercise.name.lower(),
        technique=technique,
        segments=tuple(Segment(load=load, reps=r) for load, r in zip(loads, reps, strict=True)),
        unit=unit if has_load else None,
        bodyweight=bodyweight,
        rpe=rpe,
        rir=None if rpe is None else 10 - rpe,
        amrap=technique is Technique.STRAIGHT and draw(st.booleans()),
        rest_s=draw(st.none() | st.integers(5, 300)),
    )


@settings(max_examples=300, deadline=None)
@given(parsed_sets())
def test_render_then_parse_round_trips(original: ParsedSet) -> None:
    text = render_set(original)
    result = parse_message(text)
    assert not result.errors, (text, result.errors)
    (again,) = result.sets
    assert again.contract_dict() == original.contract_dict(), text
