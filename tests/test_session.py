"""Last time, today's load, records and the session summary (rules only, table-driven)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rules.models import LoggedSet, ParsedSet
from rules.notation import parse_message
from rules.session import (
    Advice,
    Direction,
    RecordKind,
    bests,
    last_time,
    records,
    suggest,
    summarize,
)

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def sets(text: str) -> list[ParsedSet]:
    result = parse_message(text)
    assert not result.errors, result.errors
    return list(result.sets)


def logged(text: str, at: datetime) -> list[LoggedSet]:
    return [LoggedSet(performed_at=at + timedelta(seconds=i), set=s) for i, s in enumerate(sets(text))]


SUGGESTIONS = [
    # last set, today's load, direction
    ("bench 100kg 8 @7", 105.0, Direction.UP),  # RPE 7 aimed at 8: a little heavier
    ("bench 100kg 8 @8", 100.0, Direction.SAME),
    ("bench 100kg 8 @9.5", 95.0, Direction.DOWN),
    ("squat 140kg 5 @6", 150.0, Direction.UP),
    ("bench 225lb 5 @7", 230.0, Direction.UP),  # lb rounds to 5
]


@pytest.mark.parametrize(("last", "load", "direction"), SUGGESTIONS)
def test_todays_load_aims_last_times_reps_at_rpe_8(last: str, load: float, direction: Direction) -> None:
    suggestion = suggest(sets(last))
    assert suggestion is not None
    assert (suggestion.load, suggestion.direction) == (load, direction)


def test_no_load_is_suggested_where_effort_was_not_logged() -> None:
    assert suggest(sets("bench 100kg 3x8")) is None
    assert suggest(sets("lat raise 10kg 12+4+3")) is None  # no RPE, and rest-pause is not a straight set


def test_last_time_is_the_most_recent_earlier_session_of_that_exercise() -> None:
    history = (
        logged("bench 90kg 3x8 @8", NOW - timedelta(days=7))
        + logged("bench 95kg 3x8 @7", NOW - timedelta(days=3))
        + logged("squat 140kg 5", NOW - timedelta(days=2))
    )
    found = last_time(history, "Bench Press", NOW)
    assert found is not None and found.performed_at.date() == (NOW - timedelta(days=3)).date()
    assert [s.top_load for s in found.sets] == [95.0] * 3
    assert found.suggestion is not None and found.suggestion.load == 100.0
    assert last_time(history, "Deadlift", NOW) is None


BEST = bests(
    "Bench Press", [(100.0, 8, 2.0, False, "kg"), (110.0, 3, 1.0, False, "kg"), (90.0, 10, None, False, "kg")]
)

RECORDS = [
    ("bench 112.5kg 1", {RecordKind.HEAVIEST}),
    ("bench 100kg 9 @8", {RecordKind.REPS, RecordKind.E1RM}),
    ("bench 90kg 11", {RecordKind.REPS}),
    ("bench 100kg 8 @8", set()),
    ("bench 80kg 10", set()),
]


@pytest.mark.parametrize(("text", "kinds"), RECORDS)
def test_records_are_a_new_heaviest_load_a_best_e1rm_or_more_reps_at_a_load(text: str, kinds: set[RecordKind]) -> None:
    assert {record.kind for record in records(sets(text), BEST)} == kinds


def test_an_exercise_with_no_history_sets_no_records() -> None:
    assert records(sets("bench 100kg 8"), bests("Bench Press", [])) == []


def test_later_sets_of_a_message_beat_its_earlier_sets_not_only_the_old_best() -> None:
    found = records(sets("bench 112.5kg 1\nbench 115kg 1"), BEST)
    heaviest = next(r for r in found if r.kind is RecordKind.HEAVIEST)
    assert (heaviest.value, heaviest.previous) == (115.0, 112.5)


def test_the_summary_counts_sets_hard_sets_intensifiers_and_effort() -> None:
    session = (
        logged("bench 100kg 3x8 @8", NOW - timedelta(minutes=50))
        + logged("lat raise 10kg 12+4+3 rir1", NOW - timedelta(minutes=20))
        + logged("curl 15kg 12 @10", NOW - timedelta(minutes=10))
    )
    earlier = logged("cable lateral raise 5kg 15+5+3 rir1", NOW - timedelta(days=2))
    summary = summarize(session, earlier + session, [], NOW)
    assert summary is not None
    assert [(e.exercise, e.sets) for e in summary.exercises] == [
        ("Bench Press", 3),
        ("Lateral Raise", 1),
        ("Biceps Curl", 1),
    ]
    assert dict((m.muscle, m.hard_sets) for m in summary.muscles)["chest"] == 3
    assert dict(summary.week_intensifier_uses) == {"shoulders": 2}
    assert (summary.effort.productive, summary.effort.hard, summary.effort.failure) == (3, 1, 1)
    assert summary.next_time.advice is Advice.REPEAT


NEXT_TIME = [
    ("bench 100kg 3x8 @10\ncurl 15kg 3x12 @10", Advice.TOO_MUCH_FAILURE),
    ("bench 100kg 3x8 @6\ncurl 15kg 12 @8", Advice.TOO_EASY),
    ("bench 100kg 3x8\ncurl 15kg 12", Advice.RATE_SETS),
    ("bench 100kg 3x8 @7", Advice.LOAD),
    ("lat raise 10kg 12+4+3 rir1\nlat raise 10kg 12+4+3 rir1", Advice.REPEAT),
]


@pytest.mark.parametrize(("text", "advice"), NEXT_TIME)
def test_one_thing_to_do_next_time_follows_the_effort_guide(text: str, advice: Advice) -> None:
    session = logged(text, NOW - timedelta(minutes=30))
    summary = summarize(session, session, [], NOW)
    assert summary is not None and summary.next_time.advice is advice


def test_a_third_intensifier_use_for_a_muscle_in_a_week_is_the_thing_to_fix() -> None:
    session = logged("lat raise 10kg 12+4+3 rir1", NOW - timedelta(minutes=30))
    week = (
        logged("lat raise 10kg 12+4+3 rir1", NOW - timedelta(days=4))
        + logged("lat raise 10kg 12+4+3 rir1", NOW - timedelta(days=2))
        + session
    )
    summary = summarize(session, week, [], NOW)
    assert summary is not None
    assert summary.next_time.advice is Advice.INTENSIFIERS_OVER
    assert summary.next_time.params["uses"] == 3


def test_four_rest_pause_sets_for_delts_in_one_session_are_four_uses_not_one_day() -> None:
    # 002: "only once or twice per muscle group per week": counted in uses, as the per-set warning counts them
    session = logged("\n".join(["lat raise 10kg 12+4+3 rir1"] * 4), NOW - timedelta(minutes=30))
    summary = summarize(session, session, [], NOW)
    assert summary is not None
    assert dict(summary.week_intensifier_uses) == {"shoulders": 4}
    assert summary.next_time.advice is Advice.INTENSIFIERS_OVER
    assert (summary.next_time.params["uses"], summary.next_time.params["limit"]) == (4, 2)


def test_warm_ups_and_earlier_weeks_are_no_intensifier_uses() -> None:
    session = logged("lat raise 10kg 12+4+3 rir1\nlat raise 10kg 12+4+3 rir1", NOW - timedelta(minutes=30))
    earlier = logged("lat raise 10kg 12+4+3 rir1\nlat raise 10kg 12+4+3 rir1", NOW - timedelta(days=8))
    summary = summarize(session, earlier + session, [], NOW)
    assert summary is not None
    assert dict(summary.week_intensifier_uses) == {"shoulders": 2}
    assert summary.next_time.advice is not Advice.INTENSIFIERS_OVER


TOPS = [
    # a session of one exercise, its top set as the summary shows it
    ("plank 60s\nplank 90s\nplank 45s", "plank 90s"),  # a hold: the longest
    ("run 3km 15:00\nrun 5km 26:00", "run 5km 26:00"),  # cardio: the farthest
    ("bench 100kg 8\nbench 105kg 5\nbench 100kg 10", "bench 105kg 5"),  # a lift: the heaviest
]


@pytest.mark.parametrize(("text", "top"), TOPS)
def test_an_exercises_top_set_is_its_heaviest_or_for_holds_and_cardio_its_longest(text: str, top: str) -> None:
    summary = summarize(logged(text, NOW - timedelta(minutes=30)), [], [], NOW)
    assert summary is not None
    (done,) = summary.exercises
    assert done.top == sets(top)[0]
    assert done.timed is sets(top)[0].timed


def test_an_empty_session_has_no_summary() -> None:
    assert summarize([], [], [], NOW) is None


RAMPS = [
    # the session as texted, Back Squat hard sets
    ("squat 60kg 5\nsquat 80kg 5\nsquat 100kg 5x5", 5),  # ramping up unrated: the 5x5 only
    ("squat 100kg 5\nsquat 90kg 8\nsquat 80kg 10", 3),  # back-off sets near the top set's effort stay hard
    ("squat 60kg 5 @6\nsquat 100kg 5", 1),  # rated: its RPE decides (RIR 4 is not hard)
    ("squat 60kg 5\nsquat 225lb 5", 1),  # 225 lb is 102 kg: compared in one unit
    ("squat 60kg 5", 1),  # nothing heavier to compare with
]


@pytest.mark.parametrize(("text", "hard"), RAMPS)
def test_unrated_ramp_up_sets_are_not_counted_as_hard_sets(text: str, hard: int) -> None:
    session = logged(text, NOW - timedelta(minutes=30))
    summary = summarize(session, session, [], NOW)
    assert summary is not None
    assert dict((m.muscle, m.hard_sets) for m in summary.muscles)["quads"] == hard
