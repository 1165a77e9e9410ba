"""Technique questions, typed plainly or with /ask, answered from the rules and the lifter's data."""

from __future__ import annotations

from dataclasses import replace

from handlers.base import Incoming, Reply, Services
from handlers.ports import Conversation
from handlers.render import render_answer, render_cannot_answer
from handlers.sets import coach_context
from handlers.words import say
from handlers.words.report import CATALOGUE as REPORT_WORDS
from rules.answers import Answer, answer, is_question
from rules.asking import question_start
from rules.context import Context
from rules.conversation import SESSION_IDLE
from rules.models import UserSettings
from rules.notation import Msg, parse_message

WHICH_LIFT = "e1rm.which"  # the e1RM answer when the question names no lift


async def ask(
    message: Incoming, user: UserSettings, services: Services, talk: Conversation | None = None
) -> Reply:
    """/ask <question>, or any message that reads as a question. `talk`: the lifter's conversation in this chat
    as read with the message (None: read here, only when the question needs it)."""
    question = message.text.strip().removeprefix("/ask").strip()
    if not question:
        return Reply(say(REPORT_WORDS, "ask.empty"))
    context = await coach_context(services, user)
    found = answer(question, context)
    if found is not None and found.message == WHICH_LIFT:
        found = await _about_the_open_lift(question, found, message, user, services, context, talk)
    return Reply(render_answer(found) if found else render_cannot_answer())


async def _about_the_open_lift(
    question: str, found: Answer, message: Incoming, user: UserSettings, services: Services, context: Context,
    talk: Conversation | None,
) -> Answer:  # fmt: skip
    """`what is my e1rm?` right after Deadlift sets is about Deadlift: the exercise open in the conversation
    (as `100x8 to failure?` is, `asked_after_set`); with none open, the question still asks which lift."""
    if talk is None:
        talk = await services.storage.conversation(user.id, message.chat_id)
    state = talk.state
    stale = state.last_at is not None and message.at - state.last_at >= SESSION_IDLE  # the sweep is yet to close it
    exercise = None if stale else state.exercise
    if exercise is None:
        return found
    return answer(f"{question} {exercise}", context) or found


def answerable(text: str) -> bool:
    """A question the rules can answer, numbers or not (`what is my squat e1rm?`): it goes before workout
    talk, so its digits are never logged as a set."""
    return is_question(text) and answer(text) is not None


async def question_hook(
    message: Incoming, user: UserSettings, services: Services, talk: Conversation | None = None
) -> Reply | None:
    """For text that is neither a set nor a command: answer it if it reads as a question."""
    if not is_question(message.text):
        return None
    return await ask(message, user, services, talk)


def asked_after_set(text: str, open_exercise: str | None = None) -> str | None:
    """The question a one-line set carries after its numbers (`bench 100kg 8 @9 should I go to failure?`,
    `жим лёжа 100 3х8 до отказа?`), about the set's exercise: the line's own, else `open_exercise` (`100x8
    should I go to failure?` under Bench Press); None when it asks nothing. The question's words are no part
    of the set's reading (rules.asking): `@9` is the set's effort, not a question about RPE, and `до отказа?`
    is no set to failure."""
    line = text.strip()
    if "\n" in line:
        return None
    start = question_start(line)
    if start is None:
        return None
    result = parse_message(line)
    known = [parsed.exercise for parsed in result.sets if parsed.known]
    unnamed = any(error.code == Msg.MISSING_EXERCISE and error.sets for error in result.errors)
    exercise = known[-1] if known else open_exercise if unnamed else None
    if exercise is None:
        return None
    return f"{line[start:].strip()} {exercise}"


async def with_answer(message: Incoming, reply: Reply, user: UserSettings, services: Services) -> Reply:
    """A logged set that asked something: the answer goes below the set's reply (the set is never lost to
    the question, nor the question to the set). A line with no exercise asks about the open one."""
    if question_start(message.text.strip()) is None:
        return reply
    talk = await services.storage.conversation(user.id, message.chat_id)
    question = asked_after_set(message.text, talk.state.exercise)
    if question is None:
        return reply
    found = answer(question, await coach_context(services, user))
    return reply if found is None else replace(reply, html=f"{reply.html}\n\n{render_answer(found)}")
