"""Deployments as Telegram sees them: overlapping instances, a leftover webhook, another bot's database.

Real `python -m bot` processes against the Bot API stand-in, which answers getUpdates as Telegram
does: 409 while a webhook is set, and 409 to a long poll that a second poller terminates.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN, running_bot
from tests.waiting import eventually

ROOT = Path(__file__).resolve().parent.parent
LIFTERS = tuple(range(7001, 7021))  # 20 lifters
START_TIMEOUT = 30.0

Start = Callable[..., Awaitable[tuple[asyncio.subprocess.Process, Path]]]


@pytest.fixture
async def start_bot(bot_api: FakeBotAPI, db_path: Path, tmp_path: Path) -> AsyncIterator[Start]:
    """`python -m bot` against the stand-in; waits until it registered its commands, unless told not to."""
    processes: list[asyncio.subprocess.Process] = []

    async def start(
        token: str = TOKEN, name: str = "bot", wait: bool = True
    ) -> tuple[asyncio.subprocess.Process, Path]:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": bot_api.base_url,
               "SETCOACH_DB": str(db_path), "SETCOACH_LOG_LEVEL": "INFO"}  # fmt: skip
        log_path = tmp_path / f"{name}.log"
        ready = bot_api.started()
        with log_path.open("ab") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log
            )
        processes.append(process)
        if wait:
            await bot_api.wait_for(lambda: bot_api.started() > ready, START_TIMEOUT)
        return process, log_path

    yield start
    for process in processes:
        if process.returncode is None:
            process.kill()
            await process.wait()


def answered_once(api: FakeBotAPI, lifter: int, loads: list[int]) -> bool:
    replies = api.texts(lifter)
    return all(sum(f"@ {load} kg" in reply for reply in replies) == 1 for load in loads)  # not "(was N kg)"


async def test_two_instances_on_one_database_never_both_poll_and_each_set_is_answered_once(
    start_bot: Start, bot_api: FakeBotAPI, db_path: Path
) -> None:
    bot_api.conflicts = True
    first, _ = await start_bot(name="old")
    await bot_api.wait_for(lambda: any(call.method == "getUpdates" for call in bot_api.calls))  # it polls
    _, second_log = await start_bot(name="new")  # a deploy overlap: the new one starts before the old stops
    # It finds the lease held and waits (on a loaded machine its first look can come well after start-up).
    assert await eventually(lambda: "another SetCoach instance" in second_log.read_text(), 30)
    for lifter in LIFTERS:
        await bot_api.send_text(lifter, f"leg press {lifter - 6900}kg 10")
    await bot_api.wait_for(lambda: all(answered_once(bot_api, lifter, [lifter - 6900]) for lifter in LIFTERS), 30)
    first.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(first.wait(), 15) == 0
    for lifter in LIFTERS:
        await bot_api.send_text(lifter, f"leg press {lifter - 6800}kg 10")
    await bot_api.wait_for(
        lambda: all(answered_once(bot_api, lifter, [lifter - 6900, lifter - 6800]) for lifter in LIFTERS), 45
    )
    # A duplicate answer, were there one, is out before the update it answers is confirmed.
    assert await eventually(bot_api.all_confirmed, 15), bot_api.confirmed_offset()
    for lifter in LIFTERS:
        assert answered_once(bot_api, lifter, [lifter - 6900, lifter - 6800]), bot_api.texts(lifter)
    assert not [call for call in bot_api.calls if call.method == "getUpdates" and call.status == 409]
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM messages").fetchone()[0] == 2 * len(LIFTERS)
        assert db.execute("SELECT count(*) FROM sets").fetchone()[0] == 2 * len(LIFTERS)


async def test_a_second_bot_on_the_same_database_is_refused_at_start(
    start_bot: Start, bot_api: FakeBotAPI, db_path: Path
) -> None:
    first, _ = await start_bot()
    await bot_api.send_text(LIFTERS[0], "bench 100kg 5")
    await bot_api.wait_for_replies(LIFTERS[0], 1)
    first.send_signal(signal.SIGTERM)
    await asyncio.wait_for(first.wait(), 15)
    other, log_path = await start_bot(token="777000:ANOTHER-bot-token", name="other", wait=False)
    code = await asyncio.wait_for(other.wait(), START_TIMEOUT)
    output = log_path.read_text()
    assert code == 2, output
    assert "belongs to bot 123456" in output and "Traceback" not in output
    assert not [call for call in bot_api.calls if call.method == "getUpdates" and call.token.startswith("777000:")]


async def test_a_leftover_webhook_is_deleted_keeping_pending_updates_before_polling(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    bot_api.webhook_url = "https://old-deploy.example/hook"
    await bot_api.send_text(LIFTERS[0], "squat 140kg 5")  # waiting at Telegram while the webhook is set
    async with running_bot(bot_api, db_path):
        (reply,) = await bot_api.wait_for_replies(LIFTERS[0], 1)
    assert "Back Squat" in reply
    (deleted, *_) = bot_api.sent(method="deleteWebhook")
    assert str(deleted.get("drop_pending_updates", "false")).lower() == "false"


async def test_a_409_conflict_backs_off_says_why_and_then_polls_again(
    bot_api: FakeBotAPI, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(2):
        bot_api.fail_next("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only "
                          "one bot instance is running")  # fmt: skip
    with caplog.at_level(logging.WARNING):
        async with running_bot(bot_api, db_path):
            await bot_api.send_text(LIFTERS[0], "squat 140kg 5")
            (reply,) = await bot_api.wait_for_replies(LIFTERS[0], 1, timeout=15)
    assert "Back Squat" in reply
    assert "another instance is polling with this token" in caplog.text


async def test_a_404_on_get_updates_mid_run_is_retried_not_fatal(bot_api: FakeBotAPI, db_path: Path) -> None:
    async with running_bot(bot_api, db_path):
        await bot_api.send_text(LIFTERS[0], "squat 140kg 5")
        await bot_api.wait_for_replies(LIFTERS[0], 1)
        bot_api.fail_next("getUpdates", 404, "Not Found")
        await bot_api.send_text(LIFTERS[0], "bench 100kg 5")
        replies = await bot_api.wait_for_replies(LIFTERS[0], 2, timeout=15)
    assert "Bench Press" in replies[1]
