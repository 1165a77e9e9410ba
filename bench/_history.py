"""A synthetic lifter's history for benchmarks: 5 years, about 30,000 sets."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import groupby

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


def later(days: int, years: int = 5, seed: int = 8) -> list[LoggedSet]:
    """The same program carried on for `days` after `NOW` (`build(years)`'s loads, still rising): a benchmark
    that times messages after the history stores these between them, so each week stays as full as the
    history's weeks (about 160 sets) instead of holding only the timed messages."""
    start = NOW - timedelta(days=365 * years)
    return list(_training(random.Random(seed), start, NOW + timedelta(days=1), NOW + timedelta(days=days)))


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
