"""`python -m bot migrate-db --to $DATABASE_URL`: copy an SQLite database into an empty PostgreSQL one.

Both sides are first brought to the latest migration, so their tables match; then every table the two
share is copied column by column (booleans, moments and JSON converted to PostgreSQL's types), in one
transaction: the copy lands whole or not at all. Ids are kept, and each identity column continues after
the highest copied id. A PostgreSQL database that already holds lifters is refused, never merged into.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import psycopg
from psycopg.types.json import Jsonb

from bot.storage import POSTGRES_SCHEMES
from bot.storage.postgres import PostgresStorage
from bot.storage.sqlite import Storage

BATCH = 1000
SKIPPED = {"sqlite_sequence", "set_bests"}  # set_bests: PostgreSQL's trigger rebuilds it as the sets go in


class CopyRefused(Exception):
    """The copy would lose or mix data; the message says why and what to do."""


def _tables_in_dependency_order(db: sqlite3.Connection) -> list[str]:
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    tables = [table for table in tables if table not in SKIPPED and not table.startswith("sqlite_")]
    parents = {table: {row[2] for row in db.execute(f'PRAGMA foreign_key_list("{table}")')} for table in tables}
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] - {t} <= set(ordered)]
        if not ready:  # a cycle: keep the remaining tables in creation order
            ready = [t for t in tables if t not in ordered]
        ordered.extend(ready)
    return ordered


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "boolean":
        return bool(value)
    if kind.startswith("timestamp"):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if kind == "date":
        return date.fromisoformat(value) if isinstance(value, str) else value
    if kind in ("json", "jsonb"):
        return Jsonb(json.loads(value) if isinstance(value, str) else value)
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")  # PostgreSQL text cannot hold NUL
    return value


async def copy_sqlite_to_postgres(db_path: Path, url: str) -> dict[str, int]:
    """Rows copied per table. Raises CopyRefused when the source is missing or the target is not empty."""
    if not url.startswith(POSTGRES_SCHEMES):
        raise CopyRefused("--to takes a postgres:// or postgresql:// URL")
    if not db_path.exists():
        raise CopyRefused(f"there is no SQLite database at {db_path}")
    await (await Storage.open(db_path)).close()  # the source at the latest migration
    await (await PostgresStorage.open(url)).close()  # the target too: the same tables
    copied: dict[str, int] = {}
    with sqlite3.connect(db_path) as source:
        async with await psycopg.AsyncConnection.connect(url, prepare_threshold=None) as target, target.transaction():
            cursor = await target.execute("SELECT count(*) FROM users")
            found = await cursor.fetchone()
            if found and found[0]:
                raise CopyRefused(
                    f"the PostgreSQL database already holds {found[0]} lifters; copy into an empty database"
                )
            for table in _tables_in_dependency_order(source):
                columns_cursor = await target.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s",
                    (table,),
                )
                kinds = {name: kind for name, kind in await columns_cursor.fetchall()}
                if not kinds:
                    continue  # a table only SQLite has (none today)
                names = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")') if row[1] in kinds]
                quoted = ", ".join(f'"{name}"' for name in names)
                insert = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join(["%s"] * len(names))})'
                where = " WHERE key NOT IN ('opened_at', 'poller')" if table == "meta" else ""  # this process's own
                rows = source.execute(f'SELECT {quoted} FROM "{table}"{where}')
                count = 0
                while batch := rows.fetchmany(BATCH):
                    converted = [[_convert(v, kinds[n]) for v, n in zip(row, names, strict=True)] for row in batch]
                    async with target.cursor() as writer:
                        await writer.executemany(insert, converted)
                    count += len(batch)
                copied[table] = count
                if "id" in names:  # identity columns continue after the copied ids
                    await target.execute(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), max(id)) FROM \"{table}\" "
                        "WHERE pg_get_serial_sequence(%s, 'id') IS NOT NULL HAVING max(id) IS NOT NULL",
                        (f'"{table}"',),
                    )
    return copied


def run_copy(db_path: Path, url: str, out: TextIO) -> int:
    try:
        copied = asyncio.run(copy_sqlite_to_postgres(db_path, url))
    except CopyRefused as refused:
        out.write(f"Nothing copied: {refused}.\n")
        return 1
    except psycopg.OperationalError as error:
        out.write(f"Nothing copied: cannot reach PostgreSQL ({str(error).strip().splitlines()[0]}).\n")
        return 1
    total = ", ".join(f"{count} {table}" for table, count in copied.items())
    out.write(f"Copied {db_path} to PostgreSQL: {total}.\nSet DATABASE_URL to that URL and restart the bot.\n")
    return 0
