"""Shared fixtures: a real SQLite file, the tests' own Bot API server, the real Application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.charts import MatplotlibCharts
from bot.config import Settings
from bot.storage import Storage
from bot.telegram.app import build_application
from bot.telegram.polling import polling_in_background
from handlers.base import Services
from tests.botapi import FakeBotAPI

TOKEN = "123456:TEST-token-never-logged"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "setcoach.db"


@pytest.fixture
async def storage(db_path: Path) -> AsyncIterator[Storage]:
    opened = await Storage.open(db_path)
    try:
        yield opened
    finally:
        await opened.close()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))


@pytest.fixture
def services(storage: Storage, clock: Clock) -> Services:
    return Services(storage=storage, charts=MatplotlibCharts(), clock=clock)


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def running_application(bot_api: FakeBotAPI, db_path: Path, **settings: object) -> AsyncIterator[Any]:
    """The real Application polling our server; the body gets the Application (for its storage)."""
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, SETCOACH_DB=db_path, **settings)
    application = build_application(config)
    async with polling_in_background(application, timeout=1):
        yield application


@asynccontextmanager
async def running_bot(bot_api: FakeBotAPI, db_path: Path, **settings: object) -> AsyncIterator[FakeBotAPI]:
    """The real Application, long polling our server, run as `python -m bot` runs it."""
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, SETCOACH_DB=db_path, **settings)
    async with polling_in_background(build_application(config), timeout=1):
        yield bot_api


@pytest.fixture
async def telegram_bot(bot_api: FakeBotAPI, db_path: Path) -> AsyncIterator[FakeBotAPI]:
    async with running_bot(bot_api, db_path) as api:
        yield api
