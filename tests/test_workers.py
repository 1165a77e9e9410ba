"""Several webhook workers behind a load balancer, sharing one PostgreSQL: each lifter's updates are handled
once and in order, whichever worker Telegram's POST reached (the shared inbox, claimed per lifter)."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN
from tests.databases import Database
from tests.test_webhook import ROOT, SECRET, free_port

WORKERS = 3
LIFTERS = 5
SETS_EACH = 8


@pytest.fixture
async def workers(bot_api: FakeBotAPI, postgres_server: object, tmp_path: Path) -> AsyncIterator[Database]:
    if isinstance(postgres_server, str):
        pytest.skip(f"no PostgreSQL server here: {postgres_server}")
    database = Database("postgres", tmp_path / "unused.db", postgres_server.database())  # type: ignore[attr-defined]
    processes, targets = [], []
    for number in range(WORKERS):
        port = free_port()
        targets.append(f"http://127.0.0.1:{port}/telegram")
        env = {**os.environ, **database.env(), "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url,
               "SETCOACH_WEBHOOK_URL": targets[-1], "SETCOACH_WEBHOOK_SECRET": SECRET, "PORT": str(port),
               "SETCOACH_HOST": "127.0.0.1"}  # fmt: skip
        with (tmp_path / f"worker{number}.log").open("wb") as log:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log
            )
        processes.append(process)
        await bot_api.wait_for(lambda n=number: len(bot_api.sent(method="setWebhook")) > n, 30)
    bot_api.webhook_targets = targets  # the load balancer: each POST to the next worker
    try:
        yield database
    finally:
        for process in processes:
            if process.returncode is None:
                process.kill()
                await process.wait()


async def test_three_workers_handle_each_lifters_sets_once_and_in_order(
    workers: Database, bot_api: FakeBotAPI
) -> None:
    for number in range(SETS_EACH):
        for lifter in range(1, LIFTERS + 1):
            await bot_api.send_text(9000 + lifter, f"leg press {100 + number}kg 10")
    for lifter in range(1, LIFTERS + 1):
        await bot_api.wait_for_replies(9000 + lifter, SETS_EACH, timeout=60)
    for lifter in range(1, LIFTERS + 1):
        replies = bot_api.texts(9000 + lifter)
        loads = [int(found.group(1)) for reply in replies if (found := re.search(r"@ (\d+) kg", reply))]
        assert loads == [100 + number for number in range(SETS_EACH)], replies  # once each, in the order sent
        assert workers.rows("SELECT count(*) FROM sets WHERE user_id = ?", (9000 + lifter,)) == [(SETS_EACH,)]
    ((handled_by,),) = workers.rows("SELECT count(DISTINCT claimed_by) FROM inbox")
    assert handled_by >= 2, "one worker did all the work: the test shows nothing about sharing"
