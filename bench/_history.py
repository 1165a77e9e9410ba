"""A synthetic lifter's history for benchmarks (5 years, about 30,000 sets), written to a backend as a lifter
texts it, their program going on while a benchmark times messages after it, and the backends a benchmark
runs on (a SQLite file, a throwaway local PostgreSQL) with the database round trips counted."""

from __future__ import annotations

import asyncio
import gc
import random
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any

from bot.storage import Backend, open_backend
from handlers.ports import Store
from rules.models import CheckIn, JointLevel, LoggedSet, MessageKind
from rules.notation import parse_message

SESSION_TEMPLATES = [
    ["squat {h}kg 5x5 @8", "leg press 200kg 3x12", "leg ext 60kg 15+5+3 rir1", "leg curl 40kg 3x12 rir1",
     "calf raise 80kg 4x15"],
    ["bench {b}kg 5x5 @8", "incline db press 30kg 3x10", "bench 80kg 8 > cable fly 15kg 15 rir0",
     "pressdown 30kg 15+5+3 rir1", "lat raise 10kg 4x15"],
    ["deadlift {d}kg 3x5 @8", "row 70kg 4x10", "lat pulldown 60kg 3x12", "curl 20/15/10kg 10+8+6",
     "face pull 20kg 3x15"],
    ["ohp {o}kg 5x5 @8", "chin ups bw 4x8", "pec deck 50kg 12+4+3 rir1", "hammer curl 16kg 3x12",
     "overhead extension 25kg 3x12"],
]  # fmt: skip


NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)  # where `build()`'s history ends


def _training(rng: random.Random, origin: datetime, first: datetime, end: datetime) -> Iterator[LoggedSet]:
    """The program from the day `first` to a day before `end`: on each training day (every 1-3 days) every
    template twice, two sessions from 11:00 UTC, loads rising from `origin`: about 30,000 sets in 5 years."""
    day = first
    session = 0
    while day < end - timedelta(days=1):
        for _ in range(2):
            template = SESSION_TEMPLATES[session % len(SESSION_TEMPLATES)]
            progress = (day - origin).days / 365
            loads = {"h": 100 + 10 * progress, "b": 80 + 6 * progress, "d": 140 + 12 * progress, "o": 50 + 4 * progress}
            at = day + timedelta(hours=17)
            for line in template:
                text = line.format(**{k: round(v / 2.5) * 2.5 for k, v in loads.items()})
                for parsed in parse_message(text).sets:
                    yield LoggedSet(performed_at=at, set=parsed)
                at += timedelta(minutes=rng.randint(6, 12))
            session += 1
        day += timedelta(days=rng.choice([1, 2, 2, 3, 2, 1]))


def build(years: int = 5, seed: int = 7) -> tuple[list[LoggedSet], list[CheckIn], datetime]:
    """`years` of the program up to `NOW`, the last 60 days' check-ins, and `NOW`."""
    rng = random.Random(seed)
    start = NOW - timedelta(days=365 * years)
    rows = list(_training(rng, start, start, NOW))
    checkins = [
        CheckIn(day=(NOW - timedelta(days=ago)).date(), joints={"elbow": rng.choice(list(JointLevel))})
        for ago in range(60, 0, -1)
    ]
    return rows, checkins, NOW


def later(days: int, years: int = 5, seed: int = 8) -> Iterator[LoggedSet]:
    """The same program carried on for `days` after `NOW` (`build(years)`'s loads, still rising), made as it is
    consumed (`Lifter.train_until`)."""
    start = NOW - timedelta(days=365 * years)
    return _training(random.Random(seed), start, NOW + timedelta(days=1), NOW + timedelta(days=days))


async def store(storage: Store, lifter: int, sets: Iterable[LoggedSet], first_id: int) -> int:
    """Write `sets` for `lifter` as a lifter texts them, one message (ids from `first_id` on) per moment;
    the next free message id."""
    number = first_id
    for moment, group in groupby(sets, key=lambda logged: logged.performed_at):
        stored = await storage.record_message(lifter, lifter, number, "history", moment)
        await storage.save_outcome(lifter, stored.row, MessageKind.SETS, [logged.set for logged in group], moment)
        number += 1
    return number


async def populate(storage: Store, lifter: int, checkins: bool = True) -> tuple[int, datetime]:
    """Write `build()`'s history (one message per moment, as a lifter texts a set) and check-ins for `lifter`;
    the number of sets and the history's `now`. Nothing of it stays in memory: a bot reads its lifters' years
    from the database, so a benchmark that kept them would time the garbage collector walking them."""
    history, days, now = build()
    count = len(history)
    await storage.user(lifter, lifter, now - timedelta(days=365 * 5))
    await store(storage, lifter, history, 1)
    for checkin in days if checkins else ():
        await storage.save_checkin(lifter, checkin, None, now)
    return count, now


class Lifter:
    """One lifter whose 5 years are in the database (`write_history`) and whose program goes on after them:
    `train_until` writes the sets due before a moment, untimed, so every week a benchmark times messages in
    holds about as many sets as the history's weeks (~160), not only the timed ones."""

    PROGRAM_IDS = 500_000  # the program's message ids after the history, apart from a benchmark's own

    def __init__(self, storage: Store, lifter: int, days: int) -> None:
        self.storage = storage
        self.id = lifter
        self.sets = 0  # in the history
        self._program = later(days)
        self._due: LoggedSet | None = None
        self._next_id = self.PROGRAM_IDS

    async def write_history(self, checkins: bool = True) -> datetime:
        """`populate`: the history's `now`."""
        self.sets, now = await populate(self.storage, self.id, checkins)
        return now

    async def train_until(self, moment: datetime) -> None:
        due: list[LoggedSet] = []
        while True:
            if self._due is None:
                self._due = next(self._program, None)
            if self._due is None or self._due.performed_at >= moment:
                break
            due.append(self._due)
            self._due = None
        self._next_id = await store(self.storage, self.id, due, self._next_id)


class Trips:
    """Database round trips, counted while `counting`: on SQLite every call handed to aiosqlite's database
    thread (a statement with its rows; what its triggers run goes with it), on PostgreSQL every cursor execute
    (one trip to the server). Counted here, not in the backends."""

    def __init__(self) -> None:
        self.on = False
        self.count = 0

    @contextmanager
    def counting(self) -> Iterator[None]:
        self.on, self.count = True, 0
        try:
            yield
        finally:
            self.on = False

    @contextmanager
    def watching(self, owner: Any, method: str) -> Iterator[None]:
        """Count each call of `owner.method` (an async method that makes one trip) while counting."""
        original = getattr(owner, method)

        async def call(this: Any, *args: Any, **kwargs: Any) -> Any:
            if self.on:
                self.count += 1
            return await original(this, *args, **kwargs)

        setattr(owner, method, call)
        try:
            yield
        finally:
            setattr(owner, method, original)


def quantiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"p50 {ordered[len(ordered) // 2] * 1000:.2f} ms, p99 {ordered[int(len(ordered) * 0.99)] * 1000:.2f} ms"


Measure = Callable[[Backend, Trips, str], Awaitable[str]]  # a backend, its trips, its name: the figure's line


def on_each_backend(measure: Measure, name: str, postgres: bool = True) -> None:
    """Print `measure`'s line on a fresh SQLite file, then on a throwaway local PostgreSQL with fsync on (as a
    real one commits; a hosted one adds its network round trip to every trip), or why it was skipped."""
    import aiosqlite
    import psycopg

    with tempfile.TemporaryDirectory() as folder:
        print(asyncio.run(_measured(measure, None, Path(folder) / "bench.db", "SQLite", aiosqlite.Connection)))
    gc.unfreeze()  # the next backend's run is another bot, as it were: its own start-up is frozen, not this one's
    if not postgres:
        return
    from tests import pgserver

    try:
        server = pgserver.start(durable=True)
    except pgserver.Unavailable as why:
        print(f"{name}, PostgreSQL: skipped ({why})")
        return
    try:
        unused = Path(tempfile.gettempdir()) / "unused.db"
        print(asyncio.run(_measured(measure, server.database(), unused, "PostgreSQL on loopback", psycopg.AsyncCursor)))
    finally:
        server.stop()


async def _measured(measure: Measure, url: str | None, path: Path, where: str, trip: Any) -> str:
    trips = Trips()
    # SQLite: every call handed to the database thread; PostgreSQL: the connection's execute goes through a cursor's
    with trips.watching(trip, "_execute" if url is None else "execute"):
        storage = await open_backend(url, path)
        try:
            return await measure(storage, trips, where)
        finally:
            await storage.close()
