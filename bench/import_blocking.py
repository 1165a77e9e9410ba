"""A big Strong CSV import while another lifter logs sets: does the import hold their replies?

Lifter A sends a 2.6 MB export (40 workouts, 40,000 rows); lifter B sends a set every 0.1 s until A's
import is answered. Prints the import's duration and B's reply latency meanwhile (p50, max) and the
event loop's longest stall. Before issue 17 the file was read on the event loop: every reply waited
for it (4.9 MB: 18-27 s). Run: python bench/import_blocking.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.polling import polling_in_background  # noqa: E402
from tests.botapi import FakeBotAPI  # noqa: E402

IMPORTER, LIFTER = 1, 2
HEADER = "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Distance,Distance Unit,Seconds,Notes\n"


def big_export() -> bytes:
    rows = [f"2026-01-{1 + w % 28:02d} 18:00:00,Day {w},Bench Press (Barbell),{i % 5 + 1},{60 + i % 40},kg,"
            f"{5 + i % 5},8,,,,\n" for w in range(40) for i in range(1000)]  # fmt: skip
    return (HEADER + "".join(rows)).encode()


async def stalls(stop: asyncio.Event, worst: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(0.01)
        worst[0] = max(worst[0], loop.time() - before - 0.01)


async def measure() -> tuple[float, list[float], float]:
    api = FakeBotAPI()
    await api.start()
    content = big_export()
    latencies: list[float] = []
    worst = [0.0]
    try:
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(TELEGRAM_BOT_TOKEN="1:import", TELEGRAM_BASE_URL=api.base_url,
                                SETCOACH_DB=Path(folder) / "i.db", SETCOACH_RATE_LIMIT=False)  # fmt: skip
            async with polling_in_background(build_application(settings), timeout=1):
                await api.send_text(LIFTER, "bench 60kg 5")
                await api.wait_for_replies(LIFTER, 1)
                stop = asyncio.Event()
                watcher = asyncio.create_task(stalls(stop, worst))
                start = time.perf_counter()
                await api.send_document(IMPORTER, "strong.csv", content)
                number = 0
                while not api.texts(IMPORTER):
                    number += 1
                    began = time.perf_counter()
                    await api.send_text(LIFTER, f"bench {60 + number}kg 5")
                    await api.wait_for_replies(LIFTER, number + 1, timeout=120)
                    latencies.append(time.perf_counter() - began)
                    await asyncio.sleep(0.1)
                elapsed = time.perf_counter() - start
                stop.set()
                await watcher
    finally:
        await api.stop()
    return elapsed, latencies, worst[0]


def main() -> None:
    elapsed, latencies, worst = asyncio.run(measure())
    print(
        f"import blocking: 2.6 MB Strong CSV (40,000 rows) imported in {elapsed:.1f} s; another lifter's "
        f"{len(latencies)} sets meanwhile: reply p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms; longest event-loop stall {worst * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
