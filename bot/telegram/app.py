"""Build the python-telegram-bot Application: storage opened (bot/wiring.py) in post_init, closed in post_shutdown."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.config import Settings, StartRefused
from bot.scheduler import SweepClock, Sweeps, sweep, sweep_timers
from bot.storage import Frontend, describe
from bot.telegram import updates
from bot.telegram.health import DEFAULT_PORT
from bot.telegram.http import AiohttpRequest
from bot.telegram.polling import LEASE_KEY, PollerLease, serve, stop_on_signals
from bot.telegram.profile import set_profile
from bot.telegram.webhook import derived_secret, serve_webhook
from bot.wiring import Wiring, started

log = logging.getLogger(__name__)


def bot_api_urls(configured: str) -> tuple[str, str]:
    """TELEGRAM_BASE_URL goes to python-telegram-bot's base_url, which ends in `/bot` (the token is
    appended). Accept it with or without that suffix: `http://127.0.0.1:8081` or `.../bot`."""
    base = configured.rstrip("/")
    root = base.removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def build_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    """The bot as configured."""
    token = settings.token
    if not token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        # One clock for the handlers and the sweeps (a rest's end and the sweep that pings it agree): the
        # wall clock, except that a step is ignored until it has held an hour (bot/scheduler.py).
        clock = SweepClock()
        wiring = await Wiring.open(
            settings.db_path, Frontend.TELEGRAM, clock=clock, database_url=settings.database_url
        )
        me = application.bot
        owner = await wiring.backend.bind_bot(me.id)
        if owner != me.id:  # message ids and chats are per bot: another bot's data would collide and mislead
            await wiring.close()
            raise StartRefused(
                f"the database {describe(settings.database_url, settings.db_path)} belongs to bot {owner}, "
                f"not to this one ({me.id}, @{me.username}). "
                "Give each bot its own database (SETCOACH_DB or DATABASE_URL)."
            )
        application.bot_data[LEASE_KEY] = PollerLease(wiring.backend)
        application.bot_data["wiring"] = wiring  # updates.py reads it: the backend for the sweep
        application.bot_data["services"] = wiring.services  # and the handlers' ports
        # The sweeps run as APScheduler jobs with a watchdog on the monotonic clock (bot/scheduler.py).
        backend, services = wiring.backend, wiring.services
        prompts, replies = updates.prompt_sender(me), updates.reply_sender(me)
        # Prompts paced within Telegram's limits, leaving room for replies (else 1,000 prompts due at 09:00
        # sit in the rate limiter's queue ahead of every lifter's reply).
        pace = settings.prompts_per_second or None
        jobs = application.bot_data["jobs"] = Sweeps()
        jobs.add(
            settings.sweep_seconds,
            lambda: sweep(backend, prompts, clock(), prompts_per_second=pace),
            "the check-in sweep",
            first_s=1.0,
        )
        jobs.add(
            settings.timer_sweep_seconds, lambda: sweep_timers(backend, services, replies, clock()), "the timer sweep",
            first_s=0.5,
        )  # fmt: skip
        jobs.start()
        await set_profile(application.bot)
        where = describe(settings.database_url, settings.db_path)
        log.info("SetCoach is up as @%s, data in %s", application.bot.username, where)
        started()  # what start-up built lives as long as the bot: out of the garbage collector's full walks

    async def post_stop(application: Application) -> None:  # type: ignore[type-arg]
        """The sweeps stop while the bot can still send: a run in hand finishes its prompts."""
        jobs = application.bot_data.pop("jobs", None)
        if isinstance(jobs, Sweeps):
            await jobs.stop()

    async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
        await post_stop(application)  # in case the bot never got as far as stopping
        application.bot_data.pop("services", None)
        wiring = application.bot_data.pop("wiring", None)
        if isinstance(wiring, Wiring):
            await wiring.close()
        log.info("SetCoach stopped")

    # The builder's generic types change with each call; Any keeps mypy out of PTB's internals.
    builder: Any = ApplicationBuilder().token(token).updater(None)  # polling.py polls, see there why
    builder = builder.job_queue(None)  # the sweeps have their own scheduler (bot/scheduler.py): PTB's would idle
    builder = builder.post_init(post_init).post_stop(post_stop).post_shutdown(post_shutdown)
    if settings.rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    timeout = settings.telegram_timeout_s
    builder = builder.request(AiohttpRequest(timeout)).get_updates_request(AiohttpRequest(timeout, pool_size=1))
    if settings.telegram_base_url:
        base_url, file_url = bot_api_urls(settings.telegram_base_url)
        builder = builder.base_url(base_url).base_file_url(file_url)
    application: Application = builder.build()  # type: ignore[type-arg]
    updates.register(application)
    return application


def run(settings: Settings) -> None:
    """Until SIGINT/SIGTERM, then a clean stop: webhook mode when SETCOACH_WEBHOOK_URL is set, else long polling."""
    asyncio.run(_serve(settings))


async def _serve(settings: Settings) -> None:
    application = build_application(settings)
    stop = stop_on_signals()
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        await serve_webhook(
            application,
            url=settings.webhook_url,
            secret=secret or derived_secret(settings.token or ""),
            host=settings.host,
            port=settings.port or DEFAULT_PORT,
            max_connections=settings.webhook_connections,
            stop=stop,
        )
    else:
        await serve(application, stop, health=(settings.host, settings.port) if settings.port else None)
