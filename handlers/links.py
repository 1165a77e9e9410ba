"""`/start <payload>` deep links (t.me/<bot>?start=block): open what the link names.

Links come from the bot's own buttons (a group's "Open my chat" for /week or /export) and from anyone
who shares one. A payload naming a command that exists opens it; anything else gets the usual start,
with a word that the link asked for something else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from handlers import settings
from handlers.base import Incoming, Reply, Services
from handlers.words import say
from handlers.words.chat import CATALOGUE
from rules.models import UserSettings

PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what Telegram allows in a start parameter


def payload_of(text: str) -> str:
    """The deep link's payload in `/start <payload>`, or "" for a plain /start."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


async def start(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/start, and /start <command> from a link: that command, as if typed."""
    from handlers.router import COMMANDS  # the table that holds this handler

    payload = payload_of(message.text)
    if not payload:
        return await settings.start(message, user, services)
    name = payload.lower()
    entry = COMMANDS.get(name) if PAYLOAD.fullmatch(payload) and name != "start" else None
    if entry is None:
        first = await settings.start(replace(message, text="/start"), user, services)
        return Reply(f"{say(CATALOGUE, 'start.unknown_link')}\n\n{first.html}", first.buttons, first.attachment)
    return await entry[0](replace(message, text=f"/{name}"), user, services)
