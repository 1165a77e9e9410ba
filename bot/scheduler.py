"""The check-in sweep: claim due prompts atomically, send them, schedule the next ones. And the
rest-timer sweep: rest pings and idle-session summaries, due instants kept in the database.

The database is the source of truth (each user's next instant is a column); the JobQueue only
runs `sweep` every few seconds. Nothing is pickled. `now` is passed in, so tests drive the clock.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.storage import Backend, Claim
from bot.storage.contract import TimerClaim, TimerKind
from handlers.base import Reply, Services
from handlers.checkins import RECENT_DAYS
from handlers.conversation import idle_summary, rest_ping
from handlers.ports import RecipientGone
from rules.models import LoggedSet, UserSettings
from rules.schedule import next_checkin_for

log = logging.getLogger(__name__)

LATE_LIMIT = timedelta(hours=3)  # after downtime, a prompt more than 3 h late waits for tomorrow
STALE_CLAIM = timedelta(minutes=10)  # a live sweeper finishes in seconds; older claims belonged to a dead one
SWEEP_LIMIT = 2000  # claims per sweep; the rest wait for the next run

# Sends one lifter's prompt, given their sets of the last few days (read for the whole batch at once);
# raises RecipientGone when the lifter can no longer be reached.
SendPrompt = Callable[[UserSettings, list[LoggedSet]], Awaitable[None]]


@dataclass
class SweepReport:
    claimed: int = 0
    sent: int = 0
    late: int = 0
    blocked: int = 0
    failed: int = 0
    recovered: int = 0


async def sweep(
    storage: Backend,
    send_prompt: SendPrompt,
    now: datetime,
    limit: int = SWEEP_LIMIT,
    prompts_per_second: float | None = None,
) -> SweepReport:
    """Send the due check-ins; with `prompts_per_second`, started no faster than that (the bot paces them,
    so replies to lifters go first; tests and benchmarks may leave it unpaced)."""
    report = SweepReport(recovered=await storage.recover_stale_claims(now - STALE_CLAIM))
    claims = await storage.claim_due_checkins(now, limit)
    report.claimed = len(claims)
    recent = await storage.histories([claim.user.id for claim in claims], now - timedelta(days=RECENT_DAYS))
    outcomes: list[tuple[int, datetime]] = []
    blocked: list[int] = []

    async def deliver(claim: Claim) -> None:
        following = next_checkin_for(claim.user, now)
        if claim.already_sent:
            outcomes.append((claim.user.id, following))
            return
        if now - claim.due > LATE_LIMIT:
            report.late += 1
            outcomes.append((claim.user.id, following))
            return
        try:
            await send_prompt(claim.user, recent.get(claim.user.id, []))
        except RecipientGone:
            report.blocked += 1
            blocked.append(claim.user.id)
            log.info("user %s blocked the bot; check-ins switched off", claim.user.id)
            return
        except Exception:
            report.failed += 1
            log.warning("check-in for user %s not sent; will retry", claim.user.id, exc_info=True)
            outcomes.append((claim.user.id, claim.due))  # try again next sweep, while not 3 h late
            return
        await storage.mark_checkin_sent(claim.user.id)
        report.sent += 1
        outcomes.append((claim.user.id, following))

    if prompts_per_second is None:
        await asyncio.gather(*(deliver(claim) for claim in claims))
    else:
        loop = asyncio.get_running_loop()
        start = loop.time()
        sending: list[asyncio.Task[None]] = []
        for index, claim in enumerate(claims):
            await asyncio.sleep(max(0.0, start + index / prompts_per_second - loop.time()))
            sending.append(asyncio.create_task(deliver(claim)))
        await asyncio.gather(*sending)
    await storage.finish_checkins(outcomes)
    for user_id in blocked:
        await storage.disable_checkins(user_id)
    if claims:
        log.info("check-in sweep: %s", report)
    return report


# Sends one reply to a lifter's chat; raises RecipientGone when the lifter can no longer be reached.
SendReply = Callable[[int, Reply], Awaitable[None]]
TIMER_SWEEP_SECONDS = 1.0  # rest pings go out within a second of the rest being over


@dataclass
class TimerReport:
    rest: int = 0
    idle: int = 0
    failed: int = 0


async def sweep_timers(backend: Backend, services: Services, send: SendReply, now: datetime) -> TimerReport:
    """Send every due rest ping and idle-session summary once: each is claimed atomically first (two
    sweepers never send the same), cleared once sent; a crash before the clear re-sends it after a minute
    (at least once, never lost), and a restart in between finds it still due in the database."""
    report = TimerReport()
    for claim in await backend.claim_due_timers(now):
        try:
            reply = _timer_reply(claim) if claim.kind is TimerKind.REST else await idle_summary(
                services, claim.user_id, claim.chat_id, claim.state
            )  # fmt: skip
            if reply is not None:
                await send(claim.chat_id, reply)
        except RecipientGone:
            log.info("user %s is gone; timer dropped", claim.user_id)
        except Exception:
            report.failed += 1
            log.warning("timer for user %s not sent; will retry", claim.user_id, exc_info=True)
            continue
        await backend.finish_timer(claim)
        if claim.kind is TimerKind.REST:
            report.rest += 1
        else:
            report.idle += 1
    return report


def _timer_reply(claim: TimerClaim) -> Reply:
    return rest_ping(claim.state, claim.seconds)
