"""Whole conversations, line by line, read against the state the lines before them left (rules only)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rules.conversation import (
    SESSION_IDLE,
    LineKind,
    State,
    Turn,
    answer_number,
    read_message,
)
from rules.models import ParsedSet, Technique, Unit
from rules.notation import format_load

START = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def shown(parsed: ParsedSet) -> str:
    """A set as a compact string: `Bench Press 100x8 @8`."""
    reps = "+".join(f"{s.seconds}s" if s.seconds is not None else str(s.reps) for s in parsed.segments)
    load = parsed.segments[0].load
    added = "+" if parsed.bodyweight else ""  # `Dip +20x8`: weight added to the body's
    text = f"{parsed.exercise} {added}{format_load(load)}x{reps}" if load is not None else f"{parsed.exercise} {reps}"
    if parsed.rpe is not None:
        text += f" @{format_load(parsed.rpe)}"
    if parsed.rest_s is not None:
        text += f" rest {parsed.rest_s}"
    if parsed.warmup:
        text += " w/u"
    if parsed.note:
        text += f' "{parsed.note}"'
    return text


def outcome(turn: Turn) -> list[str]:
    """What each line of a message meant, as a test reads it."""
    out: list[str] = []
    for line in turn.lines:
        if line.kind is LineKind.SETS:
            out.extend(shown(s) for s in line.sets)
        elif line.kind is LineKind.HEADING:
            out.append(f"heading {line.exercise}" + (f" ({line.note})" if line.note else ""))
        elif line.kind is LineKind.REST:
            out.append(f"rest {line.seconds}")
        elif line.kind is LineKind.ASK:
            out.append(f"ask {format_load(line.value or 0)}")
        elif line.kind is LineKind.ERROR:
            out.append(f"error {line.problem.value if line.problem else line.errors[0].code}")
        else:
            out.append(line.kind.value)
    return out


def converse(messages: list[str], minutes_apart: float = 2.0, unit: Unit = "kg") -> list[list[str]]:
    state = State()
    said: list[list[str]] = []
    for number, message in enumerate(messages):
        turn = read_message(message, state, START + timedelta(minutes=number * minutes_apart), unit)
        said.append(outcome(turn))
        state = turn.state
    return said


CONVERSATIONS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "a heading then bare sets",
        [
            ("Lat pull down", ["heading Lat Pulldown"]),
            ("45 x 12", ["Lat Pulldown 45x12"]),
            ("50x10", ["Lat Pulldown 50x10"]),
            ("10", ["Lat Pulldown 50x10"]),
            ("8 @9", ["Lat Pulldown 50x8 @9"]),
        ],
    ),
    (
        "a full line then bare sets",
        [
            ("bench 100kg 3x8 @8", ["Bench Press 100x8 @8"] * 3),
            ("100kg 8", ["Bench Press 100x8"]),
            ("100x8", ["Bench Press 100x8"]),
            ("8", ["Bench Press 100x8"]),
            ("7 reps", ["Bench Press 100x7"]),
            ("3x8", ["Bench Press 100x8"] * 3),
        ],
    ),
    (
        "same, again and load changes",
        [
            ("squat 140kg 5 @7", ["Back Squat 140x5 @7"]),
            ("same", ["Back Squat 140x5 @7"]),
            ("again", ["Back Squat 140x5 @7"]),
            ("one more", ["Back Squat 140x5 @7"]),
            ("x2", ["Back Squat 140x5 @7"] * 2),
            ("same @8", ["Back Squat 140x5 @8"]),
            ("+2.5", ["Back Squat 142.5x5"]),
            ("plus 5", ["Back Squat 147.5x5"]),
            ("+5 @9", ["Back Squat 152.5x5 @9"]),
            ("-10kg 8", ["Back Squat 142.5x8"]),
            ("2 more", ["Back Squat 142.5x8"] * 2),
        ],
    ),
    (
        "headings with notes after the name",
        [
            ("Bench Press – cycle goal: 245", ["heading Bench Press (cycle goal: 245)"]),
            ("Set 1: 100kg x 5", ["Bench Press 100x5"]),
            ("Squat (Low Bar)", ["heading Back Squat (Low Bar)"]),
            ("bar x 5", ["Back Squat 20x5 w/u"]),
            ("100x5", ["Back Squat 100x5"]),
        ],
    ),
    (
        "a rest day is a day off training, not an exercise or a rest between sets",
        [
            ("rest day", ["rest_day"]),
            ("Rest day today!", ["rest_day"]),
            ("day off", ["rest_day"]),
            ("день отдыха", ["rest_day"]),
            ("отдых сегодня", ["rest_day"]),
            ("Сегодня выходной", ["rest_day"]),
            ("rest day 😴", ["rest_day"]),
            ("off today", ["rest_day"]),
            ("resting today", ["rest_day"]),
            ("rest", ["error rest_no_time"]),  # between sets: how long?
            ("отдыхаю 90", ["rest 90"]),
            ("100kg 8", ["error no_exercise"]),  # no exercise called "rest day" was opened
        ],
    ),
    (
        "a number after @ past RPE 10 and far from the last load is asked about; near it, or with a unit, a load",
        [
            ("bench 100kg 5", ["Bench Press 100x5"]),
            ("8 @11", ["ask 11"]),  # no RPE 11, and 11 kg is far from 100 kg: not guessed
            ("8 @ 11", ["ask 11"]),
            ("8 @ 100", ["Bench Press 100x8"]),
            ("8 @100kg", ["Bench Press 100x8"]),
            ("8 @9", ["Bench Press 100x8 @9"]),
            ("8 @ 9.5", ["Bench Press 100x8 @9.5"]),
            ("8 @105", ["Bench Press 105x8"]),
            ("8 @250", ["ask 250"]),
            ("8 @11kg", ["Bench Press 11x8"]),  # the lifter said kg
        ],
    ),
    (
        "a heading's technique reads its bare lines: a drop set with one load is refused, a cluster is a cluster",
        [
            ("drop set curls", ["heading Biceps Curl"]),
            ("20kg 10+8+6", ["error drop_one_load"]),  # not a rest-pause at 20 kg
            ("20/15/10kg 10+8+6", ["Biceps Curl 20x10+8+6"]),
            ("cluster bench", ["heading Bench Press"]),
            ("100kg 2+2+2", ["Bench Press 100x2+2+2"]),
            ("squat 100kg 5", ["Back Squat 100x5"]),
            ("100kg 2+2+2", ["Back Squat 100x2+2+2"]),
        ],
    ),
    (
        "rest in every usual spelling",
        [
            ("bench 100kg 8", ["Bench Press 100x8"]),
            ("rest 90", ["rest 90"]),
            ("90s", ["rest 90"]),
            ("2 min", ["rest 120"]),
            ("rest 3", ["rest 180"]),
            ("rest 1:30", ["rest 90"]),
            ("8 rest 2min", ["Bench Press 100x8 rest 120"]),
        ],
    ),
    (
        "rest in Russian, and in the words of a lifter who rested already",
        [
            ("Жим лёжа", ["heading Bench Press"]),
            ("80х8", ["Bench Press 80x8"]),
            ("отдыхаю 90", ["rest 90"]),
            ("пауза 90", ["rest 90"]),
            ("перерыв 2 мин", ["rest 120"]),
            ("отдых 2 мин", ["rest 120"]),
            ("Отдых: 3 мин", ["rest 180"]),
            ("отдохнул 2 минуты", ["rest 120"]),
            ("rest 2:30", ["rest 150"]),
            ("rested 3 min", ["rest 180"]),
            ("resting 90", ["rest 90"]),
            ("rest for 2 minutes", ["rest 120"]),
            ("90s rest", ["rest 90"]),
            ("8 rest 2:30", ["Bench Press 80x8 rest 150"]),  # not 2 min of rest and a set of 30
            ("rest", ["error rest_no_time"]),  # how long? Not an exercise called "rest"
            ("Resting now", ["error rest_no_time"]),
            ("отдыхаю", ["error rest_no_time"]),
            ("8", ["Bench Press 80x8"]),  # still the open exercise
        ],
    ),
    (
        "a duration alone under a hold or cardio is the set itself, not a rest",
        [
            ("Plank", ["heading Plank"]),
            ("60s", ["Plank 60s"]),
            ("1:30", ["Plank 90s"]),
            ("rest 60", ["rest 60"]),  # the word says it is the rest
            ("45 sec", ["Plank 45s"]),
            ("Treadmill", ["heading Run"]),
            ("20 min", ["Run 1200s"]),
            ("Bench", ["heading Bench Press"]),
            ("100x8", ["Bench Press 100x8"]),
            ("90s", ["rest 90"]),  # under a lift, a duration alone is the rest
        ],
    ),
    (
        "a set the lifter says went to failure is RIR 0, its note kept; a note saying otherwise is not",
        [
            ("Bench Press", ["heading Bench Press"]),
            ("100x8 [Failure]", ['Bench Press 100x8 @10 "Failure"']),
            ("100x6 (failure)", ['Bench Press 100x6 @10 "failure"']),
            ("95x8 to failure", ['Bench Press 95x8 @10 "to failure"']),
            ("95kg 7 - to failure", ['Bench Press 95x7 @10 "to failure"']),
            ("6 (failure)", ['Bench Press 95x6 @10 "failure"']),
            ("+2.5 to failure", ['Bench Press 97.5x6 @10 "to failure"']),
            ("same (failure)", ['Bench Press 97.5x6 @10 "failure"']),
            ("90x8 @8 to failure", ['Bench Press 90x8 @8 "to failure"']),  # the written RPE stands
            ("90x8 not to failure", ['Bench Press 90x8 "not to failure"']),
            ("90x8 near failure", ['Bench Press 90x8 "near failure"']),
            ("90x8 в отказ", ['Bench Press 90x8 @10 "в отказ"']),
            ("90x8 почти в отказ", ['Bench Press 90x8 "почти в отказ"']),
        ],
    ),
    (
        "bodyweight sets, then weight added to them, in English and Russian",
        [
            ("pull ups bw x 8", ["Pull-Up 8"]),
            ("+10kg 6", ["Pull-Up +10x6"]),  # added weight, not a change of a load there was none of
            ("+2.5 5", ["Pull-Up +12.5x5"]),  # the added weight goes up
            ("dips +20kg 8", ["Dip +20x8"]),
            ("same", ["Dip +20x8"]),
            ("подтягивания", ["heading Pull-Up"]),
            ("свой вес 10", ["Pull-Up 10"]),  # not 10 reps of an exercise called "свой вес"
            ("+10кг 8", ["Pull-Up +10x8"]),
        ],
    ),
    (
        "kg and lb in one session: each set keeps the unit written, a bare line the last one's",
        [
            ("bench 100kg 8", ["Bench Press 100x8"]),
            ("225lb 5", ["Bench Press 225x5"]),
            ("8", ["Bench Press 225x8"]),
            ("+10", ["Bench Press 235x8"]),
            ("+10кг 8", ["Bench Press 257x8"]),  # 10 kg is 22 lb on top of 235 lb
        ],
    ),
    (
        "a pair of dumbbells written the Russian way, 2х20кг 10",
        [
            ("Жим гантелей", ["heading Dumbbell Bench Press"]),
            ("2х20кг 10", ["Dumbbell Bench Press 20x10"]),  # was 2 reps at 20 kg and a loadless set of 10
            ("2х22кг 8", ["Dumbbell Bench Press 22x8"]),
            ("7", ["Dumbbell Bench Press 22x7"]),
            ("Bench", ["heading Bench Press"]),
            ("2x100kg", ["Bench Press 100x2"]),  # a barbell: 2 reps at 100 kg
        ],
    ),
    (
        "a lone number that could be a load is asked about",
        [
            ("bench 100kg 3x8", ["Bench Press 100x8"] * 3),
            ("105", ["ask 105"]),
            ("102.5", ["ask 102.5"]),
            ("8", ["Bench Press 100x8"]),
        ],
    ),
    (
        "a new exercise named on its own line takes over",
        [
            ("bench 100kg 8", ["Bench Press 100x8"]),
            ("Incline DB press", ["heading Incline Dumbbell Press"]),
            ("8", ["Incline Dumbbell Press 8"]),
            ("30kg 10", ["Incline Dumbbell Press 30x10"]),
            ("same", ["Incline Dumbbell Press 30x10"]),
        ],
    ),
    (
        "done closes the session and forgets the exercise",
        [
            ("curl 15kg 12", ["Biceps Curl 15x12"]),
            ("done", ["done"]),
            ("12", ["error no_exercise"]),
            ("same", ["error nothing_to_repeat"]),
        ],
    ),
    (
        "after a pair, bare lines belong to its second lift",
        [
            ("bench 80kg 8 > cable fly 15kg 15", ["Bench Press 80x8", "Cable Fly 15x15"]),
            ("12", ["Cable Fly 15x12"]),
        ],
    ),
    (
        "notes after the numbers never block a set",
        [
            ("bench 100kg 8 (paused)", ['Bench Press 100x8 "paused"']),
            ("8 good", ['Bench Press 100x8 "good"']),
            ("100 8 (failure)", ['Bench Press 100x8 @10 "failure"']),  # the lifter said RIR 0
            ("100kg 7 - last 2 reps were sorta mid", ['Bench Press 100x7 "last 2 reps were sorta mid"']),
            ("same", ["Bench Press 100x7"]),  # a repeat is the set, not its note
            ("same (grindy)", ['Bench Press 100x7 "grindy"']),
        ],
    ),
    (
        "warm-ups are marked, by the set or by a warm-ups line",
        [
            ("Squat", ["heading Back Squat"]),
            ("bar x 5", ["Back Squat 20x5 w/u"]),
            ("warmup 60kg 5", ["Back Squat 60x5 w/u"]),
            ("w/u 80kg 3", ["Back Squat 80x3 w/u"]),
            ("100x5 (last warmup)", ['Back Squat 100x5 "last warmup"']),
            ("Warm ups", ["warmups"]),
            ("60x5", ["Back Squat 60x5 w/u"]),
            ("same", ["Back Squat 60x5 w/u"]),
            ("Working sets", ["working"]),
            ("140x5", ["Back Squat 140x5"]),
        ],
    ),
    (
        "a real log's bench session, texted set by set (firebirdfitness.com, week 3 day 1)",
        [
            ("Bench Press", ["heading Bench Press"]),
            ("135x10", ["Bench Press 135x10"]),
            ("135x5", ["Bench Press 135x5"]),
            ("185x5", ["Bench Press 185x5"]),
            ("225x5", ["Bench Press 225x5"]),
            ("245x5", ["Bench Press 245x5"]),
            ("same", ["Bench Press 245x5"]),
            ("265x3", ["Bench Press 265x3"]),
            ("245x5", ["Bench Press 245x5"]),
            ("x1", ["Bench Press 245x5"]),
            ("225x6", ["Bench Press 225x6"]),
            ("205x6", ["Bench Press 205x6"]),
            ("Incline Dumbbell Bench Press", ["heading Incline Dumbbell Press"]),
            ("75x9", ["Incline Dumbbell Press 75x9"]),
            ("75x8", ["Incline Dumbbell Press 75x8"]),
            ("8", ["Incline Dumbbell Press 75x8"]),
        ],
    ),
    (
        "a Russian lifter's rests (х in отдых is Cyrillic, like the х in 80х8)",
        [
            ("Жим лёжа", ["heading Bench Press"]),
            ("80х8", ["Bench Press 80x8"]),
            ("отдых 90", ["rest 90"]),
            ("Отдых 2 мин", ["rest 120"]),
            ("отдых 3", ["rest 180"]),
            ("отдых 90 секунд", ["rest 90"]),
            ("то же", ["Bench Press 80x8"]),
        ],
    ),
    (
        "questions and greetings are not workout talk",
        [
            ("bench 100kg 8", ["Bench Press 100x8"]),
            ("should I go to failure on squats?", ["other"]),
            ("thanks", ["other"]),
            ("is 100kg 8 @9 too hard?", ["other"]),  # not 8 reps of an exercise called "is"
            ("bench 100kg 8?", ['Bench Press 100x8 "?"']),  # a known exercise: a set, the doubt kept as its note
            ("8", ["Bench Press 100x8"]),
            ("🙂", ["other"]),  # no number, no name: no error of a set either
            ("-", ["other"]),
        ],
    ),
]


@pytest.mark.parametrize(("title", "exchange"), CONVERSATIONS, ids=[title for title, _ in CONVERSATIONS])
def test_a_whole_conversation_logs_the_sets_the_lifter_meant(title: str, exchange: list[tuple[str, list[str]]]) -> None:
    said = converse([message for message, _ in exchange])
    assert said == [expected for _, expected in exchange]


# Real workouts from public training logs (lb), texted one set per message as they are written there.
REAL_LOGS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "teamhpf.com/october-15-2013-bench-press/: reps then load after a dash, warm-ups named in the heading",
        [
            ("Bench Press - Warm ups", ["heading Bench Press (Warm ups)"]),
            ("x 5 - 145", ["Bench Press 145x5 w/u"]),
            ("x 5 - 165", ["Bench Press 165x5 w/u"]),
            ("x 3 - 185", ["Bench Press 185x3 w/u"]),
            ("Working Sets", ["working"]),
            ("x 5 - 245", ["Bench Press 245x5"]),
            ("x 4 - 255", ["Bench Press 255x4"]),
            ("x 2 - 290", ["Bench Press 290x2"]),
            ("Incline Bench Press", ["heading Incline Bench Press"]),
            ("3 x 3 - 200, 230, 265", [f"Incline Bench Press {load}x3" for load in (200, 230, 265)]),
            ("Chest Supported Rows", ["heading Chest-Supported Row"]),
            ("4 x 10 - 50", ["Chest-Supported Row 50x10"] * 4),
            ("Tricep Pushdowns w/band", ["heading Triceps Pressdown"]),
            ("4 x 25 - orange band", ['Triceps Pressdown 25 "orange band"'] * 4),
            ("Hammer Curls", ["heading Hammer Curl"]),
            ("4 x 10 - 35", ["Hammer Curl 35x10"] * 4),
        ],
    ),
    (
        "elitefts.com/training-logs/sunday-february-8-2015/: a pair of dumbbells as 50's, 'for N reps', 'N sets of'",
        [
            ("Dumbbell press", ["heading Dumbbell Bench Press"]),
            ("50's for 10 reps", ["Dumbbell Bench Press 50x10"]),
            ("70's for 10 reps", ["Dumbbell Bench Press 70x10"]),
            ("Barbell bench", ["heading Bench Press"]),
            ("135 for 5 reps", ["Bench Press 135x5"]),
            ("Standing barbell military press", ["heading Overhead Press"]),  # a press, never a curl
            ("95 for 10 reps", ["Overhead Press 95x10"]),
            ("135 for 3 sets of 8 reps", ["Overhead Press 135x8"] * 3),
            ("Dumbbell rows", ["heading Dumbbell Row"]),
            ("100 for 5 sets of 12 reps", ["Dumbbell Row 100x12"] * 5),
        ],
    ),
    (
        "snowdaddypowerlifting.blogspot.com/2013/03/bench-press_16.html: load/reps, and the rest in emphasis",
        [
            ("Bench Press", ["heading Bench Press"]),
            ("135lbs/16 reps", ["Bench Press 135x16"]),
            ("225lbs/8 reps", ["Bench Press 225x8"]),
            ("6 sets/1 rep/345lbs", ["Bench Press 345x1"] * 6),
            ("*4 minutes rest after each set*", ["rest 240"]),  # not a set of 4 reps noted "minutes rest..."
            ("5 sets/4 reps/355lbs", ["Bench Press 355x4"] * 5),
            ("*2 minutes rest after each set*", ["rest 120"]),
        ],
    ),
    (
        "crossfitz.wordpress.com/2018/04/19/bench-press-x5/: `45# x10`, then same and +10",
        [
            ("Bench Press", ["heading Bench Press"]),
            ("45# x10", ["Bench Press 45x10"]),
            ("55# x8", ["Bench Press 55x8"]),
            ("85# x5", ["Bench Press 85x5"]),
            ("same", ["Bench Press 85x5"]),
            ("+10", ["Bench Press 95x5"]),
        ],
    ),
]


@pytest.mark.parametrize(("source", "exchange"), REAL_LOGS, ids=[source for source, _ in REAL_LOGS])
def test_a_real_log_texted_set_by_set_logs_the_sets_its_lifter_meant(
    source: str, exchange: list[tuple[str, list[str]]]
) -> None:
    said = converse([message for message, _ in exchange], unit="lb")
    assert said == [expected for _, expected in exchange]


def test_a_pasted_workout_reads_headings_and_bare_lines_in_one_message() -> None:
    turn = read_message("Жим лёжа\n60x10\n80x8\n80x8 @9\nSquat\n100x5\nsame", State(), START)
    assert outcome(turn) == [
        "heading Bench Press",  # the catalog knows Russian names (issue #14)
        "Bench Press 60x10",
        "Bench Press 80x8",
        "Bench Press 80x8 @9",
        "heading Back Squat",
        "Back Squat 100x5",
        "Back Squat 100x5",
    ]
    assert turn.first_of == ("Bench Press", "Back Squat")


def test_a_russian_heading_alone_opens_the_exercise_once_no_question_claimed_it() -> None:
    alone = read_message("Жим Ларсена", State(), START)  # a press the catalog does not know
    assert outcome(alone) == ["other"]
    claimed = read_message("Жим Ларсена", State(), START, unknown_headings=True)
    assert outcome(claimed) == ["heading Жим Ларсена"]
    assert outcome(read_message("100x8", claimed.state, START)) == ["Жим Ларсена 100x8"]


def test_a_name_longer_than_any_exercise_is_no_heading() -> None:
    long_name = read_message("x" * 10_000, State(), START, unknown_headings=True)
    assert outcome(long_name) == ["other"]


@pytest.mark.parametrize(
    ("heading", "exercise", "technique", "line"),
    [
        ("Rest-pause curls", "Biceps Curl", Technique.REST_PAUSE, "15kg 12+4+3"),
        ("rest pause lateral raises", "Lateral Raise", Technique.REST_PAUSE, "10kg 12+4+3 rir1"),
        ("drop set curls", "Biceps Curl", Technique.DROP_SET, "20/15/10kg 10+8+6"),
        ("рест-пауза бицепс", "Biceps Curl", Technique.REST_PAUSE, "15кг 12+4+3"),
        ("cluster bench", "Bench Press", Technique.CLUSTER, "100kg 2+2+2"),  # the heading says cluster, not rest-pause
        ("myo curls", "Biceps Curl", Technique.MYO_REPS, "15kg 12+4+3"),
    ],
)
def test_a_heading_that_names_a_technique_opens_the_exercise_and_its_next_set_is_that_technique(
    heading: str, exercise: str, technique: Technique, line: str
) -> None:
    opened = read_message(heading, State(), START, unknown_headings=True)
    assert [(line.kind, line.exercise, line.technique) for line in opened.lines] == [
        (LineKind.HEADING, exercise, technique)
    ]
    logged = read_message(line, opened.state, START + timedelta(minutes=1))
    assert [(s.exercise, s.known, s.technique) for s in logged.sets] == [(exercise, True, technique)]


def test_the_answer_to_a_far_at_number_logs_the_reps_written_with_it() -> None:
    state = read_message("bench 100kg 5", State(), START).state
    asked = read_message("8 @11", state, START + timedelta(minutes=2))
    assert (asked.ask and asked.ask.value, asked.ask and asked.ask.reps, asked.sets) == (11, 8, ())
    as_load, last_load = answer_number(state, 11, as_load=True, reps=8), answer_number(state, 100, True, reps=8)
    assert as_load is not None and [(s.load, s.reps) for s in as_load.segments] == [(11, 8)]
    assert last_load is not None and [(s.load, s.reps) for s in last_load.segments] == [(100, 8)]


def test_ninety_idle_minutes_close_the_session_before_the_next_line_is_read() -> None:
    first = read_message("bench 100kg 8", State(), START)
    assert first.started_session and first.state.session_start == START
    soon = read_message("8", first.state, START + SESSION_IDLE - timedelta(minutes=1))
    assert outcome(soon) == ["Bench Press 100x8"] and soon.closed is None
    late = read_message("8", soon.state, soon.state.last_at + SESSION_IDLE)  # type: ignore[operator]
    assert outcome(late) == ["error no_exercise"]
    assert late.closed is not None and late.closed.exercise == "Bench Press"


def test_done_hands_back_the_session_it_closed() -> None:
    opened = read_message("bench 100kg 8\n8", State(), START)
    turn = read_message("done", opened.state, START + timedelta(minutes=5))
    assert turn.closed == opened.state and turn.state == State()
    assert read_message("done", State(), START).closed is None  # nothing open: nothing to sum up


def test_the_first_set_of_each_exercise_in_a_session_is_flagged_once() -> None:
    first = read_message("bench 100kg 8", State(), START)
    assert first.first_of == ("Bench Press",)
    assert read_message("8", first.state, START).first_of == ()


def test_the_rest_to_time_is_a_rest_line_or_the_last_sets_own_rest() -> None:
    assert read_message("bench 100kg 8 rest 90s", State(), START).rest_s == 90
    assert read_message("bench 100kg 8\nrest 2 min", State(), START).rest_s == 120
    assert read_message("bench 100kg 8", State(), START).rest_s is None


def test_an_answer_to_the_lone_number_question_builds_the_set() -> None:
    state = read_message("bench 100kg 8 @8", State(), START).state
    as_load = answer_number(state, 105, as_load=True)
    as_reps = answer_number(state, 12, as_load=False)
    assert as_load is not None and shown(as_load) == "Bench Press 105x8"
    assert as_reps is not None and shown(as_reps) == "Bench Press 100x12"
    assert answer_number(state, 105, as_load=False) is None  # 105 reps is off the scale


def test_words_the_parser_would_take_for_a_new_name_are_an_error_of_the_open_exercise() -> None:
    """`kg 8` put after the open exercise reads as 8 reps of `Back Squat kg`: the line still needs its own
    error (it used to get an empty reply)."""
    state = read_message("squat 100kg 5", State(), START).state
    (line,) = read_message("kg 8", state, START).lines
    assert line.kind is LineKind.ERROR and [e.code for e in line.errors] == ["missing_exercise"]


@pytest.mark.parametrize("line", ["bench -100kg 8", "squat 100kg -5"])
def test_a_negative_number_is_an_error_not_a_heading_with_a_note(line: str) -> None:
    for state in (State(), read_message("squat 100kg 5", State(), START).state):
        (read,) = read_message(line, state, START).lines
        assert read.kind is LineKind.ERROR and [e.code for e in read.errors] == ["negative"]


def test_bad_lines_get_errors_with_the_lifters_own_columns() -> None:
    state = read_message("bench 100kg 8", State(), START).state
    turn = read_message("100kgg 8", state, START)
    (error,) = turn.errors
    assert error.column == 4 and error.params["word"] == "kgg"
