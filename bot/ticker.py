"""Periodic jobs on the monotonic clock, and wall time for them that survives clock steps.

APScheduler (PTB's JobQueue) schedules by the wall clock: stepped back 2 h, it waits 2 h for the next
run; stepped forward, the sweep's `now` says prompts are due hours early. Here a job runs every
`interval` seconds of the event loop's clock (monotonic), and `SweepClock` gives it a wall time that
follows the system clock while it ticks normally and ignores a step until the new time has held for
an hour (then it is taken as a correction).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

log = logging.getLogger(__name__)

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
    """The sweeps' `now`: the wall clock, unless it just jumped; then the last good time plus elapsed time."""

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
STOP_GRACE_S = 10.0  # a run in hand when the bot stops may finish within this; then it is cut


async def every(interval_s: float, job: Job, name: str, stop: asyncio.Event, first_s: float = 0.0) -> None:
    """Run `job` every `interval_s` seconds of monotonic time until `stop` is set. A run that fails is
    logged and the next one comes as planned; a run longer than the interval delays the next (runs
    never overlap)."""
    loop = asyncio.get_running_loop()
    due = loop.time() + first_s
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), max(0.0, due - loop.time()))
            return
        try:
            await job()
        except Exception:
            log.exception("%s failed; it runs again in %.0f s", name, interval_s)
        due = max(due + interval_s, loop.time())


class Jobs:
    """The bot's periodic jobs as tasks: started once; on stop, a run in hand finishes (or is cut after
    STOP_GRACE_S: a sweep is safe to cut, its claims are finished or recovered from the database)."""

    def __init__(self) -> None:
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, interval_s: float, job: Job, name: str, first_s: float = 0.0) -> None:
        self._tasks.append(asyncio.create_task(every(interval_s, job, name, self._stop, first_s), name=name))

    async def stop(self) -> None:
        self._stop.set()
        if self._tasks:
            _, late = await asyncio.wait(self._tasks, timeout=STOP_GRACE_S)
            for task in late:
                task.cancel()
            for task in late:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._tasks.clear()
