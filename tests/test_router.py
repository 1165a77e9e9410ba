"""`answer`, the one way through for every front-end: route, send, and only then mark answered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.base import Incoming, Press, Reply, Services, Upload
from handlers.router import AWAITED, answer
from rules.models import Awaiting, MessageKind

LIFTER = 42
NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


class Chat:
    """What a front-end's `send` would have shown; `broken` makes sending fail like a dead network."""

    def __init__(self, broken: bool = False) -> None:
        self.replies: list[Reply] = []
        self.broken = broken

    async def __call__(self, reply: Reply) -> None:
        if self.broken:
            raise ConnectionError("the chat is unreachable")
        self.replies.append(reply)


def message(message_id: int, text: str, edited: bool = False) -> Incoming:
    return Incoming(LIFTER, LIFTER, message_id, text, NOW, edited)


async def answered(services: Services, message_id: int) -> bool:
    stored = await services.storage.record_message(LIFTER, LIFTER, message_id, "(looked up)", NOW)
    assert not stored.is_new
    return stored.answered


async def test_a_set_is_answered_once_and_a_redelivery_sends_nothing(services: Services) -> None:
    chat = Chat()
    await answer(message(1, "bench 100kg 3x8 @8"), services, chat)
    assert len(chat.replies) == 1 and "Logged" in chat.replies[0].html
    assert await answered(services, 1)
    await answer(message(1, "bench 100kg 3x8 @8"), services, chat)
    assert len(chat.replies) == 1


async def test_a_reply_that_could_not_be_sent_leaves_the_message_unanswered_for_the_redelivery(
    services: Services,
) -> None:
    with pytest.raises(ConnectionError):
        await answer(message(1, "bench 100kg 3x8 @8"), services, Chat(broken=True))
    assert not await answered(services, 1)
    chat = Chat()
    await answer(message(1, "bench 100kg 3x8 @8"), services, chat)
    assert len(chat.replies) == 1 and await answered(services, 1)


async def test_an_edit_goes_the_same_way_and_corrects_the_entry(services: Services) -> None:
    chat = Chat()
    await answer(message(1, "bench 100kg 3x8"), services, chat)
    await answer(message(1, "bench 105kg 3x8", edited=True), services, chat)
    assert "Corrected" in chat.replies[-1].html
    rows = await services.storage.all_sets(LIFTER)
    assert {row.set.segments[0].load for row in rows} == {105}


async def test_a_button_press_gets_one_reply(services: Services) -> None:
    chat = Chat()
    await answer(Press(LIFTER, LIFTER, "forget:no"), services, chat)
    assert [reply.html for reply in chat.replies] == ["Kept. Nothing was deleted."]


async def test_a_file_is_imported_and_answered(services: Services) -> None:
    chat = Chat()
    csv = "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps\n2026-11-20 18:00,Push,Bench,1,100,kg,8\n"
    await answer(Upload(LIFTER, LIFTER, csv.encode()), services, chat)
    assert len(chat.replies) == 1 and "Imported 1 set from 1 workout" in chat.replies[0].html


def test_every_question_we_ask_has_a_reader_and_a_stored_kind() -> None:
    assert set(AWAITED) == set(Awaiting)
    assert all(kind.value == awaiting.value for awaiting, (_, kind) in AWAITED.items())


def test_stored_states_and_kinds_keep_the_strings_existing_databases_hold() -> None:
    assert {a.value for a in Awaiting} == {"timezone", "checkin_time", "checkin"}
    assert {k.value for k in MessageKind} >= {
        "pending", "command", "sets", "editing", "unreadable", "question", "chat", "import", "undone",
        "timezone", "checkin_time", "checkin",
    }  # fmt: skip
