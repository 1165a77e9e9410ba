"""Shared fixtures: a real SQLite file, the tests' own Bot API server, the real Application."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.charts import MatplotlibCharts
from bot.config import Settings
from bot.storage import Backend
from bot.telegram.app import build_application
from bot.telegram.polling import polling_in_background
from handlers.base import Services
from tests import pgserver
from tests.botapi import FakeBotAPI
from tests.databases import Database

TOKEN = "123456:TEST-token-never-logged"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "setcoach.db"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[pgserver.Server | str]:
    """One throwaway PostgreSQL for the session (started on first use), or why there can be none. Under
    `pytest -n`, each worker's session has its own cluster, in a directory named after the worker (gw0,
    gw1, ...) and on a free port of its own."""
    try:
        server = pgserver.start(name=os.environ.get("PYTEST_XDIST_WORKER", ""))
    except pgserver.Unavailable as why:
        yield str(why)
        return
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, db_path: Path) -> Database:
    """Each test that takes this runs on both backends, PostgreSQL in a fresh database of its own."""
    if request.param == "sqlite":
        return Database("sqlite", db_path)
    server = request.getfixturevalue("postgres_server")
    if isinstance(server, str):
        if os.environ.get("CI"):  # CI installs it (.ci/run): a skip there would hide a broken backend
            pytest.fail(f"no PostgreSQL server in CI: {server}")
        pytest.skip(f"no PostgreSQL server here: {server}")
    return Database("postgres", db_path, server.database())


@pytest.fixture
async def storage(database: Database) -> AsyncIterator[Any]:
    """The backend under test, opened: SQLite or PostgreSQL (every test that takes it runs on both)."""
    opened = await database.open()
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
def services(storage: Backend, clock: Clock) -> Services:
    return Services(storage=storage, charts=MatplotlibCharts(), clock=clock)


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def where(db: Path | Database) -> dict[str, object]:
    """Settings that point the bot at an SQLite file or at a test `Database` (either backend)."""
    return db.settings() if isinstance(db, Database) else {"SETCOACH_DB": db}


@asynccontextmanager
async def running_application(bot_api: FakeBotAPI, db_path: Path | Database, **settings: object) -> AsyncIterator[Any]:
    """The real Application polling our server; the body gets the Application (for its storage)."""
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, **where(db_path), **settings)
    application = build_application(config)
    async with polling_in_background(application, timeout=1):
        yield application


@asynccontextmanager
async def running_bot(bot_api: FakeBotAPI, db_path: Path | Database, **settings: object) -> AsyncIterator[FakeBotAPI]:
    """The real Application, long polling our server, run as `python -m bot` runs it (SQLite or a `Database`)."""
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, **where(db_path), **settings)
    async with polling_in_background(build_application(config), timeout=1):
        yield bot_api


@pytest.fixture
async def telegram_bot(bot_api: FakeBotAPI, db_path: Path) -> AsyncIterator[FakeBotAPI]:
    async with running_bot(bot_api, db_path) as api:
        yield api
