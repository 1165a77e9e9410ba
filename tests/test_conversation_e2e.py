"""The workout as a conversation over Telegram: the real Application against tests/botapi.py, on both backends."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import running_bot
from tests.databases import Database

LIFTER = 7007
OTHER = 7008
FAST_TIMERS = {"SETCOACH_TIMER_SWEEP_SECONDS": 0.1}


@pytest.fixture
async def telegram_bot(bot_api: FakeBotAPI, database: Database) -> AsyncIterator[FakeBotAPI]:
    async with running_bot(bot_api, database) as api:
        yield api


def rest_due(database: Database) -> str | None:
    rows = database.rows("SELECT rest_due FROM conversations WHERE user_id = ?", (LIFTER,))
    return rows[0][0] if rows else None


def calls_with(api: FakeBotAPI, words: str) -> list[float]:
    return [call.at for call in api.calls if call.method == "sendMessage" and words in str(call.params.get("text"))]


async def test_the_rest_ping_arrives_once_after_the_rest(bot_api: FakeBotAPI, database: Database) -> None:
    async with running_bot(bot_api, database, **FAST_TIMERS) as api:
        await api.send_text(LIFTER, "bench 100kg 8 @8")
        await api.wait_for_replies(LIFTER, 1)
        await api.send_text(LIFTER, "rest 2s")
        replies = await api.wait_for_replies(LIFTER, 2)
        assert "Rest 2 s" in replies[1]
        (asked,) = calls_with(api, "Rest 2 s")
        await api.wait_for(lambda: rest_due(database) is None and bool(calls_with(api, "up:")))
        (pinged,) = calls_with(api, "up:")
    assert pinged - asked >= 1.9  # never early (the lower bound only: a slow machine pings later, not sooner)
    ping = api.texts(LIFTER)[2]
    assert "⏱ 2 s up: next set of <b>Bench Press</b>; last 100 kg × 8 @8." in ping
    assert len(calls_with(api, "up:")) == 1


async def test_a_restart_during_the_rest_still_pings_once(bot_api: FakeBotAPI, database: Database) -> None:
    async with running_bot(bot_api, database, **FAST_TIMERS) as api:
        await api.send_text(LIFTER, "squat 140kg 5 @7 rest 3s")
        await api.wait_for_replies(LIFTER, 1)
        assert rest_due(database) is not None
    assert calls_with(bot_api, "up:") == []  # stopped before the rest was over
    async with running_bot(bot_api, database, **FAST_TIMERS) as api:
        await api.wait_for(lambda: rest_due(database) is None and bool(calls_with(api, "up:")))
        await api.send_text(LIFTER, "same")  # a later message: the sweep has run many times since the ping
        await api.wait_for(lambda: len(api.texts(LIFTER)) >= 3)
    texts = bot_api.texts(LIFTER)
    assert [t for t in texts if "up:" in t] == ["⏱ 3 s up: next set of <b>Back Squat</b>; last 140 kg × 5 @7."]


async def test_the_next_set_cancels_the_rest_ping(bot_api: FakeBotAPI, database: Database) -> None:
    async with running_bot(bot_api, database, **FAST_TIMERS) as api:
        await api.send_text(LIFTER, "bench 100kg 8")
        await api.send_text(LIFTER, "rest 2s")
        await api.wait_for_replies(LIFTER, 2)
        assert rest_due(database) is not None
        await api.send_text(LIFTER, "8")
        replies = await api.wait_for_replies(LIFTER, 3)
        assert "Bench Press</b>: 8 reps @ 100 kg · <i>same load as last</i>" in replies[2]
        assert rest_due(database) is None
        # Another lifter's rest, due after the cancelled one: once it pings, the sweep has run past that one.
        await api.send_text(OTHER, "row 60kg 10 rest 3s")
        await api.wait_for(lambda: bool(calls_with(api, "3 s up:")))
    assert [text for text in bot_api.texts(LIFTER) if "up:" in text] == []


async def test_a_lone_number_is_asked_about_and_a_button_logs_it(telegram_bot: FakeBotAPI, database: Database) -> None:
    await telegram_bot.send_text(LIFTER, "bench 100kg 3x8")
    await telegram_bot.send_text(LIFTER, "105")
    replies = await telegram_bot.wait_for_replies(LIFTER, 2)
    assert "<b>105</b> alone: the load or the reps?" in replies[1]
    (button,) = telegram_bot.sent(LIFTER)[1]["reply_markup"]["inline_keyboard"][0]
    assert button["text"] == "105 kg × 8"
    await telegram_bot.press(LIFTER, button["callback_data"])
    said = await telegram_bot.wait_for_said(LIFTER, 3)  # the question is edited into the set it logged
    assert "Bench Press</b>: 8 reps @ 105 kg" in said[2]
    rows = database.rows(
        "SELECT m.text, s.segments_json FROM sets s JOIN messages m ON m.id = s.message_row "
        "WHERE s.user_id = ? ORDER BY s.id",
        (LIFTER,),
    )
    assert rows[-1] == ("105", "[[105.0,8]]")  # the set belongs to the message that asked


async def test_editing_an_old_bare_set_rereads_it_under_its_own_exercise(
    telegram_bot: FakeBotAPI, database: Database
) -> None:
    await telegram_bot.send_text(LIFTER, "bench 100kg 8")
    old = await telegram_bot.send_text(LIFTER, "9")
    await telegram_bot.send_text(LIFTER, "Squat")
    await telegram_bot.send_text(LIFTER, "140x5")
    await telegram_bot.wait_for_replies(LIFTER, 4)
    await telegram_bot.edit_text(LIFTER, old, "7")
    replies = await telegram_bot.wait_for_replies(LIFTER, 5)
    assert "Corrected" in replies[4] and "Bench Press</b>: 7 reps @ 100 kg" in replies[4]
    await telegram_bot.send_text(LIFTER, "same")  # the live state is still the squat
    replies = await telegram_bot.wait_for_replies(LIFTER, 6)
    assert "Back Squat</b>: 5 reps @ 140 kg" in replies[5]
    sets = database.rows(
        "SELECT exercise, segments_json FROM sets WHERE user_id = ? ORDER BY performed_at, message_row, position",
        (LIFTER,),
    )
    assert sets == [
        ("Bench Press", "[[100.0,8]]"),
        ("Bench Press", "[[100.0,7]]"),
        ("Back Squat", "[[140.0,5]]"),
        ("Back Squat", "[[140.0,5]]"),
    ]


async def test_checkin_answers_after_checkin_are_never_logged_as_sets(
    telegram_bot: FakeBotAPI, database: Database
) -> None:
    await telegram_bot.send_text(LIFTER, "bench 100kg 8")
    await telegram_bot.send_text(LIFTER, "/checkin")
    for answer in ("elbow 2", "knee 3", "lower back 2"):
        await telegram_bot.send_text(LIFTER, answer)
    replies = await telegram_bot.wait_for_replies(LIFTER, 5)
    assert all("Check-in saved" in reply for reply in replies[2:5])
    exercises = [row[0] for row in database.rows("SELECT exercise FROM sets WHERE user_id = ?", (LIFTER,))]
    ((joints,),) = database.rows("SELECT joints_json FROM checkins WHERE user_id = ?", (LIFTER,))
    assert exercises == ["Bench Press"]
    assert json.loads(joints) == {"elbow": "moderate", "knee": "severe", "lower back": "moderate"}


async def test_undo_takes_the_conversation_back_to_before_the_undone_set(telegram_bot: FakeBotAPI) -> None:
    for text in ("bench 100kg 8", "curl 15kg 12", "/undo", "same"):
        await telegram_bot.send_text(LIFTER, text)
    replies = await telegram_bot.wait_for_replies(LIFTER, 4)
    assert "Removed" in replies[2] and "Biceps Curl" in replies[2]
    assert "Bench Press</b>: 8 reps @ 100 kg · <i>same as last</i>" in replies[3]
