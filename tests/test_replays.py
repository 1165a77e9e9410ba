"""A replayed update (after a crash, or two instances overlapping) has its effect once and is answered once.

Telegram re-delivers whatever was not confirmed. The crash window is between a command's effect and
the "answered" mark; here it is reopened by clearing that mark, exactly the state a SIGKILL leaves.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.botapi import FakeBotAPI

LIFTER = 6101


async def reopen_crash_window(api: FakeBotAPI, db_path: Path, message_id: int) -> None:
    """The state a crash leaves after the effect, before the answered mark."""

    def answered() -> bool:
        with sqlite3.connect(db_path) as db:
            query = "SELECT answered FROM messages WHERE user_id = ? AND message_id = ?"
            return bool(db.execute(query, (LIFTER, message_id)).fetchone()[0])

    await api.wait_for(answered)  # the mark follows the reply: let it land, then take it back
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE messages SET answered = 0 WHERE user_id = ? AND message_id = ?", (LIFTER, message_id))


def sets_of(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT exercise FROM sets WHERE user_id = ? ORDER BY id", (LIFTER,))]


async def test_a_replayed_undo_removes_one_set_not_two(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    await telegram_bot.send_text(LIFTER, "squat 140kg 5")
    await telegram_bot.send_text(LIFTER, "bench 100kg 5")
    await telegram_bot.wait_for_replies(LIFTER, 2)
    undo = await telegram_bot.send_text(LIFTER, "/undo")
    await telegram_bot.wait_for_replies(LIFTER, 3)
    assert sets_of(db_path) == ["Back Squat"]
    await reopen_crash_window(telegram_bot, db_path, undo)
    await telegram_bot.send_text(LIFTER, "/undo", message_id=undo)  # the same update, delivered again
    await telegram_bot.send_text(LIFTER, "/history")
    replies = await telegram_bot.wait_for_replies(LIFTER, 5)
    assert sets_of(db_path) == ["Back Squat"], "the replay undid a second set"
    assert "Back Squat" in replies[-1]


async def test_a_redelivered_edit_is_answered_once(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    message_id = await telegram_bot.send_text(LIFTER, "bench 100kg 3x8")
    await telegram_bot.wait_for_replies(LIFTER, 1)
    edit_date = await telegram_bot.edit_text(LIFTER, message_id, "bench 105kg 3x8")
    await telegram_bot.wait_for_replies(LIFTER, 2)
    await telegram_bot.edit_text(LIFTER, message_id, "bench 105kg 3x8", edit_date=edit_date)  # re-delivered
    await telegram_bot.send_text(LIFTER, "curl 12kg 12")
    replies = await telegram_bot.wait_for_replies(LIFTER, 3)
    assert "Curl" in replies[2], replies
    assert sum("Corrected" in reply for reply in replies) == 1
    assert len(sets_of(db_path)) == 4


async def test_a_redelivered_checkin_button_is_answered_once(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    await telegram_bot.send_text(LIFTER, "/checkin")
    await telegram_bot.wait_for_replies(LIFTER, 1)
    query = await telegram_bot.press(LIFTER, "ci:sore:mild")
    await telegram_bot.wait_for_said(LIFTER, 2)
    await telegram_bot.press(LIFTER, "ci:sore:mild", query_id=query)  # the same callback query again
    await telegram_bot.send_text(LIFTER, "curl 12kg 12")
    replies = await telegram_bot.wait_for_replies(LIFTER, 2)
    assert "Curl" in replies[1], replies
    assert sum("Soreness: mild" in text for text in telegram_bot.said(LIFTER)) == 1


STRONG_CSV = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Distance,Distance Unit,Seconds,Notes,"
    "Workout Notes\n2026-11-20 18:00:00,Push,Bench Press (Barbell),1,100,kg,5,8,,,,,\n"
)


async def test_a_redelivered_document_is_imported_and_answered_once(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    message_id = await telegram_bot.send_document(LIFTER, "strong.csv", STRONG_CSV.encode())
    await telegram_bot.wait_for_replies(LIFTER, 1)
    await telegram_bot.send_document(LIFTER, "strong.csv", STRONG_CSV.encode(), message_id=message_id)
    await telegram_bot.send_text(LIFTER, "curl 12kg 12")
    replies = await telegram_bot.wait_for_replies(LIFTER, 2)
    assert "Curl" in replies[1], replies
    assert len(replies) == 2 and "Imported 1 set" in replies[0]
