"""A logged set's storage trips on each backend: SQLite (a file) and PostgreSQL (a throwaway local server).

The calls a logged set makes (arrive, coach_data with the records' bests, save_outcome, mark_answered) for a
lifter with 5 years of history (`bench._history`; their program goes on between the timed sessions): the
median and p99 of that lifter alone, the database round trips, and sets per second for 50 lifters at once
(group commit shares their statements). PostgreSQL here is on loopback with fsync on, as a real one commits;
a hosted one adds its network round trip to every trip. Prints a line per backend; without a PostgreSQL
server it says why and skips it.

Run: python bench/backends.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import Lifter, Trips, on_each_backend, quantiles
from bot.storage import Backend
from bot.wiring import started
from rules.models import MessageKind
from rules.notation import parse_message

SESSIONS = 30  # the lifter alone: a session every other evening...
SESSION_SETS = 10  # ...of ten messages, three minutes apart
LIFTERS = 50  # lifters logging at once (the first is the one with the history)
ROUNDS = 10  # sets each of them logs
TEXT = "bench 100kg 8 @8"  # one set a message, as lifters text them
SETS = parse_message(TEXT).sets


async def log_one(store: Backend, lifter: int, message_id: int, at: datetime, session_start: datetime) -> None:
    """What handlers.router.handle_text and the front-end ask of storage for one set (handlers.sets.coach_reading's
    read: a week, eight weeks of the bench, two weeks of check-ins, the bench's bests before this session)."""
    _, stored = await store.arrive(lifter, lifter, message_id, TEXT, at)
    await store.coach_data(
        lifter, at - timedelta(days=7), (at - timedelta(days=14)).date(), (at - timedelta(days=56), ["Bench Press"]),
        (["Bench Press"], session_start),
    )  # fmt: skip
    await store.save_outcome(lifter, stored.row, MessageKind.SETS, SETS, at)
    await store.mark_answered(lifter, stored.row)


async def measure(store: Backend, trips: Trips, where: str) -> str:
    lifter = Lifter(store, 1, 2 * SESSIONS + 4)
    now = await lifter.write_history()
    for other in range(2, LIFTERS + 1):
        await store.user(other, other, now)
    started()  # as the bot does once it is up (bot/wiring.py)
    times: list[float] = []
    counts: set[int] = set()
    message_id = 1_000_000
    for session in range(SESSIONS):
        start = now + timedelta(days=2 * session, hours=2)  # 20:00 every other day (the program's at 11:00)
        await lifter.train_until(start)
        for offset in range(SESSION_SETS):
            message_id += 1
            with trips.counting():
                began = time.perf_counter()
                await log_one(store, 1, message_id, start + timedelta(minutes=3 * offset), start)
                times.append(time.perf_counter() - began)
            counts.add(trips.count)
    assert len(counts) == 1, f"a logged set took {sorted(counts)} trips"
    at = now + timedelta(days=2 * SESSIONS, hours=2)
    await lifter.train_until(at)
    began = time.perf_counter()
    for round_number in range(ROUNDS):
        await asyncio.gather(
            *(log_one(store, who, 2_000_000 + round_number, at + timedelta(minutes=round_number), at)
              for who in range(1, LIFTERS + 1))
        )  # fmt: skip
    rate = LIFTERS * ROUNDS / (time.perf_counter() - began)
    return (
        f"{where}: a logged set's storage calls vs {lifter.sets:,} sets of history {quantiles(times)}, "
        f"{counts.pop()} database round trips; {LIFTERS} lifters at once {rate:,.0f} sets/s"
    )


def main() -> None:
    on_each_backend(measure, "backends")


if __name__ == "__main__":
    main()
