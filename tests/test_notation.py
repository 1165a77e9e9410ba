"""The lifter's shorthand, form by form: each row is what a lifter types and what the bot must read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.words.parsing import CATALOGUE, hint_text, problem_text
from rules.catalog import EXERCISES, TIMED, is_cardio
from rules.models import ParsedSet, Segment, Technique
from rules.notation import BODY_PARTS, MAX_AMBIGUOUS_SETS, NOTATION_WORDS, Msg, parse_message, render_set
from tests.notation_reading import describe, reading


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

# The technique named with the exercise, before or after its name, is the technique, never a word of the name.
TECHNIQUE_NAMED = [
    ("rest-pause curls 15kg 12+4+3", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause"]),
    ("Rest pause lateral raises 10kg 12+4+3 rir1", ["Lateral Raise: 10x12+10x4+10x3 kg rest_pause rir=1 rpe=9"]),
    ("curls rest-pause 15kg 12+4+3", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause"]),
    ("drop set curls 20/15/10kg 10+8+6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
    ("curls drop set 20/15/10kg 10+8+6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
    ("myo curls 15kg 12+4+3", ["Biceps Curl: 15x12+15x4+15x3 kg myo_reps"]),
    ("рест-пауза бицепс 15кг 12+4+3", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause"]),
    ("curls 15kg 12+4+3 rest pause", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause"]),  # no note "pause"
    ("curls 15kg 12+4+3 (rest-pause) rest 15s", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause rest=15"]),
    ("curls 15kg 12+4+3 рест-пауза", ["Biceps Curl: 15x12+15x4+15x3 kg rest_pause"]),
    ("curls 20kg 10 drop 15kg 8 drop set 10kg 6", ["Biceps Curl: 20x10+15x8+10x6 kg drop_set"]),
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
    ("bench 102.5 5", ["Bench Press: 102.5x5 kg"]),  # a fraction first is the load: reps are whole
    ("bench 102,5 5", ["Bench Press: 102.5x5 kg"]),
    # not 32 reps, then 5 kg 12+3+2
    ("lat raise 32,5 12+3+2 rir1", ["Lateral Raise: 32.5x12+32.5x3+32.5x2 kg rest_pause rir=1 rpe=9"]),
    ("lat raise 32.5 3x12", ["Lateral Raise: 32.5x12 kg"] * 3),
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

# Timed holds as lifters write them: a duration (m:ss, or seconds) per set, never reps, never a rest;
# `rest 1:30` written with the hold is still the rest.
HOLDS = [
    ("plank 3x1:00", ["Plank: 60s"] * 3),
    ("dead hang 3 x 0:45", ["Dead Hang: 45s"] * 3),
    ("wall sit 3x1:30", ["Wall Sit: 90s"] * 3),
    ("plank 3 sets of 1:00", ["Plank: 60s"] * 3),
    ("plank 3 sets of 45s", ["Plank: 45s"] * 3),
    ("планка 3 подхода по 1:00", ["Plank: 60s"] * 3),
    ("farmer walk 40kg 3x0:30", ["Farmer's Carry: 40/30s kg"] * 3),
    ("plank 3x1:00 rest 1:30", ["Plank: 60s rest=90"] * 3),
    ("plank 3x60s rest 1:30", ["Plank: 60s rest=90"] * 3),
    # `m` on a hold is minutes (on a carry it may be metres), and minutes then seconds are one time
    ("plank 1m", ["Plank: 60s"]),
    ("dead hang 3x1m", ["Dead Hang: 60s"] * 3),
    ("планка 1м", ["Plank: 60s"]),
    ("plank 1m30s", ["Plank: 90s"]),
    ("plank 1 min 30 s", ["Plank: 90s"]),
    ("планка 1 мин 30 сек", ["Plank: 90s"]),
    ("plank 2 min 45 s, 1 min", ["Plank: 165s", "Plank: 60s"]),
    ("bench 100kg 5 rest 1 min 30 s", ["Bench Press: 100x5 kg rest=90"]),
    # a time, then how many times: sets of that hold, never a pair of 60s for 3 reps
    ("plank 60s x3", ["Plank: 60s"] * 3),
    ("plank 1:00 x 3", ["Plank: 60s"] * 3),
    ("plank 60 seconds x 3", ["Plank: 60s"] * 3),
    ("plank 3x1min30s", ["Plank: 90s"] * 3),
    ("farmer walk 40kg 30s x3", ["Farmer's Carry: 40/30s kg"] * 3),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    STRAIGHT_SETS + REST_PAUSE + DROP_SETS + TECHNIQUE_NAMED + PAIRS + EFFORT_AND_UNITS + HOLDS,
)
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
    ("text", "code", "column", "hint", "words"),
    [
        ("bench 100kgg 5", Msg.UNKNOWN_WORD, 10, Msg.HINT_DID_YOU_MEAN, "did you mean `100kg`?"),
        ("bench 225 plus 2 chains", Msg.UNKNOWN_WORD, 11, Msg.HINT_EXAMPLE, "bench 100kg 3x8"),  # not "225lbs?"
        ("bench 100kg", Msg.NO_REPS, 12, Msg.HINT_REPS, "bench 100kg 8"),
        ("bench -100kg 5", Msg.NEGATIVE, 7, Msg.HINT_PLAIN_NUMBER, "plain number"),
        ("bench 100kg 0", Msg.ZERO_REPS, 13, Msg.HINT_REPS, "reps"),
        ("bench 100kg 5 rir 11", Msg.RIR_OFF_SCALE, 15, Msg.HINT_RIR_SCALE, "0 (failure) to 10"),
        ("bench 100kg 5 @11", Msg.RPE_OFF_SCALE, 15, Msg.HINT_RPE_SCALE, "1 to 10"),
        ("bench 100kg 5 rpe 12", Msg.RPE_OFF_SCALE, 15, Msg.HINT_RPE_SCALE, "1 to 10"),
        ("bench 1000kg 5", Msg.TOO_HEAVY, 7, Msg.HINT_EXTRA_DIGIT, "extra digit"),
        ("curl 10kg 500", Msg.TOO_MANY_REPS, 11, Msg.HINT_REPS_TYPO, "typo"),
        ("bench 100kg 5 rri1", Msg.UNKNOWN_WORD, 15, Msg.HINT_DID_YOU_MEAN, "did you mean `rir1`?"),
        ("curl 20/15/10kg 10+8", Msg.DROP_COUNTS, 17, Msg.HINT_DROP_COUNTS, "one rep count per load"),
        # a drop set said, one load written: not a rest-pause at 20 kg
        ("curls 20kg 10+8+6 drop set", Msg.DROP_ONE_LOAD, 12, Msg.HINT_DROP_COUNTS, "one rep count per load"),
        ("drop set curls 20kg 10+8+6", Msg.DROP_ONE_LOAD, 21, Msg.HINT_DROP_COUNTS, "one rep count per load"),
        ("row 3x10 60,55", Msg.SETS_LOADS, 5, Msg.HINT_ONE_PER_SET, "one per set"),
        ("100kg 3x8", Msg.MISSING_EXERCISE, 1, Msg.HINT_START_WITH_NAME, "start with the exercise name"),
        ("bench 80% 5", Msg.PERCENT, 7, Msg.HINT_LOAD_LIFTED, "load you lifted"),
        ("bench 100kg 5.5", Msg.FRACTIONAL_REPS, 13, Msg.HINT_LOAD_UNIT, "unit"),
        ("bench 8.5 reps", Msg.FRACTIONAL_REPS, 7, Msg.HINT_LOAD_UNIT, "unit"),
        ("bench 100kg 30x8", Msg.SETS_RANGE, 13, Msg.HINT_SETS_RANGE, "1 to 20"),
        ("face pulls 60x3x15", Msg.AMBIGUOUS_SETS_REPS, 12, Msg.HINT_SETS_REPS, "`60 3x15` for 3 sets of 15"),
        ("elbow 3/10", Msg.NOT_AN_EXERCISE, 1, Msg.HINT_CHECKIN, "check-in"),
        ("plank 3x0:00", Msg.DURATION_RANGE, 7, Msg.HINT_HOLD_FORM, "a hold is written"),
        ("squat 405 2,1,x", Msg.UNKNOWN_WORD, 15, Msg.HINT_FAILED_SET, "missed"),
    ],
)
def test_bad_input_gets_what_where_and_how(text: str, code: Msg, column: int, hint: Msg, words: str) -> None:
    result = parse_message(text)
    assert not result.sets
    (problem,) = result.errors
    assert (problem.code, problem.column, problem.hint) == (code, column, hint)
    shown = hint_text(problem.hint, problem.hint_params)
    assert shown is not None and words in shown


@pytest.mark.parametrize(
    ("name", "numbers"), [("face pulls", "60x3x15"), ("Military press", "135 x 5 x 10"), ("leg press", "405x3x10")]
)
def test_both_readings_an_ambiguous_line_offers_read_back_as_offered(name: str, numbers: str) -> None:
    (error,) = parse_message(f"{name} {numbers}").errors
    for key in ("many", "few"):
        sets = parse_message(f"{name} {error.hint_params[key]}").sets
        offered = (int(error.hint_params[f"{key}_sets"]), int(error.hint_params[f"{key}_reps"]))
        assert (len(sets), sets[0].first_reps) == offered, (key, error.hint_params)


def test_a_hint_never_suggests_what_was_typed() -> None:
    """`8x25kg` once got "did you mean `8x25kg`?"; a suggestion must differ from the input."""
    for text in ("shrug 8x25kgg", "bench 100 5 kgs x", "bench 100kg 5 rpee8", "curl 10 lbb 8", "squat 100 5 zzz9"):
        for error in parse_message(text).errors:
            if error.hint == Msg.HINT_DID_YOU_MEAN:
                suggestion = str(error.hint_params["suggestion"])
                assert suggestion not in text.split(), (text, suggestion)


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
    assert not any(e.code == Msg.INTERNAL for e in result.errors)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fuzzed_text_never_breaks_the_parser(text: str) -> None:
    result = parse_message(text)
    assert not any(e.code == Msg.INTERNAL for e in result.errors), result.errors


# Round trip: any set the bot can hold renders to text that reads back as the same set.
_loads = st.integers(min_value=1, max_value=1200).map(lambda quarter: quarter / 4)


@st.composite
def parsed_sets(draw: st.DrawFn) -> ParsedSet:
    exercise = draw(st.sampled_from([e for e in EXERCISES if not is_cardio(e) and e.name not in TIMED]))
    technique = draw(st.sampled_from([t for t in Technique if t is not Technique.CARDIO]))
    unit = draw(st.sampled_from(["kg", "lb"]))
    bodyweight = technique is Technique.STRAIGHT and draw(st.booleans())
    if technique is Technique.STRAIGHT:
        reps = [draw(st.integers(1, 30))]
    elif technique is Technique.REST_PAUSE:  # two bursts at most: 3+ equal bursts read as myo-reps
        reps = draw(st.lists(st.integers(1, 30), min_size=2, max_size=3))
    else:
        reps = draw(st.lists(st.integers(1, 30), min_size=2, max_size=4))
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
        per_side=draw(st.booleans()),
        warmup=draw(st.booleans()),
        note=draw(st.none() | st.sampled_from(["paused", "belt", "felt strong"])),
    )


@settings(max_examples=300, deadline=None)
@given(parsed_sets())
def test_render_then_parse_round_trips(original: ParsedSet) -> None:
    text = render_set(original)
    result = parse_message(text)
    assert not result.errors, (text, result.errors)
    (again,) = result.sets
    assert again.contract_dict() == original.contract_dict(), text


# The corpus: real training-log lines and the reading a lifter means (tests/corpus/notation.tsv).
CORPUS = Path(__file__).parent / "corpus" / "notation.tsv"


def corpus_cases() -> list[tuple[str, str, str]]:
    cases = []
    for row in CORPUS.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        line, expected = row.split("\t")
        unit = "lb" if line.startswith("[lb] ") else "kg"
        cases.append((line.removeprefix("[lb] "), unit, expected))
    return cases


@pytest.mark.parametrize(("line", "unit", "expected"), corpus_cases())
def test_real_log_lines_are_read_as_the_lifter_means(line: str, unit: str, expected: str) -> None:
    assert reading(parse_message(line, unit)) == expected  # type: ignore[arg-type]


def test_the_corpus_is_big_enough_to_mean_something() -> None:
    cases = corpus_cases()
    assert len(cases) >= 200
    assert sum(expected.startswith("!") for _, _, expected in cases) >= 20  # refusals are tested too


def test_every_message_id_the_parser_can_return_has_words() -> None:
    assert sorted(set(Msg) - set(CATALOGUE)) == []


def test_every_refusal_in_the_corpus_renders_with_its_params() -> None:
    for line, unit, _ in corpus_cases():
        for error in parse_message(line, unit).errors:  # type: ignore[arg-type]
            assert problem_text(error.code, error.params)
            hint = hint_text(error.hint, error.hint_params)
            assert hint is None or line.strip() not in re.findall(r"`([^`]*)`", hint), (line, hint)


def test_a_line_holding_only_an_exercise_is_a_heading() -> None:
    result = parse_message("Bench Press")
    assert (result.sets, result.errors, result.heading) == ((), (), "Bench Press")
    assert parse_message("жим лёжа").heading == "Bench Press"


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("Rest-pause curls", "Biceps Curl"),
        ("rest pause lateral raises", "Lateral Raise"),
        ("drop set curls", "Biceps Curl"),
        ("curls drop set", "Biceps Curl"),
        ("дроп-сет бицепс", "Biceps Curl"),
    ],
)
def test_a_heading_that_names_its_technique_is_the_exercise_s_heading(text: str, exercise: str) -> None:
    result = parse_message(text)
    assert (result.heading, result.sets, result.errors) == (exercise, (), ())


def test_a_bare_line_is_refused_as_missing_exercise_with_its_numbers_read() -> None:
    (error,) = parse_message("100x8 @9").errors
    assert error.code == Msg.MISSING_EXERCISE
    assert [describe(s) for s in error.sets] == ["?: 100x8 kg rir=1 rpe=9"]


def test_an_internal_error_never_names_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    import rules.notation as notation

    def broken(text: str, unit: str) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(notation, "_parse_message", broken)
    (error,) = notation.parse_message("bench 100kg 5").errors
    assert error.code == Msg.INTERNAL and "ValueError" not in problem_text(error.code, error.params)


# No accepted line may log an exercise named only with notation words (`Set`, `bar x`, `plus`, `elbow`).
_fragments = st.sampled_from(
    [
        *sorted(NOTATION_WORDS | BODY_PARTS),
        "100",
        "8",
        "3x8",
        "100kg",
        "x",
        "@8",
        "+",
        ":",
        "-",
        "/",
        ",",
        "bar x 10",
        "(paused)",
        "5x5x65lb",
        "+45",
    ]
)


def _notation_only(name: str) -> bool:
    from rules.catalog import normalize_name

    words = normalize_name(name).split()
    return all(w in NOTATION_WORDS or w in BODY_PARTS or w.isdigit() for w in words)


@settings(max_examples=400, deadline=None)
@given(st.lists(_fragments, min_size=1, max_size=7).map(" ".join))
def test_no_accepted_line_names_an_exercise_with_notation_words_only(text: str) -> None:
    for parsed in parse_message(text).sets:
        assert not _notation_only(parsed.raw_exercise), (text, parsed.raw_exercise)
        assert not _notation_only(parsed.exercise), (text, parsed.exercise)


def test_no_phantom_set_from_a_decimal_comma() -> None:
    """`rpe 8,5` once logged a second set at RPE 8."""
    assert [describe(s) for s in parse_message("bench 100kg 8 rpe 8,5").sets] == [
        "Bench Press: 100x8 kg rir=1.5 rpe=8.5"
    ]


def test_russian_words_come_back_unmangled_in_errors() -> None:
    (error,) = parse_message("махи 10кг 12 хорошо9").errors
    assert error.params["word"] == "хорошо9"


@pytest.mark.parametrize(
    ("text", "raw", "exercise", "sets"),
    [
        ("Хаммер 20кг 3Х10", "Хаммер", "Hammer Curl", 3),  # a capital Х is `x` only between numbers
        ("Жим лёжа 100Х5", "Жим лёжа", "Bench Press", 1),  # ё stays as typed; the catalog reads it as е
        ("махи 10кг 3 х 15", "махи", "Lateral Raise", 3),  # the х of махи is a letter
    ],
)
def test_russian_names_are_kept_as_typed(text: str, raw: str, exercise: str, sets: int) -> None:
    result = parse_message(text)
    assert [(s.raw_exercise, s.exercise) for s in result.sets] == [(raw, exercise)] * sets


def test_every_corpus_set_can_be_coached_and_holds_and_cardio_draw_no_lifting_advice() -> None:
    from datetime import UTC, datetime

    from rules.coach import evaluate
    from rules.context import Context

    context = Context(now=datetime(2026, 11, 23, 18, tzinfo=UTC))
    for line, unit, _ in corpus_cases():
        sets = parse_message(line, unit).sets  # type: ignore[arg-type]
        items = evaluate(sets, context)
        if sets and all(s.timed for s in sets):
            assert items == [], (line, [i.rule for i in items])


# Read as the lifter means: any catalog name, written in the common orders, reads back as the numbers written.
_LIFTS = [
    (alias, exercise.name)
    for exercise in EXERCISES
    if exercise.equipment not in ("bodyweight", "none") and not is_cardio(exercise) and exercise.name not in TIMED
    for alias in (exercise.name, *exercise.aliases)
    if not any(c.isdigit() for c in alias)
]
_FORMS = [
    "{name} {load}{unit} {sets}x{reps}",
    "{name} {sets}x{reps} {load}{unit}",
    "{name}: {load}{unit} x {reps} x {sets}",
    "{name} - {sets}x{reps}x{load}{unit}",
    "{name} {sets}x{reps} @ {load}{unit}",
    "{name} {load} {sets}x{reps}",
    "{name} {load}x{reps}x{sets}",
    "{name} {sets} sets of {reps} {load}{unit}",
    "{name} {load}{unit} {reps_list}",
]


@settings(max_examples=500, deadline=None)
@given(
    lift=st.sampled_from(_LIFTS),
    form=st.sampled_from(_FORMS),
    load=st.integers(20, 300),
    half=st.booleans(),
    sets=st.integers(1, MAX_AMBIGUOUS_SETS),
    reps=st.integers(1, 30),
    unit=st.sampled_from(["kg", "lb", "кг"]),
)
def test_common_orders_read_back_the_numbers_written(
    lift: tuple[str, str], form: str, load: int, half: bool, sets: int, reps: int, unit: str
) -> None:
    alias, name = lift
    value = load + 0.5 if half and "{unit}" in form else load
    text = form.format(
        name=alias, load=f"{value:g}", unit=unit, sets=sets, reps=reps, reps_list=", ".join([str(reps)] * sets)
    )
    result = parse_message(text)
    assert not result.errors, (text, result.errors)
    assert [(s.exercise, s.segments[0].load, s.first_reps) for s in result.sets] == [(name, value, reps)] * sets, text


@pytest.mark.parametrize("text", ["plank 0s", "plank 3x0:00", "plank 2h"])
def test_a_hold_of_no_time_or_too_long_is_refused_as_out_of_range(text: str) -> None:
    (problem,) = parse_message(text).errors
    assert problem.code == Msg.DURATION_RANGE
    assert problem_text(problem.code, problem.params).startswith("a duration of ")  # never "0 s is longer"
