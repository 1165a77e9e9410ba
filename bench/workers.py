"""Webhook workers sharing one PostgreSQL: sets answered per second with 1, 2 and 3 worker processes.

The Bot API stand-in posts 300 updates from 30 lifters to the workers in turn (one POST at a time, as one
Telegram connection does) and the clock stops when every set has its reply; each lifter's order is checked.
On 2 cores more workers mostly add contention: the figure shows the sharing works, not a speed-up.

Run: python bench/workers.py
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import pgserver
from tests.botapi import FakeBotAPI
from tests.test_webhook import SECRET, free_port

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token"
LIFTERS, SETS_EACH = 30, 10


async def run(workers: int, url: str) -> float:
    api = FakeBotAPI()
    await api.start()
    processes, targets = [], []
    try:
        for number in range(workers):
            port = free_port()
            targets.append(f"http://127.0.0.1:{port}/telegram")
            env = {**os.environ, "DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": api.base_url,
                   "SETCOACH_WEBHOOK_URL": targets[-1], "SETCOACH_WEBHOOK_SECRET": SECRET, "PORT": str(port),
                   "SETCOACH_HOST": "127.0.0.1", "SETCOACH_RATE_LIMIT": "false",
                   "SETCOACH_LOG_LEVEL": "WARNING"}  # fmt: skip
            quiet = asyncio.subprocess.DEVNULL
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=quiet, stdout=quiet, stderr=quiet
            )
            processes.append(process)
            await api.wait_for(lambda n=number + 1: len(api.sent(method="setWebhook")) >= n, 60)
        api.webhook_targets = targets
        started = time.perf_counter()
        for number in range(SETS_EACH):
            for lifter in range(1, LIFTERS + 1):
                await api.send_text(lifter, f"leg press {100 + number}kg 10")
        for lifter in range(1, LIFTERS + 1):
            await api.wait_for_replies(lifter, SETS_EACH, timeout=300)
        elapsed = time.perf_counter() - started
        for lifter in range(1, LIFTERS + 1):
            loads = [int(m.group(1)) for t in api.texts(lifter) if (m := re.search(r"@ (\d+) kg", t))]
            assert loads == [100 + n for n in range(SETS_EACH)], f"lifter {lifter} out of order: {loads}"
        return LIFTERS * SETS_EACH / elapsed
    finally:
        for process in processes:
            process.kill()
            await process.wait()
        await api.stop()


def main() -> None:
    try:
        server = pgserver.start()
    except pgserver.Unavailable as why:
        print(f"workers: skipped ({why})")
        return
    try:
        figures = [f"{n} worker{'s' if n > 1 else ''} {asyncio.run(run(n, server.database())):,.0f} sets/s"
                   for n in (1, 2, 3)]  # fmt: skip
    finally:
        server.stop()
    print(f"webhook workers on one PostgreSQL, {LIFTERS * SETS_EACH} sets, order kept: " + ", ".join(figures))


if __name__ == "__main__":
    main()
