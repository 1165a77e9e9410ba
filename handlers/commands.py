"""One short handler per command: /help, /history, /why, /undo, /forget."""

from __future__ import annotations

import secrets
from datetime import timedelta

from handlers import conversation
from handlers.base import Incoming, Reply, Services, buttons
from handlers.callbacks import Forget
from handlers.checkins import local_zone
from handlers.render import render_help, render_history, render_undone, render_why
from handlers.words import say
from handlers.words.checkins import CATALOGUE as WORDS
from rules.models import UserSettings

HISTORY_SETS = 30


async def show_help(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/help: the notation, by example."""
    return Reply(render_help())


async def show_history(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/history: the most recent sets, by day."""
    rows = await services.storage.recent_sets(user.id, HISTORY_SETS)
    return Reply(render_history([(row.performed_at, row.set) for row in rows], local_zone(user)))


async def explain(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/why: every rule behind the last feedback, with numbers and sources."""
    return Reply(render_why(await services.storage.last_feedback(user.id)))


async def explain_button(user: UserSettings, services: Services) -> Reply:
    """The "Why?" button under a reply: the same as /why."""
    return Reply(render_why(await services.storage.last_feedback(user.id)))


async def undo(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/undo: remove the last logged entry (once: a re-delivered /undo answers the same, removes nothing more)."""
    row = await services.storage.message_row(user.id, message.chat_id, message.message_id)
    removed = await services.storage.undo_last(user.id, by_row=row)
    await conversation.after_undo(services, user, message.chat_id, removed)
    return Reply(render_undone(removed))


FORGET_CONFIRMATION = timedelta(minutes=10)  # how long the "Yes, delete everything" button works


async def forget(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/forget: delete everything, after a confirmation tied to this prompt and this lifter."""
    count = await services.storage.count_messages(user.id)
    token = secrets.token_urlsafe(9)  # 12 characters: unguessable, and well within Telegram's 64-byte data
    await services.storage.issue_confirmation(user.id, "forget", token, services.clock() + FORGET_CONFIRMATION)
    return Reply(
        say(WORDS, "forget.ask", count=count),
        buttons([(say(WORDS, "forget.yes"), Forget(confirmed=True, token=token)),
                 (say(WORDS, "forget.no"), Forget(confirmed=False, token=token))]),
    )  # fmt: skip


async def confirm_forget(user: UserSettings, confirmed: bool, token: str, services: Services) -> Reply:
    """The answer to /forget's question: delete everything only on a yes, pressed by the lifter who asked,
    once, within ten minutes. The token is used up either way."""
    valid = bool(token) and await services.storage.consume_confirmation(user.id, "forget", token, services.clock())
    if not confirmed:
        return Reply(say(WORDS, "forget.kept"))
    if not valid:
        return Reply(say(WORDS, "forget.expired"))
    await services.storage.forget(user.id)
    return Reply(say(WORDS, "forget.done"))
