"""The one place storage is opened and the handlers' ports are filled with real adapters.

Every front-end (console, Telegram, the CLI's import and export) gets its `Services` from here, so a
second backend is chosen here and nowhere else. Tests hand handlers their own `Services` instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.charts import MatplotlibCharts
from bot.i18n import install_translations
from bot.storage import Backend, open_backend
from handlers.base import Services, utc_now


@dataclass(frozen=True)
class Wiring:
    """An open backend and the services built on it; close it once, when the front-end stops."""

    backend: Backend
    services: Services

    @classmethod
    async def open(
        cls, db_path: Path, clock: Callable[[], datetime] = utc_now, database_url: str | None = None
    ) -> Wiring:
        """PostgreSQL when `database_url` is given (DATABASE_URL), else the SQLite file at `db_path`."""
        install_translations()  # the message catalogues, for every front-end
        backend = await open_backend(database_url, db_path)
        return cls(backend, Services(storage=backend, charts=MatplotlibCharts(), clock=clock))

    async def close(self) -> None:
        await self.backend.close()


@asynccontextmanager
async def wired(
    db_path: Path, clock: Callable[[], datetime] = utc_now, database_url: str | None = None
) -> AsyncIterator[Wiring]:
    """`async with wired(path) as wiring:` for front-ends that run inside one block."""
    wiring = await Wiring.open(db_path, clock, database_url)
    try:
        yield wiring
    finally:
        await wiring.close()
