"""User journeys through the real python-telegram-bot Application and our Bot API server, on both backends."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import running_bot
from tests.databases import Database

ALICE, BOB = 1001, 2002


@pytest.fixture
async def telegram_bot(bot_api: FakeBotAPI, database: Database) -> AsyncIterator[FakeBotAPI]:
    async with running_bot(bot_api, database) as api:
        yield api


async def test_log_a_set_and_get_feedback(telegram_bot: FakeBotAPI, database: Database) -> None:
    await telegram_bot.send_text(ALICE, "deadlift 140kg 5+2+1 RIR1")
    (reply,) = await telegram_bot.wait_for_replies(ALICE, 1)
    assert "<b>Deadlift</b>: 5+2+1 @ 140 kg · rest-pause" in reply
    assert "poor rest-pause pick" in reply
    (why,) = telegram_bot.sent(ALICE)[0]["reply_markup"]["inline_keyboard"][0]
    await telegram_bot.press(ALICE, why["callback_data"])
    replies = await telegram_bot.wait_for_replies(ALICE, 2)
    assert "Why I said that" in replies[1] and "cautious reading" in replies[1] and "Source:" in replies[1]
    assert database.rows("SELECT exercise, technique FROM sets WHERE user_id = ?", (ALICE,)) == [
        ("Deadlift", "rest_pause")
    ]


async def test_the_command_menu_is_registered(telegram_bot: FakeBotAPI) -> None:
    names = {command["command"] for command in telegram_bot.commands[("all_private_chats", "")]}
    assert {"start", "help", "history", "why", "undo", "settings", "forget", "privacy"} <= names


async def test_edit_a_set_and_see_it_corrected(telegram_bot: FakeBotAPI, database: Database) -> None:
    message_id = await telegram_bot.send_text(ALICE, "bench 100kg 3x8")
    await telegram_bot.wait_for_replies(ALICE, 1)
    await telegram_bot.edit_text(ALICE, message_id, "bench 105kg 3x8")
    replies = await telegram_bot.wait_for_replies(ALICE, 2)
    assert "Corrected" in replies[1] and "105 kg" in replies[1]
    loads = database.rows("SELECT segments_json FROM sets WHERE user_id = ?", (ALICE,))
    assert [json.loads(segments) for (segments,) in loads] == [[[105.0, 8]]] * 3


async def test_two_users_never_see_each_others_sets(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.send_text(ALICE, "squat 140kg 5x5")
    await telegram_bot.send_text(BOB, "curl 12kg 3x12")
    await telegram_bot.wait_for_replies(ALICE, 1)
    await telegram_bot.wait_for_replies(BOB, 1)
    await telegram_bot.send_text(BOB, "/history")
    await telegram_bot.send_text(BOB, "/undo")
    bob = await telegram_bot.wait_for_replies(BOB, 3)
    assert "Biceps Curl" in bob[1] and "Squat" not in bob[1]
    await telegram_bot.send_text(ALICE, "/history")
    alice = await telegram_bot.wait_for_replies(ALICE, 2)
    assert "Back Squat" in alice[1] and "Curl" not in alice[1]


async def test_huge_and_strange_messages_get_a_reply_not_a_crash(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.send_text(ALICE, "bench " + "9" * 9_994)
    await telegram_bot.send_text(ALICE, "💪🏋️‍♀️ squat 100kg 5 🔥")
    await telegram_bot.send_text(ALICE, "<b>squat</b> & 100kg 5 <script>")
    await telegram_bot.send_text(ALICE, "'; DROP TABLE sets; --")
    replies = await telegram_bot.wait_for_replies(ALICE, 4)
    assert "characters long" in replies[0]
    assert "Back Squat" in replies[1]
    assert telegram_bot.refused() == []  # every reply was valid Telegram HTML


async def test_buttons_walk_through_onboarding(telegram_bot: FakeBotAPI, database: Database) -> None:
    await telegram_bot.send_text(ALICE, "/start")
    await telegram_bot.wait_for_replies(ALICE, 1)
    await telegram_bot.press(ALICE, "set:unit:lb")
    await telegram_bot.wait_for_said(ALICE, 2)
    await telegram_bot.press(ALICE, "set:experience:beginner")
    said = await telegram_bot.wait_for_said(ALICE, 3)
    assert "Unit: lb" in said[1] and "time zone" in said[2].lower()
    shown = telegram_bot.last_bot_message(ALICE)  # one message, edited at each step: the choice shown
    assert shown["text"] == said[2] and "Experience: beginner" in shown["text"]
    assert "set:timezone:UTC" in telegram_bot.button_data(shown)
    await telegram_bot.send_text(ALICE, "bench 225 5")
    replies = await telegram_bot.wait_for_replies(ALICE, 2)
    assert "225 lb" in replies[1]
    assert database.rows("SELECT unit, experience FROM users WHERE id = ?", (ALICE,)) == [("lb", "beginner")]


async def test_every_message_is_kept_even_unreadable_ones(telegram_bot: FakeBotAPI, database: Database) -> None:
    for text in ("bench 100kgg 5", "hello there", "/nonsense", "🤷"):
        await telegram_bot.send_text(ALICE, text)
    replies = await telegram_bot.wait_for_replies(ALICE, 4)
    assert "did you mean <code>100kg</code>" in replies[0]
    assert "I don't know /nonsense" in replies[2]
    kept = [row[0] for row in database.rows("SELECT text FROM messages WHERE user_id = ? ORDER BY id", (ALICE,))]
    assert kept == ["bench 100kgg 5", "hello there", "/nonsense", "🤷"]


async def test_ask_a_question_and_get_a_sourced_answer(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.send_text(ALICE, "rest-pause or drop set for leg press?")
    await telegram_bot.send_text(ALICE, "/ask should I go to failure on squats?")
    await telegram_bot.send_text(ALICE, "what's the weather like?")
    replies = await telegram_bot.wait_for_replies(ALICE, 3)
    assert "Either works on Leg Press" in replies[0] and "Evidence:" in replies[0]
    assert "No, not on Back Squat" in replies[1] and "Source:" in replies[1]
    assert "I can't answer that yet" in replies[2]


async def test_a_question_with_numbers_in_a_workout_is_answered_not_logged(
    telegram_bot: FakeBotAPI, database: Database
) -> None:
    for text in ("squat 100kg 5x5", "what is my squat e1rm?", "is 100kg 8 @9 too hard?"):
        await telegram_bot.send_text(ALICE, text)
    replies = await telegram_bot.wait_for_replies(ALICE, 3)
    assert "Back Squat e1RM is about 117.5 kg" in replies[1]
    assert "I can't answer that yet" in replies[2]
    logged = database.rows("SELECT exercise FROM sets WHERE user_id = ?", (ALICE,))
    assert logged == [("Back Squat",)] * 5  # the 5x5 only: no set of "what is my squat e" or of "is"
