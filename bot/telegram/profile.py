"""The bot's public face, set at start: command menus per scope and language, and its descriptions.

Private chats list every command; groups list only those that make sense in front of others (the
rest happen in the private chat, handlers/groups.py). English is the default for every language
Telegram has; Russian speakers get Russian menus and descriptions.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Iterable

from telegram import Bot, BotCommand, BotCommandScope, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.error import TelegramError

from handlers.groups import GROUP_COMMANDS
from handlers.router import COMMANDS
from handlers.words import DEFAULT_LANGUAGE, LANGUAGES, menu, say, speaking, tr

log = logging.getLogger(__name__)


def commands(names: Iterable[str]) -> list[BotCommand]:
    """The menu entries for these commands, in the current language."""
    return [BotCommand(name, tr(menu.COMMANDS.get(name, COMMANDS[name][1]))) for name in names]


def private_commands() -> list[str]:
    return list(COMMANDS)


def group_commands() -> list[str]:
    return [name for name in COMMANDS if name in GROUP_COMMANDS]


def _calls(bot: Bot, language: str) -> list[Awaitable[bool]]:
    code = None if language == DEFAULT_LANGUAGE else language  # no code: every language without its own
    scopes: list[tuple[BotCommandScope | None, list[str]]] = [
        (None, private_commands()),
        (BotCommandScopeAllPrivateChats(), private_commands()),
        (BotCommandScopeAllGroupChats(), group_commands()),
    ]
    with speaking(language):
        calls: list[Awaitable[bool]] = [
            bot.set_my_commands(commands(names), scope=scope, language_code=code) for scope, names in scopes
        ]
        calls.append(bot.set_my_description(say(menu.CATALOGUE, "description"), language_code=code))
        calls.append(bot.set_my_short_description(say(menu.CATALOGUE, "short_description"), language_code=code))
    return calls


async def set_profile(bot: Bot) -> None:
    """Menus and descriptions in every language; a refusal is logged, never fatal (they are cosmetic).

    The English default menu goes last, on its own: once it is set, the whole profile is (tests and
    deploy checks wait for it)."""
    calls = [call for language in LANGUAGES for call in _calls(bot, language)]
    last = calls.pop(0)  # English, no scope: the default menu
    results = await asyncio.gather(*calls, return_exceptions=True)
    for result in results:
        if isinstance(result, TelegramError):
            log.warning("Telegram refused part of the bot's profile: %s", result)
        elif isinstance(result, BaseException):
            raise result
    try:
        await last
    except TelegramError as error:
        log.warning("Telegram refused the default command menu: %s", error)
