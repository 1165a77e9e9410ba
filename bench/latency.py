"""Update-to-reply latency through the real Application, HTTP and SQLite (the tests' Bot API server).

Messages go one after another, as fast as replies come: with the rate limiter on, that is faster
than Telegram's 30 messages/s, so the limiter paces them (~33 ms); the pipeline figure has it off.

Run: python bench/latency.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings
from bot.telegram.app import build_application
from bot.telegram.polling import polling_in_background
from tests.botapi import FakeBotAPI

MESSAGES = ["bench 100kg 3x8 @8", "lat raise 20kg 12+4+3 RIR1", "curl 20/15/10kg 10+8+6",
            "bench 80kg 8 > cable fly 15kg 15 rir0", "squat 100kg AMRAP 9"]  # fmt: skip
ROUNDS = 40
LIFTER = 77


async def measure(rate_limit: bool) -> list[float]:
    server = FakeBotAPI()
    await server.start()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            TELEGRAM_BOT_TOKEN="1:bench", TELEGRAM_BASE_URL=server.base_url, SETCOACH_DB=Path(folder) / "bench.db",
            SETCOACH_RATE_LIMIT=rate_limit,
        )  # fmt: skip
        latencies: list[float] = []
        async with polling_in_background(build_application(settings), timeout=5):
            for number in range(ROUNDS * len(MESSAGES)):
                start = time.perf_counter()
                await server.send_text(LIFTER, MESSAGES[number % len(MESSAGES)])
                await server.wait_for_replies(LIFTER, number + 1)
                latencies.append(time.perf_counter() - start)
    await server.stop()
    return latencies


def main() -> None:
    for rate_limit, label in ((False, "pipeline"), (True, "with Telegram's 30 msg/s rate limiter")):
        latencies = sorted(asyncio.run(measure(rate_limit)))
        p50 = statistics.median(latencies) * 1000
        p99 = latencies[int(len(latencies) * 0.99)] * 1000
        print(f"latency ({label}): update-to-reply p50 {p50:.1f} ms, p99 {p99:.1f} ms over {len(latencies)} messages")


if __name__ == "__main__":
    main()
