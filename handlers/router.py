"""Route each incoming message, edit, button press or file to its handler; the front-ends call only `answer`.

Every raw message is stored first, so nothing typed is ever lost, whatever happens next; it is marked
answered only once its reply is out.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeAlias, assert_never

from handlers import blocks, checkins, commands, conversation, forwards, links, privacy, questions, report, settings
from handlers.base import Incoming, Press, Reply, Services, Upload
from handlers.callbacks import (
    AskStep,
    CheckinDone,
    Choose,
    Forget,
    LogForwarded,
    NumberMeant,
    PickJoint,
    RateJoint,
    SkipStep,
    Soreness,
    Why,
    decode,
)
from handlers.ports import Conversation
from handlers.render import escape, render_chat_fallback
from handlers.sets import correct_sets, report_unreadable
from handlers.words import say, speak_to
from handlers.words.chat import CATALOGUE as CHAT_WORDS
from rules.models import Awaiting, MessageKind, UserSettings
from rules.notation import parse_message

log = logging.getLogger(__name__)

CommandHandler = Callable[[Incoming, UserSettings, Services], Awaitable[Reply]]

# The command menu: name -> (handler, description shown in Telegram's menu). Read-only: a new command
# is a new row here.
COMMANDS: Mapping[str, tuple[CommandHandler, str]] = {
    "start": (links.start, "Set up: unit, experience, time zone, check-ins"),
    "help": (commands.show_help, "How to write sets"),
    "history": (commands.show_history, "Your recent sets"),
    "why": (commands.explain, "The reasons behind my last feedback"),
    "undo": (commands.undo, "Remove the last logged entry"),
    "settings": (settings.show_settings, "Unit, experience, time zone, check-in"),
    "forget": (commands.forget, "Delete all my data"),
    "ask": (questions.ask, "Ask a technique question"),
    "week": (report.week, "The last 7 days, with a chart"),
    "progress": (report.show_progress, "A lift over time: /progress bench"),
    "export": (report.export, "All your sets as a CSV file"),
    "checkin": (checkins.checkin_now, "Check in now: soreness and joints"),
    "pause": (checkins.pause, "Pause the daily check-in"),
    "resume": (checkins.resume, "Restart the daily check-in"),
    "done": (conversation.finish, "End the workout: a summary of the session"),
    "privacy": (privacy.show_privacy, "What I keep, for how long, and how to delete it"),
    "block": (blocks.block, "Your 12-week block: start it, see the week's targets"),
}


@dataclass(frozen=True)
class Handled:
    """A reply, and the stored message it answers (to mark answered once sent)."""

    reply: Reply | None
    row: int | None = None


def _command_name(text: str) -> str:
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""


TypedAnswer = Callable[[Incoming, UserSettings, Services], Awaitable[Reply | None]]
# What we asked for -> who reads the typed answer, and what the message is stored as. None lets the text
# through to the question answerer.
AWAITED: Mapping[Awaiting, tuple[TypedAnswer, MessageKind]] = MappingProxyType(
    {
        Awaiting.TIMEZONE: (settings.timezone_answer, MessageKind.TIMEZONE),
        Awaiting.CHECKIN_TIME: (settings.checkin_time_answer, MessageKind.CHECKIN_TIME),
        Awaiting.CHECKIN: (checkins.typed_answer, MessageKind.CHECKIN),
    }
)


async def handle_text(message: Incoming, services: Services) -> Handled:
    storage = services.storage
    user, stored = await storage.arrive(message.user_id, message.chat_id, message.message_id, message.text, message.at)
    speak_to(user)
    if not stored.is_new and stored.answered:
        log.info("update for message %s delivered again; already answered", message.message_id)
        return Handled(None, stored.row)
    return Handled(await _route(message, user, stored.row, services, stored.conversation), stored.row)


async def _route(
    message: Incoming, user: UserSettings, row: int, services: Services, talk: Conversation | None = None
) -> Reply:
    """The routing order (issue #16): an awaited answer first, then commands, then workout talk
    (same/again/done/rest and sets, `rules.conversation`), then questions, then the fallbacks. `talk`: the
    lifter's conversation in this chat as read with the message's arrival (None: read when it is needed)."""
    storage = services.storage
    text = message.text.strip()
    if user.awaiting is not None and not text.startswith("/"):
        typed, kind = AWAITED[user.awaiting]
        answer = await typed(message, user, services)
        if answer is not None:
            await storage.save_outcome(user.id, row, kind)
            return answer
    if text.startswith("/"):
        await storage.save_outcome(user.id, row, MessageKind.COMMAND)
        name = _command_name(text)
        handler = COMMANDS.get(name)
        if handler is None:
            return Reply(say(CHAT_WORDS, "unknown_command", command=escape(name[:30])))
        return await handler[0](message, user, services)
    if message.forwarded_from is not None and forwards.reads_as_sets(text, user):  # someone else's sets?
        return await forwards.ask(message, row, user, services)
    if checkins.reads_as_joints(text):  # `knee 3` after a check-in: never a set of an exercise called "knee"
        answer = await checkins.joint_answer(message, user, services)
        if answer is not None:
            await storage.save_outcome(user.id, row, MessageKind.CHECKIN)
            return answer
    answerable = questions.answerable(text)
    reply = None if answerable else await conversation.converse(message, row, user, services, conversation=talk)
    if reply is not None:
        return await questions.with_answer(message, reply, user, services)
    # While a check-in is awaited only a question the rules answer is one; `что-то странное` or `что писать?`
    # gets the check-in's how-to-answer, not "I can't answer that".
    checkin_awaited = user.awaiting is Awaiting.CHECKIN
    reply = None if checkin_awaited and not questions.answerable(text) else (
        await questions.question_hook(message, user, services, talk)
    )
    if reply is not None:
        await storage.save_outcome(user.id, row, MessageKind.QUESTION)
        return reply
    if checkin_awaited:
        await storage.save_outcome(user.id, row, MessageKind.CHECKIN)
        return checkins.not_an_answer()
    reply = await conversation.converse(message, row, user, services, unknown_headings=True, conversation=talk)
    if reply is not None:
        return reply
    if any(character.isdigit() for character in text):
        return await report_unreadable(message, row, user, parse_message(text, user.unit), services)
    await storage.save_outcome(user.id, row, MessageKind.CHAT)
    return Reply(render_chat_fallback())


async def handle_edit(message: Incoming, services: Services) -> Handled:
    """An edited message: re-read it in the state it was first read in and correct what it logged; treat
    it as new if we never saw it."""
    storage = services.storage
    row = await storage.message_row(message.user_id, message.chat_id, message.message_id)
    if row is None:
        return await handle_text(message, services)
    user = await storage.user(message.user_id, message.chat_id)
    speak_to(user)
    if not await storage.edit_message(user.id, row, message.text, message.at):
        log.info("edit of message %s delivered again; already answered", message.message_id)
        return Handled(None, None)
    if message.text.strip().startswith("/"):
        return Handled(await _route(message, user, row, services), row)
    reply = await conversation.correct(message, row, user, services)
    if reply is not None:
        return Handled(reply, row)
    result = parse_message(message.text, user.unit)
    return Handled(await correct_sets(message, row, user, result, services), row)


async def handle_callback(user_id: int, chat_id: int, data: str, services: Services) -> Reply:
    """A button press; `data` is read by handlers/callbacks.py, where the buttons were built."""
    user = await services.storage.user(user_id, chat_id)
    speak_to(user)
    match decode(data):
        case Choose(step, value):
            return await settings.choose(user, step, value, services)
        case AskStep(step):
            return await settings.ask_again(user, step, services)
        case SkipStep(step):
            return await settings.skip(user, step, services)
        case Forget(confirmed, token):
            return await commands.confirm_forget(user, confirmed, token, services)
        case Why():
            return await commands.explain_button(user, services)
        case Soreness() | PickJoint() | RateJoint() | CheckinDone() as press:
            return await checkins.button(user, press, services)
        case LogForwarded() as forwarded:
            return await forwards.confirm(user, forwarded, services)
        case NumberMeant() as meant:
            return await conversation.number_button(user, meant, services)
        case None:
            return Reply(say(CHAT_WORDS, "button.gone"))
        case unknown:
            assert_never(unknown)


# How a front-end delivers a reply to the chat the event came from.
Send: TypeAlias = Callable[[Reply], Awaitable[object]]


async def answer(incoming: Incoming | Press | Upload, services: Services, send: Send) -> None:
    """The one way through for every front-end (console, Telegram, webhook): route, send, mark answered.

    A stored message is marked answered only after `send` returned, so a crash in between means a
    re-delivery is answered then; a re-delivery of an answered message sends nothing.
    """
    storage = services.storage
    if isinstance(incoming, Press):
        if incoming.press_id:
            await storage.user(incoming.user_id)
            if not await storage.record_press(incoming.user_id, incoming.press_id, services.clock()):
                log.info("button press %s delivered again; already answered", incoming.press_id)
                return
        await send(await handle_callback(incoming.user_id, incoming.chat_id, incoming.data, services))
        if incoming.press_id:
            await storage.mark_press_answered(incoming.user_id, incoming.press_id)
        return
    if isinstance(incoming, Upload):
        if incoming.message_id is None:  # a file from the command line: no message, nothing to replay
            user = await storage.user(incoming.user_id, incoming.chat_id)
            speak_to(user)
            await send(await report.import_file(user, incoming.content, services))
            return
        user, stored = await storage.arrive(
            incoming.user_id, incoming.chat_id, incoming.message_id, f"document: {incoming.name}",
            incoming.at or services.clock(),
        )  # fmt: skip
        speak_to(user)
        if stored.answered:
            log.info("document message %s delivered again; already answered", incoming.message_id)
            return
        await send(await report.import_file(user, incoming.content, services))
        await storage.mark_answered(user.id, stored.row)
        return
    handled = await (handle_edit if incoming.edited else handle_text)(incoming, services)
    if handled.reply is not None:
        await send(handled.reply)
    if handled.row is not None:
        await services.storage.mark_answered(incoming.user_id, handled.row)
