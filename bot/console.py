"""The console chat: the same handlers and database as Telegram, in a terminal (or a pipe)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.scheduler import TIMER_SWEEP_SECONDS, Sweeps, sweep, sweep_timers
from bot.wiring import Wiring
from handlers import checkins
from handlers.base import Button, Incoming, Press, Reply, Services
from handlers.console_text import plain
from handlers.router import answer
from handlers.words import speaking
from rules.models import LoggedSet, UserSettings

CONSOLE_USER = 1  # the lifter at the keyboard, unless --user says otherwise
# How often the console looks for its lifter's due check-in: one lifter's indexed row, so often enough that the
# prompt comes within seconds of the check-in time (the bot sweeps every lifter every SETCOACH_SWEEP_SECONDS).
CHECKIN_SWEEP_SECONDS = 5.0


def render_buttons(rows: tuple[tuple[Button, ...], ...]) -> tuple[str, list[Button]]:
    flat = [button for row in rows for button in row]
    labels = "  ".join(f"[{number}] {button.label}" for number, button in enumerate(flat, start=1))
    return labels, flat


def _chosen(line: str, offered: list[Button]) -> Button | None:
    text = line.strip().lower()
    if text.isdigit() and 1 <= int(text) <= len(offered):
        return offered[int(text) - 1]
    return next((button for button in offered if button.label.lower() == text), None)


class ConsoleChat:
    """Feeds lines to the router as one lifter; numbers or labels press the buttons last shown."""

    def __init__(
        self, services: Services, user_id: int, out: TextIO, files: Path | None = None, first_message_id: int = 1
    ) -> None:
        self.services = services
        self.files = files or Path("setcoach-files")
        self.user_id = user_id
        self.out = out
        self.offered: list[Button] = []
        self.next_message_id = first_message_id  # the console has no message ids: one past the stored ones

    async def say(self, line: str) -> None:
        if not line.strip():
            return
        button = _chosen(line, self.offered)
        event: Incoming | Press
        if button is not None:
            event = Press(self.user_id, self.user_id, button.data)
        else:
            event = Incoming(self.user_id, self.user_id, self.next_message_id, line.rstrip("\n"), datetime.now(UTC))
            self.next_message_id += 1
        await answer(event, self.services, self.send)

    async def send(self, reply: Reply) -> None:
        self.show(reply)

    def show(self, reply: Reply) -> None:
        self.out.write(plain(reply.html) + "\n")
        for attachment in reply.files:
            self.files.mkdir(parents=True, exist_ok=True)
            path = self.files / Path(attachment.filename).name  # never outside the folder
            path.write_bytes(attachment.data)
            self.out.write(f"({'chart' if attachment.photo else 'file'} saved to {path})\n")
        self.offered = []
        if reply.buttons:
            labels, self.offered = render_buttons(reply.buttons)
            self.out.write(labels + "\n")
        self.out.write("\n")
        self.out.flush()


async def chat(wiring: Wiring, user_id: int, stdin: TextIO, stdout: TextIO, interactive: bool, files: Path) -> int:
    first_id = await wiring.backend.next_console_message_id(user_id)
    console = ConsoleChat(wiring.services, user_id, stdout, files, first_id)
    if interactive:
        stdout.write(
            "SetCoach console chat. Type a set like `bench 100kg 3x8 @8`, a question, or /help. Ctrl-D quits.\n\n"
        )
        stdout.flush()
    # At a keyboard, rest pings, idle-session summaries and the daily check-in come in as on Telegram. A pipe
    # (a script, a test) gets replies to its lines only, so what it prints depends on its input alone.
    sweeps = _sweeps(wiring, console, stdout) if interactive else None
    if sweeps is not None:
        sweeps.start()
    try:
        while True:
            if interactive:
                stdout.write("you> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            await console.say(line)
    finally:
        if sweeps is not None:
            await sweeps.stop()
    return 0


def _sweeps(wiring: Wiring, console: ConsoleChat, stdout: TextIO) -> Sweeps:
    """The rest-timer and check-in sweeps as Telegram runs them (bot/scheduler.py's APScheduler jobs), shown
    here. They claim only this lifter's console chat: a Telegram bot or another console on the same database
    sends its own. A prompt shown is awaited as on Telegram: the answer typed next is the check-in's (or a
    button's number)."""

    async def send(chat_id: int, reply: Reply) -> None:
        stdout.write("\n")
        console.show(reply)
        stdout.write("you> ")
        stdout.flush()

    async def send_prompt(user: UserSettings, recent: list[LoggedSet]) -> None:
        with speaking(user.language):  # no message to read a language from: the stored one
            await send(user.id, checkins.prompt_reply(recent, checkins.local_zone(user)))

    services, lifter = wiring.services, console.user_id
    sweeps = Sweeps()
    sweeps.add(
        TIMER_SWEEP_SECONDS, lambda: sweep_timers(wiring.backend, services, send, services.clock(), lifter),
        "the timer sweep", first_s=TIMER_SWEEP_SECONDS,
    )  # fmt: skip
    sweeps.add(
        CHECKIN_SWEEP_SECONDS, lambda: sweep(wiring.backend, send_prompt, services.clock(), user_id=lifter),
        "the check-in sweep", first_s=TIMER_SWEEP_SECONDS,
    )  # fmt: skip
    return sweeps
