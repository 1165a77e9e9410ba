"""One test, both backends: the `database` fixture (conftest.py) gives each test SQLite or PostgreSQL.

`Database.rows` lets a test look at the stored rows directly, with one SQL text for both backends
(`?` placeholders); values come back as SQLite would give them (booleans as 0/1, JSON as text,
moments as UTC ISO text), so an assertion reads the same on both.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.storage import Backend, Frontend, open_backend


def _as_sqlite(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return value


@dataclass(frozen=True)
class Database:
    kind: str  # "sqlite" or "postgres"
    path: Path  # the SQLite file (and, on both, where charts and files go)
    url: str | None = None  # PostgreSQL's URL

    def settings(self) -> dict[str, object]:
        """Settings(...) keyword arguments that point the bot here."""
        return {"SETCOACH_DB": self.path, **({"DATABASE_URL": self.url} if self.url else {})}

    def env(self) -> dict[str, str]:
        """Environment variables that point `python -m bot` here."""
        return {"SETCOACH_DB": str(self.path), **({"DATABASE_URL": self.url} if self.url else {})}

    async def open(self, frontend: Frontend = Frontend.TELEGRAM) -> Backend:
        return await open_backend(self.url, self.path, frontend)

    def rows(self, sql: str, params: tuple[object, ...] | list[object] = ()) -> list[tuple[Any, ...]]:
        if self.url is None:
            with sqlite3.connect(self.path) as db:
                return [tuple(row) for row in db.execute(sql, params)]
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            cursor = db.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
            return [tuple(_as_sqlite(value) for value in row) for row in cursor.fetchall()]

    def execute(self, sql: str, params: tuple[object, ...] | list[object] = ()) -> None:
        if self.url is None:
            with sqlite3.connect(self.path) as db:
                db.execute(sql, params)
            return
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            db.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
