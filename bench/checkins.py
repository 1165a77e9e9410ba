"""One check-in sweep over 100,000 users with check-in times spread over the day.

Prints the time of a sweep that claims a minute's worth of due users (target < 50 ms) and the
process memory (target < 200 MB). Sending is replaced by building the real prompt (history query,
awaiting flag): the network is Telegram's time, not ours.

Run: python bench/checkins.py
"""

from __future__ import annotations

import asyncio
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.scheduler import sweep
from bot.storage import Storage
from handlers import checkins
from rules.models import LoggedSet, UserSettings

USERS = 100_000
START = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


def populate(path: Path) -> None:
    rng = random.Random(1)
    rows = []
    for user_id in range(1, USERS + 1):
        due = START + timedelta(seconds=rng.randrange(24 * 3600))
        rows.append(
            (user_id, user_id, "UTC", f"{due:%H:%M}", due.isoformat(timespec="microseconds"), START.isoformat())
        )
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO users (id, chat_id, timezone, checkin_time, checkins_on, next_checkin_utc, created_at) "
            "VALUES (?, ?, ?, ?, 1, ?, ?)",
            rows,
        )


async def measure(path: Path) -> tuple[list[float], list[int]]:
    storage = await Storage.open(path)  # creates the schema
    await storage.close()
    populate(path)
    storage = await Storage.open(path)
    timings: list[float] = []
    claimed: list[int] = []
    try:
        for minute in range(1, 11):  # ten consecutive sweeps, one a minute
            now = START + timedelta(minutes=minute)

            async def send_prompt(user: UserSettings, recent: list[LoggedSet]) -> None:
                checkins.prompt_reply(recent)

            begin = time.perf_counter()
            report = await sweep(storage, send_prompt, now)
            timings.append(time.perf_counter() - begin)
            claimed.append(report.claimed)
    finally:
        await storage.close()
    return timings, claimed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        timings, claimed = asyncio.run(measure(Path(folder) / "checkins.db"))
    memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"checkins: sweep of a minute's due users ({statistics.mean(claimed):.0f} of {USERS:,}) "
        f"median {statistics.median(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms; "
        f"peak memory {memory_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
