"""Telegram misbehaving: every lifter message is stored exactly once and answered anyway."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import running_bot

LIFTERS = (9001, 9002, 9003)


@pytest.fixture
async def fragile_bot(bot_api: FakeBotAPI, db_path: Path) -> AsyncIterator[FakeBotAPI]:
    """The real bot with 1 s timeouts, so slow answers time out quickly."""
    async with running_bot(bot_api, db_path, SETCOACH_TELEGRAM_TIMEOUT=1.0) as api:
        yield api


async def burst(api: FakeBotAPI, per_lifter: int, first: int = 0) -> dict[int, list[str]]:
    """Each lifter sends `per_lifter` sets with distinct loads (100 + first, 101 + first, ...)."""
    sent: dict[int, list[str]] = {lifter: [] for lifter in LIFTERS}
    for number in range(first, first + per_lifter):
        for lifter in LIFTERS:
            text = f"leg press {100 + number}kg 10"
            await api.send_text(lifter, text)
            sent[lifter].append(text)
    return sent


async def all_answered(api: FakeBotAPI, sent: dict[int, list[str]], timeout: float = 30) -> None:
    def done() -> bool:
        return all(
            any(f"@ {text.split()[2][:-2]} kg" in reply for reply in api.texts(lifter))
            for lifter, texts in sent.items()
            for text in texts
        )

    await api.wait_for(done, timeout)


def stored_once(db_path: Path, sent: dict[int, list[str]]) -> None:
    with sqlite3.connect(db_path) as db:
        for lifter, texts in sent.items():
            rows = [r[0] for r in db.execute("SELECT text FROM messages WHERE user_id = ? ORDER BY id", (lifter,))]
            assert rows == texts, lifter
            sets = db.execute("SELECT count(*) FROM sets WHERE user_id = ?", (lifter,)).fetchone()[0]
            assert sets == len(texts)


def answers_in_order(api: FakeBotAPI, sent: dict[int, list[str]]) -> None:
    for lifter, texts in sent.items():
        loads = [t.split()[2][:-2] for t in texts]
        replies = [reply for reply in api.texts(lifter) if " kg" in reply and "@" in reply]
        seen = [next(load for load in loads if f"@ {load} kg" in reply) for reply in replies]
        assert seen == sorted(seen, key=loads.index), lifter  # one lifter's sets never overtake each other


async def test_429_too_many_requests_is_waited_out(fragile_bot: FakeBotAPI, db_path: Path) -> None:
    fragile_bot.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    fragile_bot.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    sent = await burst(fragile_bot, 3)
    await all_answered(fragile_bot, sent)
    stored_once(db_path, sent)
    answers_in_order(fragile_bot, sent)


async def test_server_errors_are_retried(fragile_bot: FakeBotAPI, db_path: Path) -> None:
    for _ in range(3):
        fragile_bot.fail_next("sendMessage", 500, "Internal Server Error")
    fragile_bot.fail_next("getUpdates", 502, "Bad Gateway")
    sent = await burst(fragile_bot, 3)
    await all_answered(fragile_bot, sent)
    stored_once(db_path, sent)


async def test_answers_slower_than_the_timeout_are_retried(fragile_bot: FakeBotAPI, db_path: Path) -> None:
    fragile_bot.delays["sendMessage"] = [1.5, 1.5]
    sent = await burst(fragile_bot, 2)
    await all_answered(fragile_bot, sent)
    stored_once(db_path, sent)


async def test_server_down_for_five_seconds_then_back(fragile_bot: FakeBotAPI, db_path: Path) -> None:
    sent = await burst(fragile_bot, 2)
    await fragile_bot.go_down(5)
    more = await burst(fragile_bot, 2, first=2)
    for lifter in LIFTERS:
        sent[lifter].extend(more[lifter])
    await all_answered(fragile_bot, sent, timeout=40)
    stored_once(db_path, sent)


async def test_the_same_update_delivered_twice_is_stored_and_answered_once(
    fragile_bot: FakeBotAPI, db_path: Path
) -> None:
    lifter = LIFTERS[0]
    await fragile_bot.send_text(lifter, "squat 140kg 5", message_id=555)
    await fragile_bot.wait_for_replies(lifter, 1)
    await fragile_bot.send_text(lifter, "squat 140kg 5", message_id=555)
    await fragile_bot.send_text(lifter, "bench 100kg 5")
    replies = await fragile_bot.wait_for_replies(lifter, 2)
    assert "Bench Press" in replies[1] and len(replies) == 2
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM messages WHERE user_id = ?", (lifter,)).fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM sets WHERE user_id = ?", (lifter,)).fetchone()[0] == 2


async def test_corrupt_and_unknown_updates_are_skipped_and_the_next_is_handled(fragile_bot: FakeBotAPI) -> None:
    lifter = LIFTERS[1]
    fragile_bot.fail_next("getUpdates", 502, "Bad Gateway")  # on the poll or the re-read: either way it recovers
    await fragile_bot.push_raw({"message": {"message_id": "x", "chat": 5, "date": "never"}})
    await fragile_bot.push_raw({"a_future_kind_of_update": {"id": 1}})
    await fragile_bot.send_text(lifter, "deadlift 180kg 3")
    (reply,) = await fragile_bot.wait_for_replies(lifter, 1)
    assert "Deadlift" in reply
