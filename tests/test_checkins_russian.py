"""A Russian lifter answers the check-in in free text: joints, sore muscles, how bad, and the guide's warning
signs read into the same CheckIn as the English; body words are never exercises while a check-in is awaited;
a reply the bot cannot read is kept and answered with an example, in Russian."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.i18n import install_translations
from handlers.base import Services
from handlers.words import use_language
from rules.checkins import is_body_word, read_answer
from rules.models import JointLevel
from tests.conftest import Clock
from tests.test_journeys import Lifter

DAY = date(2026, 11, 23)
N, L, M, S = JointLevel.NONE, JointLevel.MILD, JointLevel.MODERATE, JointLevel.SEVERE
LEGS = ("quads", "hamstrings", "glutes")

# text, soreness, joints, sore muscles, signs
READINGS: list[tuple[str, JointLevel, dict[str, JointLevel], tuple[str, ...], tuple[str, ...]]] = [
    ("локоть 2", N, {"elbow": M}, (), ()),
    ("локтя немного болит", N, {"elbow": L}, (), ()),
    ("л\u006fкоть 1", N, {"elbow": L}, (), ()),  # a Latin o typed in the middle
    ("в локте 3", N, {"elbow": S}, (), ()),
    ("правый локоть ноет", N, {"elbow": M}, (), ()),
    ("колено болит 3", N, {"knee": S}, (), ()),
    ("в колене 1", N, {"knee": L}, (), ()),
    ("левое колено слегка", N, {"knee": L}, (), ()),
    ("поясница 2", N, {"lower back": M}, (), ()),
    ("пояснице 7/10", N, {"lower back": S}, (), ()),
    ("спина болит", N, {"lower back": L}, (), ()),  # a bare back is the lower-back joint, as in English
    ("плечо 1", N, {"shoulder": L}, (), ()),
    ("в плече сильно", N, {"shoulder": S}, (), ()),
    ("запястье 2", N, {"wrist": M}, (), ()),
    ("тазобедренный 1", N, {"hip": L}, (), ()),
    ("всё ок", N, {}, (), ()),
    ("все хорошо", N, {}, (), ()),
    ("норм", N, {}, (), ()),
    ("ничего не болит", N, {}, (), ()),
    ("суставы в порядке", N, {}, (), ()),
    ("грудь забита", L, {}, ("chest",), ()),
    ("плечи забиты", L, {}, ("shoulders",), ()),  # забиты: the delts are tight, not the shoulder joint
    ("ноги сильно болят", S, {}, LEGS, ()),
    ("квадрицепсы сильно забиты, икры слегка", S, {}, ("quads", "calves"), ()),
    ("бицепс бедра забит", L, {}, ("hamstrings",), ()),
    ("верх спины забит", L, {}, ("upper_back",), ()),
    ("ягодицы гудят", L, {}, ("glutes",), ()),
    ("дельты забиты, трицепс 1", L, {}, ("shoulders", "triceps"), ()),
    ("сильная крепатура", S, {}, (), ()),
    ("локоть 2, плечи забиты", L, {"elbow": M}, ("shoulders",), ()),
    ("локоть 2 колено 3", N, {"elbow": M, "knee": S}, (), ()),
    ("не сильно болит плечо", N, {"shoulder": L}, (), ()),
    ("плечо опухло", N, {"shoulder": M}, (), ("swelling",)),
    ("колено слегка опухшее", N, {"knee": L}, (), ("swelling",)),
    ("отёк на запястье", N, {"wrist": M}, (), ("swelling",)),
    ("немеет рука", N, {}, (), ("nerve",)),
    ("покалывает", N, {}, (), ("nerve",)),
    ("в локте покалывает", N, {"elbow": M}, (), ("nerve",)),
    ("отдаёт в руку", N, {}, (), ("nerve",)),
    ("нет мотивации", N, {}, (), ("low_motivation",)),
    ("мотивации ноль", N, {}, (), ("low_motivation",)),
    ("устал", N, {}, (), ("low_motivation",)),
    ("не хочу тренироваться", N, {}, (), ("low_motivation",)),
    ("всё хорошо, но устал", N, {}, (), ("low_motivation",)),
    ("колено 2 и немеют пальцы, мотивации нет", N, {"knee": M}, (), ("nerve", "low_motivation")),
]


@pytest.mark.parametrize(("text", "soreness", "joints", "muscles", "signs"), READINGS, ids=[r[0] for r in READINGS])
def test_a_russian_answer_reads_into_the_same_checkin_as_the_english(
    text: str, soreness: JointLevel, joints: dict[str, JointLevel], muscles: tuple[str, ...], signs: tuple[str, ...]
) -> None:
    checkin = read_answer(text, DAY).checkin
    assert checkin is not None, text
    assert (checkin.soreness, checkin.joints, checkin.sore_muscles, checkin.signs) == (soreness, joints, muscles, signs)


# Said to deny a sign (or pain): read, but never as the sign.
NEGATIVES = [
    "без боли", "не болит", "колено не болит", "без отёка", "отёка нет", "локоть не опух", "руки не немеют",
    "не немеет", "не устал", "мотивация есть", "no swelling", "elbow not swollen, knee 1", "no tingling",
]  # fmt: skip


@pytest.mark.parametrize("text", NEGATIVES)
def test_a_sign_said_to_deny_it_is_not_read_as_the_sign(text: str) -> None:
    checkin = read_answer(text, DAY).checkin
    assert checkin is not None, text
    assert checkin.signs == () and all(level in (N, L) for level in checkin.joints.values())
    assert checkin.soreness is N and checkin.sore_muscles == ()


@pytest.mark.parametrize("text", ["банан", "что-то странное", "привет", "спасибо", "жим 100 5"])
def test_what_says_nothing_about_the_body_is_not_a_checkin(text: str) -> None:
    assert read_answer(text, DAY).checkin is None


@pytest.mark.parametrize(
    ("name", "body"),
    [("локоть", True), ("плечи болят", True), ("левое колено", True), ("бицепс", True), ("икры", True),
     ("calves", True), ("lower back", True), ("бицепс бедра", True),
     ("жим лёжа", False), ("разгибания на трицепс", False), ("жим ногами", False), ("lat raise", False)],
)  # fmt: skip
def test_joint_and_muscle_words_in_either_language_are_never_exercise_names(name: str, body: bool) -> None:
    assert is_body_word(name) is body


_TAGS = re.compile(r"<[^>]+>")


async def test_while_a_checkin_is_awaited_body_words_are_answers_in_either_language(
    services: Services, clock: Clock
) -> None:
    install_translations()
    use_language("ru")
    boris = Lifter(services, clock, 404)
    for answer, understood in [("бицепс 2", "бицепс: средне"), ("пресс 0", "пресс: нет"), ("икры 1", "икры: слабо"),
                               ("плечи болят 2", "плечо: средне"), ("calves 1", "икры: слабо")]:  # fmt: skip
        await boris.says("/checkin")
        said = await boris.says(answer)
        assert "Чек-ин сохранён" in said and understood in said, (answer, said)
        assert await services.storage.recent_sets(404, 10) == [], answer  # no set of curls, crunches, calf raises
    await boris.says("/checkin")
    said = await boris.says("бицепс 20кг 12")  # a load and reps: a set of curls, even now
    assert said.startswith("✅ Записал\n") and "Сгибания" in said, said
    assert len(await services.storage.recent_sets(404, 10)) == 1
    use_language("en")
    ana = Lifter(services, clock, 505)
    await ana.says("/checkin")
    said = await ana.says("abs 2")
    assert "Check-in saved: abs: moderate" in said and await services.storage.recent_sets(505, 10) == []


async def test_an_unreadable_russian_answer_is_kept_and_answered_with_an_example_in_russian(
    services: Services, clock: Clock
) -> None:
    install_translations()
    use_language("ru")
    boris = Lifter(services, clock, 606)
    await boris.says("/checkin")
    said = await boris.says("что-то странное")
    assert "Не смог прочитать это как чек-ин, но сохранил" in said
    assert "локоть 2, плечи забиты" in said and "всё ок" in said and "elbow" not in said, said
    kept = [(kind, text) for _, kind, text in await services.storage.all_messages(606)]
    assert ("checkin", "что-то странное") in kept, kept
    said = await boris.says("локоть 2, плечи забиты")  # still awaited: the next answer is read
    assert "Чек-ин сохранён: локоть: средне; плечи: слабо" in said


async def test_sore_muscles_typed_out_of_the_blue_are_a_checkin_but_a_bare_heading_is_not(
    services: Services, clock: Clock
) -> None:
    install_translations()
    use_language("ru")
    boris = Lifter(services, clock, 707)
    said = await boris.says("грудь забита")
    assert "Чек-ин сохранён: грудь: слабо" in said, said
    said = await boris.says("ноги")  # a workout's heading ("Legs"), not how the legs feel
    assert "Чек-ин" not in said, said
    checkin = await services.storage.checkin_on(707, clock.now.date())
    assert checkin is not None and checkin.sore_muscles == ("chest",)


async def test_while_a_checkin_is_awaited_a_question_the_rules_answer_is_answered_and_any_other_gets_the_how_to(
    services: Services, clock: Clock
) -> None:
    install_translations()
    use_language("ru")
    boris = Lifter(services, clock, 808)
    await boris.says("/checkin")
    said = await boris.says("что писать?")
    assert "Не смог прочитать это как чек-ин" in said and "локоть 2, плечи забиты" in said, said
    said = await boris.says("что такое RIR?")
    assert "Не смог прочитать" not in said and "RIR" in said, said
    said = await boris.says("всё ок")
    assert "Чек-ин сохранён: крепатуры нет, суставы не беспокоят" in said, said
