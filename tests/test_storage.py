"""Storage: migrations, the history the rules read, and one lifter never touching another's data."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.storage import MIGRATIONS, Storage
from rules.models import MessageKind
from rules.notation import parse_message

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


async def log(storage: Storage, user: int, message_id: int, text: str, at: datetime) -> None:
    await storage.user(user, user, at)
    stored = await storage.record_message(user, user, message_id, text, at)
    await storage.save_outcome(user, stored.row, MessageKind.SETS, parse_message(text).sets, at)


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


async def test_concurrent_lifters_share_writes_and_each_lands_on_its_own_rows(storage: Storage, db_path: Path) -> None:
    """Fifty lifters at once: arrivals, outcomes and answers go in shared statements (group commit)."""
    for lifter in range(1, 51):
        await storage.user(lifter, lifter, NOW)

    async def one(lifter: int) -> int:
        user, stored = await storage.arrive(lifter, lifter, 7, f"squat {lifter}kg 5", NOW)
        assert user.id == lifter and stored.is_new
        await storage.save_outcome(lifter, stored.row, MessageKind.SETS, parse_message(f"squat {lifter}kg 5").sets, NOW)
        if lifter % 2:
            await storage.mark_answered(lifter, stored.row)
        return stored.row

    rows = await asyncio.gather(*(one(lifter) for lifter in range(1, 51)))
    assert len(set(rows)) == 50
    with sqlite3.connect(db_path) as db:
        stored = db.execute("SELECT user_id, text, answered FROM messages ORDER BY user_id").fetchall()
        loads = dict(db.execute("SELECT user_id, json_extract(set_json, '$.segments[0].load') FROM sets").fetchall())
    assert stored == [(lifter, f"squat {lifter}kg 5", lifter % 2) for lifter in range(1, 51)]
    assert loads == {lifter: float(lifter) for lifter in range(1, 51)}


async def test_a_write_that_fails_does_not_fail_the_others_sent_with_it(storage: Storage, db_path: Path) -> None:
    await storage.user(1, 1, NOW)
    _, stored = await storage.arrive(1, 1, 1, "squat 100kg 5", NOW)
    sets = parse_message("squat 100kg 5").sets
    results = await asyncio.gather(
        storage.save_outcome(1, stored.row, MessageKind.SETS, sets, NOW),
        storage.save_outcome(1, stored.row, None, sets, NOW),  # type: ignore[arg-type]  # kind is NOT NULL
        return_exceptions=True,
    )
    assert results[0] is None and isinstance(results[1], sqlite3.IntegrityError)
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT kind FROM messages").fetchall() == [("sets",)]


async def test_a_burst_of_answers_takes_fewer_statements_than_messages(tmp_path: Path) -> None:
    """Group commit: while one write is in flight, the others queue and go in the next statement."""
    statements: list[str] = []
    storage = await Storage.open(tmp_path / "traced.db", trace=statements.append)
    try:
        rows = []
        for lifter in range(1, 51):
            await storage.user(lifter, lifter, NOW)
            rows.append((await storage.arrive(lifter, lifter, 1, "squat 100kg 5", NOW))[1].row)
        marks = (storage.mark_answered(lifter, row) for lifter, row in zip(range(1, 51), rows, strict=True))
        await asyncio.gather(*marks)
    finally:
        await storage.close()
    updates = [sql for sql in statements if sql.startswith("UPDATE messages SET answered")]
    assert 1 <= len(updates) <= 2  # the first goes at once; the other 49 wait for it and go together
    with sqlite3.connect(tmp_path / "traced.db") as db:
        assert db.execute("SELECT count(*) FROM messages WHERE answered = 1").fetchall() == [(50,)]


async def test_what_real_logs_carry_survives_storage(storage: Storage, db_path: Path) -> None:
    """Notes, warm-ups, per-side loads, holds, cardio and the new techniques come back as they went in."""
    text = (
        "Squat, Barbell / 1x5 200lb / warmup: 1x10 95lb\n"
        "lunge 20kg 15/15\n"
        "bench 100kg 3x5 (paused)\n"
        "plank 3x45s\n"
        "row 2000m 7:45\n"
        "curl 12kg 15+5+5+5\n"
        "squat 140kg 2+2+2 cluster"
    )
    sent = parse_message(text).sets
    assert {s.technique.value for s in sent} >= {"myo_reps", "cluster", "cardio"}
    await log(storage, 1, 1, text, NOW)
    back = [logged.set for logged in await storage.history(1, since=NOW - timedelta(days=1))]
    assert back == list(sent)
    with sqlite3.connect(db_path) as db:
        columns = db.execute("SELECT warmup, per_side, note, segments_json FROM sets ORDER BY position").fetchall()
    assert [c[:3] for c in columns[:4]] == [(1, 0, None), (0, 0, None), (0, 1, None), (0, 0, "paused")]
    assert columns[-3][3] == "[[null,0,465,2000.0]]"


async def test_migration_9_fills_the_new_columns_from_each_sets_json(storage: Storage, db_path: Path) -> None:
    await log(storage, 1, 1, "bench 60kg 10 (warmup)\nlunge 20kg 10 each (slow)", NOW)
    with sqlite3.connect(db_path) as db:  # as a database written before migration 9 would look
        db.execute("UPDATE sets SET warmup = 0, per_side = 0, note = NULL")
        migration = MIGRATIONS[8]
        db.executescript(migration[migration.index("UPDATE sets") : migration.index("CREATE INDEX sets_working")])
        rows = db.execute("SELECT warmup, per_side, note FROM sets ORDER BY position").fetchall()
    assert rows == [(1, 0, None), (0, 1, "slow")]
