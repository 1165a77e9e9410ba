"""A hostile lifter at every entry point: replies stay valid Telegram HTML, nothing raises, and no
other lifter's data changes."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.charts import MatplotlibCharts
from bot.storage import Storage
from handlers.base import Incoming, Reply, Services
from handlers.router import COMMANDS, handle_callback, handle_edit, handle_text
from tests.botapi import html_problem

ATTACKER, VICTIM = 666, 777
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
NASTY = [
    "'; DROP TABLE sets; --", "1 OR 1=1", "<b>bold</b>", "<script>alert(1)</script>", "&amp; &lt; & < >",
    "\u202ebench 100kg 8", "بنش 100kg 8", "ベンチ 100kg 8", "x" * 10_000, "\x00\x01\x1b[31mred", "😀" * 300,
    "bench " + "9" * 5000, "bench 100kg 8 > " * 50, "@" * 100, "+" * 100, "/" * 50, "%s%s%n", "${jndi:x}",
    "elbow 99, chest -5", "\n" * 100, "bench\u200b100kg\u200b8", "ＢＥＮＣＨ　１００ｋｇ　８",
]  # fmt: skip
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(NASTY),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["bench 100kg ", "curl ", "/ask ", "elbow ", "rest-pause or "]),
        st.text(max_size=80),
    ),
)
ENTRY = st.sampled_from(["text", "command", "callback", "checkin", "edit", "question"])
STEP = st.tuples(ENTRY, HOSTILE, st.sampled_from(sorted(COMMANDS)))


def snapshot(db_path: Path) -> list[object]:
    with sqlite3.connect(db_path) as db:
        return [
            db.execute(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY 1", (VICTIM,)).fetchall()
            for table, column in (
                ("users", "id"),
                ("messages", "user_id"),
                ("sets", "user_id"),
                ("checkins", "user_id"),
            )
        ]


async def prepare_victim(db_path: Path) -> None:
    storage = await Storage.open(db_path)
    try:
        services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: NOW)
        for number, text in enumerate(["bench 100kg 3x8 @8", "lat raise 10kg 12+4+3 rir1", "/checkin", "elbow 1"]):
            await handle_text(Incoming(VICTIM, VICTIM, number + 1, text, NOW), services)
    finally:
        await storage.close()


def check(reply: Reply | None) -> None:
    assert reply is not None
    assert html_problem(reply.html) is None, (html_problem(reply.html), reply.html[:300])
    assert len(reply.html) <= 4096, len(reply.html)
    for row in reply.buttons:
        for button in row:
            assert len(button.data.encode()) <= 64  # Telegram's callback_data limit


async def attack(db_path: Path, steps: list[tuple[str, str, str]]) -> None:
    storage = await Storage.open(db_path)
    ids = itertools.count(1000)
    try:
        services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: NOW)
        for entry, text, command in steps:
            if entry == "text":
                check((await handle_text(Incoming(ATTACKER, ATTACKER, next(ids), text, NOW), services)).reply)
            elif entry == "command":
                message = Incoming(ATTACKER, ATTACKER, next(ids), f"/{command} {text}", NOW)
                check((await handle_text(message, services)).reply)
            elif entry == "callback":
                check(await handle_callback(ATTACKER, ATTACKER, f"{command}:{text}"[:64], services))
                check(await handle_callback(ATTACKER, ATTACKER, text[:64], services))
            elif entry == "checkin":
                await handle_text(Incoming(ATTACKER, ATTACKER, next(ids), "/checkin", NOW), services)
                check((await handle_text(Incoming(ATTACKER, ATTACKER, next(ids), text, NOW), services)).reply)
            elif entry == "edit":
                message_id = next(ids)
                await handle_text(Incoming(ATTACKER, ATTACKER, message_id, "bench 100kg 5", NOW), services)
                check((await handle_edit(Incoming(ATTACKER, ATTACKER, message_id, text, NOW), services)).reply)
            else:
                check((await handle_text(Incoming(ATTACKER, ATTACKER, next(ids), f"/ask {text}", NOW), services)).reply)
        check(await handle_callback(ATTACKER, ATTACKER, "forget:yes", services))
    finally:
        await storage.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_hostile_input_at_every_entry_point(tmp_path: Path, steps: list[tuple[str, str, str]]) -> None:
    db_path = tmp_path / f"{uuid.uuid4().hex}.db"
    asyncio.run(prepare_victim(db_path))
    before = snapshot(db_path)
    asyncio.run(attack(db_path, steps))
    assert snapshot(db_path) == before


def test_every_nasty_string_at_every_command(tmp_path: Path) -> None:
    db_path = tmp_path / "nasty.db"
    asyncio.run(prepare_victim(db_path))
    before = snapshot(db_path)
    steps = [(entry, text, "history") for text in NASTY for entry in ("text", "checkin", "question", "edit")]
    steps += [("command", text, command) for text in NASTY[:6] for command in COMMANDS]
    asyncio.run(attack(db_path, steps))
    assert snapshot(db_path) == before
