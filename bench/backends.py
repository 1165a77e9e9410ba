"""A logged set's storage trips on each backend: SQLite (a file) and PostgreSQL (a throwaway local server).

The four calls a logged set makes (arrive, coach_data, save_outcome, mark_answered): the median and p99 of
one lifter alone, and sets per second for 50 lifters at once (group commit shares their statements).
PostgreSQL here is on loopback with fsync on, as a real one commits; a hosted one adds its network round
trip to every call. Prints a line per backend; without a PostgreSQL server it says why and skips it.

Run: python bench/backends.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.storage import open_backend
from rules.models import MessageKind
from rules.notation import parse_message

ALONE = 300  # sets logged one after another by one lifter
LIFTERS = 50  # lifters logging at once
ROUNDS = 10  # sets each of them logs
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
SETS = parse_message("bench 100kg 3x8 @8").sets


async def log_one(store: Any, lifter: int, message_id: int) -> None:
    _, stored = await store.arrive(lifter, lifter, message_id, "bench 100kg 3x8 @8", NOW)
    await store.coach_data(lifter, NOW - timedelta(days=7), (NOW - timedelta(days=14)).date())
    await store.save_outcome(lifter, stored.row, MessageKind.SETS, SETS, NOW)
    await store.mark_answered(lifter, stored.row)


async def measure(name: str, url: str | None, path: Path) -> None:
    store = await open_backend(url, path)
    try:
        for lifter in range(1, LIFTERS + 1):
            await store.user(lifter, lifter, NOW)
        times = []
        for number in range(ALONE):
            started = time.perf_counter()
            await log_one(store, 1, 10_000 + number)
            times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        for round_number in range(ROUNDS):
            await asyncio.gather(*(log_one(store, lifter, round_number) for lifter in range(1, LIFTERS + 1)))
        rate = LIFTERS * ROUNDS / (time.perf_counter() - started)
    finally:
        await store.close()
    p99 = statistics.quantiles(times, n=100)[98]
    print(
        f"{name}: a logged set's 4 storage calls p50 {statistics.median(times):.2f} ms, p99 {p99:.2f} ms; "
        f"{LIFTERS} lifters at once {rate:,.0f} sets/s"
    )


def main() -> None:
    from tests import pgserver

    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure("SQLite", None, Path(folder) / "bench.db"))
    try:
        server = pgserver.start(durable=True)
    except pgserver.Unavailable as why:
        print(f"PostgreSQL: skipped ({why})")
        return
    try:
        asyncio.run(measure("PostgreSQL (loopback)", server.database(), Path(tempfile.gettempdir()) / "unused.db"))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
