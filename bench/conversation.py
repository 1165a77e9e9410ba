"""The workout as a conversation against 5 years of one lifter's history (~30,000 sets, real SQLite):
p99 of a carry-forward set (`8` after `bench 100kg 8 @8`, the whole handler path: store the message,
read the state, coach, store the set, records, store the state; target < 5 ms) and of a session summary
(target < 50 ms). Run: python bench/conversation.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import timedelta
from itertools import groupby
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import build
from bot.charts import MatplotlibCharts
from bot.storage import Storage
from handlers.base import Incoming, Services
from handlers.conversation import summary_of
from handlers.router import handle_text
from rules.conversation import State, read_message
from rules.models import MessageKind

LIFTER = 1
SAMPLES = 100
SESSION = ["bench 100kg 8 @8", "8", "same", "+2.5", "8 @9", "Lat pulldown", "60x12", "12", "same @9", "curl 15kg 12"]
CARRIED = {"8", "same", "+2.5", "8 @9", "60x12", "12", "same @9"}  # sets of the open exercise, named before


def quantiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"p50 {ordered[len(ordered) // 2] * 1000:.2f} ms, p99 {ordered[int(len(ordered) * 0.99)] * 1000:.2f} ms"


async def measure(path: Path) -> str:
    history, _, now = build()
    storage = await Storage.open(path)
    services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: now)
    try:
        await storage.user(LIFTER, LIFTER, now - timedelta(days=5 * 365))
        for number, (moment, group) in enumerate(groupby(history, key=lambda logged: logged.performed_at), start=1):
            sets = [logged.set for logged in group]
            stored = await storage.record_message(LIFTER, LIFTER, number, "history", moment)
            await storage.save_outcome(LIFTER, stored.row, MessageKind.SETS, sets, moment)
        message_id = 1_000_000
        carry: list[float] = []
        summaries: list[float] = []
        rules_only: list[float] = []
        for sample in range(SAMPLES):
            start = now + timedelta(days=2 * sample)  # a session every other day, as the history has them
            for offset, text in enumerate(SESSION):
                message_id += 1
                incoming = Incoming(LIFTER, LIFTER, message_id, text, start + timedelta(minutes=3 * offset))
                begin = time.perf_counter()
                handled = await handle_text(incoming, services)
                if text in CARRIED:
                    carry.append(time.perf_counter() - begin)
                assert handled.row is not None and handled.reply is not None
                await storage.mark_answered(LIFTER, handled.row)
            conversation = await storage.conversation(LIFTER, LIFTER)
            begin = time.perf_counter()
            read_message("8", conversation.state, start + timedelta(minutes=40))
            rules_only.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            user = await storage.user(LIFTER)
            text = await summary_of(services, user, conversation.state, start + timedelta(hours=1))
            summaries.append(time.perf_counter() - begin)
            assert "Session done" in text, text
            await storage.save_conversation(LIFTER, LIFTER, State())  # as `done` or the idle sweep leaves it
    finally:
        await storage.close()
    return (
        f"conversation ({len(history):,} sets over 5 years): carry-forward set (`8`, `same`, `+2.5`...), "
        "whole handler path "
        f"{quantiles(carry)} (target p99 < 5 ms; its reading alone {quantiles(rules_only)}); "
        f"session summary {quantiles(summaries)} (target p99 < 50 ms)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(asyncio.run(measure(Path(folder) / "conversation.db")))


if __name__ == "__main__":
    main()
