"""/privacy: what is stored, for how long, how to take all of it and how to delete it."""

from __future__ import annotations

from handlers.base import Incoming, Reply, Services
from handlers.words import say
from handlers.words.chat import CATALOGUE
from rules.models import UserSettings


async def show_privacy(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/privacy: the data policy in a few lines, with the commands that act on it."""
    return Reply(say(CATALOGUE, "privacy"))
