"""The conversation in storage, on every backend: the state comes back with the message's arrival (no trip of
its own), and a message's outcome and the state after it are written by one statement, all or nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.storage import Backend
from handlers.ports import ConversationChange, RestChange
from rules.conversation import State, read_message
from rules.models import MessageKind
from tests.databases import Database

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
LIFTER = 31
GROUP = -1001


def after(text: str, state: State, at: datetime = NOW) -> State:
    return read_message(text, state, at).state


async def test_an_arrival_brings_back_the_lifters_conversation_in_that_chat(storage: Backend) -> None:
    await storage.user(LIFTER, LIFTER, NOW)
    _, first = await storage.arrive(LIFTER, LIFTER, 1, "bench 100kg 8", NOW)
    assert first.conversation is not None and first.conversation.state == State()  # none kept yet: a fresh one
    state = after("bench 100kg 8", State())
    change = ConversationChange(chat_id=LIFTER, state=state, before=State(), rest=RestChange.SET,
                                rest_due=NOW + timedelta(seconds=90), rest_s=90)  # fmt: skip
    sets = read_message("bench 100kg 8", State(), NOW).sets
    await storage.save_outcome(LIFTER, first.row, MessageKind.SETS, sets, NOW, conversation=change)
    _, second = await storage.arrive(LIFTER, LIFTER, 2, "8", NOW + timedelta(minutes=3))
    assert second.conversation is not None
    assert second.conversation.state == state and second.conversation.last_row == first.row
    assert (second.conversation.rest_due, second.conversation.rest_s) == (NOW + timedelta(seconds=90), 90)
    _, elsewhere = await storage.arrive(LIFTER, GROUP, 3, "8", NOW + timedelta(minutes=4))  # another chat
    assert elsewhere.conversation is not None and elsewhere.conversation.state == State()
    _, again = await storage.arrive(LIFTER, LIFTER, 2, "8", NOW + timedelta(minutes=3))  # a replay, unanswered
    assert not again.is_new and again.conversation == second.conversation
    await storage.mark_answered(LIFTER, second.row)
    _, answered = await storage.arrive(LIFTER, LIFTER, 2, "8", NOW + timedelta(minutes=3))
    assert answered.answered  # the router stops here; what it carries does not matter


CHANGES = [
    # what the message does to the rest ping, then the rest kept after it
    (RestChange.KEEP, (NOW + timedelta(seconds=90), 90)),
    (RestChange.CANCEL, (None, None)),
    (RestChange.SET, (NOW + timedelta(minutes=5), 120)),
]


@pytest.mark.parametrize(("rest", "kept"), CHANGES)
async def test_an_outcome_and_the_conversation_after_it_are_written_together(
    storage: Backend, database: Database, rest: RestChange, kept: tuple[datetime | None, int | None]
) -> None:
    await storage.user(LIFTER, LIFTER, NOW)
    _, first = await storage.arrive(LIFTER, LIFTER, 1, "bench 100kg 8 rest 90", NOW)
    state = after("bench 100kg 8", State())
    timed = ConversationChange(chat_id=LIFTER, state=state, before=State(), rest=RestChange.SET,
                               rest_due=NOW + timedelta(seconds=90), rest_s=90)  # fmt: skip
    await storage.save_outcome(LIFTER, first.row, MessageKind.SETS, read_message("bench 100kg 8", State(), NOW).sets,
                               NOW, conversation=timed)  # fmt: skip
    later = NOW + timedelta(minutes=3)
    _, second = await storage.arrive(LIFTER, LIFTER, 2, "8", later)
    turn = read_message("8", state, later)
    change = ConversationChange(
        chat_id=LIFTER, state=turn.state, before=state, rest=rest,
        rest_due=NOW + timedelta(minutes=5) if rest is RestChange.SET else None,
        rest_s=120 if rest is RestChange.SET else None,
    )  # fmt: skip
    await storage.save_outcome(LIFTER, second.row, MessageKind.SETS, turn.sets, later, conversation=change)
    conversation = await storage.conversation(LIFTER, LIFTER)
    assert conversation.state == turn.state and conversation.last_row == second.row
    assert (conversation.rest_due, conversation.rest_s) == kept
    context = await storage.message_context(LIFTER, second.row)
    assert context is not None and context.state == state  # the state it was read in, kept with it
    assert database.rows("SELECT kind FROM messages WHERE id = ?", (second.row,)) == [("sets",)]
    assert len(database.rows("SELECT 1 FROM sets WHERE message_row = ?", (second.row,))) == 1


FAIL_CONVERSATIONS = {
    "sqlite": ["CREATE TRIGGER no_room BEFORE INSERT ON conversations BEGIN SELECT RAISE(ABORT, 'no room'); END"],
    "postgres": [
        "CREATE FUNCTION no_room() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no room'; END $$",
        "CREATE TRIGGER no_room BEFORE INSERT OR UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION no_room()",
    ],
}


async def test_when_the_conversation_cannot_be_written_the_outcome_is_not_kept_either(
    storage: Backend, database: Database
) -> None:
    await storage.user(LIFTER, LIFTER, NOW)
    _, stored = await storage.arrive(LIFTER, LIFTER, 1, "bench 100kg 8", NOW)
    for statement in FAIL_CONVERSATIONS[database.kind]:
        database.execute(statement)
    turn = read_message("bench 100kg 8", State(), NOW)
    change = ConversationChange(chat_id=LIFTER, state=turn.state, before=State())
    with pytest.raises(Exception, match="no room"):
        await storage.save_outcome(LIFTER, stored.row, MessageKind.SETS, turn.sets, NOW, conversation=change)
    assert database.rows("SELECT kind FROM messages WHERE id = ?", (stored.row,)) == [("pending",)]
    assert database.rows("SELECT count(*) FROM sets") == [(0,)]  # no set without the state that follows it


async def test_fifty_lifters_outcomes_and_conversations_share_statements(storage: Any, database: Database) -> None:
    """Group commit still holds with the conversation on board: each lifter's state lands on their own row."""
    stored = {}
    for lifter in range(1, 51):
        await storage.user(lifter, lifter, NOW)
        stored[lifter] = (await storage.arrive(lifter, lifter, 1, f"squat {lifter}kg 5", NOW))[1]
    outcomes = storage.group_writes["outcomes"]
    before = outcomes.statements

    async def one(lifter: int) -> None:
        turn = read_message(f"squat {lifter}kg 5", State(), NOW)
        change = ConversationChange(chat_id=lifter, state=turn.state, before=State())
        await storage.save_outcome(lifter, stored[lifter].row, MessageKind.SETS, turn.sets, NOW, conversation=change)

    await asyncio.gather(*(one(lifter) for lifter in range(1, 51)))
    assert 1 <= outcomes.statements - before <= 2
    for lifter in (1, 25, 50):
        state = (await storage.conversation(lifter, lifter)).state
        assert state.last is not None and state.last.segments[0].load == float(lifter)
    assert database.rows("SELECT count(*) FROM conversations") == [(50,)]
