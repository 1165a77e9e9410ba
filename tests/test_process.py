"""The bot as a real process: clean stop on SIGTERM, nothing answered is lost on SIGKILL, no token in logs."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN
from tests.databases import Database

ROOT = Path(__file__).resolve().parent.parent
LIFTER = 3003
START_TIMEOUT = 30.0

Launcher = Callable[[], "asyncio.Future[asyncio.subprocess.Process]"]


@pytest.fixture
async def launch(bot_api: FakeBotAPI, database: Database, tmp_path: Path) -> AsyncIterator[Callable[..., object]]:
    """Start `python -m bot` against our server, on SQLite or PostgreSQL; returns the process once it has
    registered its commands."""
    processes: list[asyncio.subprocess.Process] = []
    log_path = tmp_path / "bot.log"

    async def start() -> asyncio.subprocess.Process:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url,
               **database.env(), "SETCOACH_LOG_LEVEL": "DEBUG"}  # fmt: skip
        ready = bot_api.started()
        with log_path.open("ab") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log
            )
        processes.append(process)
        await bot_api.wait_for(lambda: bot_api.started() > ready, START_TIMEOUT)
        return process

    start.log_path = log_path  # type: ignore[attr-defined]
    yield start
    for process in processes:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_sigterm_stops_cleanly_within_seconds_and_never_logs_the_token(
    launch: Callable[..., object], bot_api: FakeBotAPI
) -> None:
    process = await launch()  # type: ignore[misc]
    await bot_api.send_text(LIFTER, "bench 100kg 3x8 @8")
    await bot_api.wait_for_replies(LIFTER, 1)
    process.send_signal(signal.SIGTERM)
    code = await asyncio.wait_for(process.wait(), timeout=10)
    assert code == 0
    log = Path(launch.log_path).read_text()  # type: ignore[attr-defined]
    assert "SetCoach is up" in log and "SetCoach stopped" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


async def test_sigkill_mid_burst_loses_no_answered_set_and_restart_answers_the_rest(
    launch: Callable[..., object], bot_api: FakeBotAPI, database: Database
) -> None:
    process = await launch()  # type: ignore[misc]
    burst = 40
    for number in range(burst):
        await bot_api.send_text(LIFTER, f"leg press {100 + number}kg 10")
    await bot_api.wait_for_replies(LIFTER, burst // 4, timeout=30)
    process.kill()
    await process.wait()
    answered = {number for number in range(burst) if any(f"@ {100 + number} kg" in t for t in bot_api.texts(LIFTER))}
    assert answered, "the bot answered nothing before it was killed"
    stored = {int(row[0][2:].split(".")[0]) - 100 for row in database.rows("SELECT segments_json FROM sets")}
    assert answered <= stored, "a set was answered but not stored"

    await launch()  # type: ignore[misc]
    await bot_api.wait_for(
        lambda: all(any(f"@ {100 + n} kg" in t for t in bot_api.texts(LIFTER)) for n in range(burst)), timeout=30
    )
    rows = database.rows("SELECT segments_json FROM sets ORDER BY id")
    ((messages,),) = database.rows("SELECT count(*) FROM messages")
    assert sorted(int(row[0][2:].split(".")[0]) - 100 for row in rows) == list(range(burst))  # each stored once
    assert messages == burst
