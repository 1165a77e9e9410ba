"""The bot's sweeps, and the APScheduler jobs that run them.

The sweeps: `sweep` claims due check-in prompts atomically, sends them and schedules the next ones;
`sweep_timers` sends due rest pings and idle-session summaries. The database is the source of truth
(each lifter's next check-in and pending rest are columns), so the scheduler holds no state of its own:
nothing is pickled, a restart loses nothing, and `now` is passed in, so tests drive the sweeps' clock.

`Sweeps` runs them as APScheduler 3 interval jobs on an `AsyncIOScheduler` (the same in the console and
in Telegram; nothing here imports Telegram). APScheduler keeps the interval, never overlaps a run with
the next (one instance; a run longer than the interval skips a turn), coalesces missed turns into one
run, and logs a run that fails; the next comes as planned.

APScheduler 3 plans by the wall clock: each next run is a wall-clock instant, waited for on the event
loop's timer. Stepped back 2 h, the wall clock makes it wait 2 h for the next run. A watchdog on the
event loop's monotonic clock guards against that: a job the scheduler has not taken up for
`STALL_INTERVALS` of its intervals is woken (its next run set to now, which wakes the scheduler) and
the step is logged. Stepped forward, the scheduler runs each job once at once and goes on from the new
time; the sweeps' `now` is a `SweepClock`, which ignores the step until it has held an hour, so no
prompt goes out hours early. The front-ends hand the same `SweepClock` to the handlers, so a rest set
just after a step ends by the clock the timer sweep reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED, JobEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

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
    user_id: int | None = None,
) -> SweepReport:
    """Send the due check-ins (only `user_id`'s, when given: a console serves one lifter); with
    `prompts_per_second`, started no faster than that (the bot paces them, so replies to lifters go first;
    tests and benchmarks may leave it unpaced)."""
    report = SweepReport(recovered=await storage.recover_stale_claims(now - STALE_CLAIM))
    claims = await storage.claim_due_checkins(now, limit, user_id)
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


async def sweep_timers(
    backend: Backend, services: Services, send: SendReply, now: datetime, user_id: int | None = None
) -> TimerReport:
    """Send every due rest ping and idle-session summary of the backend's front-end (only `user_id`'s, when
    given) once: each is claimed atomically first (two sweepers never send the same), cleared once sent; a
    crash before the clear re-sends it after a minute (at least once, never lost), and a restart in between
    finds it still due in the database. Another front-end's chats are left to its own sweep."""
    report = TimerReport()
    for claim in await backend.claim_due_timers(now, user_id):
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


STEP_TOLERANCE = timedelta(minutes=2)  # wall and monotonic clocks drifting this far apart is a step, not a slew
STEP_ACCEPTED_AFTER = timedelta(hours=1)  # a stepped clock that holds this long was a correction: follow it


def _elapsed_clock() -> float:
    """Seconds that also count while the machine sleeps (CLOCK_BOOTTIME), where the platform has it."""
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SweepClock:
    """The bot's `now` (the handlers' and the sweeps'): the wall clock, unless it just jumped; then the last
    good time plus elapsed time.

    It follows the system clock while it ticks normally (a slew within STEP_TOLERANCE is followed) and
    ignores a step until the new time has held for STEP_ACCEPTED_AFTER (then it is taken as a correction).
    So a clock stepped 5 h ahead sends no prompt early, and one stepped back sends none twice."""

    def __init__(
        self, wall: Callable[[], datetime] = _utc_now, elapsed: Callable[[], float] = _elapsed_clock
    ) -> None:
        self._wall = wall
        self._elapsed = elapsed
        self._anchor_wall = wall()
        self._anchor_elapsed = elapsed()
        self._step: tuple[timedelta, float] | None = None  # (wall - expected, when first seen)

    def __call__(self) -> datetime:
        wall, elapsed = self._wall(), self._elapsed()
        expected = self._anchor_wall + timedelta(seconds=elapsed - self._anchor_elapsed)
        offset = wall - expected
        if abs(offset) <= STEP_TOLERANCE:
            if self._step is not None:
                log.warning("the wall clock is back in step; the sweeps follow it again")
            self._step = None
            self._anchor_wall, self._anchor_elapsed = wall, elapsed
            return wall
        if self._step is None or abs(offset - self._step[0]) > STEP_TOLERANCE:
            log.warning(
                "the wall clock jumped by %s; check-ins keep elapsed time until the new time holds for %s",
                _signed(offset), STEP_ACCEPTED_AFTER,
            )  # fmt: skip
            self._step = (offset, elapsed)
        elif elapsed - self._step[1] >= STEP_ACCEPTED_AFTER.total_seconds():
            log.warning("the wall clock's step of %s has held for %s: taking it as a correction",
                        _signed(offset), STEP_ACCEPTED_AFTER)  # fmt: skip
            self._step = None
            self._anchor_wall, self._anchor_elapsed = wall, elapsed
            return wall
        return expected


def _signed(delta: timedelta) -> str:
    return f"+{delta}" if delta >= timedelta(0) else f"-{-delta}"


Job = Callable[[], Awaitable[object]]
STALL_INTERVALS = 3  # a job not taken up for this many of its intervals (monotonic) is stalled: wake it
STOP_GRACE_S = 10.0  # a run in hand when the bot stops may finish within this; then it is cut


class _RoutineSkips(logging.Filter):
    """A run skipped because the last one is still going is how a long run delays the next, not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in record.getMessage()


logging.getLogger("apscheduler.scheduler").addFilter(_RoutineSkips())


class Every(IntervalTrigger):  # type: ignore[misc]  # APScheduler 3 is untyped
    """APScheduler's interval trigger, except that missed turns are skipped to now in one step: APScheduler
    lists every missed turn before coalescing them into one run, and after the wall clock jumps a year
    ahead (a machine without a battery clock, set at boot) that is 31 million turns of a 1-s job, listed
    on the event loop. The next turns go on from now."""

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        following: datetime | None = super().get_next_fire_time(previous_fire_time, now)
        if previous_fire_time is not None and following is not None and following < now:
            return now
        return following


class Sweeps:
    """The bot's periodic jobs on an APScheduler `AsyncIOScheduler`, with a watchdog on the monotonic clock.

    `add` the jobs, `start` once inside the event loop, `stop` when the bot stops: no new run starts, a
    run in hand finishes (or is cut after STOP_GRACE_S: a sweep is safe to cut, its claims are finished
    or recovered from the database)."""

    def __init__(self) -> None:
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            # one run at a time; turns missed while the loop was busy or the clock jumped make one run, late or not
            job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
        )
        self._scheduler.add_listener(self._taken_up, EVENT_JOB_SUBMITTED | EVENT_JOB_MAX_INSTANCES)
        self._jobs: dict[str, tuple[float, float, Job]] = {}  # id -> (interval, first delay, job)
        self._seen: dict[str, float] = {}  # id -> loop time the scheduler last took the job up
        self._running: set[asyncio.Task[object]] = set()
        self._watchdog: asyncio.Task[None] | None = None

    def add(self, interval_s: float, job: Job, name: str, first_s: float = 0.0) -> None:
        """Run `job` every `interval_s` seconds, the first time `first_s` after `start`."""
        self._jobs[name] = (interval_s, first_s, job)

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._scheduler.start()
        for name, (interval_s, first_s, job) in self._jobs.items():
            self._seen[name] = loop.time() + first_s
            self._scheduler.add_job(
                self._run, Every(seconds=interval_s, timezone=UTC), args=(name, job), id=name, name=name,
                next_run_time=datetime.now(UTC) + timedelta(seconds=first_s),
            )  # fmt: skip
        if self._jobs:
            self._watchdog = asyncio.create_task(self._watch(), name="the sweeps' watchdog")

    async def stop(self) -> None:
        if not self._scheduler.running:
            return
        self._scheduler.pause()  # no new run from here on; runs in hand go on
        if self._watchdog is not None:
            self._watchdog.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watchdog
        if self._running:
            _, late = await asyncio.wait(self._running, timeout=STOP_GRACE_S)
            for task in late:
                task.cancel()
            for task in late:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn

    async def _run(self, name: str, job: Job) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
        try:
            await job()
        except Exception:
            log.exception("%s failed; it runs again in %.0f s", name, self._jobs[name][0])
        finally:
            if task is not None:
                self._running.discard(task)

    def _taken_up(self, event: JobEvent) -> None:
        """The scheduler started the job, or would have but the last run is still going: it is alive."""
        self._seen[event.job_id] = asyncio.get_running_loop().time()

    async def _watch(self) -> None:
        """Every shortest interval, on the loop's monotonic clock: wake any job the scheduler has let stall."""
        loop = asyncio.get_running_loop()
        every = min(interval_s for interval_s, _, _ in self._jobs.values())
        while True:
            await asyncio.sleep(every)
            for name, (interval_s, _, _) in self._jobs.items():
                silent = loop.time() - self._seen[name]
                if silent < STALL_INTERVALS * interval_s:
                    continue
                job = self._scheduler.get_job(name)
                if job is None or job.next_run_time is None:
                    continue
                ahead = job.next_run_time - datetime.now(UTC)
                log.warning(
                    "%s has not run for %.1f s of monotonic time (every %g s planned); the scheduler plans it %s "
                    "from now by the wall clock%s: running it now",
                    name, silent, interval_s, _signed(ahead),
                    " (the clock was stepped back)" if ahead.total_seconds() > interval_s else "",
                )  # fmt: skip
                self._seen[name] = loop.time()  # one wake per stall: give it its turns before the next
                job.modify(next_run_time=datetime.now(UTC))  # modify_job wakes the scheduler itself
