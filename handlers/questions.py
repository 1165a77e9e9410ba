"""Technique questions, typed plainly or with /ask, answered from the rules and the lifter's data."""

from __future__ import annotations

from handlers.base import Incoming, Reply, Services
from handlers.render import render_answer, render_cannot_answer
from handlers.sets import coach_context
from handlers.words import say
from handlers.words.report import CATALOGUE as REPORT_WORDS
from rules.answers import answer, is_question
from rules.models import UserSettings


async def ask(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/ask <question>, or any message that reads as a question."""
    question = message.text.strip().removeprefix("/ask").strip()
    if not question:
        return Reply(say(REPORT_WORDS, "ask.empty"))
    found = answer(question, await coach_context(services, user))
    return Reply(render_answer(found) if found else render_cannot_answer())


def answerable(text: str) -> bool:
    """A question the rules can answer, numbers or not (`what is my squat e1rm?`): it goes before workout
    talk, so its digits are never logged as a set."""
    return is_question(text) and answer(text) is not None


async def question_hook(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """For text that is neither a set nor a command: answer it if it reads as a question."""
    if not is_question(message.text):
        return None
    return await ask(message, user, services)
