"""/week, /progress, export and import: from real stored data to PNGs and CSVs a lifter can take away."""

from __future__ import annotations

import io
import itertools
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import matplotlib.image
import pytest

from bot.charts import MatplotlibCharts
from bot.storage import Storage
from handlers.base import Incoming, Services
from handlers.report import best_set, import_file, show_progress, week
from handlers.router import handle_text
from handlers.words import speaking
from rules.notation import MAX_REPS
from rules.strong_csv import Problem, export_csv, import_csv
from tests.botapi import FakeBotAPI
from tests.conftest import Clock

LIFTER = 7
GOLDEN = Path(__file__).parent / "golden" / "export.csv"
WORKOUTS = [
    (6, ["squat 120kg 5x5 @8", "leg ext 60kg 15+5+3 rir1", "leg curl 40/30kg 12+8"]),
    (4, ["bench 100kg 3x8 @8", "bench 80kg 8 > cable fly 15kg 15 rir0", "pressdown 30kg 15+5+3 rir1 rest 15s"]),
    (2, ["deadlift 160kg 3x5 @8.5", "chin ups bw 3x8", "curl 20/15/10kg 10+8+6", "squat 100kg AMRAP 9"]),
    (1, ["dips bw+20kg 3x8 rir2", "zottman curl 10kg 12"]),
]
_ids = itertools.count(1)


async def log_workouts(services: Services, clock: Clock, user: int = LIFTER) -> None:
    end = clock.now
    for days_ago, messages in WORKOUTS:
        for minute, text in enumerate(messages):
            at = end - timedelta(days=days_ago) + timedelta(minutes=10 * minute)
            handled = await handle_text(Incoming(user, user, next(_ids), text, at), services)
            assert handled.reply is not None and "Logged" in handled.reply.html, text


def training(contract: dict[str, object]) -> dict[str, object]:
    """What was trained; Strong's columns have no place for the name as typed (raw_exercise)."""
    return {key: value for key, value in contract.items() if key != "raw_exercise"}


def png_size(data: bytes) -> tuple[int, int]:
    image = matplotlib.image.imread(io.BytesIO(data), format="png")
    return image.shape[1], image.shape[0]


async def test_week_summarises_the_last_seven_days_with_a_chart(services: Services, clock: Clock) -> None:
    await log_workouts(services, clock)
    reply = await week(Incoming(LIFTER, LIFTER, 999, "/week", clock.now), await services.storage.user(LIFTER), services)
    # chest 7, not 8: the unrated 80 kg bench of the pair is 60% of the 100 kg 3x8's e1RM, far from failure
    assert "Hard sets</b> (RIR ≤ 3) per muscle: glutes 9 · chest 7 · quads 7 · biceps 4" in reply.html
    assert "Intensifiers</b> (guide: once or twice per muscle per week, at most 2)" in reply.html
    assert "Effort</b>: RPE ≤6" in reply.html and "aim: most at 7-9" in reply.html
    assert "Back Squat</b> e1RM" in reply.html
    assert reply.attachment is not None and reply.attachment.photo
    width, height = png_size(reply.attachment.data)
    assert (width, height) == (960, 720)


async def test_progress_chart_of_a_lift(services: Services, clock: Clock) -> None:
    await log_workouts(services, clock)
    user = await services.storage.user(LIFTER)
    reply = await show_progress(Incoming(LIFTER, LIFTER, 998, "/progress squat", clock.now), user, services)
    assert "<b>Back Squat</b>: 2 sessions" in reply.html
    assert reply.attachment is not None and png_size(reply.attachment.data)[0] == 960
    missing = await show_progress(Incoming(LIFTER, LIFTER, 997, "/progress snatch", clock.now), user, services)
    assert "No <b>Snatch</b> sets" in missing.html and missing.attachment is None


async def test_export_matches_the_golden_file(services: Services, clock: Clock) -> None:
    await log_workouts(services, clock)
    exported = export_csv(await services.storage.all_sets(LIFTER))
    if os.environ.get("SETCOACH_REGEN_GOLDEN"):  # after a deliberate format change: regenerate, review, commit
        GOLDEN.write_text(exported)
    assert exported == GOLDEN.read_text()


async def test_export_then_import_into_an_empty_database_gives_the_same_sets(
    services: Services, clock: Clock, tmp_path: Path
) -> None:
    await log_workouts(services, clock)
    original = await services.storage.all_sets(LIFTER)
    fresh = await Storage.open(tmp_path / "empty.db")

    def services_on(storage: Storage) -> Services:
        return Services(storage=storage, charts=MatplotlibCharts(), clock=clock)

    try:
        user = await fresh.user(LIFTER, LIFTER)
        reply = await import_file(user, export_csv(original).encode(), services_on(fresh))
        assert f"Imported {len(original)} sets from 4 workouts" in reply.html
        again = await fresh.all_sets(LIFTER)
        assert [(r.performed_at, training(r.set.contract_dict())) for r in again] == [
            (r.performed_at.replace(microsecond=0), training(r.set.contract_dict())) for r in original
        ]
        second = await import_file(user, export_csv(original).encode(), services_on(fresh))
        assert "Imported 0 sets from 0 workouts" in second.html and "Skipped 4 workouts already imported" in second.html
    finally:
        await fresh.close()


SEMICOLON_HEADER = (
    "Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Reps;Distance;Seconds;Notes;Workout Notes;RPE"
)
STRONG_SEMICOLON = (
    SEMICOLON_HEADER
    + """
2026-11-20 08:30:00;Push;1h;Bench Press (Barbell);1;100;5;0;0;;;8
2026-11-20 08:30:00;Push;1h;Bench Press (Barbell);2;102,5;5;0;0;;;8,5
2026-11-20 08:30:00;Push;1h;Lateral Raise (Dumbbell);1;abc;12;0;0;;;
2026-11-20 08:30:00;Push;1h;Triceps Pushdown (Cable - Straight Bar);1;30;0;0;0;;;
2026-11-20 08:30:00;Push;1h;Lat Pulldown (Cable);1;60;12;0;0;;;
"""
)
COMMA_HEADER = ",".join(f'"{name}"' for name in SEMICOLON_HEADER.split(";"))
STRONG_COMMA = (
    COMMA_HEADER
    + """
"2026-11-21 18:00:00","Legs","55m","Squat (Barbell)","1","140","5","0","0","","",""
"2026-11-21 18:00:00","Legs","55m","Squat (Barbell)","2","140","5","0","0","","",""
"2026-11-21 18:00:00","Legs","55m","Leg Extension (Machine)","1","60","15","0","0","","",""
"""
)


@pytest.mark.parametrize(
    ("text", "sets", "problems"),
    [(STRONG_SEMICOLON, ["Bench Press", "Bench Press", "Lat Pulldown"],
      [(4, "bad_number", {"value": "abc"}), (5, "reps_out_of_range", {"reps": 0, "max": MAX_REPS})]),
     (STRONG_COMMA, ["Back Squat", "Back Squat", "Leg Extension"], [])],
)  # fmt: skip
def test_strong_exports_of_both_flavours_are_read_and_bad_rows_reported_by_line(
    text: str, sets: list[str], problems: list[tuple[int, str, dict[str, object]]]
) -> None:
    result = import_csv(text)
    assert [s.exercise for w in result.workouts for s in w.sets] == sets
    assert [tuple(problem) for problem in result.problems] == problems


def test_decimal_commas_and_rpe_come_through() -> None:
    (workout,) = import_csv(STRONG_SEMICOLON).workouts
    second = workout.sets[1]
    assert (second.segments[0].load, second.rpe, second.rir) == (102.5, 8.5, 1.5)


def test_a_file_that_is_not_a_strong_export_says_so() -> None:
    result = import_csv("name,age\nbob,3\n")
    assert result.workouts == [] and result.problems == [Problem(1, "not_strong", {})]


async def test_week_export_and_import_on_telegram(telegram_bot: FakeBotAPI) -> None:
    lifter = 8008
    await telegram_bot.send_text(lifter, "squat 120kg 5x5 @8")
    await telegram_bot.send_text(lifter, "/week")
    await telegram_bot.send_text(lifter, "/export")
    await telegram_bot.wait_for(lambda: len(telegram_bot.sent(lifter, "sendDocument")) == 1)
    assert len(telegram_bot.sent(lifter, "sendPhoto")) == 1
    photo = telegram_bot.sent(lifter, "sendPhoto")[0]["photo"]
    assert png_size(photo) == (960, 720)
    document = telegram_bot.sent(lifter, "sendDocument")[0]["document"]
    assert document.startswith(b"Date,Workout Name,Exercise Name") and b"Back Squat" in document
    await telegram_bot.send_document(lifter, "strong.csv", STRONG_COMMA.encode())
    replies = await telegram_bot.wait_for_replies(lifter, 4)
    assert "Imported 3 sets from 1 workout." in replies[3]


def test_now_is_fixed_for_the_golden_file(clock: Clock) -> None:
    assert clock.now == datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Line 4: I can't read the number <code>abc</code> (row skipped)",
                "Line 5: 0 reps is out of range (1 to 100) (row skipped)"]),
        ("ru", ["не могу прочитать число <code>abc</code>", "0 повт. — вне допустимого (от 1 до 100)"]),
    ],
)  # fmt: skip
async def test_import_problems_are_told_in_the_lifters_language(
    services: Services, language: str, expected: list[str]
) -> None:
    user = await services.storage.user(LIFTER)
    with speaking(language):
        reply = await import_file(user, STRONG_SEMICOLON.encode(), services)
        not_strong = await import_file(user, b"name,age\nbob,3\n", services)
    assert all(text in reply.html for text in expected), reply.html
    assert ("Strong" in not_strong.html) and (("не похоже" in not_strong.html) == (language == "ru"))


@pytest.mark.parametrize(
    ("language", "loaded", "bodyweight"),
    [("en", "100 kg × 8", "12 reps"), ("ru", "100 кг × 8", "12 повт.")],
)
def test_a_progress_best_set_is_written_in_the_lifters_language(language: str, loaded: str, bodyweight: str) -> None:
    with speaking(language):
        assert (best_set(100.0, 8, "kg"), best_set(None, 12, "kg")) == (loaded, bodyweight)
