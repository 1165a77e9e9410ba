"""Importing a Strong CSV: ids that do not collide, limits with a clear reply, old imports not repeated."""

from __future__ import annotations

import pytest

from handlers import report
from handlers.base import Services
from rules.models import UserSettings
from rules.strong_csv import import_csv

HEADER = "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Distance,Distance Unit,Seconds,Notes\n"
LIFTER = UserSettings(id=9801)
# Two workouts whose CRC32 ids (the ids before issue 17) are the same: one of them used to be dropped.
COLLIDING = (("2025-08-08", "Workout 7"), ("2025-07-07", "Workout 319878"))


def strong_csv(workouts: tuple[tuple[str, str], ...], rows_each: int = 1) -> bytes:
    lines = [f"{day} 18:00:00,{name},Bench Press (Barbell),{n + 1},{60 + n},kg,5,8,,,,\n"
             for day, name in workouts for n in range(rows_each)]  # fmt: skip
    return (HEADER + "".join(lines)).encode()


def test_workouts_whose_old_ids_collided_get_distinct_ids() -> None:
    first, second = import_csv(strong_csv(COLLIDING).decode()).workouts
    assert first.legacy_import_id == second.legacy_import_id  # the collision the old ids had
    assert first.import_id != second.import_id


async def test_both_colliding_workouts_are_imported(services: Services) -> None:
    await services.storage.user(LIFTER.id, LIFTER.id)
    reply = await report.import_file(LIFTER, strong_csv(COLLIDING), services)
    assert "Imported 2 sets from 2 workouts" in reply.html
    assert len(await services.storage.all_sets(LIFTER.id)) == 2


async def test_a_workout_imported_under_its_old_id_is_not_imported_again(services: Services) -> None:
    await services.storage.user(LIFTER.id, LIFTER.id)
    (workout,) = import_csv(strong_csv(COLLIDING[:1]).decode()).workouts
    await services.storage.record_message(LIFTER.id, 0, workout.legacy_import_id, "import: Workout 7 2025-08-08",
                                          workout.performed_at)  # fmt: skip
    reply = await report.import_file(LIFTER, strong_csv(COLLIDING[:1]), services)
    assert "Skipped 1 workout already imported" in reply.html


async def test_a_file_over_the_size_limit_is_refused_whatever_telegram_said_its_size_was(services: Services) -> None:
    await services.storage.user(LIFTER.id, LIFTER.id)
    content = strong_csv(COLLIDING) + b"," * (report.MAX_IMPORT_BYTES + 1)
    reply = await report.import_file(LIFTER, content, services)
    assert "over 5 MB" in reply.html
    assert await services.storage.all_sets(LIFTER.id) == []


async def test_a_file_over_the_row_limit_is_read_up_to_it_and_the_reply_says_where_it_stopped(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "MAX_IMPORT_ROWS", 10)
    await services.storage.user(LIFTER.id, LIFTER.id)
    reply = await report.import_file(LIFTER, strong_csv(COLLIDING, rows_each=8), services)
    assert "Imported 10 sets" in reply.html
    assert "stopped at line 12" in reply.html and "second file" in reply.html
