"""Nobody else's data: confirmations tied to the asker, anonymous admins kept apart, exports and logs
that cannot be turned against the reader, names that cannot walk out of a folder."""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import SafeFormatter
from handlers.base import Incoming, Services
from handlers.router import handle_callback, handle_text
from rules.models import HistoryRow, ParsedSet, Segment, Technique
from rules.strong_csv import export_csv, import_csv
from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN, Clock

ALICE, MALLORY = 9701, 9702
GROUP_A, GROUP_B = -1001, -1002


def forget_button(reply_markup: dict[str, object]) -> str:
    rows = reply_markup["inline_keyboard"]
    assert isinstance(rows, list)
    return str(next(button["callback_data"] for row in rows for button in row if "Yes" in button["text"]))


async def say(services: Services, user: int, text: str, message_id: int) -> str:
    incoming = Incoming(user_id=user, chat_id=user, message_id=message_id, text=text, at=services.clock())
    handled = await handle_text(incoming, services)
    assert handled.reply is not None
    return handled.reply.html


async def sets_of(services: Services, user: int) -> int:
    return len(await services.storage.all_sets(user))


async def ask_to_forget(services: Services) -> str:
    """Alice logs a set and asks to forget everything; returns the data of her "Yes" button."""
    await say(services, ALICE, "squat 140kg 5", 1)
    incoming = Incoming(user_id=ALICE, chat_id=ALICE, message_id=2, text="/forget", at=services.clock())
    handled = await handle_text(incoming, services)
    assert handled.reply is not None
    (yes,) = [button.data for row in handled.reply.buttons for button in row if "Yes" in button.label]
    return yes


async def test_a_forged_yes_delete_button_deletes_nothing(services: Services) -> None:
    await ask_to_forget(services)
    reply = await handle_callback(ALICE, ALICE, "forget:yes", services)  # what an old or forged button carries
    assert await sets_of(services, ALICE) == 1
    assert "/forget" in reply.html


async def test_the_delete_confirmation_works_once_for_the_asker_only(services: Services) -> None:
    yes = await ask_to_forget(services)
    await say(services, MALLORY, "curl 12kg 12", 3)
    await handle_callback(MALLORY, GROUP_A, yes, services)  # someone else presses Alice's button
    assert await sets_of(services, MALLORY) == 1 and await sets_of(services, ALICE) == 1
    await handle_callback(ALICE, ALICE, yes, services)
    assert await sets_of(services, ALICE) == 0
    await say(services, ALICE, "bench 100kg 5", 4)
    await handle_callback(ALICE, ALICE, yes, services)  # the same button again: used up
    assert await sets_of(services, ALICE) == 1


async def test_the_delete_confirmation_expires(services: Services, clock: Clock) -> None:
    yes = await ask_to_forget(services)
    clock.now += timedelta(hours=1)
    await handle_callback(ALICE, ALICE, yes, services)
    assert await sets_of(services, ALICE) == 1


async def test_anonymous_admins_of_two_groups_are_two_lifters(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    group_a = {"id": GROUP_A, "type": "supergroup", "title": "A"}
    group_b = {"id": GROUP_B, "type": "supergroup", "title": "B"}
    await telegram_bot.send_in_group(GROUP_A, 0, "squat 140kg 5", sender_chat=group_a)
    await telegram_bot.wait_for_replies(GROUP_A, 1)
    await telegram_bot.send_in_group(GROUP_B, 0, "/undo", sender_chat=group_b)
    (undo,) = await telegram_bot.wait_for_replies(GROUP_B, 1)
    assert "Squat" not in undo, "group B's anonymous admin undid group A's set"
    with sqlite3.connect(db_path) as db:
        owners = db.execute("SELECT DISTINCT user_id FROM sets").fetchall()
    assert owners == [(GROUP_A,)]


def _row(exercise: str) -> HistoryRow:
    from datetime import UTC, datetime

    parsed = ParsedSet(exercise=exercise, raw_exercise=exercise, known=False, technique=Technique.STRAIGHT,
                       segments=(Segment(load=50.0, reps=5),), unit="kg")  # fmt: skip
    return HistoryRow(performed_at=datetime(2026, 11, 20, 18, tzinfo=UTC), message_row=1, position=0, set=parsed)


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tnote"])
def test_export_cells_cannot_run_as_spreadsheet_formulas_and_still_import(name: str) -> None:
    exported = export_csv([_row(name)])
    (row,) = list(csv.DictReader(io.StringIO(exported)))
    assert row["Exercise Name"][0] not in "=+-@\t\r"
    (workout,) = import_csv(exported).workouts
    assert workout.sets[0].raw_exercise == name


def test_a_newline_in_logged_text_cannot_forge_a_log_record() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(SafeFormatter(TOKEN))
    logger = logging.getLogger("test.forging")
    logger.addHandler(handler)
    try:
        logger.warning("lifter wrote %s", "hi\n2026-11-23 09:00:00,000 ERROR bot: admin token is 42\r")
        logger.warning("and the token %s", TOKEN)
    finally:
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert [line for line in lines if line.startswith("2026-11-23")] == []
    assert not any(line.startswith("20") and "ERROR" in line for line in lines)
    assert TOKEN not in stream.getvalue() and "\r" not in stream.getvalue()


@pytest.mark.parametrize("name", ["$x^2$ press", "../../etc/passwd", "a/b\\c", "..", "$$", "curl $5"])
async def test_progress_and_its_file_name_survive_dollar_signs_slashes_and_dots(
    services: Services, name: str
) -> None:
    from handlers import report

    await say(services, ALICE, f"{name} 20kg 10", 1)
    await say(services, ALICE, f"{name} 22kg 10", 2)
    incoming = Incoming(user_id=ALICE, chat_id=ALICE, message_id=3, text=f"/progress {name}", at=services.clock())
    from rules.models import UserSettings

    reply = await report.show_progress(incoming, UserSettings(id=ALICE), services)
    if reply.attachment is not None:
        filename = reply.attachment.filename
        assert "/" not in filename and "\\" not in filename and ".." not in filename and "$" not in filename
        assert Path(filename).name == filename and filename.endswith(".png")


async def test_exported_raw_messages_cannot_run_as_spreadsheet_formulas(services: Services) -> None:
    from handlers import report
    from rules.models import UserSettings

    await say(services, ALICE, "squat 140kg 5", 1)
    await say(services, ALICE, '=HYPERLINK("http://evil.example","click")', 2)
    incoming = Incoming(user_id=ALICE, chat_id=ALICE, message_id=3, text="/export", at=services.clock())
    reply = await report.export(incoming, UserSettings(id=ALICE), services)
    (messages,) = [file for file in reply.files if "messages" in file.filename]
    cells = [cell for row in csv.reader(io.StringIO(messages.data.decode())) for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells
    assert not any(cell[:1] in "=+-@" and cell for cell in cells)
