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
import os
import signal
import socket
import uuid
import warnings
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from handlers.ports import StorageUnavailable

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 10  # long-poll length: Telegram answers at once when something arrives
MAX_BACKOFF_S = 30.0
IDLE_S = 0.2  # while a slow update is in flight Telegram re-sends it at once: look again this often
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
_NOT_DONE = "polling.not_done"  # bot_data key: update ids whose handling must be retried


def _sender(update: Update) -> int:
    """The lane an update waits in: its sender (an anonymous admin by the chat they speak for, as
    updates.sender_id keys their data)."""
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    return user.id if user is not None else 0


def retry_later(application: Application[Any, Any, Any, Any, Any, Any], update: object) -> None:
    """Called by the error handler when an update could not be stored: it must not be confirmed."""
    if isinstance(update, Update):
        application.bot_data.setdefault(_NOT_DONE, set()).add(update.update_id)


def needs_retry(application: Application[Any, Any, Any, Any, Any, Any], update: Update) -> bool:
    failed: set[int] = application.bot_data.get(_NOT_DONE, set())
    if update.update_id in failed:
        failed.discard(update.update_id)
        return True
    return False


LEASE_KEY = "polling.lease"  # bot_data key: the PollerLease, when the bot's storage can coordinate instances
LEASE_TTL = timedelta(seconds=30)  # outlasts one long poll (10 s) plus a slow answer; a crashed holder's lapses
LEASE_WAIT_S = 1.0  # a waiting instance looks again this often: it takes over about a second after a clean stop


class LeaseStore(Protocol):
    async def hold_poller(
        self, instance: str, now: datetime, ttl: timedelta, take_over: str | None = None
    ) -> str: ...

    async def release_poller(self, instance: str) -> None: ...


def _dead_here(instance: str) -> bool:
    """A lease holder on this host whose process is gone (or is us: a container restarts as the same pid)."""
    host, _, rest = instance.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, not ours to signal
        return False
    return False


class PollerLease:
    """The right to poll, held in the shared database: of two instances (a deploy overlap) only one polls.

    Telegram would answer the second poller with 409 Conflict and both would handle some batches; with
    the lease the second waits, says so once, and takes over when the first stops or dies."""

    def __init__(self, store: LeaseStore) -> None:
        self.store = store
        self.instance = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._renewed_at: float | None = None
        self._waiting_for: str | None = None

    async def hold(self) -> bool:
        loop_time = asyncio.get_running_loop().time()
        if self._renewed_at is not None and loop_time - self._renewed_at < LEASE_TTL.total_seconds() / 3:
            return True
        try:
            holder = await self.store.hold_poller(self.instance, datetime.now(UTC), LEASE_TTL)
            if holder != self.instance and _dead_here(holder):  # restarted after a crash: no need to wait
                holder = await self.store.hold_poller(self.instance, datetime.now(UTC), LEASE_TTL, take_over=holder)
        except StorageUnavailable as error:  # cannot coordinate: keep doing what we did
            log.warning("could not renew the polling lease (%s)", error)
            return self._renewed_at is not None
        if holder == self.instance:
            if self._waiting_for is not None:
                log.warning("the other SetCoach instance (%s) stopped; this one polls now", self._waiting_for)
                self._waiting_for = None
            self._renewed_at = loop_time
            return True
        if self._waiting_for != holder:
            log.warning(
                "another SetCoach instance (%s) is polling Telegram for this database; this one (%s) waits "
                "and takes over when it stops", holder, self.instance,
            )  # fmt: skip
            self._waiting_for = holder
        self._renewed_at = None
        return False

    async def release(self) -> None:
        if self._renewed_at is None:
            return
        with contextlib.suppress(StorageUnavailable):
            await self.store.release_poller(self.instance)
        self._renewed_at = None


class Poller:
    """Fetch, hand each update to its sender's lane, confirm only what is done.

    Telegram's offset confirms every update below it, so the offset never passes an update that is not
    done: one still being handled (a slow upload), or one whose storage failed (full disk, read-only
    file, a long lock). Meanwhile the next batches are fetched anyway: Telegram re-sends the unfinished
    updates with them, and those already in hand are skipped, so one slow lifter does not hold the
    others. A lifter whose update could not be stored waits (with backoff) and then gets it and every
    later one again, in order; the others go on.
    """

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event) -> None:
        self.application = application
        self.stop = stop
        self.offset = 0  # one past the highest update fetched: where to confirm once nothing is unfinished
        self.unfinished: set[int] = set()  # fetched, not done: in a lane, or waiting for a retry
        self.in_lane: set[int] = set()
        self.done: set[int] = set()  # done, but above the offset (a slower update before them)
        self.lanes: dict[int, list[Update]] = {}
        self.workers: dict[int, asyncio.Task[None]] = {}
        self.held_until: dict[int, float] = {}  # sender -> loop time before which their retry waits
        self.holds: dict[int, float] = {}  # sender -> their current backoff
        self.progress = asyncio.Event()

    def next_offset(self) -> int:
        return min(self.unfinished) if self.unfinished else self.offset

    def take(self, updates: Sequence[Update]) -> bool:
        """Queue the updates not already in hand; True if any was new to us."""
        now = asyncio.get_running_loop().time()
        fresh = False
        for update in updates:
            update_id = update.update_id
            if update_id in self.done or update_id in self.in_lane:
                continue  # Telegram sent back one we have (it is below the offset until done)
            self.unfinished.add(update_id)
            self.offset = max(self.offset, update_id + 1)
            sender = _sender(update)
            if self.held_until.get(sender, 0.0) > now:
                continue  # stays unfinished: the offset waits for it; it comes back in a later batch
            fresh = True
            self.in_lane.add(update_id)
            self.lanes.setdefault(sender, []).append(update)
            if sender not in self.workers:
                self.workers[sender] = asyncio.create_task(self._lane(sender))
        low = self.next_offset()
        self.done = {update_id for update_id in self.done if update_id >= low}
        return fresh

    async def _lane(self, sender: int) -> None:
        """One sender's updates, in the order sent."""
        queue = self.lanes[sender]
        try:
            while queue:
                update = queue.pop(0)
                if update.effective_user is None:
                    log.info("ignoring update %s: not a kind SetCoach handles", update.update_id)
                else:
                    await self.application.process_update(update)  # errors go to the error handler
                self.in_lane.discard(update.update_id)
                if needs_retry(self.application, update):
                    backoff = min(self.holds.get(sender, 0.5) * 2, MAX_BACKOFF_S)
                    self.holds[sender] = backoff
                    self.held_until[sender] = asyncio.get_running_loop().time() + backoff
                    log.warning("update %s not stored; it and the sender's later ones retry in %.0f s",
                                update.update_id, backoff)  # fmt: skip
                    for later in queue:  # they come back after it, in order
                        self.in_lane.discard(later.update_id)
                    queue.clear()
                    break
                self.holds.pop(sender, None)
                self.held_until.pop(sender, None)
                self.unfinished.discard(update.update_id)
                self.done.add(update.update_id)
        finally:
            del self.workers[sender]
            del self.lanes[sender]
            self.progress.set()

    async def drain(self) -> None:
        """Finish what is in hand (asked to stop: the batch in hand is completed, not dropped)."""
        while self.workers:
            await asyncio.gather(*list(self.workers.values()), return_exceptions=True)


async def poll(
    application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event, timeout: float = POLL_TIMEOUT_S
) -> None:
    """Fetch, handle, then confirm; until `stop` is set. Network trouble backs off and retries."""
    bot = application.bot
    poller = Poller(application, stop)
    lease: PollerLease | None = application.bot_data.get(LEASE_KEY)
    backoff = 1.0
    webhook_checked = False
    while not stop.is_set():
        if lease is not None and not await lease.hold():
            await _sleep_or_stop(stop, LEASE_WAIT_S)
            continue
        if not webhook_checked:
            await _delete_webhook(application)
            webhook_checked = True
        offset = poller.next_offset()
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
            updates: Sequence[Update] = fetch.result()
        except RetryAfter as error:
            delay = (
                error.retry_after if isinstance(error.retry_after, int | float) else error.retry_after.total_seconds()
            )
            log.warning("Telegram asks us to wait %.0f s", delay)
            await _sleep_or_stop(stop, float(delay))
            continue
        except Conflict as error:
            if "webhook" in str(error).lower():
                log.warning("a webhook is set for this bot, so Telegram refuses getUpdates; deleting it (updates kept)")
                await _delete_webhook(application)
            else:
                log.warning(
                    "409 Conflict: another instance is polling with this token (%s). Only one may poll; "
                    "this one backs off %.0f s and tries again.", error, backoff,
                )  # fmt: skip
            await _sleep_or_stop(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)
            continue
        except InvalidToken as error:  # at start PTB's getMe already exited on a bad token; later it is a hiccup
            log.error("getUpdates answered %s mid-run; retrying in %.0f s", error, backoff)
            await _sleep_or_stop(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)
            continue
        except (NetworkError, TelegramError) as error:
            log.warning("getUpdates failed (%s); retrying in %.0f s", error, backoff)
            await _sleep_or_stop(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF_S)
            continue
        except Exception:  # an update python-telegram-bot cannot parse: read the batch one by one
            try:
                updates, skip_to = await fetch_leniently(application, offset)
            except TelegramError as error:
                log.warning("re-reading a batch failed (%s); retrying in %.0f s", error, backoff)
                await _sleep_or_stop(stop, backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
                continue
            poller.offset = max(poller.offset, skip_to)  # the unreadable ones are skipped, not retried forever
        backoff = 1.0
        if not poller.take(updates) and poller.unfinished:
            # Nothing new: Telegram sent back what is still in hand. Wait for progress, briefly.
            poller.progress.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(poller.progress.wait(), IDLE_S)
    await poller.drain()
    await _confirm(application, poller.next_offset())
    if lease is not None:
        await lease.release()


async def _delete_webhook(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """A webhook left by another deployment makes every getUpdates a 409: remove it, keeping pending updates."""
    try:
        await application.bot.delete_webhook(drop_pending_updates=False)
    except TelegramError as error:
        log.warning("could not delete a webhook (%s); polling anyway", error)


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
    if not offset:
        return
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


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM (call inside the running loop)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows loops, or not the main thread
            log.info("no %s handler here; Ctrl+C still stops the bot", sig.name)
    return stop


async def serve(
    application: Application[Any, Any, Any, Any, Any, Any],
    stop: asyncio.Event | None = None,
    health: tuple[str, int] | None = None,
) -> None:
    """Run until SIGINT/SIGTERM (or `stop`), then finish the batch in hand and shut down cleanly.

    `health` = (host, port) also serves GET /healthz there (PORT set: a Heroku-style web process)."""
    stop = stop or stop_on_signals()
    async with running(application):
        if health is None:
            await poll(application, stop)
            return
        from bot.telegram.health import health_only

        async with health_only(application, *health):
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
