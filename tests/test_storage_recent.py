"""The parsed copy of each lifter's recent sets (bot/storage/recent.py) never tells the rules anything the
database does not hold: after every kind of write, by this instance or another one on the same database,
`coach_data`'s history is the history read straight from SQL. Each storage test runs on both backends."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.storage import Backend
from bot.storage.recent import KEEP, Recent, RecentCache, RecentSets, widened
from rules.models import LoggedSet, MessageKind
from rules.notation import parse_message
from tests.databases import Database

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
WEEK = NOW - timedelta(days=7)
EIGHT_WEEKS = NOW - timedelta(days=56)
BENCH = (EIGHT_WEEKS, ["Bench Press"])

_message_ids = iter(range(1, 10_000))


async def log(storage: Backend, text: str, at: datetime, user: int = 1) -> int:
    await storage.user(user, user, at)
    stored = await storage.record_message(user, user, next(_message_ids), text, at)
    await storage.save_outcome(user, stored.row, MessageKind.SETS, parse_message(text).sets, at)
    return stored.row


async def as_coached(storage: Backend, since: datetime, longer: tuple[datetime, list[str]] | None) -> list[LoggedSet]:
    return (await storage.coach_data(1, since, date(2026, 11, 1), longer)).history


async def assert_same_as_sql(storage: Backend, *others: Backend) -> None:
    """Every read the handlers make (a set of a main lift, of another lift, a question) equals SQL's."""
    for since, longer in ((WEEK, BENCH), (WEEK, None), (EIGHT_WEEKS, None), (WEEK, (EIGHT_WEEKS, ["Back Squat"]))):
        truth = await storage.history(1, since, longer)
        for reader in (storage, *others):
            assert await as_coached(reader, since, longer) == truth, (since, longer)


Step = Callable[[Backend, Backend], Awaitable[object]]


async def _edit(storage: Backend, _: Backend) -> None:
    row = await log(storage, "bench 100kg 5", NOW - timedelta(hours=1))
    await as_coached(storage, WEEK, BENCH)  # the copy holds the set as first logged
    await storage.save_outcome(1, row, MessageKind.EDITING)
    await storage.save_outcome(1, row, MessageKind.SETS, parse_message("bench 105kg 5").sets, NOW - timedelta(hours=1))


STEPS: list[tuple[str, Step]] = [
    ("a new set now", lambda s, _: log(s, "bench 100kg 5", NOW)),
    ("a set in a message of three", lambda s, _: log(s, "bench 100kg 3x5\ncurl 20kg 12", NOW)),
    ("a set back-dated into the middle of the weeks", lambda s, _: log(s, "bench 90kg 8", NOW - timedelta(days=20))),
    ("a set older than any read", lambda s, _: log(s, "bench 90kg 8", NOW - timedelta(days=200))),
    ("an edited message", _edit),
    ("an undo", lambda s, _: s.undo_last(1)),
    ("a set another front-end logged", lambda _, other: log(other, "squat 140kg 5", NOW - timedelta(days=3))),
    ("an undo another front-end made", lambda _, other: other.undo_last(1)),
    ("another lifter's set", lambda s, _: log(s, "bench 60kg 5", NOW, user=2)),
    ("the lifter forgotten", lambda s, _: s.forget(1)),
    ("the lifter back after forgetting", lambda s, _: log(s, "bench 100kg 5", NOW)),
]


@pytest.mark.parametrize("title, step", STEPS, ids=[title for title, _ in STEPS])
async def test_the_parsed_copy_reads_as_the_database_after(
    storage: Backend, database: Database, title: str, step: Step
) -> None:
    other = await database.open()
    try:
        for days in (60, 40, 30, 10, 5, 1):
            await log(storage, "bench 100kg 5\nsquat 120kg 5\ncurl 15kg 12", NOW - timedelta(days=days))
        await assert_same_as_sql(storage, other)  # both copies made
        await step(storage, other)
        await assert_same_as_sql(storage, other)
    finally:
        await other.close()


async def test_every_step_in_a_row_still_reads_as_the_database(storage: Backend, database: Database) -> None:
    other = await database.open()
    try:
        await log(storage, "bench 100kg 5", NOW - timedelta(days=30))
        for _, step in STEPS:
            await step(storage, other)
            await assert_same_as_sql(storage, other)
    finally:
        await other.close()


# The copy itself, without a database ---------------------------------------------------------------------


def _logged(exercise: str, days_ago: float) -> LoggedSet:
    text = {"bench": "bench 100kg 5", "squat": "squat 120kg 5", "curl": "curl 15kg 12"}[exercise]
    return LoggedSet(performed_at=NOW - timedelta(days=days_ago), set=parse_message(text).sets[0])


def _read(*sets: tuple[str, float, int], edits: int = 0) -> Recent:
    """(exercise, days ago, key) each; the key doubles as the message row."""
    return Recent(
        edits=edits,
        sets=[_logged(exercise, days) for exercise, days, _ in sets],
        keys=[(key, 0, key) for _, _, key in sets],
    )


def _names(sets: list[LoggedSet]) -> list[tuple[str, float]]:
    short = {"Bench Press": "bench", "Back Squat": "squat", "Biceps Curl": "curl"}
    return [(short[s.set.exercise], (NOW - s.performed_at).days) for s in sets]


LOADED = _read(("bench", 50, 1), ("squat", 40, 2), ("curl", 20, 3), ("bench", 10, 4), ("curl", 5, 5), ("squat", 1, 6))

SELECTS = [
    ("the week alone", WEEK, None, [("curl", 5), ("squat", 1)]),
    ("the week and eight weeks of bench", WEEK, BENCH, [("bench", 50), ("bench", 10), ("curl", 5), ("squat", 1)]),
    (
        "the week and eight weeks of two lifts, in time order",
        WEEK,
        (EIGHT_WEEKS, ["Bench Press", "Back Squat"]),
        [("bench", 50), ("squat", 40), ("bench", 10), ("curl", 5), ("squat", 1)],
    ),
    ("a lift never done", WEEK, (EIGHT_WEEKS, ["Deadlift"]), [("curl", 5), ("squat", 1)]),
    ("a look-back shorter than the week", WEEK, (NOW - timedelta(days=2), ["Bench Press"]), _names(LOADED.sets[-2:])),
    ("eight weeks of everything", EIGHT_WEEKS, None, _names(LOADED.sets)),
]


@pytest.mark.parametrize("title, since, longer, expected", SELECTS, ids=[s[0] for s in SELECTS])
def test_a_read_from_the_copy_is_what_sql_would_select(
    title: str, since: datetime, longer: tuple[datetime, list[str]] | None, expected: list[tuple[str, int]]
) -> None:
    assert _names(RecentSets(EIGHT_WEEKS, None, LOADED).select(since, longer)) == expected


def test_a_back_dated_set_lands_in_time_order_and_an_overlapping_read_adds_nothing_twice() -> None:
    kept = RecentSets(EIGHT_WEEKS, None, LOADED)
    kept.add(_read(("bench", 30, 7), ("curl", 0, 8)))
    kept.add(_read(("curl", 0, 8)))  # a second read that began before the first was merged
    assert _names(kept.select(EIGHT_WEEKS, None)) == [
        ("bench", 50), ("squat", 40), ("bench", 30), ("curl", 20), ("bench", 10), ("curl", 5), ("squat", 1), ("curl", 0)
    ]  # fmt: skip
    assert kept.last == 8


def test_sets_older_than_the_copy_reaches_are_not_kept() -> None:
    kept = RecentSets(EIGHT_WEEKS, None, LOADED)
    kept.add(_read(("bench", 100, 9)))
    assert len(kept) == len(LOADED.sets) and kept.last == 6


def test_trimming_keeps_everything_a_later_read_can_ask_for() -> None:
    kept = RecentSets(NOW - timedelta(days=200), None, _read(("bench", 150, 1), ("bench", 95, 2), ("bench", 50, 3)))
    kept.trim(NOW)  # reads from now on reach back at most eight weeks; the copy keeps `KEEP`
    assert kept.horizon == NOW - KEEP
    assert _names(kept.select(NOW - KEEP, None)) == [("bench", 50)]
    assert not kept.covers(NOW - KEEP - timedelta(seconds=1), None)


def test_the_least_recently_read_lifter_is_dropped_first() -> None:
    cache = RecentCache(size=2)
    for user in (1, 2):
        cache.put(user, RecentSets(EIGHT_WEEKS, None, LOADED))
    assert cache.get(1) is not None  # 1 read again: 2 is now the oldest
    cache.put(3, RecentSets(EIGHT_WEEKS, None, LOADED))
    assert [cache.get(user) is not None for user in (1, 2, 3)] == [True, False, True]


COVERS = [
    ("the week it was read for", WEEK, None, True),
    ("eight weeks of the lift it was read for", WEEK, BENCH, True),
    ("a shorter look-back of that lift", WEEK, (NOW - timedelta(days=20), ["Bench Press"]), True),
    ("eight weeks of another lift", WEEK, (EIGHT_WEEKS, ["Back Squat"]), False),
    ("eight weeks of everything", EIGHT_WEEKS, None, False),
    ("more than a week of everything", WEEK - timedelta(days=1), None, False),
]


@pytest.mark.parametrize("title, since, longer, covered", COVERS, ids=[c[0] for c in COVERS])
def test_a_copy_read_for_a_set_of_a_main_lift_holds_that_and_no_more(
    title: str, since: datetime, longer: tuple[datetime, list[str]] | None, covered: bool
) -> None:
    kept = RecentSets(WEEK, BENCH, LOADED)
    assert kept.covers(since, longer) is covered


def test_a_read_the_copy_does_not_cover_reads_both_reaches_whole() -> None:
    kept = RecentSets(WEEK, BENCH, LOADED)
    assert widened(kept, WEEK, (NOW - timedelta(days=40), ["Back Squat"])) == (
        WEEK, (EIGHT_WEEKS, ["Back Squat", "Bench Press"])
    )
    assert widened(kept, EIGHT_WEEKS, None) == (EIGHT_WEEKS, None)  # everything eight weeks back holds the lift too
    assert widened(None, WEEK, BENCH) == (WEEK, BENCH)


def test_a_new_set_of_an_exercise_read_only_for_the_week_is_kept_only_within_it() -> None:
    kept = RecentSets(WEEK, BENCH, _read())
    kept.add(_read(("bench", 30, 1), ("squat", 30, 2), ("squat", 3, 3)))  # back-dated sets
    assert _names(kept.select(WEEK, (EIGHT_WEEKS, ["Bench Press"]))) == [("bench", 30), ("squat", 3)]
