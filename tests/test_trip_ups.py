"""Real-use trip-ups, each as a lifter meets it: the message goes the one way a front-end sends it
(`handlers.router.answer`) into real storage, and the test reads what the lifter reads and what was kept."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.i18n import install_translations
from handlers.base import Incoming, Services
from handlers.router import answer
from handlers.words import use_language
from tests.conftest import Clock
from tests.test_journeys import Lifter

REST_DAYS = ["rest day", "rest day today", "Today is a rest day", "день отдыха", "отдых сегодня"]


@pytest.mark.parametrize("text", REST_DAYS)
async def test_a_rest_day_is_acknowledged_kept_as_a_message_and_opens_no_exercise(
    services: Services, clock: Clock, text: str
) -> None:
    lifter = Lifter(services, clock, 301)
    said = await lifter.says(text)
    assert "new to me" not in said and ("Rest day" in said or "День отдыха" in said)
    said = await lifter.says("15kg 12")  # no exercise called "rest day" is open to log it under
    assert "Which exercise?" in said
    assert await services.storage.all_sets(301) == []
    kept = [typed for _, _, typed in await services.storage.all_messages(301)]
    assert kept == [text, "15kg 12"]


@pytest.mark.parametrize(
    ("heading", "then", "logged"),
    [
        ("Rest-pause curls", "15kg 12+4+3", "Biceps Curl: 12+4+3 @ 15 kg · rest-pause"),
        ("rest pause lateral raises", "10kg 12+4+3 rir1", "Lateral Raise: 12+4+3 @ 10 kg · rest-pause"),
        ("drop set curls", "20/15/10kg 10+8+6", "Biceps Curl: 10+8+6 @ 20/15/10 kg · drop set"),
    ],
)
async def test_a_technique_named_with_the_exercise_opens_the_catalog_exercise_done_that_way(
    services: Services, clock: Clock, heading: str, then: str, logged: str
) -> None:
    lifter = Lifter(services, clock, 302)
    said = await lifter.says(heading)
    assert "new to me" not in said and (", rest-pause:" in said or ", drop set:" in said)
    assert logged in await lifter.says(then)
    assert [row.set.known for row in await services.storage.all_sets(302)] == [True]


@pytest.mark.parametrize(
    ("pressed", "logged"), [(0, "Bench Press: 8 reps @ 11 kg"), (1, "Bench Press: 8 reps @ 100 kg")]
)
async def test_reps_at_a_number_past_rpe_10_far_from_the_last_load_are_asked_about_and_a_button_logs_them(
    services: Services, clock: Clock, pressed: int, logged: str
) -> None:
    lifter = Lifter(services, clock, 303)
    await lifter.says("bench 100kg 5")
    said = await lifter.says("8 @11")
    assert "an RPE goes up to 10, and 11 kg is far from your last set (100 kg × 5)" in said
    assert len(await services.storage.all_sets(303)) == 1  # nothing guessed
    buttons = [button for row in lifter.replies[-1].buttons for button in row]
    assert [button.label for button in buttons] == ["11 kg × 8", "100 kg × 8"]
    assert logged in await lifter.presses(buttons[pressed].data)
    assert [(r.set.segments[0].load, r.set.segments[0].reps) for r in await services.storage.all_sets(303)][-1] == (
        (11, 8) if pressed == 0 else (100, 8)
    )


@pytest.mark.parametrize(("awaited", "answer"), [(True, "knee 2kg"), (True, "knee 20kg"), (False, "knee 20kg"),
                                                 (True, "колено 2 кг")])  # fmt: skip
async def test_a_checkin_answer_with_a_load_asks_for_a_0_3_level_and_saves_no_level(
    services: Services, clock: Clock, awaited: bool, answer: str
) -> None:
    lifter = Lifter(services, clock, 304)
    if awaited:
        await lifter.says("/checkin")
    said = await lifter.says(answer)
    assert "is a load, not how your" in said and "Levels are 0-3" in said
    assert await services.storage.checkins(304, since=clock.now.date() - timedelta(days=1)) == []
    assert "knee: mild" in await lifter.says("knee 1")  # the level asked for is then read


LB_DAY = ["bench 225lb 5", "squat 315 5", "done"]  # an lb lifter who never opened /settings
KG_DAY = ["bench 100kg 5", "squat 140 5", "done"]


@pytest.mark.parametrize(
    ("before", "days_later", "logged"),
    [
        ([*LB_DAY], ["bench 225 5", "230 5"], ["225 lb", "230 lb"]),  # the history is in lb
        ([*KG_DAY], ["bench 100 5", "105 5"], ["100 kg", "105 kg"]),
        ([*LB_DAY, "set:unit:kg"], ["bench 100 5"], ["100 kg"]),  # the /settings choice wins
        (["set:unit:kg", *LB_DAY], ["bench 225 5"], ["225 lb"]),  # sets logged since the choice outvote it
        ([*KG_DAY, "set:unit:lb"], ["bench 225 5"], ["225 lb"]),
    ],
)
async def test_the_first_bare_load_of_a_session_is_in_the_unit_the_lifter_lifts_in(
    services: Services, clock: Clock, before: list[str], days_later: list[str], logged: list[str]
) -> None:
    lifter = Lifter(services, clock, 305)
    for said in before:
        await (lifter.presses(said) if said.startswith("set:") else lifter.says(said))
        lifter.later(minutes=2)
    lifter.later(days=3)
    replies = [await lifter.says(text) for text in days_later]
    assert [f"5 reps @ {load}" in reply for reply, load in zip(replies, logged, strict=True)] == [True] * len(logged)
    rows = await services.storage.all_sets(305)
    assert [row.set.unit for row in rows[-len(logged) :]] == [load.split()[1] for load in logged]


@pytest.mark.parametrize("lines", [["drop set curls", "20kg 10+8+6"], ["curls 20kg 10+8+6 drop set"]])
async def test_a_drop_set_written_with_one_load_is_refused_with_the_form_not_logged_as_rest_pause(
    services: Services, clock: Clock, lines: list[str]
) -> None:
    lifter = Lifter(services, clock, 306)
    said = [await lifter.says(line) for line in lines][-1]
    assert "I found one load for its 3 runs" in said and "curl 20/15/10kg 10+8+6" in said
    assert await services.storage.all_sets(306) == []


async def test_an_edit_of_the_first_bare_load_of_a_session_is_read_in_the_unit_the_lifter_lifts_in(
    services: Services, clock: Clock
) -> None:
    lifter = Lifter(services, clock, 307)
    for said in LB_DAY:
        await lifter.says(said)
        lifter.later(minutes=2)
    lifter.later(days=3)
    await lifter.says("bench 200 5")
    edited = Incoming(307, 307, lifter.message_id, "bench 225 5", clock.now, edited=True)
    await answer(edited, services, lifter._send)
    assert "5 reps @ 225 lb" in lifter.replies[-1].html
    assert [(r.set.segments[0].load, r.set.unit) for r in await services.storage.all_sets(307)][-1] == (225, "lb")


HINT = "Logged in kg. Lifting in lb?"
# (language, a lifter who never chose a unit sends these in turn, the reply that carries the hint or None)
LB_HINT_CHATS: list[tuple[str, list[str], int | None]] = [
    ("en", ["Deadlift", "135x5", "225 x 5", "315x3", "365 x 1 @9"], 1),  # the first plate total, not again
    ("en", ["Deadlift", "60x5", "100x5", "135x5"], 3),  # warm-ups that no lb bar holds first
    ("en", ["deadlift 405 1"], 0),
    ("en", ["deadlift 405kg 1", "deadlift 405 1"], None),  # a unit written once: never
    ("en", ["bench 100kg 5", "/done", "squat 225 5"], None),
    ("en", ["bench 225lb 5", "squat 225 5"], None),  # lb written: and the squat is in lb
    ("en", ["deadlift 140 5", "deadlift 145 5"], None),  # kg loads no lb bar holds
    ("ru", ["становая 135 5"], 0),
]


@pytest.mark.parametrize(("language", "messages", "hinted"), LB_HINT_CHATS)
async def test_a_bare_lb_plate_total_from_a_lifter_who_never_said_their_unit_is_logged_with_a_one_time_hint(
    services: Services, clock: Clock, language: str, messages: list[str], hinted: int | None
) -> None:
    install_translations()
    use_language(language)
    try:
        lifter = Lifter(services, clock, 310)
        said = [await lifter.says(text) for text in messages]
    finally:
        use_language("en")
    hint = "Записал в кг. Тренируетесь в фунтах?" if language == "ru" else HINT
    assert [number for number, reply in enumerate(said) if hint in reply] == ([] if hinted is None else [hinted])
    if hinted is not None:
        load = messages[hinted].split()[-2] if " " in messages[hinted] else messages[hinted].split("x")[0]
        assert f"Write {load}lb" in said[hinted] or f"Пишите {load}lb" in said[hinted], said[hinted]
        echo, hint_line = said[hinted].split("\n")[1:3]  # the set as logged, then the hint, before any remark
        assert f"@ {load} kg" in echo or f"@ {load} кг" in echo, said[hinted]
        assert hint in hint_line


async def test_the_lb_hint_is_shown_once_in_a_lifters_life_not_once_a_session(services: Services, clock: Clock) -> None:
    lifter = Lifter(services, clock, 311)
    assert HINT in await lifter.says("deadlift 315 3")
    lifter.later(days=2)
    assert HINT not in await lifter.says("deadlift 315 3")
    assert (await services.storage.user(311)).unit_hint_at is not None


async def test_a_unit_chosen_in_settings_means_no_lb_hint(services: Services, clock: Clock) -> None:
    await services.storage.user(312, 312, clock.now)
    await services.storage.update_user(312, unit="kg", unit_set_at=clock.now - timedelta(days=1))
    lifter = Lifter(services, clock, 312)
    assert HINT not in await lifter.says("deadlift 225 5")


async def test_a_carry_forward_set_that_is_not_hinted_writes_nothing_more(services: Services, clock: Clock) -> None:
    lifter = Lifter(services, clock, 313)
    await lifter.says("bench 100kg 5")  # a unit written: settled, one write
    settled = (await services.storage.user(313)).unit_hint_at
    lifter.later(minutes=3)
    await lifter.says("135x5")
    assert (await services.storage.user(313)).unit_hint_at == settled
