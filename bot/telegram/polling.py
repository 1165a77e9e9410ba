"""Long polling that confirms an update to Telegram only after it has been handled.

python-telegram-bot's Updater confirms updates as soon as it fetches them, so a crash loses the
ones still queued. Here the offset moves past a batch only once every update in it is handled:
after a SIGKILL, Telegram re-delivers what was not done, and storage (keyed by message id) makes
the replay idempotent. Within a batch, different users are handled concurrently and each user's
updates in the order sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import warnings
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 10  # long-poll length: Telegram answers at once when something arrives
MAX_BACKOFF_S = 30.0
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


def _sender(update: Update) -> int:
    user = update.effective_user
    return user.id if user is not None else 0


async def handle_batch(application: Application[Any, Any, Any, Any, Any, Any], updates: Sequence[Update]) -> None:
    """Each user's updates in order; users side by side."""
    by_user: dict[int, list[Update]] = defaultdict(list)
    for update in updates:
        by_user[_sender(update)].append(update)

    async def in_order(queue: list[Update]) -> None:
        for update in queue:
            if update.effective_user is None:
                log.info("ignoring update %s: not a kind SetCoach handles", update.update_id)
                continue
            await application.process_update(update)  # errors go to the error handler, not here

    await asyncio.gather(*(in_order(queue) for queue in by_user.values()))


async def poll(
    application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event, timeout: float = POLL_TIMEOUT_S
) -> None:
    """Fetch, handle, then confirm; until `stop` is set. Network trouble backs off and retries."""
    bot = application.bot
    offset = 0
    backoff = 1.0
    while not stop.is_set():
        fetch = asyncio.ensure_future(bot.get_updates(offset=offset, timeout=timeout, allowed_updates=ALLOWED_UPDATES))
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():  # asked to stop while waiting: nothing fetched, nothing lost
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            break
        try:
            updates = fetch.result()
            next_offset = updates[-1].update_id + 1 if updates else offset
        except InvalidToken:
            raise
        except RetryAfter as error:
            delay = (
                error.retry_after if isinstance(error.retry_after, int | float) else error.retry_after.total_seconds()
            )
            log.warning("Telegram asks us to wait %.0f s", delay)
            await _sleep_or_stop(stop, float(delay))
            continue
        except (NetworkError, TelegramError) as error:
            log.warning("getUpdates failed (%s); retrying in %.0f s", error, backoff)
            await _sleep_or_stop(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)
            continue
        except Exception:  # an update python-telegram-bot cannot parse: read the batch one by one
            try:
                updates, next_offset = await fetch_leniently(application, offset)
            except TelegramError as error:
                log.warning("re-reading a batch failed (%s); retrying in %.0f s", error, backoff)
                await _sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                continue
        backoff = 1.0
        if updates:
            await handle_batch(application, updates)  # finish the batch even when asked to stop
        offset = next_offset
    if offset:
        await _confirm(application, offset)


async def fetch_leniently(
    application: Application[Any, Any, Any, Any, Any, Any], offset: int
) -> tuple[list[Update], int]:
    """The batch as raw JSON, parsed update by update: a corrupt one is logged and skipped, not retried forever."""
    bot = application.bot
    with warnings.catch_warnings():  # PTB suggests get_updates, which is what could not parse this batch
        warnings.simplefilter("ignore")
        raw = await bot.do_api_request(
            "get_updates", api_kwargs={"offset": offset, "timeout": 0, "allowed_updates": ALLOWED_UPDATES}
        )
    updates: list[Update] = []
    next_offset = offset
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("update_id"), int):
            next_offset = max(next_offset, item["update_id"] + 1)
        try:
            update = Update.de_json(item, bot)
        except Exception:
            log.error("skipping an update that cannot be read: %.300r", item)
            continue
        if update is not None:
            updates.append(update)
    return updates, next_offset


async def _confirm(application: Application[Any, Any, Any, Any, Any, Any], offset: int) -> None:
    """Tell Telegram the last batch is done, so a restart does not see it again."""
    try:
        await application.bot.get_updates(offset=offset, timeout=0, allowed_updates=ALLOWED_UPDATES)
    except TelegramError as error:
        log.warning("could not confirm handled updates (%s); they will be replayed idempotently", error)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


@asynccontextmanager
async def running(application: Application[Any, Any, Any, Any, Any, Any]) -> AsyncIterator[None]:
    """The Application's lifecycle as run_polling runs it, post_init and post_shutdown included."""
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        try:
            yield
        finally:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


async def serve(application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event | None = None) -> None:
    """Run until SIGINT/SIGTERM (or `stop`), then finish the batch in hand and shut down cleanly."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows loops, or not the main thread
            log.info("no %s handler here; Ctrl+C still stops the bot", sig.name)
    async with running(application):
        await poll(application, stop)


@asynccontextmanager
async def polling_in_background(
    application: Application[Any, Any, Any, Any, Any, Any], timeout: float = POLL_TIMEOUT_S
) -> AsyncIterator[None]:
    """The bot running and polling while the body runs (tests and benchmarks drive it from outside)."""
    stop = asyncio.Event()
    async with running(application):
        polling = asyncio.create_task(poll(application, stop, timeout=timeout))
        try:
            yield
        finally:
            stop.set()
            await asyncio.wait_for(polling, 15)
