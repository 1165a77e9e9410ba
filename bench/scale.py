"""Data at scale: 1,000,000 sets over 1,000 lifters. p99 of logging a set with feedback, /history
and /week, which must stay within their own targets (feedback 2 ms of rules, /week text 150 ms).

The database is bulk-loaded with plain sqlite3 (setup only); everything measured goes through the
real Storage and handlers. Run: python bench/scale.py
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.charts import MatplotlibCharts
from bot.storage import Storage
from bot.wiring import started
from handlers.base import Incoming, Services
from handlers.commands import show_history
from handlers.report import REPORT_DAYS, render_week, report_context
from handlers.router import handle_text
from rules.notation import parse_message
from rules.report import weekly_report

USERS = 1_000
SETS = 1_000_000
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
TEMPLATES = ["bench 100kg 3x8 @8", "squat 120kg 5x5 @8", "lat raise 10kg 12+4+3 rir1", "curl 20/15/10kg 10+8+6",
             "row 3x10 70kg", "leg press 200kg 10 > leg ext 50kg 15 rir0", "deadlift 160kg 3x5 @8.5"]  # fmt: skip
SAMPLES = 200


def populate(path: Path) -> None:
    rng = random.Random(3)
    templates = [parse_message(text).sets for text in TEMPLATES]
    rows_per_user = SETS // USERS
    message_id = itertools.count(1)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO users (id, chat_id, timezone, created_at) VALUES (?, ?, 'UTC', ?)",
            [(user, user, NOW.isoformat()) for user in range(1, USERS + 1)],
        )
        for user in range(1, USERS + 1):
            messages: list[tuple[object, ...]] = []
            sets: list[tuple[object, ...]] = []
            moment = NOW - timedelta(days=135)  # about 350 messages, 9 h apart on average: history ends now
            while len(sets) < rows_per_user:
                moment = min(moment + timedelta(hours=rng.choice([2, 6, 20])), NOW - timedelta(minutes=5))
                chosen = templates[rng.randrange(len(templates))]
                mid = next(message_id)
                messages.append((mid, user, user, mid, "set", moment.isoformat(), "sets", 1))
                for position, parsed in enumerate(chosen):
                    sets.append((user, mid, position, moment.isoformat(), parsed.exercise, parsed.raw_exercise, 1,
                                 parsed.technique.value, json.dumps([[s.load, s.reps] for s in parsed.segments]),
                                 parsed.unit, 0, parsed.rir, parsed.rpe, 0, parsed.rest_s, parsed.group,
                                 parsed.pair_position, parsed.model_dump_json()))  # fmt: skip
            db.executemany(
                "INSERT INTO messages (id, user_id, chat_id, message_id, text, received_at, kind, answered) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                messages,
            )
            db.executemany(
                "INSERT INTO sets (user_id, message_row, position, performed_at, exercise, raw_exercise, known, "
                "technique, segments_json, unit, bodyweight, rir, rpe, amrap, rest_s, grp, pair_position, set_json) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sets[:rows_per_user],
            )


def p99(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"p50 {ordered[len(ordered) // 2] * 1000:.1f} ms, p99 {ordered[int(len(ordered) * 0.99)] * 1000:.1f} ms"


async def measure(path: Path) -> str:
    storage = await Storage.open(path)  # schema
    await storage.close()
    start = time.perf_counter()
    populate(path)
    loaded = time.perf_counter() - start
    storage = await Storage.open(path)
    services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: NOW)
    started()  # as the bot does once it is up (bot/wiring.py): start-up objects out of the collector's way
    rng = random.Random(5)
    logging_times, history_times, week_times = [], [], []
    week_sets: list[int] = []
    try:
        for number in range(SAMPLES):
            user = rng.randrange(1, USERS + 1)
            settings = await storage.user(user)
            begin = time.perf_counter()
            handled = await handle_text(Incoming(user, user, 10_000_000 + number, "pressdown 30kg 15+5+3 rir1", NOW),
                                        services)  # fmt: skip
            assert handled.row is not None
            await storage.mark_answered(user, handled.row)
            logging_times.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            await show_history(Incoming(user, user, 0, "/history", NOW), settings, services)
            history_times.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            report = weekly_report(await report_context(services, settings, REPORT_DAYS))
            render_week(report)
            week_times.append(time.perf_counter() - begin)
            week_sets.append(report.sets)
    finally:
        await storage.close()
    with sqlite3.connect(path) as db:
        (count,) = db.execute("SELECT count(*) FROM sets").fetchone()
    assert min(week_sets) > 0, "the synthetic history must reach into the last week"
    return (
        f"scale ({count:,} sets, {USERS:,} lifters, loaded in {loaded:.0f} s): log a set with feedback "
        f"{p99(logging_times)}; /history {p99(history_times)}; /week text {p99(week_times)}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(asyncio.run(measure(Path(folder) / "scale.db")))


if __name__ == "__main__":
    main()
