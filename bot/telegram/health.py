"""GET /healthz: 200 while the database answers. Served in webhook mode, and in polling mode when PORT is set
(Heroku-style web processes must listen on PORT; container health checks poll it)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

from aiohttp import web
from telegram.ext import Application

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
HEALTH_TIMEOUT_S = 3.0
DEFAULT_PORT = 8080

App = Application[Any, Any, Any, Any, Any, Any]


class Pingable(Protocol):
    async def schema_version(self) -> int: ...


def backend_of(application: App) -> Any:
    """The storage backend post_init opened (bot/telegram/app.py)."""
    return application.bot_data["wiring"].backend


def health_routes(storage: Pingable) -> list[web.RouteDef]:
    async def healthz(request: web.Request) -> web.Response:
        try:
            await asyncio.wait_for(storage.schema_version(), HEALTH_TIMEOUT_S)
        except Exception as error:
            log.warning("health check: database not answering (%s)", type(error).__name__)
            return web.json_response({"ok": False, "database": "down"}, status=503)
        return web.json_response({"ok": True})

    return [web.get(HEALTH_PATH, healthz)]


@asynccontextmanager
async def http_server(app: web.Application, host: str, port: int) -> AsyncIterator[int]:
    """Serve `app` while the body runs; yields the bound port (0 picks a free one)."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=5.0)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0][1] if runner.addresses else port
        yield int(bound)
    finally:
        await runner.cleanup()


@asynccontextmanager
async def health_only(application: App, host: str, port: int) -> AsyncIterator[None]:
    """Polling mode with PORT set: just /healthz (Heroku-style web dynos and container health checks)."""
    app = web.Application()
    app.add_routes(health_routes(backend_of(application)))
    async with http_server(app, host, port):
        yield

