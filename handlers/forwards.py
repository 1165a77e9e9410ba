"""Forwarded messages: someone else's sets are not logged as the forwarder's own without asking.

A forward that reads as sets is kept (like every message) and answered with a question and two
buttons; "yes" reads the stored text as if the lifter had typed it, "no" leaves it logged as nothing.
"""

from __future__ import annotations

from handlers import conversation
from handlers.base import Incoming, Reply, Services, buttons
from handlers.callbacks import LogForwarded
from handlers.render import escape
from handlers.words import say
from handlers.words.chat import CATALOGUE
from rules.models import MessageKind, UserSettings
from rules.notation import parse_message


def _w(message_id: str, **params: object) -> str:
    return say(CATALOGUE, message_id, **params)


def reads_as_sets(text: str, user: UserSettings) -> bool:
    return bool(parse_message(text, user.unit).sets)


async def ask(message: Incoming, row: int, user: UserSettings, services: Services) -> Reply:
    """A forward that reads as sets: kept, logged as nothing, and a question whether they are the lifter's."""
    await services.storage.save_outcome(user.id, row, MessageKind.CHAT)
    name = message.forwarded_from or ""
    origin = _w("forwarded.from", name=escape(name[:60])) if name else ""
    return Reply(
        _w("forwarded", origin=origin),
        buttons([(_w("forwarded.yes"), LogForwarded(row, confirmed=True)),
                 (_w("forwarded.no"), LogForwarded(row, confirmed=False))]),
    )  # fmt: skip


async def confirm(user: UserSettings, press: LogForwarded, services: Services) -> Reply:
    """The lifter's answer: "yes" logs the forwarded sets as theirs, at the moment it was forwarded."""
    if not press.confirmed:
        return Reply(_w("forwarded.kept"))
    storage = services.storage
    text = await storage.message_text(user.id, press.row)
    context = await storage.message_context(user.id, press.row)
    if text is None or context is None:
        return Reply(_w("forwarded.gone"))
    typed = Incoming(user.id, user.chat_id or user.id, 0, text, context.received_at)
    reply = await conversation.converse(typed, press.row, user, services, unknown_headings=True)
    return reply if reply is not None else Reply(_w("forwarded.gone"))
