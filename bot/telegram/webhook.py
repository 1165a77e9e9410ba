"""Webhook mode: Telegram POSTs each update to /telegram; the answer is 200 only once it is durably stored.

The update goes into the database's inbox (keyed by update id, so a re-sent update is kept once) before
the 200; anything else (a database that is down, a wrong secret) gets a non-200 and Telegram sends it
again. Each lifter's updates are then handled in the order they arrived, lifters side by side, and an
update is marked done once handled: after a crash, the next start handles what the inbox still holds.
`GET /healthz` answers 200 while the database answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from aiohttp import web
from telegram import Update

from bot.telegram.health import App, backend_of, health_routes, http_server
from bot.telegram.polling import ALLOWED_UPDATES, needs_retry, running
from handlers.ports import StorageUnavailable

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DRAIN_S = 10.0  # on SIGTERM, how long the updates already stored may take to finish before we stop
CLAIM_POLL_S = 0.5  # how often a worker looks for updates other workers were posted
CLAIM_STALE = timedelta(seconds=30)  # a claim this old belongs to a dead worker: another takes the update
RETRY_FIRST_S = 0.5
RETRY_MAX_S = 30.0
MAX_BODY_BYTES = 1024 * 1024  # Telegram's updates are a few KB; a caption-heavy one stays far below this


class Inbox(Protocol):
    """What webhook mode needs from storage (both backends provide it)."""

    async def inbox_put(self, update_id: int, user_id: int, payload: str, received_at: datetime) -> None: ...

    async def inbox_pending(self) -> list[tuple[int, int, str]]: ...

    async def inbox_claim(
        self, worker: str, now: datetime, stale: timedelta, limit: int = 100
    ) -> list[tuple[int, int, str]]: ...

    async def inbox_done(self, update_id: int) -> None: ...

    async def schema_version(self) -> int: ...


async def _claim_forever(
    application: App, storage: Inbox, worker: str, queues: LifterQueues, arrived: asyncio.Event, stop: asyncio.Event
) -> None:
    """Hand each lifter's oldest pending update to its lane, taken from the shared inbox: what this worker was
    posted, what other workers on the same database were posted, and what a crash left behind."""
    while not stop.is_set():
        arrived.clear()
        try:
            claims = await storage.inbox_claim(worker, datetime.now(UTC), CLAIM_STALE)
        except Exception as error:  # the database is down: the updates wait in Telegram's queue or the inbox
            log.warning("could not claim updates from the inbox (%s)", error)
            claims = []
        for update_id, user_id, payload in claims:
            try:
                update = Update.de_json(json.loads(payload), application.bot)
            except Exception:
                log.error("dropping a stored update that cannot be read: %.300r", payload)
                await storage.inbox_done(update_id)
                arrived.set()
                continue
            queues.put(user_id, update_id, update)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(arrived.wait(), CLAIM_POLL_S)


def derived_secret(token: str) -> str:
    """A stable secret when SETCOACH_WEBHOOK_SECRET is not set: every worker and restart derives the same."""
    return hmac.new(token.encode(), b"setcoach-webhook", hashlib.sha256).hexdigest()


class LifterQueues:
    """Each lifter's updates one at a time, in arrival order; different lifters concurrently."""

    def __init__(self, handle: Callable[[int, Update], Awaitable[None]]) -> None:
        self._handle = handle
        self._queues: dict[int, list[tuple[int, Update]]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._queued: set[int] = set()

    def put(self, user_id: int, update_id: int, update: Update) -> None:
        if update_id in self._queued:  # re-sent while still waiting here
            return
        self._queued.add(update_id)
        queue = self._queues.get(user_id)
        if queue is not None:
            queue.append((update_id, update))
            return
        self._queues[user_id] = [(update_id, update)]
        task = asyncio.create_task(self._run(user_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, user_id: int) -> None:
        queue = self._queues[user_id]
        backoff = RETRY_FIRST_S
        try:
            while queue:
                update_id, update = queue[0]
                try:
                    await self._handle(update_id, update)
                except Exception as error:  # not stored (database down): the same update again, later ones wait
                    log.warning("update %s not handled (%s); retrying in %.1f s", update_id, error, backoff)
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, RETRY_MAX_S)
                    continue
                backoff = RETRY_FIRST_S
                queue.pop(0)
                self._queued.discard(update_id)
        finally:
            del self._queues[user_id]

    async def drain(self, timeout: float) -> None:
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=timeout)
            for task in late:
                task.cancel()
            if late:
                log.warning("stopped with updates still in hand; the inbox keeps them for the next start")


def _sender(update: Update) -> int:
    user = update.effective_user
    return user.id if user is not None else 0


def webhook_app(application: App, storage: Inbox, secret: str, arrived: asyncio.Event) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), secret):
            log.warning("refused a webhook call with a wrong or missing secret from %s", request.remote)
            return web.json_response({"ok": False, "description": "wrong secret token"}, status=403)
        body = await request.read()
        try:
            data = json.loads(body)
            update_id = int(data["update_id"])
        except (ValueError, TypeError, KeyError):
            return web.json_response({"ok": False, "description": "not a Telegram update"}, status=400)
        try:
            update = Update.de_json(data, application.bot)
        except Exception:  # Telegram sends it again on a non-200: a corrupt update is skipped, not looped
            log.error("skipping an update that cannot be read: %.300r", data)
            return web.json_response({"ok": True})
        user_id = _sender(update)
        try:
            await storage.inbox_put(update_id, user_id, body.decode("utf-8", "replace"), datetime.now(UTC))
        except Exception:
            log.exception("could not store update %s; Telegram will send it again", update_id)
            return web.json_response({"ok": False, "description": "not stored"}, status=503)
        arrived.set()  # durable now: answer 200; the claimer hands it to its lifter's lane, in order
        return web.json_response({"ok": True})

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.add_routes([web.post(WEBHOOK_PATH, receive), *health_routes(storage)])
    return app


async def serve_webhook(
    application: App,
    url: str,
    secret: str,
    host: str,
    port: int,
    max_connections: int,
    stop: asyncio.Event,
) -> None:
    """Register the webhook, take updates until `stop`, then finish those in hand."""
    async with running(application):
        storage: Inbox = backend_of(application)

        async def handle(update_id: int, update: Update) -> None:
            if update.effective_user is None:
                log.info("ignoring update %s: not a kind SetCoach handles", update_id)
            else:
                await application.process_update(update)  # errors go to the error handler
                if needs_retry(application, update):  # the error handler saw a write fail: not done
                    raise StorageUnavailable("the update's writes did not reach the database")
            await storage.inbox_done(update_id)

        arrived = asyncio.Event()
        worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

        async def handle_and_wake(update_id: int, update: Update) -> None:
            await handle(update_id, update)
            arrived.set()  # that lifter's next update may be claimed now

        queues = LifterQueues(handle_and_wake)
        claimer = asyncio.create_task(_claim_forever(application, storage, worker, queues, arrived, stop))
        try:
            async with http_server(webhook_app(application, storage, secret, arrived), host, port) as bound:
                await application.bot.set_webhook(
                    url, secret_token=secret, allowed_updates=ALLOWED_UPDATES, max_connections=max_connections
                )
                log.info("webhook mode: %s, listening on %s:%d (worker %s)", url.split("?")[0], host, bound, worker)
                await stop.wait()
        finally:
            claimer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await claimer
        await queues.drain(DRAIN_S)
