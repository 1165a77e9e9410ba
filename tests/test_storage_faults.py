"""A write that fails is never confirmed: not to Telegram (the update comes back) and not to the lifter.

The faults are SQLite's own: a full disk (`max_page_count` reached), a read-only database
(`query_only`), a lock held longer than the busy timeout by another connection. While a fault lasts,
the update is not confirmed and is retried with backoff; the lifter is told the truth; once the fault
clears every message is stored once and answered once, each lifter's in the order sent.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN, running_application
from tests.waiting import eventually

ROOT = Path(__file__).resolve().parent.parent
LIFTERS = (5101, 5102)


@asynccontextmanager
async def bot_and_connection(bot_api: FakeBotAPI, db_path: Path) -> AsyncIterator[Any]:
    """The real bot, and its own SQLite connection (to set the fault on it, as the disk or OS would)."""
    async with running_application(bot_api, db_path, SETCOACH_TELEGRAM_TIMEOUT=2.0) as application:
        storage = application.bot_data["services"].storage
        yield storage._db  # the aiosqlite connection the bot writes through


def loads_stored(db_path: Path, lifter: int) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT text FROM messages WHERE user_id = ? ORDER BY id", (lifter,))]


def stored_message_ids(db_path: Path) -> set[tuple[int, int]]:
    with sqlite3.connect(db_path) as db:
        return {(row[0], row[1]) for row in db.execute("SELECT user_id, message_id FROM messages")}


async def send_sets(api: FakeBotAPI, count: int, first: int = 0) -> dict[int, list[str]]:
    sent: dict[int, list[str]] = {lifter: [] for lifter in LIFTERS}
    for number in range(first, first + count):
        for lifter in LIFTERS:
            text = f"leg press {100 + number}kg 10"
            await api.send_text(lifter, text)
            sent[lifter].append(text)
    return sent


def no_false_promises(api: FakeBotAPI, db_path: Path) -> None:
    """Nothing the bot said claims a message is kept unless it is."""
    for lifter in LIFTERS:
        for text in api.texts(lifter):
            assert "saved" not in text.lower() or "not saved" in text.lower(), text


async def all_logged(api: FakeBotAPI, sent: dict[int, list[str]], timeout: float = 30) -> None:
    def done() -> bool:
        return all(
            sum(f"@ {text.split()[2][:-2]} kg" in reply for reply in api.texts(lifter)) == 1
            for lifter, texts in sent.items()
            for text in texts
        )

    await api.wait_for(done, timeout)


@pytest.mark.parametrize(
    ("fault", "clear"),
    [
        pytest.param("PRAGMA max_page_count = {pages}", "PRAGMA max_page_count = 1073741823", id="disk-full"),
        pytest.param("PRAGMA query_only = 1", "PRAGMA query_only = 0", id="read-only"),
    ],
)
async def test_a_write_that_fails_is_neither_confirmed_nor_called_saved_and_is_retried(
    bot_api: FakeBotAPI, db_path: Path, fault: str, clear: str, caplog: pytest.LogCaptureFixture
) -> None:
    def not_stored() -> int:  # the bot's "update N not stored; ... retry in S s", once per failed try
        return sum("not stored" in record.getMessage() for record in caplog.records)

    caplog.set_level(logging.WARNING, logger="bot.telegram.polling")
    async with bot_and_connection(bot_api, db_path) as connection:
        await bot_api.send_text(LIFTERS[0], "bench 60kg 5")
        await bot_api.wait_for_replies(LIFTERS[0], 1)
        pages = (await (await connection.execute("PRAGMA page_count")).fetchone())[0]
        await connection.execute(fault.format(pages=pages))
        sent = await send_sets(bot_api, 12)
        await bot_api.wait_for(lambda: any("not saved" in t.lower() for t in bot_api.texts(LIFTERS[1])), 15)
        failed = not_stored()
        assert await eventually(lambda: not_stored() > failed, 15), "no retry while the fault lasted"
        confirmed_during_fault = bot_api.confirmed_offset()
        stored_during_fault = stored_message_ids(db_path)
        await connection.execute(clear)
        await all_logged(bot_api, sent)
    for lifter in LIFTERS:
        assert loads_stored(db_path, lifter)[-12:] == sent[lifter]  # once each, in order
    no_false_promises(bot_api, db_path)
    # Telegram was never told an update was done before it was stored.
    confirmed = [u["message"] for u in bot_api.pushed if u["update_id"] < confirmed_during_fault]
    assert len(confirmed) < len(bot_api.pushed), "the fault never bit"
    assert {(m["from"]["id"], m["message_id"]) for m in confirmed} <= stored_during_fault


async def test_a_lock_held_longer_than_the_busy_timeout_delays_but_loses_nothing(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    async with bot_and_connection(bot_api, db_path) as connection:
        await bot_api.send_text(LIFTERS[0], "bench 60kg 5")
        await bot_api.wait_for_replies(LIFTERS[0], 1)
        await connection.execute("PRAGMA busy_timeout = 100")
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            sent = await send_sets(bot_api, 3)
            await bot_api.wait_for(lambda: any("not saved" in t.lower() for t in bot_api.texts(LIFTERS[1])), 15)
        finally:
            other.execute("ROLLBACK")
            other.close()
        await all_logged(bot_api, sent)
    for lifter in LIFTERS:
        assert loads_stored(db_path, lifter)[-3:] == sent[lifter]
    no_false_promises(bot_api, db_path)


async def _run_bot(db: str, tmp_path: Path, bot_api: FakeBotAPI) -> tuple[int, str]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url, "SETCOACH_DB": db}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    try:
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, output.decode()


@pytest.mark.parametrize("kind", ["parent-is-a-file", "not-a-database"])
async def test_a_database_that_cannot_be_written_is_refused_at_start_with_a_clear_message(
    bot_api: FakeBotAPI, tmp_path: Path, kind: str
) -> None:
    if kind == "parent-is-a-file":
        (tmp_path / "plain-file").write_text("not a folder")
        db = str(tmp_path / "plain-file" / "setcoach.db")
    else:
        (tmp_path / "setcoach.db").write_bytes(b"this is not an SQLite database" * 100)
        db = str(tmp_path / "setcoach.db")
    code, output = await _run_bot(db, tmp_path, bot_api)
    assert code != 0
    assert "Traceback" not in output, output
    assert "cannot write its database" in output and db in output, output
    assert bot_api.sent(method="setMyCommands") == [] and not any(c.method == "getUpdates" for c in bot_api.calls)
