"""python-telegram-bot adapters: turn updates into `Incoming`, send `Reply`s back. Nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.scheduler import SendPrompt, SendReply, sweep, sweep_timers
from bot.storage import Backend
from bot.telegram.polling import retry_later
from bot.wiring import Wiring
from handlers import checkins
from handlers.base import Incoming, Press, Reply, Services, Upload
from handlers.console_text import plain
from handlers.ports import RecipientGone, StorageUnavailable
from handlers.router import Send, answer
from rules.models import LoggedSet, UserSettings

log = logging.getLogger(__name__)

MAX_TELEGRAM_CHARS = 4096
NOT_TEXT = (
    "I read text, and Strong CSV exports sent as files. Send your set as a message, "
    "e.g. <code>bench 100kg 3x8 @8</code>."
)
SORRY = "Sorry, something went wrong on my side; try again in a moment."
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
        [[InlineKeyboardButton(button.label, callback_data=button.data) for button in row] for row in reply.buttons]
    )


def _fit(reply_html: str) -> tuple[str, str | None]:
    """Text and parse mode within Telegram's length limit; cutting HTML could break a tag, so a
    reply that is somehow too long goes out as plain text."""
    if len(reply_html) <= MAX_TELEGRAM_CHARS:
        return reply_html, ParseMode.HTML
    text = plain(reply_html)
    return (text if len(text) <= MAX_TELEGRAM_CHARS else text[: MAX_TELEGRAM_CHARS - 1] + "…"), None


RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0)  # 7.5 s in all: outlasts a short Telegram outage


async def _with_retries(call: Callable[[], Awaitable[Message]]) -> Message | None:
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


async def send(bot: Bot, chat_id: int, reply: Reply) -> Message | None:
    """The text first (short, readable between sets), then the chart or file if there is one."""
    try:
        text, mode = _fit(reply.html)
        sent = await _with_retries(lambda: bot.send_message(chat_id, text, parse_mode=mode, reply_markup=markup(reply)))
    except BadRequest as error:  # should not happen (replies are escaped); still, answer in plain text
        log.error("Telegram refused a reply's HTML (%s); sending it as plain text", error)
        sent = await _with_retries(lambda: bot.send_message(chat_id, plain(reply.html)[:MAX_TELEGRAM_CHARS]))
    attachment = reply.attachment
    if attachment is not None:
        upload = InputFile(attachment.data, filename=attachment.filename)
        if attachment.photo:
            return await _with_retries(lambda: bot.send_photo(chat_id, upload))
        return await _with_retries(lambda: bot.send_document(chat_id, upload))
    return sent


def incoming(message: Message, edited: bool = False) -> Incoming:
    assert message.from_user is not None
    when = message.edit_date or message.date or datetime.now(UTC)
    return Incoming(
        user_id=message.from_user.id,
        chat_id=message.chat_id,
        message_id=message.message_id,
        text=message.text or "",
        at=when,
        edited=edited,
    )


def replier(bot: Bot, chat_id: int) -> Send:
    """`send` for the router: a reply goes to the chat the update came from."""

    async def send_reply(reply: Reply) -> None:
        await send(bot, chat_id, reply)

    return send_reply


async def _answer_message(message: Message | None, context: ContextTypes.DEFAULT_TYPE, edited: bool) -> None:
    if message is None or message.from_user is None or message.text is None:
        return
    await answer(incoming(message, edited), services_of(context), replier(context.bot, message.chat_id))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text, commands included: the router decides; the raw text is stored first."""
    await _answer_message(update.message, context, edited=False)


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message corrects what it logged."""
    await _answer_message(update.edited_message, context, edited=True)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on one of our inline buttons."""
    query = update.callback_query
    if query is None:
        return
    with contextlib.suppress(TelegramError):  # a re-delivered query may be too old to answer: that is fine
        await query.answer()
    chat_id = query.message.chat.id if query.message else query.from_user.id
    press = Press(query.from_user.id, chat_id, query.data or "", press_id=query.id)
    await answer(press, services_of(context), replier(context.bot, chat_id))


MAX_IMPORT_BYTES = 5 * 1024 * 1024


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A CSV sent as a document: import it as a Strong export."""
    message = update.message
    if message is None or message.document is None or message.from_user is None:
        return
    document = message.document
    if (document.file_size or 0) > MAX_IMPORT_BYTES:
        await send(context.bot, message.chat_id, Reply("That file is over 5 MB; export a shorter range from Strong."))
        return
    file = await context.bot.get_file(document.file_id)
    content = bytes(await file.download_as_bytearray())
    upload = Upload(
        message.from_user.id, message.chat_id, content, message_id=message.message_id,
        name=document.file_name or "", at=message.date,
    )  # fmt: skip
    await answer(upload, services_of(context), replier(context.bot, message.chat_id))


async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Photos, stickers, voice notes: say what we read instead of staying silent."""
    if update.message is not None:
        await send(context.bot, update.message.chat_id, Reply(NOT_TEXT))


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
        text = SORRY
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(text))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


async def checkin_sweep(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The JobQueue's periodic job: send the check-ins that are due (the database says which)."""
    await sweep(backend_of(context), prompt_sender(context.bot), services_of(context).clock())


async def timer_sweep(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The JobQueue's frequent job: rest pings and idle-session summaries that are due (the database says which)."""
    services = services_of(context)
    await sweep_timers(backend_of(context), services, reply_sender(context.bot), services.clock())


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
            await send(bot, user.chat_id or user.id, checkins.prompt_reply(recent))
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
