"""A slow, dribbled or malformed Bot API answer costs one request its deadline, never the whole bot."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN, running_bot
from tests.waiting import eventually

ROOT = Path(__file__).resolve().parent.parent
ALICE, BOB = 8101, 8102


async def test_a_dribbled_get_updates_answer_is_cut_off_and_polling_goes_on(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    async with running_bot(bot_api, db_path, SETCOACH_TELEGRAM_TIMEOUT=0.5):
        await bot_api.send_text(ALICE, "squat 140kg 5")
        await bot_api.wait_for_replies(ALICE, 1)
        bot_api.dribble["getUpdates"] = [0.3]  # a byte every 0.3 s: each read beats its 0.5 s, the whole never ends
        await bot_api.send_text(ALICE, "bench 100kg 5")
        replies = await bot_api.wait_for_replies(ALICE, 2, timeout=20)
    assert "Bench Press" in replies[1]


async def test_a_slow_but_delivered_reply_is_not_sent_again(bot_api: FakeBotAPI, db_path: Path) -> None:
    async with running_bot(bot_api, db_path, SETCOACH_TELEGRAM_TIMEOUT=1.0):
        bot_api.delivered_late["sendMessage"] = [2.5]  # Telegram sent it; its answer is late
        await bot_api.send_text(ALICE, "squat 140kg 5")
        await bot_api.wait_for_replies(ALICE, 1)
        await bot_api.send_text(ALICE, "bench 100kg 5")
        replies = await bot_api.wait_for_replies(ALICE, 2, timeout=20)
        # A blind re-send, were there one, is out before the update it answers is confirmed.
        assert await eventually(bot_api.all_confirmed, 15), bot_api.confirmed_offset()
    assert sum("Back Squat" in reply for reply in bot_api.texts(ALICE)) == 1, bot_api.texts(ALICE)
    assert "Bench Press" in replies[1]


async def test_one_lifters_slow_upload_does_not_hold_another_lifters_reply(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    gate = bot_api.gates["sendDocument"] = asyncio.Event()
    async with running_bot(bot_api, db_path):
        await bot_api.send_text(ALICE, "squat 140kg 5")
        await bot_api.wait_for_replies(ALICE, 1)
        await bot_api.send_text(ALICE, "/export")
        await bot_api.wait_for(lambda: any(call.method == "sendDocument" for call in bot_api.calls))
        await bot_api.send_text(BOB, "bench 100kg 5")  # arrives while Alice's file is still uploading
        try:
            (reply,) = await bot_api.wait_for_replies(BOB, 1, timeout=10)
        finally:
            gate.set()
        assert "Bench Press" in reply  # answered while Alice's upload still hung at the gate
        await bot_api.wait_for(lambda: bool(bot_api.sent(ALICE, method="sendDocument")))


async def test_the_token_never_reaches_the_log_even_inside_a_library_error(
    bot_api: FakeBotAPI, tmp_path: Path
) -> None:
    """aiohttp's errors carry the request URL, and the URL carries the token."""
    bot_api.garble["getUpdates"] = 1  # logged as a warning
    bot_api.garble["getFile"] = 1  # not retried: the error, with its traceback, reaches the error handler
    log_path = tmp_path / "bot.log"
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url,
           "SETCOACH_DB": str(tmp_path / "x.db"), "SETCOACH_LOG_LEVEL": "DEBUG"}  # fmt: skip
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log
        )
    try:
        await bot_api.wait_for(lambda: bot_api.started() > 0, 30)
        await bot_api.send_document(ALICE, "strong.csv", b"Date,Exercise Name,Reps\n")
        await eventually(lambda: "error while handling an update" in log_path.read_text(), 30)  # the log says when
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 15)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    text = log_path.read_text()
    assert "Invalid character in Content-Length" in text  # the errors were logged...
    assert TOKEN not in text and TOKEN.split(":")[1] not in text  # ...without the token
