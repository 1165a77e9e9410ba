"""What every storage backend provides: the handlers' `Store` port plus what the composition root
and the check-in sweep need (close, the schema version, claiming due prompts)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from handlers.ports import Store
from rules.conversation import State
from rules.models import LoggedSet, UserSettings


class Frontend(StrEnum):
    """Which front-end a lifter's chat belongs to. Several may share one database (the Telegram bot and a
    console chat): each backend is opened for one, stamps it on the lifter and the conversation it writes,
    and claims only that front-end's due check-ins and timers, so no front-end sends another's prompt."""

    TELEGRAM = "telegram"
    CONSOLE = "console"


class Claim(BaseModel):
    """A due check-in taken by one sweeper."""

    model_config = ConfigDict(frozen=True)

    user: UserSettings
    due: datetime
    already_sent: bool  # a sweeper sent it, then died before scheduling the next one


class TimerKind(StrEnum):
    REST = "rest"  # a rest is over: ping the lifter
    IDLE = "idle"  # 90 minutes with nothing logged: close the session with its summary


class TimerClaim(BaseModel):
    """A due rest ping or idle close, taken by one sweeper; `state` is the conversation as it stood."""

    model_config = ConfigDict(frozen=True)

    kind: TimerKind
    user_id: int
    chat_id: int
    state: State
    due: datetime
    seconds: int | None = None


class Backend(Store, Protocol):
    """A storage backend, opened once by the composition root (for one front-end) and closed once."""

    frontend: Frontend  # the front-end it was opened for: whose lifters and chats it stamps and claims

    async def close(self) -> None: ...

    async def schema_version(self) -> int: ...

    def drop_kept(self, user_id: int) -> None:
        """Let go of the lifter's parsed recent sets (bot/storage/recent.py), as a restart does: the next read
        takes them whole from the database (benchmarks measure that first read)."""
        ...

    async def bind_bot(self, bot_id: int) -> int:
        """Record the bot that owns this data on first start; return the owner as recorded (the caller
        refuses to run under another bot: message ids and chats belong to one bot)."""
        ...

    async def hold_poller(self, instance: str, now: datetime, ttl: timedelta, take_over: str | None = None) -> str:
        """Take or renew, atomically, the one lease to poll Telegram for this data (free, ours, lapsed
        before `now`, or held by `take_over`, a holder known dead); return the holder's instance id. Two
        instances never hold it at once."""
        ...

    async def release_poller(self, instance: str) -> None: ...

    async def next_console_message_id(self, user_id: int) -> int:
        """The console has no message ids of its own: one past the lifter's highest."""
        ...

    # The check-in sweep
    async def histories(self, user_ids: Sequence[int], since: datetime) -> dict[int, list[LoggedSet]]:
        """Recent sets of many lifters in one query (the sweep prompts a batch at a time)."""
        ...

    async def claim_due_checkins(self, now: datetime, limit: int = 1000, user_id: int | None = None) -> list[Claim]:
        """Atomically take this front-end's lifters whose check-in is due (only `user_id`, when given: a console
        serves one lifter): two sweepers never get the same one."""
        ...

    async def mark_checkin_sent(self, user_id: int) -> None:
        """Written the moment a prompt is out, so a crash before rescheduling does not send it again;
        free-text replies from now on are read as the check-in answer."""
        ...

    async def finish_checkins(self, outcomes: Iterable[tuple[int, datetime]]) -> None:
        """(lifter, next instant) for each claim: release the claim and schedule the next prompt."""
        ...

    async def recover_stale_claims(self, claimed_before: datetime) -> int:
        """Claims a dead sweeper of this front-end never finished go back on the schedule (the sent marker
        stops repeats)."""
        ...

    # The rest-timer and idle-session sweep
    async def claim_due_timers(self, now: datetime, user_id: int | None = None) -> list[TimerClaim]:
        """Atomically take the due rest pings and idle sessions of this front-end's chats (only `user_id`'s,
        when given: a console serves one lifter), and a dead sweeper's claims after a minute."""
        ...

    async def finish_timer(self, claim: TimerClaim) -> None:
        """The ping went out: clear it unless a newer one replaced it; an idle close ends the session."""
        ...

    # Webhook mode's inbox (bot/telegram/webhook.py)
    async def inbox_put(self, update_id: int, user_id: int, payload: str, received_at: datetime) -> None:
        """Keep an update as Telegram posted it, once; durable when this returns (then the webhook says 200)."""
        ...

    async def inbox_pending(self) -> list[tuple[int, int, str]]:
        """(update id, sender, payload) of the updates kept but not handled yet, oldest first."""
        ...

    async def inbox_claim(
        self, worker: str, now: datetime, stale: timedelta, limit: int = 100
    ) -> list[tuple[int, int, str]]:
        """Each lifter's oldest pending update, for this worker, when no other worker holds one of theirs."""
        ...

    async def inbox_done(self, update_id: int) -> None:
        """Handled; rows done more than two days ago go (Telegram re-sends nothing that old)."""
        ...
