"""Strong CSV, cell by cell: holds and cardio keep their time and distance in Strong's own columns, the rest
between sets has a column of its own, and the lifter's note is the Notes cell as they wrote it (issue #15)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from rules.models import HistoryRow, ParsedSet
from rules.notation import parse_message
from rules.strong_csv import export_csv, import_csv

AT = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def rows_of(*texts: str) -> list[HistoryRow]:
    sets: list[ParsedSet] = []
    for text in texts:
        result = parse_message(text)
        assert not result.errors, (text, result.errors)
        sets.extend(result.sets)
    return [HistoryRow(performed_at=AT, message_row=1, position=i, set=s) for i, s in enumerate(sets)]


def cells(exported: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exported)))


EXPORTED = [
    # what was logged, then its first row's (Reps, Distance, Distance Unit, Seconds, Notes, Rest)
    ("plank 60s", ("0", "", "", "60", "", "")),
    ("plank 20kg 45s", ("0", "", "", "45", "", "")),
    ("run 5km 26:00", ("0", "5", "km", "1560", "", "")),
    ("row 2000m 7:45", ("0", "2", "km", "465", "", "")),
    ("bench 100x8 [Failure]", ("8", "", "", "", "Failure", "")),
    ("pressdown 30kg 15+5+3 rir1 rest 15s", ("15", "", "", "", "", "15")),
]


@pytest.mark.parametrize(("text", "expected"), EXPORTED)
def test_a_hold_or_cardio_exports_its_time_and_distance_where_strong_puts_them(
    text: str, expected: tuple[str, ...]
) -> None:
    row = cells(export_csv(rows_of(text)))[0]
    assert tuple(row[k] for k in ("Reps", "Distance", "Distance Unit", "Seconds", "Notes", "Rest")) == expected


def test_holds_cardio_notes_and_rests_come_back_from_an_export_unchanged() -> None:
    original = rows_of(
        "plank 60s", "plank 20kg 45s", "run 5km 26:00", "bench 100x8 [Failure]", "pressdown 30kg 15+5+3 rir1 rest 15s"
    )
    result = import_csv(export_csv(original))
    assert result.problems == []
    (workout,) = result.workouts

    def meant(parsed: ParsedSet) -> dict[str, object]:
        return {k: v for k, v in parsed.contract_dict().items() if k != "raw_exercise"}

    assert [meant(s) for s in workout.sets] == [meant(r.set) for r in original]


def test_an_export_made_before_the_rest_column_still_reads_its_seconds_as_the_rest() -> None:
    old = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Distance,Distance Unit,Seconds,Notes,"
        "Workout Notes,RIR,Technique,Segment\n"
        "2026-11-17 18:10:00,Workout 2026-11-17,Leg Extension,1,60,kg,15,9,,,20,,,1,rest_pause,1\n"
        "2026-11-17 18:10:00,Workout 2026-11-17,Leg Extension,1,60,kg,5,9,,,20,,,1,rest_pause,2\n"
    )
    (workout,) = import_csv(old).workouts
    (parsed,) = workout.sets
    assert parsed.rest_s == 20 and [s.reps for s in parsed.segments] == [15, 5]


def test_a_strong_export_s_plank_and_run_are_imported_not_refused_for_zero_reps() -> None:
    strong = (
        "Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Reps;Distance;Seconds;Notes;Workout Notes;RPE\n"
        "2026-11-20 08:30:00;Core;20m;Plank;1;0;0;0;90;;;\n"
        "2026-11-20 08:30:00;Core;20m;Running (Treadmill);1;0;0;3,2;1200;easy;;\n"
        "2026-11-20 08:30:00;Core;20m;Crunch;1;0;0;0;0;;;\n"
    )
    result = import_csv(strong)
    (workout,) = result.workouts
    plank, run = workout.sets
    assert plank.segments[0].seconds == 90 and plank.timed
    assert (run.segments[0].distance_m, run.segments[0].seconds, run.technique.value) == (3200.0, 1200, "cardio")
    assert run.note == "easy"
    assert [(p.line, p.problem) for p in result.problems] == [(4, "reps_out_of_range")]  # nothing was done


def test_a_hold_longer_than_a_day_is_a_problem_of_its_line() -> None:
    strong = "Date,Exercise Name,Reps,Seconds\n2026-11-20 08:30:00,Plank,0,90000\n2026-11-20 08:30:00,Plank,0,60\n"
    result = import_csv(strong)
    assert [(p.line, p.problem) for p in result.problems] == [(2, "time_out_of_range")]
    assert [s.segments[0].seconds for w in result.workouts for s in w.sets] == [60]
