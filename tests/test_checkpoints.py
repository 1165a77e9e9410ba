"""SQLite's write-ahead log is copied into the database file in the background, a moment after writes, so no
lifter's reply waits for a checkpoint (bench/conversation.py measures the reply path), and the log never grows
without bound."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.storage import Storage
from bot.storage.sqlite import CHECKPOINT_AFTER_S

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
NOTE = "paused reps, felt strong " * 80  # ~2 KB a message: 300 of them are ~150 pages, far under the backstop


async def test_writes_reach_the_database_file_soon_after_without_a_reply_waiting(tmp_path: Path) -> None:
    path = tmp_path / "setcoach.db"
    storage = await Storage.open(path)
    try:
        await storage.user(1, 1, NOW)
        await asyncio.sleep(CHECKPOINT_AFTER_S * 1.5)  # what opening wrote is copied first
        before = path.stat().st_size
        for message_id in range(300):
            await storage.record_message(1, 1, message_id, f"bench 100kg 5 {NOTE}", NOW)
        assert path.stat().st_size == before  # written to the log only: no reply paid for a checkpoint
        deadline = time.monotonic() + CHECKPOINT_AFTER_S + 5
        while path.stat().st_size == before and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert path.stat().st_size > before + 300 * len(NOTE) // 2
    finally:
        await storage.close()


async def test_closing_while_a_checkpoint_is_due_closes_at_once(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "setcoach.db")
    await storage.user(1, 1, NOW)  # a write: a checkpoint is now due
    began = time.monotonic()
    await storage.close()
    assert time.monotonic() - began < CHECKPOINT_AFTER_S

