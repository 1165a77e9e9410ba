"""python-telegram-bot adapters: turn updates into `Incoming`, send `Reply`s back. Nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.scheduler import SendPrompt, SendReply
from bot.storage import Backend
from bot.telegram.polling import retry_later
from bot.wiring import Wiring
from handlers import checkins, groups, media, report
from handlers.base import Incoming, Press, Reply, Services, Upload
from handlers.callbacks import Why, decode
from handlers.console_text import plain
from handlers.ports import RecipientGone, StorageUnavailable
from handlers.router import COMMANDS, Send, answer
from handlers.split import split_html
from handlers.words import say, speaking, use_language
from handlers.words.chat import CATALOGUE as CHAT_WORDS
from handlers.words.report import CATALOGUE as REPORT_WORDS
from rules.models import LoggedSet, UserSettings

log = logging.getLogger(__name__)

MAX_TELEGRAM_CHARS = 4096
GROUP_CHATS = (ChatType.GROUP, ChatType.SUPERGROUP)
# Commands that take a moment (a chart drawn, a file written): Telegram shows "sending a photo..." meanwhile.
SLOW_COMMANDS = {"week": ChatAction.UPLOAD_PHOTO, "progress": ChatAction.UPLOAD_PHOTO,
                 "export": ChatAction.UPLOAD_DOCUMENT}  # fmt: skip
CHAT_ACTION_REPEAT_S = 4.0  # Telegram shows an action for 5 s, or until the next message arrives
NOT_SAVED = (
    "⚠️ Not saved yet: my storage is failing right now. Telegram keeps your message for me and I will log it "
    "as soon as storage is back; no need to send it again."
)


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    services = context.application.bot_data["services"]
    assert isinstance(services, Services)
    return services


def backend_of(context: ContextTypes.DEFAULT_TYPE) -> Backend:
    """The storage backend itself, for the check-in sweep (handlers see it only as a `Store`)."""
    wiring: Wiring = context.application.bot_data["wiring"]
    return wiring.backend


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(button.label, url=button.url)
                if button.url
                else InlineKeyboardButton(button.label, callback_data=button.data)
                for button in row
            ]
            for row in reply.buttons
        ]
    )


T = TypeVar("T")
RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0)  # 7.5 s in all: outlasts a short Telegram outage


async def _with_retries(call: Callable[[], Awaitable[T]]) -> T | None:
    """Retry failures that prove nothing was sent (no connection, 5xx); 429s are the rate limiter's.

    A timeout after the request went out is not retried: Telegram may well have delivered it (a slow
    answer is not a lost message), and a blind re-send shows the lifter the same reply twice. None then."""
    for delay in (*RETRY_DELAYS_S, None):
        try:
            return await call()
        except BadRequest:
            raise
        except TimedOut as error:
            log.warning("Telegram did not answer in time (%s); the message may have arrived, so not re-sending", error)
            return None
        except NetworkError as error:
            if delay is None:
                raise
            log.warning("sending failed (%s); retrying in %.1f s", error, delay)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")  # the loop returns or raises


async def send(bot: Bot, chat_id: int, reply: Reply, reply_to: int | None = None) -> Message | None:
    """The text first (short, readable between sets), then the chart or file if there is one.

    A reply over Telegram's limit goes out in several messages split at line boundaries (the buttons
    under the last); in a group the first one quotes the lifter's message, so it is clear whose set it was."""
    quoting = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    pieces = split_html(reply.html)
    sent: Message | None = None
    for number, piece in enumerate(pieces, start=1):
        keyboard = markup(reply) if number == len(pieces) else None
        quote = quoting if number == 1 else None
        try:
            sent = await _with_retries(
                functools.partial(
                    bot.send_message, chat_id, piece, parse_mode=ParseMode.HTML, reply_markup=keyboard,
                    reply_parameters=quote,
                )
            )  # fmt: skip
        except BadRequest as error:  # should not happen (replies are escaped); still, answer in plain text
            log.error("Telegram refused a reply's HTML (%s); sending it as plain text", error)
            for text in split_html(plain(piece)):
                sent = await _with_retries(functools.partial(bot.send_message, chat_id, text, reply_markup=keyboard))
    for attachment in reply.files:
        upload = InputFile(attachment.data, filename=attachment.filename)
        if attachment.photo:
            sent = await _with_retries(functools.partial(bot.send_photo, chat_id, upload))
        else:
            sent = await _with_retries(functools.partial(bot.send_document, chat_id, upload))
    return sent


@contextlib.asynccontextmanager
async def chat_action(bot: Bot, chat_id: int, action: str) -> AsyncIterator[None]:
    """Show "typing..." (or "sending a photo...") while the block runs: at once, then every 4 s."""

    async def keep_showing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, action)
            await asyncio.sleep(CHAT_ACTION_REPEAT_S)

    task = asyncio.create_task(keep_showing())
    await asyncio.sleep(0)  # let the first action go out before the work starts
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def sender_id(message: Message) -> int:
    """Whose data a message is about. Telegram sends every anonymous group admin (and a channel posting
    into its group) as one shared user, GroupAnonymousBot; such messages carry `sender_chat`, the group or
    channel they speak for, and are keyed by it: group A's admins never see group B's sets."""
    if message.sender_chat is not None:
        return message.sender_chat.id
    assert message.from_user is not None
    return message.from_user.id


def incoming(message: Message, edited: bool = False) -> Incoming:
    assert message.from_user is not None
    when = message.edit_date or message.date or datetime.now(UTC)
    return Incoming(
        user_id=sender_id(message),
        chat_id=message.chat_id,
        message_id=message.message_id,
        text=message.text or "",
        at=when,
        edited=edited,
        forwarded_from=forwarded_from(message),
    )


def forwarded_from(message: Message) -> str | None:
    """Whose message a forward was (a name, "" when hidden), or None: not a forward, or the lifter's own."""
    origin = message.forward_origin
    if origin is None:
        return None
    if isinstance(origin, MessageOriginUser):
        if message.from_user is not None and origin.sender_user.id == message.from_user.id:
            return None  # their own message, forwarded back: theirs
        return origin.sender_user.full_name
    if isinstance(origin, MessageOriginHiddenUser):
        return origin.sender_user_name
    if isinstance(origin, MessageOriginChat):
        return origin.sender_chat.title or ""
    if isinstance(origin, MessageOriginChannel):
        return origin.chat.title or ""
    return ""


def replier(bot: Bot, chat_id: int, reply_to: int | None = None) -> Send:
    """`send` for the router: a reply goes to the chat the update came from."""

    async def send_reply(reply: Reply) -> None:
        await send(bot, chat_id, reply, reply_to)

    return send_reply


def _in_group(message: Message) -> bool:
    return message.chat.type in GROUP_CHATS


def _reply_to_bot(message: Message, bot: Bot) -> bool:
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot.id


async def _answer_message(message: Message | None, context: ContextTypes.DEFAULT_TYPE, edited: bool) -> None:
    if message is None or message.from_user is None or message.text is None:
        return
    use_language(message.from_user.language_code)  # the lifter's stored choice, if any, wins in the router
    bot = context.bot
    reply_to = None
    text = message.text
    if _in_group(message):
        decision = groups.decide(text, bot.username, _reply_to_bot(message, bot), set(COMMANDS))
        if decision.verdict is groups.Verdict.IGNORE:
            return
        if decision.verdict is groups.Verdict.PRIVATE:
            await send(bot, message.chat_id, groups.private_reply(decision.command, bot.username), message.message_id)
            return
        if decision.verdict is groups.Verdict.HELLO:
            await send(bot, message.chat_id, groups.hello(), message.message_id)
            return
        text, reply_to = decision.text, message.message_id
    arrived = replace(incoming(message, edited), text=text)
    slow = SLOW_COMMANDS.get(_command(text))
    respond = replier(bot, message.chat_id, reply_to)
    if slow is None:
        await answer(arrived, services_of(context), respond)
        return
    async with chat_action(bot, message.chat_id, slow):
        await answer(arrived, services_of(context), respond)


def _command(text: str) -> str:
    word = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    return word[1:].split("@", 1)[0].lower() if word.startswith("/") else ""


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text, commands included: the router decides; the raw text is stored first."""
    await _answer_message(update.message, context, edited=False)


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message corrects what it logged."""
    await _answer_message(update.edited_message, context, edited=True)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on one of our inline buttons: the answer replaces the message the button was on (the
    choice shown, its keyboard gone), as Telegram's own menus do. "Why?" keeps the feedback it
    explains: its button goes, and the reasons come as a new message."""
    query = update.callback_query
    if query is None:
        return
    use_language(query.from_user.language_code)
    with contextlib.suppress(TelegramError):  # a re-delivered query may be too old to answer: that is fine
        await query.answer()
    chat_id = query.message.chat.id if query.message else query.from_user.id
    message = query.message if isinstance(query.message, Message) else None
    press = Press(query.from_user.id, chat_id, query.data or "", press_id=query.id)
    bot = context.bot

    async def show(reply: Reply) -> None:
        if message is None:
            await send(bot, chat_id, reply)
            return
        if isinstance(decode(press.data), Why) or reply.files or len(split_html(reply.html)) > 1:
            with contextlib.suppress(BadRequest):  # already without buttons
                await _with_retries(lambda: message.edit_reply_markup(reply_markup=None))
            await send(bot, chat_id, reply)
            return
        try:
            await _with_retries(
                lambda: message.edit_text(reply.html, parse_mode=ParseMode.HTML, reply_markup=markup(reply))
            )
        except BadRequest as error:
            if "not modified" in str(error).lower():
                return  # the same button pressed twice: the message already says so
            log.info("could not edit message %s (%s); sending the answer instead", message.message_id, error)
            await send(bot, chat_id, reply)

    await answer(press, services_of(context), show)




async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A CSV sent as a document: import it as a Strong export."""
    message = update.message
    if message is None or message.document is None or message.from_user is None:
        return
    use_language(message.from_user.language_code)
    document = message.document
    if _in_group(message):
        return  # files in a group are the group's; imports happen in the private chat
    if not _is_csv(document.file_name or "", document.mime_type or ""):
        await send(context.bot, message.chat_id, media.not_text("file"))
        return
    if (document.file_size or 0) > report.MAX_IMPORT_BYTES:
        await send(context.bot, message.chat_id, Reply(say(REPORT_WORDS, "import.too_big")))
        return
    file = await context.bot.get_file(document.file_id)
    content = bytes(await file.download_as_bytearray())
    upload = Upload(
        sender_id(message), message.chat_id, content, message_id=message.message_id,
        name=document.file_name or "", at=message.date,
    )  # fmt: skip
    async with chat_action(context.bot, message.chat_id, ChatAction.TYPING):
        await answer(upload, services_of(context), replier(context.bot, message.chat_id))


def _is_csv(name: str, mime: str) -> bool:
    return name.lower().endswith((".csv", ".txt")) or "csv" in mime or mime.startswith("text/")


# What a non-text message carries, by the Message attribute Telegram fills in; first match wins.
OTHER_KINDS = ("photo", "sticker", "animation", "voice", "audio", "video", "video_note", "venue", "location",
               "contact", "poll", "dice")  # fmt: skip


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Photos, stickers, voice notes: a short, specific reply instead of silence. Service messages
    (joins, pins, title changes) get none, except a hello when the bot itself is added to a group."""
    message = update.message
    if message is None:
        return
    bot = context.bot
    if message.new_chat_members and any(member.id == bot.id for member in message.new_chat_members):
        if message.from_user is not None:
            use_language(message.from_user.language_code)
        await send(bot, message.chat_id, groups.hello())
        return
    kind = next((name for name in OTHER_KINDS if getattr(message, name, None)), None)
    if kind is None or _in_group(message):  # a service message, or a photo shared with the group
        return
    use_language(message.from_user.language_code if message.from_user else None)
    await send(bot, message.chat_id, media.not_text(kind))


APOLOGIES_KEPT = 10_000  # updates told "not saved yet": each is told once, however often it is retried


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log first, then answer politely and truthfully; never show the lifter a stack trace.

    A storage failure means nothing was kept: the update is handed back to the poller (not confirmed,
    retried later) and the lifter hears "not saved yet", once."""
    error = context.error
    if isinstance(error, StorageUnavailable):
        log.error("storage failed (%s); the update will be retried", error)
        retry_later(context.application, update)
        told: set[int] = context.application.bot_data.setdefault("told_not_saved", set())
        if not isinstance(update, Update) or update.update_id in told:
            return
        if len(told) > APOLOGIES_KEPT:
            told.clear()
        told.add(update.update_id)
        text = NOT_SAVED
    else:
        log.error("error while handling an update", exc_info=error)
        text = say(CHAT_WORDS, "sorry")
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(text))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


def reply_sender(bot: Bot) -> SendReply:
    async def send_reply(chat_id: int, reply: Reply) -> None:
        try:
            await send(bot, chat_id, reply)
        except Forbidden as error:
            raise RecipientGone(chat_id) from error

    return send_reply


def prompt_sender(bot: Bot) -> SendPrompt:
    """The sweep's way to send one lifter's prompt over Telegram; a blocked bot is `RecipientGone`."""

    async def send_prompt(user: UserSettings, recent: list[LoggedSet]) -> None:
        try:
            # The private chat, always: a prompt names body parts, and a set typed in a group must not move it there.
            with speaking(user.language):  # no message to read a language from: the stored one
                await send(bot, user.id, checkins.prompt_reply(recent, checkins.local_zone(user)))
        except Forbidden as error:  # blocked the bot, or the chat is gone
            raise RecipientGone(user.id) from error

    return send_prompt


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Every handler, in order. Order matters: edits and buttons before the catch-all for other messages."""
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, on_edit))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, on_text))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.Document.ALL, on_document))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT, on_other))
    application.add_error_handler(on_error)
