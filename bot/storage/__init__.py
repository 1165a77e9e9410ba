"""The lifter's data: one module per backend, the public names here.

`Backend` (contract.py) is what every backend provides: the handlers' `Store` port plus the
check-in sweep's calls. `Storage` is the SQLite backend (sqlite.py), the default; `PostgresStorage`
(postgres.py) is chosen by DATABASE_URL; both build on common.py (group commit, rows as models, the
calls that do not depend on the dialect). Handlers never see a backend class; the composition root
opens one once (`open_backend`) and hands it in as a `Store`.
"""

from __future__ import annotations

from pathlib import Path

from bot.storage.common import GroupWrite
from bot.storage.contract import Backend, Claim, Frontend
from bot.storage.sqlite import MIGRATIONS, Storage
from handlers.ports import StoredMessage

__all__ = [
    "MIGRATIONS", "Backend", "Claim", "Frontend", "GroupWrite", "Storage", "StoredMessage", "describe", "open_backend",
]

POSTGRES_SCHEMES = ("postgres://", "postgresql://")


async def open_backend(
    database_url: str | None, db_path: Path | str, frontend: Frontend = Frontend.TELEGRAM
) -> Backend:
    """PostgreSQL when a DATABASE_URL is given (postgres:// or postgresql://), else the SQLite file; opened
    for `frontend` (whose lifters it stamps and whose due work it claims)."""
    if database_url:
        if not database_url.startswith(POSTGRES_SCHEMES):
            raise ValueError("DATABASE_URL must start with postgres:// or postgresql:// (unset it to use SQLite)")
        from bot.storage.postgres import PostgresStorage  # psycopg loads only when it is used

        return await PostgresStorage.open(database_url, frontend=frontend)
    return await Storage.open(db_path, frontend=frontend)


def describe(database_url: str | None, db_path: Path | str) -> str:
    """Where the data is, for a log line: never the password."""
    if database_url:
        from psycopg.conninfo import conninfo_to_dict

        try:
            parts = conninfo_to_dict(database_url)
        except Exception:
            return "PostgreSQL"
        return f"PostgreSQL {parts.get('host', '')}:{parts.get('port', 5432)}/{parts.get('dbname', '')}"
    return str(db_path)


def _sqlite_is_a_backend(storage: Storage) -> Backend:
    return storage  # mypy checks here that Storage provides every call of the contract
