"""Button data: one table drives both directions of the round trip, and every button we send decodes."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import get_args

import pytest

from handlers.base import Incoming, Press, Reply, Services
from handlers.callbacks import (
    MAX_DATA_BYTES,
    AskStep,
    Callback,
    CheckinDone,
    Choose,
    Forget,
    LogForwarded,
    NumberMeant,
    PickJoint,
    RateJoint,
    SkipStep,
    Soreness,
    Why,
    decode,
    encode,
)
from handlers.router import answer

SIMPLE_CASES: list[tuple[Callback, str]] = [
    (Choose("unit", "kg"), "set:unit:kg"),
    (Choose("experience", "advanced"), "set:experience:advanced"),
    (Choose("timezone", "UTC"), "set:timezone:UTC"),
    (Choose("checkin", "09:00"), "set:checkin:09:00"),  # the value may hold a colon
    (Choose("checkin", "off"), "set:checkin:off"),
    (AskStep("checkin_time"), "ask:checkin_time"),
    (SkipStep("timezone"), "skip:timezone"),
    (Forget(confirmed=True), "forget:yes"),  # an old or forged button: decodes, deletes nothing (no token)
    (Forget(confirmed=True, token="Zx9-_q"), "forget:yes:Zx9-_q"),
    (Forget(confirmed=False), "forget:no"),
    (Why(), "why:"),
    (Soreness("mild"), "ci:sore:mild"),
    (PickJoint("lower back"), "ci:joint:lower back"),
    (RateJoint("lower back", "moderate"), "ci:jl:lower back:moderate"),
    (CheckinDone(), "ci:done"),
    (NumberMeant(12, "105", as_load=True), "cv:load:12:105"),
    (NumberMeant(12, "8", as_load=False), "cv:reps:12:8"),
    (NumberMeant(12, "11", as_load=True, reps=8), "cv:load:12:11:8"),  # `8 @11`: 11 kg, the 8 reps written
    (LogForwarded(12, confirmed=True), "fwd:12:yes"),
    (LogForwarded(12, confirmed=False), "fwd:12:no"),
]


@pytest.mark.parametrize(("callback", "data"), SIMPLE_CASES, ids=[data for _, data in SIMPLE_CASES])
def test_each_kind_of_button_encodes_to_the_data_chats_already_hold_and_back(callback: Callback, data: str) -> None:
    assert encode(callback) == data
    assert decode(data) == callback


def test_the_table_covers_every_kind_of_button() -> None:
    assert {type(callback) for callback, _ in SIMPLE_CASES} == set(get_args(Callback))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("forget:maybe", Forget(confirmed=False)),  # only an explicit yes deletes
        ("why:whatever", Why()),
        ("", None),
        ("nonsense", None),
        ("ci:", None),
        ("ci:unknown:x", None),
        ("set:unit", Choose("unit", "")),  # the handler says the button is out of date
        ("cv:load:x:105", None),
        ("cv:load:12:", None),
    ],
)
def test_odd_data_decodes_safely(data: str, expected: Callback | None) -> None:
    assert decode(data) == expected


def test_data_over_telegrams_limit_is_refused_when_built() -> None:
    with pytest.raises(ValueError):
        encode(Choose("timezone", "x" * MAX_DATA_BYTES))


async def test_every_button_a_conversation_shows_decodes_and_answers(services: Services) -> None:
    replies: list[Reply] = []

    async def keep(reply: Reply) -> None:
        replies.append(reply)

    ids = itertools.count(1)
    now = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    for text in ("/start", "/settings", "deadlift 140kg 5+2+1 rir1", "/checkin", "/forget"):
        await answer(Incoming(7, 7, next(ids), text, now), services, keep)
    pressed: set[str] = set()
    while unpressed := [b for r in replies for row in r.buttons for b in row if b.data not in pressed]:
        button = unpressed[0]
        pressed.add(button.data)
        assert decode(button.data) is not None, button
        if not button.data.startswith("forget:yes"):  # `forget:yes:<token>` would delete everything
            await answer(Press(7, 7, button.data), services, keep)
    assert {"set:unit:kg", "ci:done", "why:"} <= pressed and any(data.startswith("forget:yes:") for data in pressed)
    assert not any("out of date" in reply.html for reply in replies)
