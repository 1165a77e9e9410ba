"""Rest pings and idle-session closes, swept from the database with a clock the test moves by hand."""

from __future__ import annotations

from datetime import timedelta

from bot.scheduler import sweep_timers
from bot.storage import Storage
from handlers.base import Incoming, Reply, Services
from handlers.router import handle_text
from tests.conftest import Clock

LIFTER = 4242


class Outbox:
    """Where the sweep's replies go (the Telegram adapter's sender is tested end to end elsewhere)."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []

    async def __call__(self, chat_id: int, reply: Reply) -> None:
        self.sent.append((chat_id, reply.html))


async def say(services: Services, clock: Clock, text: str, message_id: list[int]) -> str:
    message_id[0] += 1
    handled = await handle_text(Incoming(LIFTER, LIFTER, message_id[0], text, clock.now), services)
    assert handled.reply is not None and handled.row is not None
    await services.storage.mark_answered(LIFTER, handled.row)
    return handled.reply.html


async def test_a_rest_pings_once_when_it_is_over_and_not_before(
    storage: Storage, services: Services, clock: Clock
) -> None:
    ids, outbox = [0], Outbox()
    await say(services, clock, "bench 100kg 8 @8", ids)
    await say(services, clock, "rest 90", ids)
    clock.now += timedelta(seconds=89)
    assert (await sweep_timers(storage, services, outbox, clock.now)).rest == 0
    clock.now += timedelta(seconds=2)
    assert (await sweep_timers(storage, services, outbox, clock.now)).rest == 1
    assert (await sweep_timers(storage, services, outbox, clock.now + timedelta(minutes=5))).rest == 0
    assert outbox.sent == [(LIFTER, "⏱ 90 s up: next set of <b>Bench Press</b>; last 100 kg × 8 @8.")]


async def test_ninety_idle_minutes_close_the_session_with_one_summary(
    storage: Storage, services: Services, clock: Clock
) -> None:
    ids, outbox = [0], Outbox()
    for text in ("squat 140kg 5 @7", "same", "+5 @8", "leg press 200kg 12 @8"):
        await say(services, clock, text, ids)
        clock.now += timedelta(minutes=4)
    clock.now += timedelta(minutes=80)  # 84 minutes after the last set: still open
    assert (await sweep_timers(storage, services, outbox, clock.now)).idle == 0
    clock.now += timedelta(minutes=7)
    assert (await sweep_timers(storage, services, outbox, clock.now)).idle == 1
    assert (await sweep_timers(storage, services, outbox, clock.now + timedelta(hours=3))).idle == 0
    ((chat, summary),) = outbox.sent
    assert chat == LIFTER and "Session done" in summary and "<b>Back Squat</b>: 3 sets, top 145 kg × 5 @8" in summary
    conversation = await storage.conversation(LIFTER, LIFTER)
    assert not conversation.state.session_open and conversation.state.exercise is None
    reply = await say(services, clock, "8", ids)  # the session is over: a bare number has no exercise now
    assert "Which exercise?" in reply


async def test_a_set_after_the_rest_was_set_cancels_the_ping(
    storage: Storage, services: Services, clock: Clock
) -> None:
    ids, outbox = [0], Outbox()
    await say(services, clock, "curl 15kg 12", ids)
    await say(services, clock, "rest 2 min", ids)
    clock.now += timedelta(seconds=60)
    await say(services, clock, "12", ids)
    clock.now += timedelta(minutes=5)
    assert (await sweep_timers(storage, services, outbox, clock.now)).rest == 0
    assert outbox.sent == []


async def test_a_claim_a_dead_sweeper_left_is_sent_after_a_minute(
    storage: Storage, services: Services, clock: Clock
) -> None:
    ids, outbox = [0], Outbox()
    await say(services, clock, "row 70kg 10", ids)
    await say(services, clock, "rest 60s", ids)
    clock.now += timedelta(seconds=61)
    (claim,) = await storage.claim_due_timers(clock.now)  # a sweeper takes it, then dies before sending
    assert (await sweep_timers(storage, services, outbox, clock.now + timedelta(seconds=30))).rest == 0
    assert (await sweep_timers(storage, services, outbox, clock.now + timedelta(seconds=61))).rest == 1
    assert len(outbox.sent) == 1 and claim.seconds == 60
