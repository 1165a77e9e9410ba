"""Within one open session a note or praise is said once per rule and exercise; safety remarks and warnings
keep showing whenever the rules raise them. The state that remembers it lives in storage (both backends)."""

from __future__ import annotations

from handlers.base import Services
from tests.conftest import Clock
from tests.test_journeys import Lifter

AFTER_DROP = "Back Squat after a drop set"


async def test_a_note_about_an_exercise_is_said_once_a_session_not_after_every_set(
    services: Services, clock: Clock
) -> None:
    lee = Lifter(services, clock, 701)
    await lee.says("curl 20/15/10kg 10+8+6")
    lee.later(minutes=3)
    assert AFTER_DROP in await lee.says("squat 100kg 5")
    lee.later(minutes=3)
    assert AFTER_DROP not in await lee.says("squat 100kg 5")
    lee.later(minutes=3)
    assert AFTER_DROP not in await lee.says("squat 100kg 5 rir2")
    await lee.says("done")
    # A new session may say it again.
    lee.later(hours=30)
    await lee.says("curl 20/15/10kg 10+8+6")
    lee.later(minutes=3)
    assert AFTER_DROP in await lee.says("squat 100kg 5")


async def test_a_safety_warning_keeps_showing_on_every_set_that_raises_it(services: Services, clock: Clock) -> None:
    dee = Lifter(services, clock, 702)
    for load in (10, 10, 10):
        await dee.says(f"lat raise {load}kg 12+4+3 rir1")
        dee.later(minutes=5)
    said = await dee.says("lat raise 10kg 12+4+2 rir1")
    assert "intensifier use 4 for shoulders this week" in said
    dee.later(minutes=5)
    said = await dee.says("lat raise 10kg 12+4+2 rir1")
    assert "intensifier use 5 for shoulders this week" in said
