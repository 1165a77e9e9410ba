"""Composition root: wire settings, logging, storage and the chosen front-end."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.config import Settings, StartRefused
from bot.console import CONSOLE_USER, chat
from bot.scheduler import SweepClock
from bot.storage import Frontend
from bot.wiring import started, wired
from handlers.base import Reply, Upload
from handlers.console_text import plain
from handlers.ports import StorageUnavailable
from handlers.router import answer
from rules.strong_csv import export_csv

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN set, so this is the console chat against the same handlers.\n"
    "To connect Telegram: get a token from @BotFather, then `TELEGRAM_BOT_TOKEN=... make run` "
    "(or put it in .env).\n"
)


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CONTINUATION = "    | "  # every line after a record's first: tracebacks, and any newline a lifter typed


class SafeFormatter(logging.Formatter):
    """Log records that cannot leak the token nor be forged.

    The token is cut from the whole formatted record, tracebacks and chained exceptions included (a
    library's error may quote the request URL, which carries it). Every line after a record's first is
    indented, so text with a newline in it (a lifter's message, an error's description) can never pass
    for a record of its own; carriage returns are shown as \\r."""

    def __init__(self, token: str | None) -> None:
        super().__init__(LOG_FORMAT)
        self.secrets = [secret for secret in (token, token.partition(":")[2] if token else None) if secret]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        first, *rest = text.replace("\r", "\\r").split("\n")
        return "\n".join([first, *(CONTINUATION + line for line in rest)])


def configure_logging(settings: Settings) -> None:
    handler = logging.StreamHandler(sys.stderr)
    formatter = SafeFormatter(settings.token)
    for secret in (settings.database_url, settings.webhook_secret):  # the database's password, the webhook's secret
        if secret:
            formatter.secrets.append(secret if isinstance(secret, str) else secret.get_secret_value())
    handler.setFormatter(formatter)
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # it logs every request URL, token included
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # two lines per run of the 1-s rest-timer sweep


async def _import(database_url: str | None, db_path: Path, user_id: int, path: Path) -> str:
    replies: list[Reply] = []

    async def keep(reply: Reply) -> None:
        replies.append(reply)

    async with wired(db_path, Frontend.CONSOLE, database_url=database_url) as wiring:  # the command line's
        await answer(Upload(user_id, user_id, path.read_bytes()), wiring.services, keep)
    return "\n".join(plain(reply.html) for reply in replies)


async def _export(database_url: str | None, db_path: Path, user_id: int) -> str:
    async with wired(db_path, Frontend.CONSOLE, database_url=database_url) as wiring:
        return export_csv(await wiring.backend.all_sets(user_id))


async def _chat(database_url: str | None, db_path: Path, user_id: int, interactive: bool) -> int:
    # One clock for the handlers and the timer sweep.
    async with wired(db_path, Frontend.CONSOLE, SweepClock(), database_url) as wiring:
        started()  # what start-up built lives as long as the chat: out of the garbage collector's full walks
        return await chat(wiring, user_id, sys.stdin, sys.stdout, interactive, db_path.parent / "setcoach-files")


def run_command(args: argparse.Namespace) -> int:
    """Run one command; a start that must be refused (unwritable database, another bot's data) is one clear
    line on stderr and exit code 2, not a traceback."""
    try:
        return _run_command(args)
    except (StartRefused, StorageUnavailable) as error:
        sys.stderr.write(f"SetCoach cannot start: {error}\n")
        return 2


def _run_command(args: argparse.Namespace) -> int:
    settings = Settings()
    telegram = args.command in (None, "run") and settings.token
    if not telegram and "log_level" not in settings.model_fields_set:
        settings = settings.model_copy(update={"log_level": "WARNING"})  # keep the console chat readable
    configure_logging(settings)
    db_path = Path(args.db) if getattr(args, "db", None) else settings.db_path
    database_url = None if getattr(args, "db", None) else settings.database_url  # --db means that SQLite file
    user_id = args.user if getattr(args, "user", None) is not None else CONSOLE_USER
    if args.command == "export":
        sys.stdout.write(asyncio.run(_export(database_url, db_path, user_id)))
        return 0
    if args.command == "import":
        sys.stdout.write(asyncio.run(_import(database_url, db_path, user_id, Path(args.file))) + "\n")
        return 0
    if args.command == "migrate-db":
        from bot.storage.copy import run_copy

        return run_copy(db_path, args.to, sys.stdout)
    if args.command in (None, "run") and settings.token:
        from bot.telegram.app import run

        run(settings)
        return 0
    interactive = sys.stdin.isatty()
    if args.command in (None, "run"):
        sys.stderr.write(NO_TOKEN)
    return asyncio.run(_chat(database_url, db_path, user_id, interactive))
