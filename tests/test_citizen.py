"""A good Telegram citizen, end to end over the Bot API stand-in: groups, buttons that edit, long
replies, the bot's profile, deep links, /privacy, non-text messages and the typing action."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from handlers.groups import Verdict, decide
from tests.botapi import BOT_USER, FakeBotAPI

ALICE, BOB = 1001, 2002
GYM = -100777  # a supergroup
BOT = str(BOT_USER["username"])


def stored_texts(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT text FROM messages ORDER BY id")]


# Groups ------------------------------------------------------------------------------------------

GROUP_CASES = [
    # (text, reply to the bot, verdict)
    ("see you at 6 tomorrow", False, Verdict.IGNORE),
    ("ok 5", False, Verdict.IGNORE),
    ("/help@someotherbot", False, Verdict.IGNORE),
    ("/roll", False, Verdict.IGNORE),
    ("/help", False, Verdict.ANSWER),
    (f"/help@{BOT}", False, Verdict.ANSWER),
    (f"/nonsense@{BOT}", False, Verdict.ANSWER),
    ("bench 100kg 3x8 @8", False, Verdict.ANSWER),
    ("thanks, makes sense", True, Verdict.ANSWER),
    (f"@{BOT} should I go to failure on squats?", False, Verdict.ANSWER),
    ("/week", False, Verdict.PRIVATE),
    (f"/export@{BOT}", False, Verdict.PRIVATE),
    ("/checkin", False, Verdict.PRIVATE),
    ("/forget", False, Verdict.PRIVATE),
    ("/start", False, Verdict.HELLO),
]


@pytest.mark.parametrize(("text", "reply_to_bot", "verdict"), GROUP_CASES, ids=[case[0] for case in GROUP_CASES])
def test_in_a_group_only_what_is_meant_for_the_bot_is_answered(text: str, reply_to_bot: bool, verdict: Verdict) -> None:
    known = {"help", "week", "export", "checkin", "forget", "start", "ask"}
    assert decide(text, BOT, reply_to_bot, known).verdict is verdict


async def test_a_group_chat_hears_only_what_is_for_the_bot_and_stores_no_chatter(
    telegram_bot: FakeBotAPI, db_path: Path
) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "see you at 6 tomorrow", chat_id=GYM)
    await api.send_text(BOB, "/help@someotherbot", chat_id=GYM)
    await api.service(GYM, BOB, "joined")
    await api.service(GYM, BOB, "pinned")
    await api.send_other(BOB, "photo", chat_id=GYM)
    set_id = await api.send_text(ALICE, "bench 100kg 3x8 @8", chat_id=GYM)
    replies = await api.wait_for_replies(GYM, 1)
    assert len(replies) == 1 and "<b>Bench Press</b>" in replies[0]
    assert api.sent(GYM)[0]["reply_parameters"]["message_id"] == set_id  # it quotes whose set it was
    feedback = api.last_bot_message(GYM)
    await api.send_text(BOB, "what about cable fly?", chat_id=GYM, reply_to=feedback)
    await api.send_text(BOB, f"/help@{BOT}", chat_id=GYM)
    replies = await api.wait_for_replies(GYM, 3)
    assert "Cable Fly" in replies[1] or "I can't answer that yet" in replies[1]
    assert "Text me your sets" in replies[2]
    assert stored_texts(db_path) == ["bench 100kg 3x8 @8", "what about cable fly?", f"/help@{BOT}"]


async def test_private_commands_in_a_group_open_the_private_chat_with_a_button(
    telegram_bot: FakeBotAPI, db_path: Path
) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "squat 140kg 5x5 @8")  # in the private chat
    await api.wait_for_replies(ALICE, 1)
    await api.send_text(ALICE, "/week", chat_id=GYM)
    (reply,) = await api.wait_for_replies(GYM, 1)
    assert "private chat" in reply
    (button,) = api.sent(GYM)[0]["reply_markup"]["inline_keyboard"][0]
    assert button["url"] == f"https://t.me/{BOT}?start=week"
    assert api.sent(method="sendPhoto") == []  # nothing of Alice's week went to the group
    await api.send_text(ALICE, "/start week")  # the button's deep link, in the private chat
    replies = await api.wait_for_replies(ALICE, 2)
    assert "Hard sets" in replies[1]
    await api.wait_for(lambda: len(api.sent(ALICE, "sendPhoto")) == 1)


async def test_the_bot_says_hello_when_added_to_a_group(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.service(GYM, int(telegram_bot.me["id"]), "joined")
    (hello,) = await telegram_bot.wait_for_replies(GYM, 1)
    assert "In this group I answer only commands addressed to me" in hello


# Buttons edit their message -------------------------------------------------------------------


async def test_a_pressed_button_edits_its_message_instead_of_sending_another(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "/forget")
    await api.wait_for_replies(ALICE, 1)
    (no,) = [data for data in api.button_data(api.last_bot_message(ALICE)) if data.startswith("forget:no")]
    await api.press(ALICE, no)  # forget:no:<token>, the button as sent
    await api.wait_for_said(ALICE, 2)
    shown = api.last_bot_message(ALICE)
    assert shown["text"] == "Kept. Nothing was deleted." and "reply_markup" not in shown
    assert len(api.sent(ALICE)) == 1 and api.refused() == []


async def test_why_keeps_the_feedback_drops_its_button_and_explains_below(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "deadlift 140kg 5+2+1 RIR1")
    (feedback,) = await api.wait_for_replies(ALICE, 1)
    await api.press(ALICE, "why:")
    replies = await api.wait_for_replies(ALICE, 2)
    assert "Why I said that" in replies[1]
    first = api.bot_messages[(ALICE, int(api.calls_to("sendMessage")[0]["message_id"]))]
    assert first["text"] == feedback and "reply_markup" not in first


# Long replies ---------------------------------------------------------------------------------


async def test_a_sixty_line_paste_gets_its_whole_reply_in_several_messages(telegram_bot: FakeBotAPI) -> None:
    lines = [
        f"cable thing number {n} 20kg 10+2+1 rest 30s" if n % 2 else f"lat raise {10 + n % 7}kg 12+4+1 rest {20 + n}s"
        for n in range(60)
    ]
    await telegram_bot.send_text(ALICE, "\n".join(lines))
    await telegram_bot.wait_for(lambda: any("Why? Tap the button" in text for text in telegram_bot.texts(ALICE)))
    texts = telegram_bot.texts(ALICE)
    assert len(texts) >= 2 and all(len(text) <= 4096 for text in texts) and telegram_bot.refused() == []
    whole = "\n".join(texts)
    assert whole.count("<b>Lateral Raise</b>") == 30 and "Reps collapsed" in whole  # the feedback is not lost
    assert "reply_markup" in telegram_bot.sent(ALICE)[-1] and "reply_markup" not in telegram_bot.sent(ALICE)[0]


# Profile, deep links, privacy ----------------------------------------------------------------


async def test_menus_per_scope_and_language_and_descriptions_are_set_at_start(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    private = [c["command"] for c in api.commands[("all_private_chats", "")]]
    group = [c["command"] for c in api.commands[("all_group_chats", "")]]
    assert {"week", "export", "forget", "checkin", "privacy"} <= set(private)
    assert "help" in group and not {"week", "export", "forget", "checkin"} & set(group)
    assert [c["command"] for c in api.commands[("all_private_chats", "ru")]] == private
    assert "sets" in api.descriptions[""] and len(api.short_descriptions[""]) <= 120
    assert set(api.descriptions) == {"", "ru"} and set(api.short_descriptions) == {"", "ru"}


async def test_start_with_an_unknown_payload_still_starts(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.send_text(ALICE, "/start nosuchthing")
    (reply,) = await telegram_bot.wait_for_replies(ALICE, 1)
    assert "That link asked for something" in reply and "Welcome to SetCoach" in reply


async def test_start_block_opens_the_block_setup_when_there_is_one(telegram_bot: FakeBotAPI) -> None:
    from handlers.router import COMMANDS

    await telegram_bot.send_text(ALICE, "/start block")
    (reply,) = await telegram_bot.wait_for_replies(ALICE, 1)
    if "block" in COMMANDS:
        assert "Welcome to SetCoach" not in reply
    else:
        assert "That link asked for something" in reply


async def test_privacy_says_what_is_kept_for_how_long_and_how_to_take_or_delete_it(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.send_text(ALICE, "/privacy")
    (reply,) = await telegram_bot.wait_for_replies(ALICE, 1)
    for words in ("Every message you send me", "check-in", "until you delete it", "/export", "/forget"):
        assert words in reply


# Non-text messages and the typing action ------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("photo", "I can't read photos"),
        ("sticker", "type it"),
        ("location", "I don't use locations"),
        ("voice", "I can't listen yet: type the set"),
        ("video_note", "I can't watch videos"),
        ("dice", "No dice"),
    ],
)
async def test_a_non_text_message_gets_a_short_specific_reply(telegram_bot: FakeBotAPI, kind: str, words: str) -> None:
    await telegram_bot.send_other(ALICE, kind)
    (reply,) = await telegram_bot.wait_for_replies(ALICE, 1)
    assert words in reply


async def test_a_service_message_in_a_private_chat_gets_no_reply(telegram_bot: FakeBotAPI) -> None:
    await telegram_bot.service(ALICE, ALICE, "pinned")
    await telegram_bot.send_text(ALICE, "/help")
    replies = await telegram_bot.wait_for_replies(ALICE, 1)
    assert len(replies) == 1 and "Text me your sets" in replies[0]


async def test_charts_and_exports_show_an_upload_action_while_being_made(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "bench 100kg 3x8 @8")
    await api.wait_for_replies(ALICE, 1)
    for command in ("/week", "/progress bench", "/export"):
        await api.send_text(ALICE, command)
    await api.wait_for(lambda: len(api.sent(ALICE, "sendPhoto")) == 2 and len(api.sent(ALICE, "sendDocument")) >= 1)
    order = [(c.method, c.params.get("action")) for c in api.calls if c.method in {"sendChatAction", "sendPhoto",
                                                                                    "sendDocument"}]  # fmt: skip
    assert order[:2] == [("sendChatAction", "upload_photo"), ("sendPhoto", None)]
    assert ("sendChatAction", "upload_document") in order
    assert order.index(("sendChatAction", "upload_document")) < order.index(("sendDocument", None))


# Forwarded messages ---------------------------------------------------------------------------


def logged_sets(db_path: Path, user_id: int) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT exercise FROM sets WHERE user_id = ?", (user_id,))]


async def test_a_forwarded_set_is_not_logged_as_the_forwarders_own_without_asking(
    telegram_bot: FakeBotAPI, db_path: Path
) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "squat 180kg 5x5 @8", forwarded_from=BOB)
    (asked,) = await api.wait_for_replies(ALICE, 1)
    assert "forwarded from Lifter2002" in asked and "Log these sets as your own?" in asked
    assert logged_sets(db_path, ALICE) == [] and stored_texts(db_path) == ["squat 180kg 5x5 @8"]
    await api.press(ALICE, api.button_data(api.last_bot_message(ALICE))[0])  # "Yes, log them as mine"
    said = await api.wait_for_said(ALICE, 2)
    assert "<b>Back Squat</b>" in said[1]
    assert logged_sets(db_path, ALICE) == ["Back Squat"] * 5


async def test_a_forwarded_set_declined_stays_logged_as_nothing(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "bench 140kg 3x3", forwarded_from=BOB)
    await api.wait_for_replies(ALICE, 1)
    await api.press(ALICE, api.button_data(api.last_bot_message(ALICE))[1])  # "No"
    said = await api.wait_for_said(ALICE, 2)
    assert "Not logged" in said[1] and logged_sets(db_path, ALICE) == []
    await api.send_text(ALICE, "bench 100kg 3x8", forwarded_from=ALICE)  # their own message forwarded back
    replies = await api.wait_for_replies(ALICE, 2)
    assert "<b>Bench Press</b>" in replies[1] and logged_sets(db_path, ALICE) == ["Bench Press"] * 3


async def test_export_sends_everything_kept_sets_raw_messages_and_checkins(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    await api.send_text(ALICE, "bench 100kgg 5")  # unreadable: kept as typed, exported as typed
    await api.send_text(ALICE, "bench 100kg 3x8 @8")
    await api.send_text(ALICE, "/checkin")
    await api.send_text(ALICE, "elbow 2, chest a bit sore")
    await api.send_text(ALICE, "/export")
    replies = await api.wait_for_replies(ALICE, 5)
    assert "every raw message (5)" in replies[4] and "every check-in (1)" in replies[4]
    await api.wait_for(lambda: len(api.sent(ALICE, "sendDocument")) == 3)
    contents = [bytes(params["document"]) for params in api.sent(ALICE, "sendDocument")]
    assert any(b"bench 100kgg 5" in content and b"unreadable" in content for content in contents)
    assert any(b"elbow moderate" in content for content in contents)
    assert any(b"Bench Press" in content for content in contents)
