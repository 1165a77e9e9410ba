"""Storage, one contract on every backend: migrations, the history the rules read, group commit, and one
lifter never touching another's data. Each test here runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from bot.storage import MIGRATIONS, Backend, Storage, postgres
from rules.models import MessageKind
from rules.notation import parse_message
from tests.databases import Database

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


async def log(storage: Backend, user: int, message_id: int, text: str, at: datetime) -> None:
    await storage.user(user, user, at)
    stored = await storage.record_message(user, user, message_id, text, at)
    await storage.save_outcome(user, stored.row, MessageKind.SETS, parse_message(text).sets, at)


async def test_a_new_database_is_at_the_latest_migration(storage: Backend) -> None:
    assert await storage.schema_version() == len(MIGRATIONS)


def test_both_backends_have_the_same_numbered_migrations() -> None:
    assert len(postgres.MIGRATIONS) == len(MIGRATIONS), "a SQLite migration has no PostgreSQL twin (or the reverse)"


async def test_opening_again_applies_nothing_and_keeps_the_data(storage: Backend, database: Database) -> None:
    await log(storage, 1, 1, "bench 100kg 5", NOW)
    again = await database.open()
    try:
        assert await again.schema_version() == len(MIGRATIONS)
        assert [s.set.exercise for s in await again.history(1, since=NOW - timedelta(days=1))] == ["Bench Press"]
    finally:
        await again.close()


async def test_migration_5_gives_old_rows_the_same_json_the_code_writes(db_path: Path) -> None:
    storage = await Storage.open(db_path)  # SQLite only: PostgreSQL wrote set_json from its first migration
    try:
        await _migration_5(storage, db_path)
    finally:
        await storage.close()


async def _migration_5(storage: Storage, db_path: Path) -> None:
    text = "lat raise 20kg 12+4+3 rir1 rest 15s\nbench 80kg 8 > cable fly 15kg 15 rir0\ndips bw 3x8\nsquat 90kg amrap 9"
    await log(storage, 1, 1, text, NOW)
    before = await storage.history(1, since=NOW - timedelta(days=1))
    with sqlite3.connect(db_path) as db:  # as a database written before migration 4 would look
        db.execute("UPDATE sets SET set_json = NULL")
        db.executescript(MIGRATIONS[4])
    assert await storage.history(1, since=NOW - timedelta(days=1)) == before


async def test_history_is_the_last_week_plus_eight_weeks_of_the_named_lifts(storage: Backend) -> None:
    await log(storage, 1, 1, "bench 100kg 5", NOW - timedelta(days=30))
    await log(storage, 1, 2, "curl 20kg 10", NOW - timedelta(days=30))
    await log(storage, 1, 3, "curl 20kg 10", NOW - timedelta(days=2))
    await log(storage, 1, 4, "bench 100kg 5", NOW - timedelta(days=70))
    week = NOW - timedelta(days=7)
    history = await storage.history(1, since=week, longer=(NOW - timedelta(days=56), ["Bench Press"]))
    assert [(h.set.exercise, (NOW - h.performed_at).days) for h in history] == [("Bench Press", 30), ("Biceps Curl", 2)]


async def test_every_query_is_scoped_to_its_lifter(storage: Backend) -> None:
    await log(storage, 1, 1, "bench 100kg 5", NOW)
    await log(storage, 2, 1, "squat 140kg 5", NOW)  # the same Telegram message id, another lifter
    assert [s.set.exercise for s in await storage.history(2, since=NOW - timedelta(days=1))] == ["Back Squat"]
    assert [s.exercise for s in await storage.undo_last(2)] == ["Back Squat"]
    await storage.forget(2)
    assert [s.set.exercise for s in await storage.history(1, since=NOW - timedelta(days=1))] == ["Bench Press"]
    assert await storage.count_messages(1) == 1


async def test_concurrent_lifters_share_writes_and_each_lands_on_its_own_rows(
    storage: Backend, database: Database
) -> None:
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
    stored = database.rows("SELECT user_id, text, answered FROM messages ORDER BY user_id")
    histories = await storage.histories(list(range(1, 51)), NOW - timedelta(days=1))
    loads = {lifter: [s.set.segments[0].load for s in sets] for lifter, sets in histories.items()}
    assert stored == [(lifter, f"squat {lifter}kg 5", lifter % 2) for lifter in range(1, 51)]
    assert loads == {lifter: [float(lifter)] for lifter in range(1, 51)}


async def test_a_write_that_fails_does_not_fail_the_others_sent_with_it(storage: Backend, database: Database) -> None:
    await storage.user(1, 1, NOW)
    _, stored = await storage.arrive(1, 1, 1, "squat 100kg 5", NOW)
    sets = parse_message("squat 100kg 5").sets
    results = await asyncio.gather(
        storage.save_outcome(1, stored.row, MessageKind.SETS, sets, NOW),
        storage.save_outcome(1, stored.row, None, sets, NOW),  # type: ignore[arg-type]  # kind is NOT NULL
        return_exceptions=True,
    )
    assert results[0] is None and isinstance(results[1], sqlite3.IntegrityError | psycopg.IntegrityError)
    assert database.rows("SELECT kind FROM messages") == [("sets",)]


async def test_a_burst_of_answers_takes_fewer_statements_than_messages(storage: Any, database: Database) -> None:
    """Group commit: while one write is in flight, the others queue and go in the next statement."""
    rows = []
    for lifter in range(1, 51):
        await storage.user(lifter, lifter, NOW)
        rows.append((await storage.arrive(lifter, lifter, 1, "squat 100kg 5", NOW))[1].row)
    answers = storage.group_writes["answers"]  # the statement-per-batch behind mark_answered, on either backend
    before = answers.statements
    await asyncio.gather(*(storage.mark_answered(lifter, row) for lifter, row in zip(range(1, 51), rows, strict=True)))
    assert 1 <= answers.statements - before <= 2  # the first goes at once; the other 49 wait and go together
    assert database.rows("SELECT count(*) FROM messages WHERE answered = ?", (True,)) == [(50,)]


async def test_an_edit_delivered_again_is_recognised(storage: Backend) -> None:
    await storage.user(1, 1, NOW)
    _, stored = await storage.arrive(1, 1, 5, "bench 100kg 5", NOW)
    assert await storage.edit_message(1, stored.row, "bench 105kg 5", NOW + timedelta(minutes=1))
    await storage.mark_answered(1, stored.row)
    assert not await storage.edit_message(1, stored.row, "bench 105kg 5", NOW + timedelta(minutes=1))
    assert await storage.edit_message(1, stored.row, "bench 110kg 5", NOW + timedelta(minutes=2))


async def test_an_undo_delivered_again_removes_nothing_more(storage: Backend) -> None:
    await log(storage, 1, 1, "squat 100kg 5", NOW)
    await log(storage, 1, 2, "bench 80kg 5", NOW)
    undo = await storage.record_message(1, 1, 3, "/undo", NOW)
    first = await storage.undo_last(1, by_row=undo.row)
    again = await storage.undo_last(1, by_row=undo.row)
    assert [s.exercise for s in first] == [s.exercise for s in again] == ["Bench Press"]
    assert [s.set.exercise for s in await storage.history(1, since=NOW - timedelta(days=1))] == ["Back Squat"]


async def test_presses_confirmations_and_the_owning_bot(storage: Backend) -> None:
    await storage.user(1, 1, NOW)
    assert await storage.record_press(1, "cq1", NOW)
    assert await storage.record_press(1, "cq1", NOW)  # not answered yet: handle it again
    await storage.mark_press_answered(1, "cq1")
    assert not await storage.record_press(1, "cq1", NOW)
    await storage.issue_confirmation(1, "forget", "t1", NOW + timedelta(minutes=5))
    assert not await storage.consume_confirmation(1, "forget", "wrong", NOW)
    assert await storage.consume_confirmation(1, "forget", "t1", NOW)
    assert not await storage.consume_confirmation(1, "forget", "t1", NOW)  # one-time
    assert await storage.bind_bot(42) == 42
    assert await storage.bind_bot(43) == 42


async def test_the_inbox_keeps_an_update_once_until_it_is_done(storage: Backend, database: Database) -> None:
    await storage.inbox_put(7, 1, '{"update_id": 7}', NOW)
    await asyncio.gather(storage.inbox_put(7, 1, '{"update_id": 7}', NOW), storage.inbox_put(8, 2, "{}", NOW))
    assert await storage.inbox_pending() == [(7, 1, '{"update_id": 7}'), (8, 2, "{}")]
    await storage.inbox_done(7)
    reopened = await database.open()
    try:
        assert await reopened.inbox_pending() == [(8, 2, "{}")]
    finally:
        await reopened.close()


async def test_text_postgresql_cannot_hold_is_kept_all_the_same(storage: Backend) -> None:
    await storage.user(1, 1, NOW)
    _, stored = await storage.arrive(1, 1, 1, "bench\x00 100kg 5", NOW)
    assert stored.is_new and await storage.count_messages(1) == 1


async def test_what_real_logs_carry_survives_storage(storage: Backend, database: Database) -> None:
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
    columns = database.rows("SELECT warmup, per_side, note, segments_json FROM sets ORDER BY position")
    assert [c[:3] for c in columns[:4]] == [(1, 0, None), (0, 0, None), (0, 1, None), (0, 0, "paused")]
    assert columns[-3][3] == "[[null,0,465,2000.0]]"


async def test_migration_9_fills_the_new_columns_from_each_sets_json(db_path: Path) -> None:
    storage = await Storage.open(db_path)  # SQLite's backfill (PostgreSQL's is the same UPDATE on jsonb)
    await log(storage, 1, 1, "bench 60kg 10 (warmup)\nlunge 20kg 10 each (slow)", NOW)
    with sqlite3.connect(db_path) as db:  # as a database written before migration 9 would look
        db.execute("UPDATE sets SET warmup = 0, per_side = 0, note = NULL")
        migration = MIGRATIONS[8]
        db.executescript(migration[migration.index("UPDATE sets") : migration.index("CREATE INDEX sets_working")])
        rows = db.execute("SELECT warmup, per_side, note FROM sets ORDER BY position").fetchall()
    await storage.close()
    assert rows == [(1, 0, None), (0, 1, "slow")]


async def test_each_best_keeps_the_unit_its_load_was_written_in_and_migration_17_rebuilds_them_from_the_sets(
    storage: Backend, database: Database
) -> None:
    await log(storage, 1, 1, "bench 100kg 5\nbench 100lb 5\nbench 100kg 5", NOW - timedelta(days=2))
    await log(storage, 1, 2, "bench 225lb 5 @8\nbench 60kg 10 (warmup)", NOW)
    expected = {"Bench Press": [(100.0, 5, None, False, "kg"), (100.0, 5, None, False, "lb"),
                                (225.0, 5, 2.0, False, "lb")]}  # fmt: skip
    rows = database.rows("SELECT load, unit, sets, first_at FROM set_bests ORDER BY unit, load")
    assert rows == [(100.0, "kg", 2, (NOW - timedelta(days=2)).isoformat(timespec="microseconds")),
                    (100.0, "lb", 1, (NOW - timedelta(days=2)).isoformat(timespec="microseconds")),
                    (225.0, "lb", 1, NOW.isoformat(timespec="microseconds"))]  # fmt: skip
    assert {k: sorted(v) for k, v in (await storage.exercise_bests(1, ["Bench Press"])).items()} == expected
    migration = (MIGRATIONS if database.kind == "sqlite" else postgres.MIGRATIONS)[16]
    database.execute("DELETE FROM set_bests")  # as a database written before 17 holds them: no unit at all
    if database.kind == "sqlite":
        with sqlite3.connect(database.path) as db:
            db.executescript(migration)
    else:
        database.execute(migration)
    assert database.rows("SELECT load, unit, sets, first_at FROM set_bests ORDER BY unit, load") == rows
    await storage.undo_last(1)  # the rebuilt triggers count a deleted lb set out of its own row
    after = await storage.exercise_bests(1, ["Bench Press"])
    assert sorted(after["Bench Press"]) == expected["Bench Press"][:2]


async def test_when_the_unit_was_chosen_comes_back_with_the_lifters_settings(storage: Backend) -> None:
    assert (await storage.user(1, 1, NOW)).unit_set_at is None  # never chosen: the default
    chosen = await storage.update_user(1, unit="lb", unit_set_at=NOW)
    assert (chosen.unit, chosen.unit_set_at) == ("lb", NOW)
    user, _ = await storage.arrive(1, 1, 1, "bench 100 5", NOW + timedelta(minutes=1))  # the one-statement path
    assert (user.unit, user.unit_set_at) == ("lb", NOW)


async def test_when_the_unit_hint_was_settled_comes_back_with_the_lifters_settings(storage: Backend) -> None:
    assert (await storage.user(1, 1, NOW)).unit_hint_at is None  # never shown
    settled = await storage.update_user(1, unit_hint_at=NOW)
    assert (settled.unit_hint_at, settled.unit_set_at) == (NOW, None)
    user, _ = await storage.arrive(1, 1, 1, "bench 135 5", NOW + timedelta(minutes=1))  # the one-statement path
    assert (user.unit_hint_at, user.chat_id) == (NOW, 1)
    assert (await storage.user(1, 1, NOW)).unit_hint_at == NOW


# (exercises asked for, done before: days ago or None) against the sets logged below
COACH_BESTS: list[tuple[list[str], float | None]] = [
    (["Bench Press"], None),  # kg and lb rows, an RPE read as RIR, none (rir NULL), an AMRAP
    (["Bench Press", "Back Squat", "Lateral Raise"], None),  # one never done: an empty list
    (["Bench Press", "Back Squat"], 3),  # done before 3 days ago: squat (first done 2 days ago) has nothing to beat
    (["Back Squat"], 1),
]


@pytest.mark.parametrize(("exercises", "done_days_ago"), COACH_BESTS)
async def test_the_bests_read_with_the_coaching_history_are_exercise_bests_in_the_same_trip(
    storage: Backend, exercises: list[str], done_days_ago: float | None
) -> None:
    await log(storage, 1, 1, "bench 100kg 5\nbench 225lb 5 @8\nbench 90kg 3x8 rir 1.5", NOW - timedelta(days=5))
    await log(storage, 1, 2, "squat 140kg amrap 6\nbench 60kg 10 (warmup)\nbench 80kg 8", NOW - timedelta(days=2))
    await log(storage, 2, 3, "squat 200kg 5", NOW - timedelta(days=4))  # another lifter's
    done_before = None if done_days_ago is None else NOW - timedelta(days=done_days_ago)
    read = await storage.coach_data(1, NOW - timedelta(days=7), (NOW - timedelta(days=14)).date(),
                                    bests=(exercises, done_before))  # fmt: skip
    expected = await storage.exercise_bests(1, exercises, done_before=done_before)
    assert {k: sorted(v, key=repr) for k, v in read.bests.items()} == {
        k: sorted(v, key=repr) for k, v in expected.items()
    }
    assert [type(value) for row in read.bests.get("Bench Press", []) for value in row[:4]] == [
        type(value) for row in expected.get("Bench Press", []) for value in row[:4]
    ]
    assert any(read.bests.values()) and len(read.history) == 8 and not read.checkins
    assert (await storage.coach_data(1, NOW - timedelta(days=7), NOW.date())).bests == {}  # not asked for


async def test_one_instance_holds_the_polling_lease_at_a_time(storage: Backend) -> None:
    ttl = timedelta(seconds=30)
    assert await storage.hold_poller("a", NOW, ttl) == "a"
    assert await storage.hold_poller("b", NOW + timedelta(seconds=10), ttl) == "a"
    assert await storage.hold_poller("b", NOW + timedelta(seconds=31), ttl) == "b"  # a's lease lapsed
    assert await storage.hold_poller("a", NOW + timedelta(seconds=32), ttl, take_over="b") == "a"  # b is dead
    await storage.release_poller("a")
    assert await storage.hold_poller("b", NOW + timedelta(seconds=33), ttl) == "b"


async def test_each_lifters_oldest_update_is_claimed_by_one_worker_at_a_time(storage: Backend) -> None:
    stale = timedelta(seconds=30)
    for update_id, lifter in ((1, 10), (2, 10), (3, 20)):
        await storage.inbox_put(update_id, lifter, "{}", NOW)
    assert [claim[:2] for claim in await storage.inbox_claim("a", NOW, stale)] == [(1, 10), (3, 20)]
    assert await storage.inbox_claim("b", NOW, stale) == []  # 1 and 3 are in hand; 2 waits until 1 is done
    await storage.inbox_done(1)
    assert [claim[0] for claim in await storage.inbox_claim("b", NOW, stale)] == [2]
    await storage.inbox_done(2)
    assert [claim[0] for claim in await storage.inbox_claim("b", NOW + stale * 2, stale)] == [3]  # a died
