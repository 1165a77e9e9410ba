"""Journeys that read like conversations: several days, check-ins between, kg and lb lifters.

Every message goes the one way a front-end sends it (`handlers.router.answer`) into a real SQLite file;
the clock moves by hand. Each step asserts what the lifter reads, in the guides' words.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from handlers.base import Incoming, Press, Reply, Services
from handlers.router import answer
from tests.conftest import Clock

_TAGS = re.compile(r"<[^>]+>")


class Lifter:
    """One lifter's chat: `says` sends a message, `presses` a button; replies read as plain text."""

    def __init__(self, services: Services, clock: Clock, user_id: int) -> None:
        self.services, self.clock, self.user_id = services, clock, user_id
        self.message_id = 0
        self.replies: list[Reply] = []

    async def _send(self, reply: Reply) -> None:
        self.replies.append(reply)

    async def says(self, text: str) -> str:
        self.message_id += 1
        before = len(self.replies)
        incoming = Incoming(self.user_id, self.user_id, self.message_id, text, self.clock.now)
        await answer(incoming, self.services, self._send)
        return "\n".join(_TAGS.sub("", reply.html) for reply in self.replies[before:])

    async def presses(self, data: str) -> str:
        before = len(self.replies)
        self.message_id += 1
        await answer(Press(self.user_id, self.user_id, data, f"press-{self.message_id}"), self.services, self._send)
        return "\n".join(_TAGS.sub("", reply.html) for reply in self.replies[before:])

    def later(self, **delta: float) -> None:
        self.clock.now = self.clock.now + timedelta(**delta)

    def at(self, moment: datetime) -> None:
        self.clock.now = moment


async def test_a_kg_lifter_s_week_rest_pause_then_an_irritated_elbow_then_straight_sets(
    services: Services, clock: Clock
) -> None:
    ana = Lifter(services, clock, 101)
    # Monday: a good rest-pause set on a cable accessory, the guide's small buffer first.
    said = await ana.says("pressdown 30kg 12+4+3 rir1 rest 15s")
    assert "Good rest-pause set: 12 then 2 bursts" in said
    # Deadlift rest-pause: a poor pick, and the reply says why, before anything else.
    said = await ana.says("deadlift 140kg 5+2+1 rir1")
    assert said.index("poor rest-pause pick") < said.index("Reps collapsed on burst 2")
    assert "Good rest-pause set" not in said
    # That evening's check-in: the elbow is moderately irritated.
    ana.later(hours=3)
    await ana.says("/checkin")
    said = await ana.says("elbow 2")
    assert "Check-in saved" in said and "elbow: moderate" in said
    # Tuesday: the elbow again; now it is persistent, and the advice changes.
    ana.later(days=1)
    await ana.says("/checkin")
    said = await ana.says("elbow 2, chest a bit sore")
    assert "elbow has been irritated 2 days running: pull rest-pause and drop-set work" in said
    # Wednesday: rest-pause pressdowns load the elbow; the warning comes first, and there is no praise.
    ana.later(days=1)
    said = await ana.says("pressdown 30kg 12+4+3 rir1 rest 15s")
    assert "Your elbow has been irritated 2 days running: pull the rest-pause work on Triceps Pressdown first" in said
    assert "Good rest-pause set" not in said
    # The question gets the same answer: not this week.
    said = await ana.says("can I rest-pause my pressdowns?")
    assert said.startswith("Not this week") and "Yes," not in said
    # The why says the rule, its numbers and its source.
    said = await ana.says("/why")
    assert "Persistent = moderate 2 days running or mild 3" in said and "Rest-pause training guide" in said
