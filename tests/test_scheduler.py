"""The check-in sweep with an injected clock: time zones, DST, downtime, restarts, two sweepers, blocked users."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from telegram import Bot

from bot.i18n import install_translations
from bot.scheduler import SendPrompt, sweep
from bot.storage import Storage
from bot.telegram.updates import prompt_sender
from handlers import checkins
from handlers.base import Services
from rules.models import UserSettings
from rules.schedule import next_checkin, next_checkin_for, parse_clock, parse_timezone
from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN

TOKYO, NEW_YORK, BERLIN = 11, 22, 33


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
async def bot(bot_api: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=bot_api.base_url) as real_bot:
        yield real_bot


def sender(storage: Storage, bot: Bot, now: datetime) -> SendPrompt:
    """The Telegram adapter's own prompt sender, over HTTP to the tests' Bot API server."""
    return prompt_sender(bot)


async def enrol(storage: Storage, user_id: int, zone: str, clock: str, now: datetime) -> None:
    await storage.user(user_id, user_id, now)
    moment = next_checkin(now, zone, parse_clock(clock) or time(9))
    await storage.update_user(user_id, timezone=zone, checkin_time=clock, checkins_on=True, next_checkin_utc=moment)


async def run(storage: Storage, bot: Bot, now: datetime):  # type: ignore[no-untyped-def]
    return await sweep(storage, sender(storage, bot, now), now)


@pytest.mark.parametrize(
    ("zone", "now", "expected"),
    [
        ("Asia/Tokyo", "2026-11-23T12:00", "2026-11-24T00:00"),  # UTC+9: 09:00 local is midnight UTC
        ("America/New_York", "2026-11-23T12:00", "2026-11-23T14:00"),  # UTC-5 in November
        ("Europe/Berlin", "2026-03-28T12:00", "2026-03-29T07:00"),  # the night clocks go forward: now UTC+2
        ("Europe/Berlin", "2026-03-27T12:00", "2026-03-28T08:00"),  # the day before: still UTC+1
        ("Europe/Berlin", "2026-10-24T12:00", "2026-10-25T08:00"),  # clocks go back: UTC+1 again
        ("UTC", "2026-11-23T09:00", "2026-11-24T09:00"),  # exactly now means tomorrow
    ],
)
def test_next_checkin_is_local_nine_oclock_across_zones_and_dst(zone: str, now: str, expected: str) -> None:
    assert next_checkin(at(now), zone, time(9, 0)) == at(expected)


@pytest.mark.parametrize(
    ("zone", "saved", "chosen", "expected"),
    [
        ("America/New_York", "07:30", None, "2026-11-23T12:30"),  # the saved time, on their wall clock
        (None, "07:30", None, "2026-11-24T07:30"),  # no zone yet: UTC
        ("America/New_York", "07:30", time(18, 0), "2026-11-23T23:00"),  # a newly chosen time wins
        ("Europe/Berlin", "late-ish", None, "2026-11-24T08:00"),  # an unreadable saved time: 09:00
    ],
)
def test_a_lifters_next_checkin_follows_their_zone_and_time(
    zone: str | None, saved: str, chosen: time | None, expected: str
) -> None:
    user = UserSettings(id=1, timezone=zone, checkin_time=saved)
    assert next_checkin_for(user, at("2026-11-23T12:00"), chosen) == at(expected)


@pytest.mark.parametrize(
    ("text", "zone"),
    [("Europe/Berlin", "Europe/Berlin"), ("berlin", "Europe/Berlin"), ("UTC+2", "Etc/GMT-2"), ("-5", "Etc/GMT+5"),
     ("utc", "UTC"), ("tokyo", "Asia/Tokyo"), ("Mars/Olympus", None), ("UTC+5:30", None), ("", None)],
)  # fmt: skip
def test_time_zones_as_lifters_type_them(text: str, zone: str | None) -> None:
    assert parse_timezone(text) == zone


async def test_each_zone_is_prompted_at_its_own_morning(storage: Storage, bot: Bot, bot_api: FakeBotAPI) -> None:
    start = at("2026-11-23T12:00")
    await enrol(storage, TOKYO, "Asia/Tokyo", "09:00", start)
    await enrol(storage, NEW_YORK, "America/New_York", "09:00", start)
    assert (await run(storage, bot, at("2026-11-23T13:59"))).sent == 0
    assert (await run(storage, bot, at("2026-11-23T14:00"))).sent == 1
    assert len(bot_api.sent(NEW_YORK)) == 1 and not bot_api.sent(TOKYO)
    assert (await run(storage, bot, at("2026-11-24T00:00:30"))).sent == 1
    assert len(bot_api.sent(TOKYO)) == 1
    # the next day's instants are set: nothing more today
    assert (await run(storage, bot, at("2026-11-24T13:00"))).sent == 0
    assert (await storage.user(TOKYO)).next_checkin_utc == at("2026-11-25T00:00")


@pytest.mark.parametrize(("late", "sent"), [(timedelta(hours=2, minutes=59), 1), (timedelta(hours=3, minutes=1), 0)])
async def test_after_downtime_a_missed_checkin_is_sent_once_if_under_three_hours_late(
    storage: Storage, bot: Bot, bot_api: FakeBotAPI, late: timedelta, sent: int
) -> None:
    await enrol(storage, BERLIN, "UTC", "09:00", at("2026-11-23T06:00"))
    report = await run(storage, bot, at("2026-11-23T09:00") + late)
    assert report.sent == sent and report.late == 1 - sent
    assert (await run(storage, bot, at("2026-11-23T09:00") + late + timedelta(minutes=1))).sent == 0
    assert len(bot_api.sent(BERLIN)) == sent
    assert (await storage.user(BERLIN)).next_checkin_utc == at("2026-11-24T09:00")


async def test_a_sweeper_that_dies_after_claiming_loses_no_checkin(
    storage: Storage, bot: Bot, bot_api: FakeBotAPI
) -> None:
    await enrol(storage, BERLIN, "UTC", "09:00", at("2026-11-23T06:00"))
    claims = await storage.claim_due_checkins(at("2026-11-23T09:00"))  # ... and the process dies here
    assert len(claims) == 1
    assert (await run(storage, bot, at("2026-11-23T09:05"))).sent == 0  # a live claim is left alone
    report = await run(storage, bot, at("2026-11-23T09:11"))  # stale: back on the schedule, sent once
    assert (report.recovered, report.sent) == (1, 1)
    assert len(bot_api.sent(BERLIN)) == 1


async def test_a_sweeper_that_dies_after_sending_does_not_send_twice(
    storage: Storage, bot: Bot, bot_api: FakeBotAPI
) -> None:
    await enrol(storage, BERLIN, "UTC", "09:00", at("2026-11-23T06:00"))
    (claim,) = await storage.claim_due_checkins(at("2026-11-23T09:00"))
    await sender(storage, bot, at("2026-11-23T09:00"))(claim.user, [])
    await storage.mark_checkin_sent(claim.user.id)  # ... and the process dies before rescheduling
    report = await run(storage, bot, at("2026-11-23T09:20"))
    assert (report.recovered, report.sent) == (1, 0)
    assert len(bot_api.sent(BERLIN)) == 1
    assert (await storage.user(BERLIN)).next_checkin_utc == at("2026-11-24T09:00")


async def test_two_sweepers_on_one_database_never_send_the_same_checkin(
    db_path: Path, bot: Bot, bot_api: FakeBotAPI
) -> None:
    first, second = await Storage.open(db_path), await Storage.open(db_path)
    try:
        users = range(100, 160)
        for user_id in users:
            await enrol(first, user_id, "UTC", "09:00", at("2026-11-23T06:00"))
        now = at("2026-11-23T09:00")
        reports = await asyncio.gather(run(first, bot, now), run(second, bot, now), run(first, bot, now))
        assert sum(r.sent for r in reports) == len(users)
        assert sorted(int(p["chat_id"]) for p in bot_api.sent()) == list(users)
    finally:
        await first.close()
        await second.close()


async def test_a_user_who_blocked_the_bot_is_switched_off_and_the_sweep_goes_on(
    storage: Storage, bot: Bot, bot_api: FakeBotAPI
) -> None:
    for user_id in (TOKYO, NEW_YORK, BERLIN):
        await enrol(storage, user_id, "UTC", "09:00", at("2026-11-23T06:00"))
    bot_api.blocked.add(NEW_YORK)
    report = await run(storage, bot, at("2026-11-23T09:00"))
    assert (report.sent, report.blocked) == (2, 1)
    assert not (await storage.user(NEW_YORK)).checkins_on
    assert (await storage.user(TOKYO)).checkins_on


async def test_the_prompt_is_about_what_was_trained(storage: Storage, services: Services) -> None:
    from handlers.base import Incoming
    from handlers.router import handle_text

    now = services.clock()
    await handle_text(Incoming(5, 5, 1, "pressdown 30kg 15+5+3 rir1", now - timedelta(hours=20)), services)
    await handle_text(Incoming(5, 5, 2, "bench 100kg 3x8", now - timedelta(hours=20)), services)
    reply = await checkins.prompt(services, await storage.user(5))
    assert "Last session: triceps, chest (rest-pause on Triceps Pressdown)" in reply.html
    assert "How sore are they? Any joint irritation?" in reply.html


async def test_a_lifter_who_chose_russian_is_prompted_in_russian(
    storage: Storage, bot: Bot, bot_api: FakeBotAPI
) -> None:
    install_translations()  # as the bot's start does (bot/wiring.py)
    start = at("2026-11-23T12:00")
    await enrol(storage, BERLIN, "Europe/Berlin", "09:00", start)
    await storage.update_user(BERLIN, language="ru")
    assert (await run(storage, bot, at("2026-11-24T08:00"))).sent == 1
    (prompt,) = bot_api.texts(BERLIN)
    assert "Daily check-in" not in prompt and "Сначала крепатура:" in prompt, prompt
