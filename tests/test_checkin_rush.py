"""The daily check-in against a real deployment: a rush of prompts, clock steps, group chats.

The real Application over HTTP to the Bot API stand-in; the sweeps' wall time is a `SweepClock` whose
wall the test steps, while its elapsed time stays the machine's own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.storage import Storage
from bot.telegram.app import build_application
from bot.telegram.polling import polling_in_background
from bot.ticker import STEP_ACCEPTED_AFTER, STEP_TOLERANCE, SweepClock
from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN

LIFTER = 9501
GROUP = -100777


async def enrol(db_path: Path, users: range | list[int], due: datetime) -> None:
    storage = await Storage.open(db_path)
    try:
        for user_id in users:
            await storage.user(user_id, user_id, due)
            await storage.update_user(user_id, timezone="UTC", checkins_on=True, next_checkin_utc=due)
    finally:
        await storage.close()


class SteppedWall:
    """A wall clock the test steps; between steps it runs at the machine's pace."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@asynccontextmanager
async def bot_with_wall(bot_api: FakeBotAPI, db_path: Path, wall: SteppedWall) -> AsyncIterator[FakeBotAPI]:
    config = Settings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=bot_api.base_url, SETCOACH_DB=db_path,
                      SETCOACH_SWEEP_SECONDS=0.2)  # fmt: skip
    async with polling_in_background(build_application(config, sweep_clock=SweepClock(wall)), timeout=1):
        yield bot_api


def prompts(api: FakeBotAPI) -> list[dict[str, object]]:
    return [params for params in api.sent() if "Soreness first" in str(params.get("text", ""))]


async def test_a_check_in_prompt_goes_to_the_private_chat_never_to_a_group(
    bot_api: FakeBotAPI, db_path: Path
) -> None:
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(seconds=3))
    async with bot_with_wall(bot_api, db_path, SteppedWall()):
        await bot_api.send_in_group(GROUP, LIFTER, "bench 100kg 5")  # the last chat they wrote in is a group
        await bot_api.wait_for_replies(GROUP, 1)
        await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)
    (prompt,) = prompts(bot_api)
    assert int(str(prompt["chat_id"])) == LIFTER
    assert len(bot_api.sent(GROUP)) == 1  # only the set's reply went to the group


async def test_a_clock_stepped_back_two_hours_does_not_stop_the_sweep(bot_api: FakeBotAPI, db_path: Path) -> None:
    wall = SteppedWall()
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(seconds=2))
    async with bot_with_wall(bot_api, db_path, wall):
        wall.offset = -timedelta(hours=2)
        await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)


async def test_a_clock_jumping_five_hours_ahead_sends_no_prompt_early(bot_api: FakeBotAPI, db_path: Path) -> None:
    wall = SteppedWall()
    await enrol(db_path, [LIFTER], datetime.now(UTC) + timedelta(hours=1))
    await enrol(db_path, [LIFTER + 1], datetime.now(UTC) + timedelta(seconds=2))  # due now: proves sweeps run
    async with bot_with_wall(bot_api, db_path, wall):
        wall.offset = timedelta(hours=5)
        await bot_api.wait_for(lambda: bool(prompts(bot_api)), 15)
        await bot_api.wait_for(lambda: len([c for c in bot_api.calls if c.method == "getUpdates"]) > 3, 15)
    assert [int(str(p["chat_id"])) for p in prompts(bot_api)] == [LIFTER + 1]


async def test_replies_go_before_a_rush_of_check_in_prompts(bot_api: FakeBotAPI, db_path: Path) -> None:
    rush = range(20_000, 20_060)
    await enrol(db_path, rush, datetime.now(UTC) - timedelta(minutes=1))
    async with bot_with_wall(bot_api, db_path, SteppedWall()):
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
