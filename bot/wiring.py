"""The one place storage is opened and the handlers' ports are filled with real adapters.

Every front-end (console, Telegram, the CLI's import and export) gets its `Services` from here, so a
second backend is chosen here and nowhere else. Tests hand handlers their own `Services` instead.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.charts import MatplotlibCharts
from bot.i18n import install_translations
from bot.storage import Backend, Frontend, open_backend
from handlers.base import Services, utc_now


@dataclass(frozen=True)
class Wiring:
    """An open backend and the services built on it; close it once, when the front-end stops."""

    backend: Backend
    services: Services

    @classmethod
    async def open(
        cls,
        db_path: Path,
        frontend: Frontend,
        clock: Callable[[], datetime] = utc_now,
        database_url: str | None = None,
    ) -> Wiring:
        """PostgreSQL when `database_url` is given (DATABASE_URL), else the SQLite file at `db_path`; for
        `frontend`, whose lifters' prompts and pings its sweeps claim (several may share one database)."""
        install_translations()  # the message catalogues, for every front-end
        backend = await open_backend(database_url, db_path, frontend)
        return cls(backend, Services(storage=backend, charts=MatplotlibCharts(), clock=clock))

    async def close(self) -> None:
        await self.backend.close()


@asynccontextmanager
async def wired(
    db_path: Path, frontend: Frontend, clock: Callable[[], datetime] = utc_now, database_url: str | None = None
) -> AsyncIterator[Wiring]:
    """`async with wired(path, frontend) as wiring:` for front-ends that run inside one block."""
    wiring = await Wiring.open(db_path, frontend, clock, database_url)
    try:
        yield wiring
    finally:
        await wiring.close()


def started() -> None:
    """Call once a front-end is up: what is alive then (modules, classes, pydantic's validators, the message
    catalogues, the open backend: ~80,000 objects) lives as long as the process, so it is moved out of the
    garbage collector's generations (`gc.freeze`). Otherwise every full collection walks all of it again,
    tens of milliseconds (~100 ms at load average 5 on 2 cores) inside whichever lifter's reply triggered
    it: that was most of a logged set's p99 (bench/conversation.py). Garbage is collected first, so none
    of it is kept; objects made later are collected as before, and frozen ones are still freed when their
    last reference goes (only a cycle among them would stay). Once a process: a second front-end started
    in it (the tests start hundreds) finds the first's start-up frozen already and pays no full walk."""
    if gc.get_freeze_count():
        return
    gc.collect()
    gc.freeze()
