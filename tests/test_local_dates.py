"""Rules group sets by the lifter's own calendar day, not by UTC's (issue #16).

A Tokyo lifter (UTC+9) training 08:40-09:20 local logs on both sides of UTC midnight: one session, one day.
The same UTC moments for a UTC lifter are two days, which shows it is the zone that decides.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from handlers.checkins import prompt_reply
from handlers.render import render_history
from rules.coach import evaluate
from rules.context import Context
from rules.models import LoggedSet
from rules.notation import parse_message
from rules.report import SetSummary, progress, weekly_report
from rules.trends import session_bests
from rules.units import lifter_unit

NOW = datetime(2026, 11, 24, 0, 20, tzinfo=UTC)  # 09:20 on 24 Nov in Tokyo, 00:20 on 24 Nov in UTC
BEFORE_MIDNIGHT = datetime(2026, 11, 23, 23, 40, tzinfo=UTC)  # 08:40 on 24 Nov in Tokyo, 23 Nov in UTC
TOKYO = ZoneInfo("Asia/Tokyo")


def logged(text: str, at: datetime) -> list[LoggedSet]:
    result = parse_message(text)
    assert not result.errors, result.errors
    return [LoggedSet(performed_at=at, set=parsed) for parsed in result.sets]


def context(zone: tzinfo, *entries: tuple[str, datetime]) -> Context:
    rows = sorted((row for text, at in entries for row in logged(text, at)), key=lambda row: row.performed_at)
    return Context(now=NOW, history=rows, zone=zone, today=NOW.astimezone(zone).date())


def bench_sessions(zone: tzinfo) -> int:
    earlier = context(zone, ("bench 100kg 5 rir1", BEFORE_MIDNIGHT))
    new = [row.set for row in logged("bench 102.5kg 5 rir1", NOW)]
    return len(session_bests(new[0].exercise, new, earlier))


def amrap_questions(zone: tzinfo) -> int:
    earlier = context(zone, ("squat 100kg amrap 8", BEFORE_MIDNIGHT))
    items = evaluate([s.set for s in logged("squat 100kg amrap 7", NOW)], earlier)
    return sum(1 for item in items if item.rule == "e1rm.amrap_too_often")


def week_intensifier_days(zone: tzinfo) -> int:
    week = weekly_report(context(zone, ("lat raise 10kg 12+4+3 rir1", BEFORE_MIDNIGHT),
                                 ("lat raise 10kg 12+4+2 rir1", NOW)))  # fmt: skip
    return max(muscle.intensifier_days for muscle in week.muscles)


def progress_days(zone: tzinfo) -> int:
    rows = [SetSummary(at, 100.0, 5, 1.0, False, False, "kg") for at in (BEFORE_MIDNIGHT, NOW)]
    return len(progress(rows, "kg", zone))


def unit_lifted_in(zone: tzinfo) -> str:
    # the latest day's sets decide: the two lb sets before UTC midnight are on it only for the Tokyo lifter
    history = logged("bench 225lb 2x5", BEFORE_MIDNIGHT) + logged("bench 100kg 5", NOW - timedelta(minutes=5))
    return lifter_unit(history, "kg", now=NOW, zone=zone)


@pytest.mark.parametrize(
    ("count", "zone", "expected"),
    [
        (bench_sessions, TOKYO, 1),  # this morning's bench, on both sides of UTC midnight, is one session
        (bench_sessions, UTC, 2),
        (amrap_questions, TOKYO, 0),  # the same session's AMRAP is not "too often"
        (amrap_questions, UTC, 1),
        (week_intensifier_days, TOKYO, 1),
        (week_intensifier_days, UTC, 2),
        (progress_days, TOKYO, 1),
        (progress_days, UTC, 2),
        (unit_lifted_in, TOKYO, "lb"),  # two lb sets and one kg set on the Tokyo day
        (unit_lifted_in, UTC, "kg"),  # the UTC day holds only the kg set
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_a_tokyo_morning_across_utc_midnight_is_one_day(
    count: Callable[[tzinfo], object], zone: tzinfo, expected: object
) -> None:
    assert count(zone) == expected


@pytest.mark.parametrize(("zone", "days"), [(TOKYO, 1), (UTC, 2)])
def test_history_and_the_check_in_prompt_use_the_lifters_days(zone: tzinfo, days: int) -> None:
    rows = [*logged("squat 100kg 5", BEFORE_MIDNIGHT), *logged("bench 100kg 5", NOW)]
    assert render_history([(row.performed_at, row.set) for row in rows], zone).count("<u>") == days
    prompt = prompt_reply(rows, zone).html
    assert ("quads" in prompt) is (days == 1), prompt  # Tokyo's last day holds the squats too


# Zones whose clocks change at or around midnight, by half hours, or fall back into the day before.
AWKWARD_ZONES = ["Asia/Beirut", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Pacific/Chatham",
                 "America/St_Johns", "Asia/Tokyo", "Europe/London", "America/New_York"]  # fmt: skip


@pytest.mark.parametrize("zone_name", AWKWARD_ZONES)
def test_the_trend_groups_sets_by_the_lifters_day_through_clock_changes(zone_name: str) -> None:
    """session_bests converts one moment a day (Context.local_day_span); across a year of clock changes every set
    still lands on its local day, checked against converting each set."""
    import random

    zone = ZoneInfo(zone_name)
    generator = random.Random(zone_name)
    for year_start in (datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)):
        for window in range(0, 365, 50):  # eight-week trends all through the year
            now = year_start + timedelta(days=window + 56)
            moments = sorted(now - timedelta(seconds=generator.randrange(1, 56 * 86400)) for _ in range(400))
            history = [
                LoggedSet(performed_at=moment, set=parse_message(f"bench {60 + i % 40}kg 5").sets[0])
                for i, moment in enumerate(moments)
            ]
            context = Context(now=now, history=history, zone=zone)
            by_day: dict[object, float] = {}
            for logged, best in zip(history, (60 + i % 40 for i in range(len(history))), strict=True):
                day = logged.performed_at.astimezone(zone).date()
                by_day[day] = max(by_day.get(day, 0.0), best * (1 + 5 / 30))  # Epley on 5 reps
            expected = [by_day[day] for day in sorted(by_day)]
            assert session_bests("Bench Press", [], context) == pytest.approx(expected), (zone_name, now)


def _bench_history(now: datetime, loads: list[int]) -> list[LoggedSet]:
    return [
        LoggedSet(performed_at=now - timedelta(days=50 - 7 * week), set=parse_message(f"bench {load}kg 5").sets[0])
        for week, load in enumerate(loads)
    ]


def test_the_trend_kept_between_messages_is_always_the_historys_own() -> None:
    """The whole days before today are kept between messages (rules.trends): the same stored sets give the same
    trend, an edited or a back-dated set gives its own."""
    now = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
    history = _bench_history(now, [100, 102, 104, 106])
    today = parse_message("bench 108kg 5").sets

    def trend(sets: list[LoggedSet]) -> list[float]:
        return [round(value) for value in session_bests("Bench Press", today, Context(now=now, history=sets))]

    assert trend(history) == trend(history) == [117, 119, 121, 124, 126]
    edited = [*history[:2], LoggedSet(performed_at=history[2].performed_at, set=parse_message("bench 90kg 5").sets[0]),
              history[3]]  # fmt: skip
    assert trend(edited) == [117, 119, 105, 124, 126]
    back_dated = sorted(
        [*history, LoggedSet(performed_at=now - timedelta(days=30), set=parse_message("bench 120kg 5").sets[0])],
        key=lambda logged: logged.performed_at,
    )
    assert trend(back_dated) == [117, 119, 121, 140, 124, 126]
    assert trend(history) == [117, 119, 121, 124, 126]
