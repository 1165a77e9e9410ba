"""The daily check-in against a real deployment: a rush of prompts, clock steps, group chats, local times.

The real Application over HTTP to the Bot API stand-in, its sweeps on the real APScheduler. A clock step
is the process's wall clock stepped with time-machine (datetime.now and time.time; the monotonic and
boot clocks keep the machine's pace), as the system clock's step would look to the bot.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from bot.config import Settings
from bot.scheduler import STEP_ACCEPTED_AFTER, STEP_TOLERANCE, SweepClock
from bot.storage import Storage
from bot.telegram.app import build_application
from bot.telegram.polling import polling_in_background
from rules.schedule import next_checkin, parse_clock
from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN

LIFTER = 9501
GROUP = -100777
SWEEP_S = 0.2  # the check-in sweep's interval in these tests (30 s as deployed)


async def enrol(db_path: Path, users: range | list[int], due: datetime) -> None:
    storage = await Storage.open(db_path)
    try:
        for user_id in users:
            await storage.user(user_id, user_id, due)
            await storage.update_user(user_id, timezone="UTC", checkins_on=True, next_checkin_utc=due)
    finally:
        await storage.close()


@contextmanager
def steppable_wall() -> Iterator[time_machine.Traveller]:
    """The process's wall clock from now on, running at the machine's pace until the test shifts it."""
    with time_machine.travel(datetime.now(UTC), tick=True) as traveller:
        yield traveller


@asynccontextmanager
async def running_bot(bot_api: FakeBotAPI, db_path: Path) -> AsyncIterator[FakeBotAPI]:
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, SETCOACH_DB=db_path,
                      SETCOACH_SWEEP_SECONDS=SWEEP_S, SETCOACH_TIMER_SWEEP_SECONDS=0.1)  # fmt: skip
    async with polling_in_background(build_application(config), timeout=1):
        yield bot_api


def prompts(api: FakeBotAPI) -> list[dict[str, object]]:
    return [params for params in api.sent() if "Soreness first" in str(params.get("text", ""))]


def prompt_calls(api: FakeBotAPI) -> list[float]:
    """When (monotonic) each prompt went out."""
    return [call.at for call in api.calls if call.method == "sendMessage" and "Soreness first" in str(call.params)]


async def test_a_check_in_prompt_goes_to_the_private_chat_never_to_a_group(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(seconds=3))
    async with running_bot(bot_api, db_path):
        await bot_api.send_in_group(GROUP, LIFTER, "bench 100kg 5")  # the last chat they wrote in is a group
        await bot_api.wait_for_replies(GROUP, 1)
        await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)
    (prompt,) = prompts(bot_api)
    assert int(str(prompt["chat_id"])) == LIFTER
    assert len(bot_api.sent(GROUP)) == 1  # only the set's reply went to the group


TOKYO, NEW_YORK = 9601, 9602


async def test_a_check_in_is_prompted_at_the_lifters_local_time(bot_api: FakeBotAPI, db_path: Path) -> None:
    nine_in_tokyo = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo; 19:00 the day before in New York
    began = time.monotonic()
    with time_machine.travel(nine_in_tokyo - timedelta(seconds=3), tick=True):
        storage = await Storage.open(db_path)
        try:
            for user_id, zone in ((TOKYO, "Asia/Tokyo"), (NEW_YORK, "America/New_York")):
                now = datetime.now(UTC)
                await storage.user(user_id, user_id, now)
                due = next_checkin(now, zone, parse_clock("09:00"))  # type: ignore[arg-type]
                await storage.update_user(user_id, timezone=zone, checkin_time="09:00", checkins_on=True,
                                          next_checkin_utc=due)  # fmt: skip
        finally:
            await storage.close()
        async with running_bot(bot_api, db_path):
            await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)
            sweeps = len([c for c in bot_api.calls if c.method == "getUpdates"])
            await bot_api.wait_for(lambda: len([c for c in bot_api.calls if c.method == "getUpdates"]) > sweeps + 3)
    assert [int(str(p["chat_id"])) for p in prompts(bot_api)] == [TOKYO]  # New York's 09:00 is 14 h away
    (sent_at,) = prompt_calls(bot_api)
    assert 3.0 <= sent_at - began < 3.0 + 1.0 + 5 * SWEEP_S  # not before 09:00 Tokyo time, and within sweeps of it


async def test_a_clock_stepped_back_two_hours_does_not_stop_the_sweep(bot_api: FakeBotAPI, db_path: Path) -> None:
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(seconds=2))
    with steppable_wall() as wall:
        async with running_bot(bot_api, db_path):
            wall.shift(-timedelta(hours=2))  # APScheduler planned its next run by the old time: 2 h away now
            await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)  # the watchdog woke it


async def test_a_clock_jumping_five_hours_ahead_sends_no_prompt_early(bot_api: FakeBotAPI, db_path: Path) -> None:
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(hours=1))
    await enrol(db_path, [LIFTER + 1], datetime.now(UTC) + timedelta(seconds=2))  # due now: proves sweeps run
    with steppable_wall() as wall:
        async with running_bot(bot_api, db_path):
            wall.shift(timedelta(hours=5))
            await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)
            await bot_api.wait_for(lambda: len([c for c in bot_api.calls if c.method == "getUpdates"]) > 3, 15)
    assert [int(str(p["chat_id"])) for p in prompts(bot_api)] == [LIFTER + 1]


async def test_replies_go_before_a_rush_of_check_in_prompts(bot_api: FakeBotAPI, db_path: Path) -> None:
    rush = range(20_000, 20_060)
    await enrol(db_path, rush, datetime.now(UTC) - timedelta(minutes=1))
    async with running_bot(bot_api, db_path):
        await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)  # the rush has begun
        await bot_api.send_text(LIFTER, "bench 100kg 5")
        await bot_api.wait_for_replies(LIFTER, 1, timeout=15)
        order = [int(str(params["chat_id"])) for params in bot_api.sent()]
        await bot_api.wait_for(lambda: len(prompts(bot_api)) == len(rush), 30)
    assert order.index(LIFTER) < 30, f"the reply waited behind {order.index(LIFTER)} prompts"  # unpaced: all 60


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([timedelta(0)], timedelta(0)),  # in step: the wall itself
        ([timedelta(seconds=30)], timedelta(seconds=30)),  # a slew within tolerance is followed
        ([-timedelta(hours=2)], timedelta(0)),  # stepped back: elapsed time goes on
        ([timedelta(hours=5)], timedelta(0)),  # stepped forward: nothing comes early
        ([timedelta(hours=5), timedelta(0)], timedelta(0)),  # and back again: in step
    ],
)
def test_the_sweep_clock_ignores_a_step_but_follows_a_slew(steps: list[timedelta], expected: timedelta) -> None:
    base = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    elapsed = [0.0]
    offset = [timedelta(0)]
    clock = SweepClock(lambda: base + timedelta(seconds=elapsed[0]) + offset[0], lambda: elapsed[0])
    for step in steps:
        elapsed[0] += 60
        offset[0] = step
        now = clock()
    assert now - (base + timedelta(seconds=elapsed[0])) == expected
    assert timedelta(seconds=30) < STEP_TOLERANCE  # the slew case above is a slew


def test_a_step_that_holds_for_an_hour_is_taken_as_a_correction() -> None:
    base = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    elapsed = [0.0]
    offset = [timedelta(0)]
    clock = SweepClock(lambda: base + timedelta(seconds=elapsed[0]) + offset[0], lambda: elapsed[0])
    elapsed[0], offset[0] = 60.0, timedelta(hours=5)
    assert clock() == base + timedelta(seconds=60)  # the step is seen, not followed
    elapsed[0] += STEP_ACCEPTED_AFTER.total_seconds()
    assert clock() == base + timedelta(seconds=elapsed[0], hours=5)  # it held an hour: a correction, followed


@pytest.mark.parametrize("step", [-timedelta(hours=2), timedelta(hours=5)])
async def test_a_rest_set_just_after_a_clock_step_pings_when_the_rest_is_over(
    bot_api: FakeBotAPI, db_path: Path, step: timedelta
) -> None:
    """The rest's end and the timer sweep's `now` come from one clock: stepped back, the ping would come at once;
    stepped ahead, an hour late (until the sweeps take the step as a correction)."""
    with steppable_wall() as wall:
        async with running_bot(bot_api, db_path):
            await bot_api.send_text(LIFTER, "bench 100kg 8 @8")
            await bot_api.wait_for_replies(LIFTER, 1)
            wall.shift(step)
            await bot_api.send_text(LIFTER, "rest 2s")
            await bot_api.wait_for_replies(LIFTER, 2)
            await bot_api.wait_for(lambda: len(bot_api.texts(LIFTER)) >= 3, 15)
    asked, pinged = [call.at for call in bot_api.calls if call.method == "sendMessage"][1:3]
    assert "2 s up" in bot_api.texts(LIFTER)[2]
    assert pinged - asked >= 1.9  # never early
