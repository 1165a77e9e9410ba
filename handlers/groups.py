"""Group chats: which messages are for SetCoach at all, and which must move to the private chat.

In a group the bot hears everyone. It answers only commands addressed to it (`/help`, `/help@setcoach`,
never `/help@otherbot`), replies to its own messages and lines that read as sets; everything else is
chatter it neither answers nor stores. What is about one lifter's own data (check-ins, /week, /export,
/forget, settings, history) happens in the private chat: a group gets a button that opens it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers.base import Button, Reply
from handlers.words import say
from handlers.words.chat import CATALOGUE
from rules.notation import parse_message

# Commands that make sense in front of the group; every other known command is private.
GROUP_COMMANDS = ("help", "ask", "why", "undo", "privacy")


class Verdict(StrEnum):
    ANSWER = "answer"  # route it like a private message
    IGNORE = "ignore"  # chatter, another bot's command, a service message: no reply, nothing stored
    PRIVATE = "private"  # a private command: point to the private chat
    HELLO = "hello"  # /start in a group, or the bot was added: say what it does here


@dataclass(frozen=True)
class GroupDecision:
    verdict: Verdict
    text: str = ""  # the text to route (a mention of the bot taken out)
    command: str = ""


def decide(text: str, bot_username: str, reply_to_bot: bool, known_commands: set[str]) -> GroupDecision:
    """What to do with one text message in a group."""
    stripped = text.strip()
    mention = f"@{bot_username}".lower()
    if stripped.startswith("/"):
        word = stripped.split(maxsplit=1)[0][1:]
        name, _, addressee = word.partition("@")
        name = name.lower()
        if addressee and addressee.lower() != bot_username.lower():
            return GroupDecision(Verdict.IGNORE)
        if name == "start":
            return GroupDecision(Verdict.HELLO)
        if name in GROUP_COMMANDS:
            return GroupDecision(Verdict.ANSWER, stripped)
        if name in known_commands:
            return GroupDecision(Verdict.PRIVATE, command=name)
        # Someone else's bare command (`/roll`): only a command addressed to us gets "I don't know".
        return GroupDecision(Verdict.ANSWER, stripped) if addressee else GroupDecision(Verdict.IGNORE)
    if mention in stripped.lower():
        start = stripped.lower().index(mention)
        cleaned = (stripped[:start] + stripped[start + len(mention) :]).strip(" ,:")
        return GroupDecision(Verdict.ANSWER, cleaned) if cleaned else GroupDecision(Verdict.HELLO)
    if reply_to_bot:
        return GroupDecision(Verdict.ANSWER, stripped)
    if reads_as_sets(stripped):
        return GroupDecision(Verdict.ANSWER, stripped)
    return GroupDecision(Verdict.IGNORE)


def reads_as_sets(text: str) -> bool:
    """A line someone in a group meant as a set: sets of exercises SetCoach knows, nothing left unread
    (`ok 5` or `see you at 6` in a group are chatter, not a lift called "ok")."""
    result = parse_message(text, "kg")
    return bool(result.sets) and not result.errors and all(parsed.known for parsed in result.sets)


def private_reply(command: str, bot_username: str) -> Reply:
    """A private command asked in a group: a button that opens the private chat at that command."""
    link = f"https://t.me/{bot_username}?start={command}"
    return Reply(say(CATALOGUE, "group.private", command=command), ((Button(say(CATALOGUE, "group.open"), "", link),),))


def hello() -> Reply:
    return Reply(say(CATALOGUE, "group.hello"))
