"""bot/scheduler.py's `Sweeps`: the real APScheduler AsyncIOScheduler and its watchdog, with jobs that count.

Short intervals; every wait polls for the effect with a deadline. A clock step is the process's wall
clock stepped with time-machine (the event loop's monotonic clock keeps the machine's pace).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from apscheduler.job import Job
from apscheduler.schedulers.blocking import BlockingScheduler

from bot.scheduler import STALL_INTERVALS, Every, Sweeps
from tests.waiting import eventually

EVERY_S = 0.05


async def until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll until `predicate` holds; fail after `timeout` seconds."""
    assert await eventually(predicate, timeout, every=0.01)


class Counting:
    """A job that counts its runs and how many were going at once; it can fail or take its time."""

    def __init__(self, takes_s: float = 0.0, fails: bool = False) -> None:
        self.runs = 0
        self.finished = 0
        self.going = 0
        self.most_at_once = 0
        self.takes_s = takes_s
        self.fails = fails

    async def __call__(self) -> None:
        self.runs += 1
        self.going += 1
        self.most_at_once = max(self.most_at_once, self.going)
        try:
            await asyncio.sleep(self.takes_s)
            if self.fails:
                raise RuntimeError("the database is gone")
        finally:
            self.going -= 1
        self.finished += 1


async def test_a_job_runs_every_interval_and_a_failed_run_is_logged_then_retried(
    caplog: pytest.LogCaptureFixture,
) -> None:
    steady, failing = Counting(), Counting(fails=True)
    sweeps = Sweeps()
    sweeps.add(EVERY_S, steady, "the steady sweep")
    sweeps.add(EVERY_S, failing, "the failing sweep")
    sweeps.start()
    try:
        await until(lambda: steady.runs >= 5 and failing.runs >= 3)
    finally:
        await sweeps.stop()
    assert "the failing sweep failed; it runs again" in caplog.text


async def test_a_run_longer_than_the_interval_never_overlaps_the_next() -> None:
    slow = Counting(takes_s=4 * EVERY_S)
    sweeps = Sweeps()
    sweeps.add(EVERY_S, slow, "the slow sweep")
    sweeps.start()
    try:
        await until(lambda: slow.finished >= 3)
    finally:
        await sweeps.stop()
    assert slow.most_at_once == 1


async def test_stop_lets_the_run_in_hand_finish_and_starts_no_other() -> None:
    slow = Counting(takes_s=0.5)
    sweeps = Sweeps()
    sweeps.add(EVERY_S, slow, "the paced sweep")
    sweeps.start()
    await until(lambda: slow.going == 1)
    await sweeps.stop()
    assert (slow.runs, slow.finished, slow.going) == (1, 1, 0)
    witness = Counting()  # another scheduler's runs show that turns of the stopped one have come and gone
    other = Sweeps()
    other.add(EVERY_S, witness, "the witness")
    other.start()
    try:
        await until(lambda: witness.runs >= 5)
    finally:
        await other.stop()
    assert slow.runs == 1


@pytest.mark.parametrize(("step", "woken"), [(-timedelta(hours=2), True), (timedelta(hours=5), False)])
async def test_the_watchdog_wakes_a_job_stalled_by_the_clock_stepping_back(
    caplog: pytest.LogCaptureFixture, step: timedelta, woken: bool
) -> None:
    job = Counting()
    sweeps = Sweeps()
    sweeps.add(EVERY_S, job, "the check-in sweep")
    with time_machine.travel(datetime.now(UTC), tick=True) as wall:
        sweeps.start()
        try:
            await until(lambda: job.runs >= 2)
            with caplog.at_level(logging.WARNING, logger="bot.scheduler"):
                wall.shift(step)  # the next run was planned by the old time: 2 h away now (or 5 h overdue)
                before = job.runs
                await until(lambda: job.runs >= before + 3, timeout=(STALL_INTERVALS + 10) * EVERY_S + 2)
        finally:
            await sweeps.stop()
    assert ("(the clock was stepped back): running it now" in caplog.text) is woken  # a step ahead needs no wake


@pytest.mark.parametrize("late", [timedelta(0), timedelta(milliseconds=1), timedelta(days=1)])
def test_missed_turns_are_skipped_to_now_in_one_step(late: timedelta) -> None:
    """APScheduler lists missed turns one by one before its one run: 86,400 for a 1-s job a day behind."""
    trigger = Every(seconds=1, timezone=UTC)
    last = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    now = last + timedelta(seconds=1) + late
    job = Job(BlockingScheduler(timezone=UTC), id="sweep", func=print, trigger=trigger, executor="default",
              args=(), kwargs={}, name="sweep", misfire_grace_time=None, coalesce=True, max_instances=1,
              next_run_time=last)  # fmt: skip
    missed = job._get_run_times(now)  # what the scheduler lists before its one coalesced run
    assert missed[0] == last and missed[-1] <= now and len(missed) <= 3
    assert trigger.get_next_fire_time(missed[-1], now) > now
