"""Russian technique questions: each phrasing finds the same answer as its English twin, in Russian words.

The table is what Russian lifters ask (inflected exercise names, stems, Latin look-alike letters, ё/е);
the negatives are set lines and chatter that must never be taken for a question.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import install_translations
from handlers.base import Incoming, Services
from handlers.render import render_answer, render_cannot_answer
from handlers.router import handle_text
from handlers.words import speaking, tr
from handlers.words.answers import EXAMPLES
from rules import russian
from rules.answers import answer, is_question
from rules.catalog import RUSSIAN as RUSSIAN_NAMES
from rules.context import Context
from tests.botapi import FakeBotAPI

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)

# (question, answer id, the exercise it names or None)
RUSSIAN: list[tuple[str, str, str | None]] = [
    # the questions lifters asked (issue #19)
    ("рест-пауза или дроп-сет для жима ногами?", "choice.either", "Leg Press"),
    ("стоит ли работать до отказа в приседе?", "failure.compound", "Back Squat"),
    ("до отказа на приседаниях?", "failure.compound", "Back Squat"),
    ("сколько отдыхать между мини-сетами?", "rest.rest_pause", None),
    ("что такое RIR?", "rir_rpe", None),
    ("насколько тяжёлыми должны быть подходы в жиме?", "how_hard.compound", "Bench Press"),
    ("когда делать AMRAP?", "amrap.when", None),
    ("сколько раз в неделю делать рест-паузу на грудь?", "how_many.intensifiers_week", None),
    ("строит ли рест-пауза больше мышц?", "evidence.rest_pause", None),
    ("на сколько снижать вес в дроп-сете?", "drop.size", None),
    ("отдых между упражнениями в паре?", "rest.pair", None),
    ("что такое блоки?", "blocks.what", None),
    ("когда не стоит делать пост-утомление?", "post_exhaust.when_not", None),
    ("разгрузка?", "deload", None),
    # techniques by every name: отдых-пауза, дропсет, сброс веса, суперсет, предутомление
    ("отдых-пауза на бицепс?", "choice.yes.good", "Biceps Curl"),
    ("дропсет на махи в стороны?", "choice.yes.good", "Lateral Raise"),
    ("дроп-сет на разгибаниях ног?", "choice.yes.good", "Leg Extension"),
    ("можно ли делать рест-паузу в становой?", "choice.neither", "Deadlift"),
    ("сброс веса на трицепс?", "choice.pick.drop_set", None),
    ("суперсет для груди?", "pairing.after", None),
    ("пост-утомление или предутомление?", "pre_vs_post", None),
    ("тяга верхнего блока: рест-пауза или дроп-сет?", "choice.either", "Lat Pulldown"),  # блок: an exercise here
    # how many, rest, stop, pairing, e1RM
    ("сколько добивок в рест-паузе?", "how_many.bursts", None),
    ("сколько дропов делать?", "how_many.drops", None),
    ("сколько пар пост-утомления за тренировку?", "how_many.pairs", None),
    ("как долго отдыхать между подходами?", "rest.sets", None),
    ("сколько отдыхать между подходами в приседе?", "rest.heavy", None),  # the squat makes it "heavy"
    ("отдых в дроп-сете?", "rest.drop_set", None),
    ("сколько отдыхать в рест-паузе?", "rest.rest_pause", None),
    ("когда заканчивать рест-паузу?", "stop.rest_pause", None),
    ("когда остановить подход?", "stop.set", None),
    ("до отказа на разгибаниях ног?", "failure.isolation", "Leg Extension"),
    ("жим лёжа до отказа?", "failure.compound", "Bench Press"),
    ("с чем сочетать разводку?", "pairing.before", "Dumbbell Fly"),
    ("какой у меня 1ПМ в жиме?", "e1rm.none", "Bench Press"),
    ("что такое RPE?", "rir_rpe", None),
    ("лучше ли рест-пауза обычных подходов?", "evidence.rest_pause", None),
    # spelling: Latin look-alikes inside Cyrillic words, capitals, Cyrillic РИР, е for ё, a Latin exercise name
    ("рест-паузa или дроп-сeт?", "choice.either_any", None),
    ("ЧТО ТАКОЕ РИР?", "rir_rpe", None),
    ("насколько тяжелыми должны быть подходы в жиме?", "how_hard.compound", "Bench Press"),
    ("рест-пауза на leg press?", "choice.yes.good", "Leg Press"),
    ("should I go to failure on жим ногами", "failure.compound", "Leg Press"),  # both alphabets, no "?"
    # typed between sets: no question mark, lower case, мини-подходы as well as мини-сеты (issue #16)
    ("сколько отдыхать между мини-подходами", "rest.rest_pause", None),
    ("отдых между мини-сетами", "rest.rest_pause", None),
    ("сколько отдых в рест-паузе", "rest.rest_pause", None),
    ("что такое рпе", "rir_rpe", None),
    ("что значит RIR", "rir_rpe", None),
    ("до отказа на приседе", "failure.compound", "Back Squat"),
    ("дроп-сет или отдых-пауза для жима ногами?", "choice.either", "Leg Press"),
    ("дроп-сет или рест-пауза на жим ногами", "choice.either", "Leg Press"),
    ("как прогрессировать?", "progress", None),
    ("как прогрессировать в жиме", "progress.exercise", "Bench Press"),
    ("как прибавлять вес в приседе", "progress.exercise", "Back Squat"),
    ("застрял в жиме, что делать?", "progress.exercise", "Bench Press"),
    ("когда делать амрап", "amrap.when", None),
    ("что за блоки", "blocks.what", None),
    ("сколько дропов", "how_many.drops", None),
    ("строит ли рест-пауза больше мышц", "evidence.rest_pause", None),
    ("рест-пауза лучше для роста?", "evidence.rest_pause", None),
    ("отдых между упражнениями суперсета", "rest.pair", None),
    ("сколько пар пост-утомления в неделю", "how_many.pairs_week.intermediate", None),
    ("когда заканчивать рест-паузу", "stop.rest_pause", None),
    ("предутомление или постутомление?", "pre_vs_post", None),
    ("можно ли новичку дроп-сеты", "choice.hold_off.beginner", None),
    ("новичку можно пост-утомление?", "beginner.post_exhaust", None),
    ("нужна ли разгрузка", "deload.when", None),
    ("когда делать разгрузку", "deload.when", None),
    ("сколько подходов в неделю на грудь", "volume.no_count", None),
    ("что делать, если болит локоть на разгибаниях", "pain", None),
    ("болит локоть, можно ли рест-паузу?", "pain", None),
    ("как часто делать дроп-сеты", "how_many.intensifiers_week", None),
    ("сколько белка есть", "not_covered", None),
]

NOT_QUESTIONS = [
    "жим лёжа 100 3х8",
    "присед 140 5",
    "становая 140кг 5+2+1 rir1",
    "рест-пауза 20кг 12+4+3",
    "махи в стороны 20кг 12+4+3 RIR1 отдых 15с",
    "отдых 90",
    "готово",
    "ещё",
    "спасибо",
    "жим",
]


@pytest.mark.parametrize(("question", "message", "exercise"), RUSSIAN)
def test_russian_questions_get_the_right_answer(question: str, message: str, exercise: str | None) -> None:
    assert is_question(question)
    found = answer(question, Context(now=NOW))
    assert found is not None, question
    assert found.message == message
    if exercise is not None:
        assert exercise in (found.params.get("exercise"), found.params.get("target"))


def test_there_are_at_least_seventy_russian_phrasings() -> None:
    assert len(RUSSIAN) >= 70


@pytest.mark.parametrize(
    "text", ["жим лёжа 100 3х8 до отказа?", "присед 140 5 стоит ли до отказа?", "100х8 не тяжело?"]
)
def test_a_russian_set_with_a_question_after_it_is_a_set(text: str) -> None:
    assert not is_question(text)


def test_every_russian_name_in_the_catalog_is_found_in_a_question() -> None:
    missed = [
        (alias, name)
        for name, aliases in RUSSIAN_NAMES.items()
        for alias in aliases.split("|")
        if (found := russian.read(f"до отказа {alias}?").exercise) is None or found.name != name
    ]
    assert not missed


@pytest.mark.parametrize(
    ("question", "exercise"),
    [
        ("до отказа в румынской тяге?", "Romanian Deadlift"),
        ("рест-пауза на бабочке?", "Pec Deck"),
        ("отказ в подтягиваниях?", "Pull-Up"),
        ("дроп-сет на махах в стороны?", "Lateral Raise"),
        ("до отказа в становой тяге?", "Deadlift"),
        ("рест-пауза в жиме гантелей?", "Dumbbell Bench Press"),
        ("рест-пауза на сгибаниях ног сидя?", "Seated Leg Curl"),
        ("дропсет на тяге верхнего блока?", "Lat Pulldown"),
        ("рест-пауза в гакк-приседе?", "Hack Squat"),
        ("отказ на разгибаниях на блоке?", "Triceps Pressdown"),
        ("дроп-сет на французском жиме?", "Skull Crusher"),
        ("рест-пауза в жиме на наклонной скамье?", "Incline Bench Press"),
        ("подъёмы на носки до отказа?", "Standing Calf Raise"),
    ],
)
def test_russian_exercise_names_are_found_whatever_their_case(question: str, exercise: str) -> None:
    found = russian.read(question).exercise
    assert found is not None and found.name == exercise


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_russian_set_lines_and_chatter_are_not_questions(text: str) -> None:
    assert not is_question(text)


@pytest.mark.parametrize("question", ["как дела?", "сколько стоит абонемент?", "где зал?"])
def test_russian_questions_it_cannot_answer_get_none_not_a_guess(question: str) -> None:
    assert is_question(question) and answer(question) is None


def test_the_russian_answer_is_in_russian_with_its_evidence_and_source() -> None:
    install_translations()
    found = answer("до отказа на приседаниях?", Context(now=NOW))
    assert found is not None
    with speaking("ru"):
        shown = render_answer(found)
    assert "Нет, не в упражнении Присед со штангой" in shown
    assert "Доказательность" in shown and "Руководство по близости к отказу" in shown
    assert "No, not on" not in shown


def test_a_russian_answer_names_the_lifters_experience_in_russian() -> None:
    install_translations()
    found = answer("сколько пар пост-утомления за тренировку?", Context(now=NOW))
    assert found is not None and found.params["experience"] == "intermediate"
    with speaking("ru"):
        shown = render_answer(found)
    assert "средний уровень" in shown and "intermediate" not in shown


def test_the_russian_list_of_questions_i_can_answer_is_answerable_in_russian() -> None:
    install_translations()
    with speaking("ru"):
        shown = render_cannot_answer()
        examples = [tr(example).split(" / ")[0] for example in EXAMPLES]
    assert "по-английски" not in shown
    for example in examples:
        assert any("а" <= character <= "я" for character in example), example
        assert answer(example, Context(now=NOW)) is not None, example


async def test_a_russian_question_is_answered_not_logged_and_a_set_line_is_logged(services: Services) -> None:
    lifter = 9191
    question = await handle_text(Incoming(lifter, lifter, 1, "сколько отдыхать между мини-сетами?", NOW), services)
    logged = await handle_text(Incoming(lifter, lifter, 2, "жим лёжа 100 3х8", NOW), services)
    assert question.reply is not None and "10-20" in question.reply.html
    assert "🤔" not in question.reply.html  # no parse error
    assert logged.reply is not None and "Logged" in logged.reply.html
    history = await services.storage.history(lifter, since=datetime(2026, 1, 1, tzinfo=UTC))
    assert [row.set.exercise for row in history] == ["Bench Press"] * 3


@pytest.mark.parametrize("mid_workout", [False, True], ids=["no workout", "after a heading"])
async def test_no_russian_question_is_logged_or_answered_with_a_parse_error(
    services: Services, mid_workout: bool
) -> None:
    lifter = 9292 + mid_workout
    ids = iter(range(1, 1000))
    if mid_workout:
        await handle_text(Incoming(lifter, lifter, next(ids), "присед", NOW), services)
    questions = [question for question, _, _ in RUSSIAN] + ["как дела?", "где зал?"]
    for question in questions:
        handled = await handle_text(Incoming(lifter, lifter, next(ids), question, NOW), services)
        assert handled.reply is not None and "🤔" not in handled.reply.html, question
        assert "Записал" not in handled.reply.html and "Logged" not in handled.reply.html, question
    assert await services.storage.history(lifter, since=datetime(2026, 1, 1, tzinfo=UTC)) == []


async def test_a_russian_lifter_asks_about_failure_on_squats_over_telegram(telegram_bot: FakeBotAPI) -> None:
    boris = 5150
    telegram_bot.languages[boris] = "ru"
    await telegram_bot.send_text(boris, "до отказа на приседаниях?")
    (reply,) = await telegram_bot.wait_for_replies(boris, 1)
    assert "Нет, не в упражнении Присед со штангой" in reply
    assert "на техническом отказе" in reply
    assert "📚 <i>Доказательность:" in reply and "Источник: Руководство по близости к отказу" in reply


@pytest.mark.parametrize(("question", "message", "exercise"), RUSSIAN)
def test_every_line_of_a_russian_answer_starts_as_a_sentence(question: str, message: str, exercise: str | None) -> None:
    install_translations()
    found = answer(question, Context(now=NOW))
    assert found is not None
    with speaking("ru"):
        shown = render_answer(found)
    assert [line for line in shown.splitlines() if line and line[0].isalpha() and line[0].islower()] == [], shown
