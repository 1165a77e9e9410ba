"""Two front-ends on one database (issue #15: the state lives in storage, so a second front-end sees the same
thing): the console chat, run as a lifter runs it (`python -m bot chat --db X` at a terminal, its rest-timer
sweep on), and the Telegram bot against our Bot API server. Each sends only its own lifters' pings."""

from __future__ import annotations

import asyncio
import os
import pty
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.console import CONSOLE_USER
from bot.storage import Frontend, open_backend
from tests.botapi import FakeBotAPI
from tests.conftest import running_bot
from tests.waiting import eventually

ROOT = Path(__file__).resolve().parent.parent
ALICE = 1001  # on Telegram
PING = "⏱"  # how a rest ping starts, in both front-ends
FAST_SWEEPS = {"SETCOACH_TIMER_SWEEP_SECONDS": 0.2}


class Console:
    """`python -m bot chat` at a terminal (stdin is a pty, so it runs its timer sweep); what it printed."""

    def __init__(self, process: asyncio.subprocess.Process, keyboard: int) -> None:
        self.process = process
        self.keyboard = keyboard
        self.printed = ""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := await self.process.stdout.read(4096):
            self.printed += chunk.decode()

    async def says(self, line: str, answer: str) -> None:
        seen = self.printed.count(answer)
        os.write(self.keyboard, (line + "\n").encode())
        assert await eventually(lambda: self.printed.count(answer) > seen, timeout=30), self.printed

    def pings(self) -> list[str]:
        return [line for line in self.printed.splitlines() if line.startswith(PING) and "I'll ping you" not in line]

    async def quit(self) -> None:
        os.write(self.keyboard, b"\x04")  # Ctrl-D: the console stops its sweep and exits
        assert await asyncio.wait_for(self.process.wait(), 30) == 0
        await self._reader


@asynccontextmanager
async def console_chat(db_path: Path) -> AsyncIterator[Console]:
    keyboard, terminal = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key not in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "chat", "--db", str(db_path),
        stdin=terminal, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, cwd=ROOT, env=env,
    )  # fmt: skip
    os.close(terminal)
    console = Console(process, keyboard)
    try:
        assert await eventually(lambda: "you> " in console.printed, timeout=60), console.printed
        yield console
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        os.close(keyboard)


async def test_the_console_leaves_a_telegram_lifters_rest_ping_to_the_bot_and_the_bot_leaves_the_consoles(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    async with console_chat(db_path) as console:
        await console.says("squat 100kg 5 @8", "Logged")
        await console.says("rest 2s", "I'll ping you")
        async with running_bot(bot_api, db_path, **FAST_SWEEPS):
            await bot_api.send_text(ALICE, "bench 100kg 8 @8")
            await bot_api.send_text(ALICE, "rest 2s")
            await bot_api.wait_for_replies(ALICE, 2)
        # The bot is down (a restart) while both rests come due; the console sweeps on alone.
        assert await eventually(lambda: len(console.pings()) == 1, timeout=30), console.printed
        await asyncio.sleep(3)  # three more turns of the console's sweep, Alice's rest long over
        assert console.pings() == ["⏱ 2 s up: next set of Back Squat; last 100 kg × 5 @8."]
        async with running_bot(bot_api, db_path, **FAST_SWEEPS):
            # Back up, the bot finds Alice's ping still due in the database and sends it.
            await bot_api.wait_for(lambda: any(PING in text for text in bot_api.texts(ALICE)[2:]))
            assert bot_api.texts(ALICE)[2:] == ["⏱ 2 s up: next set of <b>Bench Press</b>; last 100 kg × 8 @8."]
            # The console's lifter sets a rest and quits before it is over: the bot, sweeping, leaves it.
            await console.says("rest 2s", "I'll ping you")
            await console.quit()
            await asyncio.sleep(3)
            assert bot_api.sent(CONSOLE_USER) == []


async def enrol_at_the_console(db_path: Path, due: datetime) -> None:
    """The console's lifter has the daily check-in on (as /start's "Yes, at 09:00" leaves it), due at `due`."""
    backend = await open_backend(None, db_path, Frontend.CONSOLE)
    try:
        await backend.user(CONSOLE_USER, CONSOLE_USER, due)
        await backend.update_user(CONSOLE_USER, checkins_on=True, next_checkin_utc=due)
    finally:
        await backend.close()


async def test_the_console_at_a_terminal_asks_the_daily_check_in_when_due_and_reads_the_answer_typed_next(
    db_path: Path,
) -> None:
    await enrol_at_the_console(db_path, datetime.now(UTC) - timedelta(minutes=1))
    async with console_chat(db_path) as console:
        assert await eventually(lambda: "Soreness first:" in console.printed, timeout=30), console.printed
        assert "Daily check-in: any soreness? Any joint irritation?" in console.printed
        assert "[1] None  [2] Mild  [3] Moderate  [4] Severe" in console.printed  # its buttons, pressed by number
        await console.says("quads a bit sore, knee 2", "Check-in saved")
        assert "✅ Check-in saved: quads: mild; knee: moderate." in console.printed  # the answer, not a set
        await console.quit()
    assert console.printed.count("Soreness first:") == 1  # asked once; the next one is tomorrow's
    backend = await open_backend(None, db_path, Frontend.CONSOLE)
    try:
        lifter = await backend.user(CONSOLE_USER)
    finally:
        await backend.close()
    assert lifter.next_checkin_utc is not None and lifter.next_checkin_utc > datetime.now(UTC)


async def test_a_piped_console_prints_only_the_replies_to_its_lines_even_with_a_check_in_due(db_path: Path) -> None:
    await enrol_at_the_console(db_path, datetime.now(UTC) - timedelta(minutes=1))
    env = {key: value for key, value in os.environ.items() if key not in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(db_path)], input="bench 100kg 5\n", capture_output=True,
        text=True, timeout=60, cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    assert result.stdout == "✅ Logged\nBench Press: 5 reps @ 100 kg\n\n"
