"""Webhook mode as a real process: `python -m bot` with SETCOACH_WEBHOOK_URL set, on both backends.

Our Bot API stand-in POSTs each update to the webhook as Telegram does (in order, the secret in a header,
again on anything but 200). The bot registers the webhook at start, answers what is posted to it,
refuses a wrong secret, keeps an update before it says 200, and says it is healthy at /healthz.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN
from tests.databases import Database
from tests.waiting import eventually

ROOT = Path(__file__).resolve().parent.parent
LIFTER = 4004
SECRET = "webhook-secret_42"
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class WebhookBot:
    process: asyncio.subprocess.Process
    url: str
    health: str
    log: Path


@pytest.fixture
async def webhook_bot(bot_api: FakeBotAPI, database: Database, tmp_path: Path) -> AsyncIterator[WebhookBot]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    env = {**os.environ, **database.env(), "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url,
           "SETCOACH_WEBHOOK_URL": url, "SETCOACH_WEBHOOK_SECRET": SECRET, "PORT": str(port),
           "SETCOACH_HOST": "127.0.0.1", "SETCOACH_LOG_LEVEL": "DEBUG"}  # fmt: skip
    log = tmp_path / "bot.log"
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out
        )
    try:
        await bot_api.wait_for(lambda: bool(bot_api.sent(method="setWebhook")), START_TIMEOUT)
        yield WebhookBot(process, url, f"http://127.0.0.1:{port}/healthz", log)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_webhook_mode_registers_answers_and_stops_cleanly(webhook_bot: WebhookBot, bot_api: FakeBotAPI) -> None:
    (registered,) = bot_api.sent(method="setWebhook")
    assert registered["url"] == webhook_bot.url and registered["secret_token"] == SECRET
    assert set(registered["allowed_updates"]) >= {"message", "edited_message", "callback_query"}
    await bot_api.send_text(LIFTER, "bench 100kg 3x8 @8")
    await bot_api.send_text(LIFTER, "squat 140kg 5")
    replies = await bot_api.wait_for_replies(LIFTER, 2, timeout=20)
    assert "Bench Press" in replies[0] and "Back Squat" in replies[1]  # in the order sent
    assert not bot_api.sent(method="getUpdates")  # no polling in webhook mode
    webhook_bot.process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(webhook_bot.process.wait(), timeout=15) == 0
    log = webhook_bot.log.read_text()
    assert "webhook mode" in log and TOKEN not in log and SECRET not in log


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_kept(
    webhook_bot: WebhookBot, bot_api: FakeBotAPI, database: Database
) -> None:
    update = {"update_id": 777_001, "message": bot_api._message(LIFTER, "bench 100kg 5", None)}
    async with aiohttp.ClientSession() as session:
        for headers in ({"X-Telegram-Bot-Api-Secret-Token": "guess"}, {}):
            async with session.post(webhook_bot.url, json=update, headers=headers) as answer:
                assert answer.status == 403
        async with session.get(webhook_bot.health) as answer:
            assert answer.status == 200 and (await answer.json())["ok"] is True
    assert database.rows("SELECT count(*) FROM inbox") == [(0,)]
    assert database.rows("SELECT count(*) FROM messages") == [(0,)]
    assert bot_api.texts(LIFTER) == []


async def test_an_update_is_stored_before_the_200(
    webhook_bot: WebhookBot, bot_api: FakeBotAPI, database: Database
) -> None:
    update = {"update_id": 777_002, "message": bot_api._message(LIFTER, "curl 15kg 12", None)}
    async with aiohttp.ClientSession() as session:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with session.post(webhook_bot.url, data=json.dumps(update), headers=headers) as answer:
            assert answer.status == 200
            stored = database.rows("SELECT update_id, user_id FROM inbox")  # read while the 200 is in hand
        async with session.post(webhook_bot.url, json=update, headers=headers) as again:  # Telegram re-sends
            assert again.status == 200
    assert stored == [(777_002, LIFTER)]
    (reply,) = await bot_api.wait_for_replies(LIFTER, 1, timeout=20)
    assert "Biceps Curl" in reply
    # The update is marked done right after its reply went out.
    await eventually(lambda: database.rows("SELECT count(*) FROM inbox WHERE done_at IS NULL") == [(0,)], 10)
    assert database.rows("SELECT update_id FROM inbox WHERE done_at IS NOT NULL") == [(777_002,)]
    assert database.rows("SELECT count(*) FROM messages WHERE user_id = ?", (LIFTER,)) == [(1,)]  # kept once
