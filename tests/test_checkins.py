"""Check-in answers in the lifter's words, the journey on Telegram and the console, and how it changes advice."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.i18n import install_translations
from handlers.checkins import prompt_words, understood_words
from handlers.render import feedback_text
from handlers.words import speaking
from rules.checkins import assessment, prompt, read_answer
from rules.models import CheckIn, Feedback, JointLevel, LoggedSet
from rules.notation import parse_message
from tests.botapi import FakeBotAPI

DAY = date(2026, 11, 23)


def said(items: list[Feedback]) -> str:
    return " ".join(feedback_text(item) for item in items)
N, L, M, S = JointLevel.NONE, JointLevel.MILD, JointLevel.MODERATE, JointLevel.SEVERE


@pytest.mark.parametrize(
    ("text", "soreness", "joints", "muscles"),
    [
        ("all good", N, {}, ()),
        ("All good!", N, {}, ()),
        ("fine", N, {}, ()),
        ("elbow 2, chest a bit sore", L, {"elbow": M}, ("chest",)),
        ("elbow 2", N, {"elbow": M}, ()),
        ("knees mild", N, {"knee": L}, ()),
        ("shoulder moderate and lower back a little", N, {"shoulder": M, "lower back": L}, ()),
        ("wrist 3", N, {"wrist": S}, ()),
        ("hip 0", N, {"hip": N}, ()),
        ("legs very sore", S, {}, ("quads", "hamstrings", "glutes")),
        ("quads pretty sore, elbow fine", M, {"elbow": N}, ("quads",)),
        ("a bit sore", L, {}, ()),
        ("elbow 7/10", N, {"elbow": S}, ()),
        ("DOMS in my hamstrings", L, {}, ("hamstrings",)),
    ],
)
def test_free_text_answers(text: str, soreness: JointLevel, joints: dict, muscles: tuple) -> None:  # type: ignore[type-arg]
    reading = read_answer(text, DAY)
    assert reading.checkin is not None, text
    assert reading.checkin.soreness == soreness
    assert reading.checkin.joints == joints
    assert reading.checkin.sore_muscles == muscles


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("knee 2kg", ("knee",)),
        ("knee 20kg", ("knee",)),
        ("knee 2 kg", ("knee",)),
        ("elbow 2, knee 45 lbs", ("knee",)),  # the elbow's 2 is not saved alone either: the answer is asked again
        ("колено 20кг", ("колено",)),
        ("плечо 2 кг", ("плечо",)),
    ],
)
def test_a_body_word_with_a_load_is_asked_about_never_read_as_a_level(text: str, unclear: tuple[str, ...]) -> None:
    reading = read_answer(text, DAY)
    assert (reading.checkin, reading.unclear) == (None, unclear)


@pytest.mark.parametrize("text", ["banana", "what?", "🤷", "", "x" * 500])
def test_unreadable_answers_are_none(text: str) -> None:
    assert read_answer(text, DAY).checkin is None


def test_assessment_pulls_intensifiers_on_a_persistent_joint_and_acknowledges_improvement() -> None:
    persistent = [CheckIn(day=DAY - timedelta(days=1), joints={"elbow": M}), CheckIn(day=DAY, joints={"elbow": M})]
    assert "elbow has been irritated 2 days running: pull rest-pause" in said(assessment(persistent, DAY))
    better = [CheckIn(day=DAY - timedelta(days=1), joints={"elbow": M}), CheckIn(day=DAY, joints={"elbow": L})]
    assert "elbow is better than last time (moderate → mild)" in said(assessment(better, DAY))


def seed_yesterdays_elbow(db_path: Path, user_id: int) -> None:
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    with sqlite3.connect(db_path) as db:
        db.execute(
            "INSERT INTO checkins (user_id, day, soreness, joints_json, answered_at) VALUES (?, ?, 'none', ?, ?)",
            (user_id, yesterday, '{"elbow": "moderate"}', datetime.now(UTC).isoformat()),
        )


async def test_checkin_journey_on_telegram_changes_the_next_sets_feedback(
    telegram_bot: FakeBotAPI, db_path: Path
) -> None:
    lifter = 5005
    await telegram_bot.send_text(lifter, "pressdown 30kg 15+5+3 rir1")
    await telegram_bot.send_text(lifter, "/checkin")
    replies = await telegram_bot.wait_for_replies(lifter, 2)
    assert "Last session: triceps (rest-pause on Triceps Pressdown)" in replies[1]
    prompt = telegram_bot.sent(lifter)[1]
    assert [b["callback_data"] for b in prompt["reply_markup"]["inline_keyboard"][0]][:2] == [
        "ci:sore:none",
        "ci:sore:mild",
    ]
    seed_yesterdays_elbow(db_path, lifter)
    for count, data in enumerate(("ci:sore:mild", "ci:joint:elbow", "ci:jl:elbow:moderate", "ci:done"), start=3):
        await telegram_bot.press(lifter, data)  # each press edits the prompt in place
        said = await telegram_bot.wait_for_said(lifter, count)
    assert "Check-in saved" in said[5] and "elbow has been irritated 2 days running" in said[5]
    assert "reply_markup" not in telegram_bot.last_bot_message(lifter)  # answered: no buttons left
    assert len(telegram_bot.sent(lifter)) == 2  # the prompt became the answer: no new message per press
    await telegram_bot.send_text(lifter, "pressdown 30kg 15+5+3 rir1")
    replies = await telegram_bot.wait_for_replies(lifter, 3)
    assert "Your elbow has been irritated 2 days running: pull the rest-pause work on Triceps Pressdown" in replies[2]


async def test_free_text_checkin_and_an_unreadable_one_on_telegram(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    lifter = 6006
    await telegram_bot.send_text(lifter, "/checkin")
    await telegram_bot.send_text(lifter, "banana")
    await telegram_bot.send_text(lifter, "elbow 2, chest a bit sore")
    replies = await telegram_bot.wait_for_replies(lifter, 3)
    assert "couldn't read that as a check-in, but I kept it" in replies[1] and "elbow 2, chest a bit sore" in replies[1]
    assert "Check-in saved: elbow: moderate; chest: mild" in replies[2]
    with sqlite3.connect(db_path) as db:
        (raw,) = db.execute("SELECT raw_text FROM checkins WHERE user_id = ?", (lifter,)).fetchone()
        kept = [row[0] for row in db.execute("SELECT text FROM messages WHERE user_id = ?", (lifter,))]
    assert raw == "elbow 2, chest a bit sore" and "banana" in kept


def test_checkin_journey_in_the_console(tmp_path: Path) -> None:
    script = "/checkin\n2\nelbow\n3\nNo joint issues\n/pause\n/resume\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(tmp_path / "c.db")],
        input=script, capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Soreness: mild. Any joint irritation?" in out
    assert "How irritated is your elbow?" in out
    assert "Elbow: severe" in out
    assert "Check-in saved" in out
    assert "Daily check-ins paused" in out and "Daily check-ins on, at 09:00" in out


# -- the prompt and what an answer was read as, in the lifter's language ------------------------------------------

LATIN = re.compile(r"[A-Za-z]")


def logged(text: str) -> list[LoggedSet]:
    at = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    sets = parse_message(text).sets
    return [LoggedSet(performed_at=at, message_row=1, position=i, set=s) for i, s in enumerate(sets)]


def test_the_prompt_is_data_the_words_say_in_either_language() -> None:
    asked = prompt(logged("pressdown 30kg 15+5+3 rir1\nbench 100kg 5"))
    assert asked.muscles == ("triceps", "chest")
    used = [(intensified.technique.value, intensified.exercise) for intensified in asked.intensified]
    assert used == [("rest_pause", "Triceps Pressdown")]
    assert prompt([]).muscles == () and prompt_words([]) == "Daily check-in: any soreness? Any joint irritation?"
    english = prompt_words(logged("pressdown 30kg 15+5+3 rir1"))
    assert english == (
        "Last session: triceps (rest-pause on Triceps Pressdown). How sore are they? Any joint irritation?"
    )


@pytest.mark.parametrize(
    "sets", ["pressdown 30kg 15+5+3 rir1\nbench 100kg 5", "squat 100kg 5\nleg ext 50kg 12 drop 40kg 8", ""]
)
def test_the_prompt_has_no_english_for_a_russian_lifter(sets: str) -> None:
    install_translations()
    with speaking("ru"):
        said = prompt_words(logged(sets)) if sets else prompt_words([])
    assert said and not LATIN.search(said), said


@pytest.mark.parametrize(
    "answer",
    ["elbow 2, chest a bit sore", "all good", "elbow swollen", "tingling in my elbow", "no motivation today",
     "a bit sore", "legs very sore, lower back 1, upper back sore", "hamstrings 2, hip 1, wrist 3"],
)  # fmt: skip
def test_what_an_answer_was_read_as_has_no_english_for_a_russian_lifter(answer: str) -> None:
    install_translations()
    reading = read_answer(answer, DAY)
    assert reading.understood, answer
    english = understood_words(reading.understood)
    with speaking("ru"):
        russian = understood_words(reading.understood)
    assert russian and not LATIN.search(russian), russian
    assert english != russian


async def test_a_russian_lifter_checks_in_in_russian_and_the_next_rest_pause_set_hears_about_the_elbow(
    telegram_bot: FakeBotAPI, db_path: Path
) -> None:
    lifter = 7007
    telegram_bot.languages[lifter] = "ru"
    await telegram_bot.send_text(lifter, "разгибания на трицепс 30кг 15+5+3 rir1")
    await telegram_bot.send_text(lifter, "/checkin")
    replies = await telegram_bot.wait_for_replies(lifter, 2)
    prompt_said = replies[1]
    assert "Прошлая тренировка: трицепс (рест-пауза: Разгибания на трицепс в блоке)" in prompt_said
    assert not LATIN.search(prompt_said), prompt_said
    buttons = [b["text"] for row in telegram_bot.sent(lifter)[1]["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons and not any(LATIN.search(text) for text in buttons)
    seed_yesterdays_elbow(db_path, lifter)  # yesterday's check-in: the elbow was moderate then too
    await telegram_bot.send_text(lifter, "локоть 2, плечи забиты")
    replies = await telegram_bot.wait_for_replies(lifter, 3)
    assert "✅ Чек-ин сохранён: локоть: средне; плечи: слабо." in replies[2], replies[2]
    assert not LATIN.search(replies[2].replace("/checkin", "")), replies[2]
    with sqlite3.connect(db_path) as db:
        stored = db.execute(
            "SELECT raw_text, joints_json, sore_muscles_json FROM checkins WHERE user_id = ? AND raw_text IS NOT NULL",
            (lifter,),
        ).fetchone()
    assert stored[0] == "локоть 2, плечи забиты" and '"elbow": "moderate"' in stored[1] and "shoulders" in stored[2]
    await telegram_bot.send_text(lifter, "разгибания на трицепс 30кг 15+5+3 rir1")
    replies = await telegram_bot.wait_for_replies(lifter, 4)
    assert "раздражение уже дней подряд: 2" in replies[3] and "Разгибания на трицепс в блоке" in replies[3], replies[3]
    assert "рест-пауз" in replies[3]
    assert "irritated" not in replies[3]


@pytest.mark.parametrize(
    "checkins",
    [
        [CheckIn(day=DAY - timedelta(days=1), joints={"lower back": M}), CheckIn(day=DAY, joints={"lower back": L})],
        [CheckIn(day=DAY, joints={"elbow": M, "knee": L, "hip": N}, signs=("swelling", "nerve", "low_motivation"))],
        [CheckIn(day=DAY - timedelta(days=1), joints={"elbow": M}), CheckIn(day=DAY, joints={"elbow": M})],
        [CheckIn(day=DAY - timedelta(days=days), soreness=M, sore_muscles=("quads",)) for days in range(4)],
        [CheckIn(day=DAY)],
    ],
)
def test_what_a_checkin_means_has_no_english_for_a_russian_lifter(checkins: list[CheckIn]) -> None:
    install_translations()
    with speaking("ru"):
        said = "\n".join(feedback_text(item) for item in assessment(checkins, DAY))
    assert said and not LATIN.search(said), said


def test_swelling_names_the_joints_reported_today_and_not_a_fine_one() -> None:
    swollen = [CheckIn(day=DAY, joints={"elbow": M, "knee": L, "hip": N}, signs=("swelling",))]
    assert said(assessment(swollen, DAY)).startswith("Swelling at the elbow, knee: no rest-pause")
