"""Our bot against a minimal python-telegram-bot echo bot: the same burst of 600 set messages from
50 lifters, on the same Bot API server. Prints both wall times and ours/echo (target <= 1.0), and
checks that no lifter's messages were answered out of order.

The server runs in its own process, as Telegram's does, twice: on bare loopback (no network
latency, so only CPU counts) and answering after 20 ms (a fast real network to Telegram). Both bots
run without a rate limiter: Telegram's ~30 messages/s cap makes 600 replies take ~20 s for any bot,
which would hide the pipeline's own cost. SetCoach talks to the Bot API over aiohttp (bot/telegram/http.py);
the echo bot is python-telegram-bot as it ships (httpx), and on bare loopback it is run a second
time on our transport, to show how much of the difference is the transport.
Run: python bench/throughput.py
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.http import AiohttpRequest  # noqa: E402
from bot.telegram.polling import polling_in_background  # noqa: E402

LIFTERS = 50
PER_LIFTER = 12  # 600 messages
EXERCISES = ["bench {}kg 3x8 @8", "lat raise {}kg 12+4+3 rir1", "squat {}kg 5", "curl {}/10/8kg 10+8+6",
             "leg press {}kg 10 > leg ext 40kg 15 rir0", "row 3x10 {}kg"]  # fmt: skip


def message(lifter: int, number: int) -> str:
    return EXERCISES[number % len(EXERCISES)].format(20 + number)


class Server:
    """The Bot API server in its own process (like Telegram's, it does not share our CPU)."""

    def __init__(self, latency_ms: float = 0.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.botapi", str(latency_ms)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        words = self.process.stdout.readline().split()
        self.base_url = f"http://127.0.0.1:{words[1]}/bot"
        self.control = f"http://127.0.0.1:{words[3]}"
        self.client: httpx.AsyncClient | None = None

    async def call(self, method: str, path: str, body: object = None) -> Any:
        if self.client is None:  # one client per event loop: building one loads TLS certificates
            self.client = httpx.AsyncClient(timeout=130)  # /wait answers within 120 s (a reply behind 1,000 prompts)
        response = await self.client.request(method, f"{self.control}{path}", json=body)
        return response.json()

    async def close_client(self) -> None:
        if self.client is not None:
            await self.client.aclose()
            self.client = None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


async def burst(server: Server) -> float:
    """Push all 600 updates at once; the wall time until every one is answered."""
    await server.call("POST", "/reset")
    messages = [
        {"user": lifter, "text": message(lifter, number)}
        for number in range(PER_LIFTER)
        for lifter in range(1, LIFTERS + 1)
    ]
    start = time.perf_counter()
    await server.call("POST", "/push", {"messages": messages})
    while (await server.call("GET", "/sent"))["count"] < len(messages):
        await asyncio.sleep(0.05)
    return time.perf_counter() - start


async def echo_bot(server: Server, transport: str = "httpx") -> float:
    """The baseline: python-telegram-bot's own echo example, as it ships (httpx), or on our aiohttp transport."""

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    builder: Any = ApplicationBuilder().token("1:echo").base_url(server.base_url)
    if transport == "aiohttp":
        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(pool_size=1))
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        await application.start()
        elapsed = await burst(server)
        await application.updater.stop()
        await application.stop()
    await server.close_client()
    return elapsed


async def in_order(server: Server) -> bool:
    texts: dict[str, list[str]] = (await server.call("GET", "/sent?texts=1"))["texts"]
    loads = [f"{20 + number}" for number in range(PER_LIFTER)]
    for replies in texts.values():
        positions = [next(i for i, load in enumerate(loads) if f" {load} kg" in t or f" {load}/" in t) for t in replies]
        if positions != sorted(positions):
            return False
    return True


async def our_bot(server: Server) -> tuple[float, bool]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            TELEGRAM_BOT_TOKEN="1:ours", TELEGRAM_BASE_URL=server.base_url, SETCOACH_DB=Path(folder) / "t.db",
            SETCOACH_RATE_LIMIT=False,
        )  # fmt: skip
        async with polling_in_background(build_application(settings), timeout=1):
            elapsed = await burst(server)
    ordered = await in_order(server)
    await server.close_client()
    return elapsed, ordered


def compare(latency_ms: float, rounds: int) -> str:
    """Each bot `rounds` times, taking turns (so a noisy moment on the machine hits both); medians."""
    server = Server(latency_ms)
    echoes: list[float] = []
    ours_times: list[float] = []
    same_transport: list[float] = []
    ordered = True
    try:
        for _ in range(rounds):
            echoes.append(asyncio.run(echo_bot(server)))
            ours, kept = asyncio.run(our_bot(server))
            ours_times.append(ours)
            ordered = ordered and kept
            if not latency_ms:
                same_transport.append(asyncio.run(echo_bot(server, "aiohttp")))
    finally:
        server.stop()
    echo, ours = statistics.median(echoes), statistics.median(ours_times)
    where = "loopback, no network latency" if not latency_ms else f"{latency_ms:g} ms per Bot API answer"
    line = (
        f"throughput ({where}): {LIFTERS * PER_LIFTER} messages from {LIFTERS} lifters, median of {rounds}: "
        f"echo bot {echo:.2f} s, SetCoach {ours:.2f} s, ratio ours/echo {ours / echo:.2f} "
        f"(extremes {min(ours_times) / max(echoes):.2f} to {max(ours_times) / min(echoes):.2f}); "
        f"per-lifter order kept: {ordered}"
    )
    if same_transport:  # how much of the lead is the transport: the echo bot on ours
        transport = statistics.median(same_transport)
        line += f"\nthroughput ({where}): echo bot on SetCoach's aiohttp transport {transport:.2f} s"
    return line


def main() -> None:
    print(compare(0, rounds=3))
    print(compare(20, rounds=1))  # 15 s for the echo bot alone; one round tells the story


if __name__ == "__main__":
    main()
