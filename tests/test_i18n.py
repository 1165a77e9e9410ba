"""Every sentence exists in English and Russian, and a lifter reads the language they asked for."""

from __future__ import annotations

import re
import sqlite3
import string
from pathlib import Path

import pytest

from bot.i18n import extracted, install_translations, read_catalogue
from handlers.render import render_logged
from handlers.router import COMMANDS
from handlers.words import menu, speaking
from handlers.words.exercises import EXERCISES, exercise_name
from rules.catalog import EXERCISES as CATALOG
from rules.notation import parse_message
from tests.botapi import FakeBotAPI

ALICE, BORIS = 1001, 3003
TEMPLATES = sorted({message.id for message in extracted() if message.id and isinstance(message.id, str)})
RUSSIAN = read_catalogue("ru")


def fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_catalogues_hold_hundreds_of_sentences() -> None:
    assert len(TEMPLATES) > 300


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t[:60])
def test_every_sentence_has_a_russian_translation_with_the_same_fields(template: str) -> None:
    message = RUSSIAN.get(template)
    assert message is not None and message.string and not message.fuzzy, (
        "untranslated: run `python -m bot.i18n`, translate the new entries in "
        "handlers/words/locale/ru/LC_MESSAGES/setcoach.po"
    )
    russian = str(message.string)
    missing = fields(template) - fields(russian)
    assert fields(russian) <= fields(template), "the translation names a field the English does not fill"
    assert all(name.endswith("_s") for name in missing), f"the translation drops {missing}"  # English plural helpers


def test_every_exercise_in_the_catalog_has_a_name_to_translate() -> None:
    assert {exercise.name for exercise in CATALOG} <= set(EXERCISES)


def test_every_command_has_a_menu_description() -> None:
    assert set(COMMANDS) <= set(menu.COMMANDS)


def test_a_logged_set_reads_in_russian_with_the_exercise_in_russian() -> None:
    install_translations()
    result = parse_message("bench 100kg 3x8 @8", "kg")
    with speaking("ru"):
        text = render_logged(result.sets, [])
        assert exercise_name("Back Squat") == "Присед со штангой"
    assert "<b>Жим лёжа</b>" in text
    assert "<b>Bench Press</b>" in render_logged(result.sets, [])


async def test_a_russian_telegram_user_is_answered_in_russian(telegram_bot: FakeBotAPI) -> None:
    telegram_bot.languages[BORIS] = "ru"
    await telegram_bot.send_text(BORIS, "становая 140кг 5+2+1 rir1")
    await telegram_bot.send_text(ALICE, "deadlift 140kg 5+2+1 RIR1")  # at the same time, in English
    (boris,) = await telegram_bot.wait_for_replies(BORIS, 1)
    (alice,) = await telegram_bot.wait_for_replies(ALICE, 1)
    assert "<b>Становая тяга</b>" in boris and "неудачный выбор для рест-паузы" in boris
    assert "<b>Deadlift</b>" in alice and "poor rest-pause pick" in alice
    await telegram_bot.send_other(BORIS, "voice")
    replies = await telegram_bot.wait_for_replies(BORIS, 2)
    assert "Слушать я пока не умею: напишите подход текстом" in replies[1]


async def test_the_language_can_be_changed_in_settings_and_is_kept(telegram_bot: FakeBotAPI, db_path: Path) -> None:
    api = telegram_bot
    api.languages[BORIS] = "ru"
    await api.send_text(BORIS, "/settings")
    (shown,) = await api.wait_for_replies(BORIS, 1)
    assert "<b>Ваши настройки</b>" in shown and "как в вашем Telegram (русский)" in shown
    await api.press(BORIS, "ask:language")
    await api.wait_for_said(BORIS, 2)
    await api.press(BORIS, "set:language:en")
    said = await api.wait_for_said(BORIS, 3)
    assert said[2].startswith("Language: English.")
    await api.send_text(BORIS, "bench 100kg 3x8 @8")
    replies = await api.wait_for_replies(BORIS, 2)
    assert "<b>Bench Press</b>" in replies[1]  # his Telegram says ru; his choice says en
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT language FROM users WHERE id = ?", (BORIS,)).fetchone() == ("en",)


async def test_menus_and_descriptions_exist_in_russian(telegram_bot: FakeBotAPI) -> None:
    english = {c["command"]: c["description"] for c in telegram_bot.commands[("all_private_chats", "")]}
    russian = {c["command"]: c["description"] for c in telegram_bot.commands[("all_private_chats", "ru")]}
    assert russian["privacy"] == "Что я храню, как долго и как это удалить" and english["privacy"] != russian["privacy"]
    assert "подходы" in telegram_bot.descriptions["ru"] and len(telegram_bot.short_descriptions["ru"]) <= 120


async def test_a_russian_workout_is_rested_and_summed_up_in_russian(telegram_bot: FakeBotAPI) -> None:
    api = telegram_bot
    api.languages[BORIS] = "ru"
    for text in ("Жим лёжа", "80х8", "отдых 90", "85х6", "присед 100кг 5х5 @8", "готово"):
        await api.send_text(BORIS, text)
    replies = await api.wait_for_replies(BORIS, 6)
    assert replies[2].startswith("⏱ Отдых 90 с")  # `отдых` with a Cyrillic х, read as a rest
    summary = replies[5]
    assert "Тренировка окончена" in summary and "5 подх." in summary and "85 кг × 6" in summary
    english = {word for word in re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", summary))}
    assert english <= {"RPE", "RIR", "e1RM"}, f"English in a Russian summary: {sorted(english)}"
