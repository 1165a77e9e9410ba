"""The 09:00 rush: 1,000 check-in prompts due at once while lifters keep logging sets.

Prints the prompts' pace and the lifters' reply latency (push to reply, p50/p99) during the rush,
with the bot as deployed (rate limiter on, prompts paced at SETCOACH_PROMPTS_PER_SECOND, 20/s) and,
for comparison, unpaced (SETCOACH_PROMPTS_PER_SECOND=0, as before issue 17: every prompt handed to the
rate limiter at once, so a reply queued behind them). Target: reply p99 under 1 s while 1,000 prompts go out.
The Bot API server runs in its own process (bench/throughput.py's Server).
Run: python bench/checkin_rush.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.throughput import Server  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.storage import Storage  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.polling import polling_in_background  # noqa: E402

PROMPTS = 1000
LIFTERS = range(1, 11)  # ten lifters logging sets through the rush
EVERY_S = 0.25  # one set every quarter second, from one lifter after another


async def enrol(path: Path) -> None:
    storage = await Storage.open(path)
    due = datetime.now(UTC) - timedelta(minutes=1)
    try:
        for user_id in range(100_000, 100_000 + PROMPTS):
            await storage.user(user_id, user_id, due)
            await storage.update_user(user_id, timezone="UTC", checkins_on=True, next_checkin_utc=due)
    finally:
        await storage.close()


async def rush(server: Server, paced: bool) -> tuple[float, list[float]]:
    """Seconds until every prompt is out, and each set's reply latency meanwhile."""
    await server.call("POST", "/reset")
    latencies: list[float] = []
    sent_per_lifter = dict.fromkeys(LIFTERS, 0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rush.db"
        await enrol(path)
        pace = Settings.model_fields["prompts_per_second"].default if paced else 0.0
        settings = Settings(
            TELEGRAM_BOT_TOKEN="1:rush", TELEGRAM_BASE_URL=server.base_url, SETCOACH_DB=path,
            SETCOACH_PROMPTS_PER_SECOND=pace,
        )  # fmt: skip
        async with polling_in_background(build_application(settings), timeout=1):
            while (await server.call("GET", "/sent"))["count"] == 0:  # the sweep has begun
                await asyncio.sleep(0.01)
            start = time.perf_counter()

            async def one_set(lifter: int, number: int) -> None:
                sent_per_lifter[lifter] += 1
                expected = sent_per_lifter[lifter]
                began = time.perf_counter()
                await server.call("POST", "/push", {"messages": [{"user": lifter, "text": f"bench {60 + number}kg 5"}]})
                await server.call("GET", f"/wait?chat={lifter}&count={expected}")
                latencies.append(time.perf_counter() - began)

            sets: list[asyncio.Task[None]] = []
            number = 0
            while (await server.call("GET", "/sent"))["count"] < PROMPTS + len(sets):
                lifter = LIFTERS[number % len(LIFTERS)]
                sets.append(asyncio.create_task(one_set(lifter, number)))
                number += 1
                await asyncio.sleep(EVERY_S)
            elapsed = time.perf_counter() - start
            await asyncio.gather(*sets)
        await server.close_client()
    return elapsed, latencies


def line(name: str, elapsed: float, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"checkin rush ({name}): {PROMPTS:,} prompts in {elapsed:.1f} s ({PROMPTS / elapsed:.0f}/s); "
        f"{len(latencies)} sets logged meanwhile, reply p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {p99 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms (target p99 < 1000 ms)"
    )


def main() -> None:
    server = Server()
    try:
        for name, paced in (("paced, as deployed", True), ("unpaced, as before", False)):
            elapsed, latencies = asyncio.run(rush(server, paced))
            print(line(name, elapsed, latencies), flush=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
