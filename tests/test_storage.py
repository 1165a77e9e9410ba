"""Storage: migrations, the history the rules read, and one lifter never touching another's data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import MIGRATIONS, Storage
from rules.notation import parse_message

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


async def log(storage: Storage, user: int, message_id: int, text: str, at: datetime) -> None:
    await storage.user(user, user, at)
    stored = await storage.record_message(user, user, message_id, text, at)
    await storage.save_outcome(user, stored.row, "sets", parse_message(text).sets, at)


async def test_a_new_database_is_at_the_latest_migration(storage: Storage) -> None:
    assert await storage.schema_version() == len(MIGRATIONS)


async def test_migration_5_gives_old_rows_the_same_json_the_code_writes(storage: Storage, db_path: Path) -> None:
    text = "lat raise 20kg 12+4+3 rir1 rest 15s\nbench 80kg 8 > cable fly 15kg 15 rir0\ndips bw 3x8\nsquat 90kg amrap 9"
    await log(storage, 1, 1, text, NOW)
    before = await storage.history(1, since=NOW - timedelta(days=1))
    with sqlite3.connect(db_path) as db:  # as a database written before migration 4 would look
        db.execute("UPDATE sets SET set_json = NULL")
        db.executescript(MIGRATIONS[4])
    assert await storage.history(1, since=NOW - timedelta(days=1)) == before


async def test_history_is_the_last_week_plus_eight_weeks_of_the_named_lifts(storage: Storage) -> None:
    await log(storage, 1, 1, "bench 100kg 5", NOW - timedelta(days=30))
    await log(storage, 1, 2, "curl 20kg 10", NOW - timedelta(days=30))
    await log(storage, 1, 3, "curl 20kg 10", NOW - timedelta(days=2))
    await log(storage, 1, 4, "bench 100kg 5", NOW - timedelta(days=70))
    week = NOW - timedelta(days=7)
    history = await storage.history(1, since=week, longer=(NOW - timedelta(days=56), ["Bench Press"]))
    assert [(h.set.exercise, (NOW - h.performed_at).days) for h in history] == [("Bench Press", 30), ("Biceps Curl", 2)]


async def test_every_query_is_scoped_to_its_lifter(storage: Storage) -> None:
    await log(storage, 1, 1, "bench 100kg 5", NOW)
    await log(storage, 2, 1, "squat 140kg 5", NOW)  # the same Telegram message id, another lifter
    assert [s.set.exercise for s in await storage.history(2, since=NOW - timedelta(days=1))] == ["Back Squat"]
    assert [s.exercise for s in await storage.undo_last(2)] == ["Back Squat"]
    await storage.forget(2)
    assert [s.set.exercise for s in await storage.history(1, since=NOW - timedelta(days=1))] == ["Bench Press"]
    assert await storage.count_messages(1) == 1
