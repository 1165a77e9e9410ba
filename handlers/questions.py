"""Technique questions, typed plainly or with /ask, answered from the rules and the lifter's data."""

from __future__ import annotations

from handlers.base import Incoming, Reply, Services
from handlers.render import escape
from handlers.sets import coach_context
from rules.answers import CAN_ANSWER, Answer, answer, is_question
from rules.models import UserSettings


def render_answer(reply: Answer) -> str:
    lines = [f"<b>{escape(reply.recommendation)}</b>", escape(reply.reason)]
    if reply.caveat:
        lines.append(f"⚠️ {escape(reply.caveat)}")
    lines.append(f"📚 <i>Evidence: {escape(reply.evidence)}</i>")
    lines.append(f"Source: {escape(reply.source)}")
    return "\n".join(lines)


def render_cannot_answer() -> str:
    examples = "\n".join(f"• <i>{escape(question)}</i>" for question in CAN_ANSWER)
    return f"I can't answer that yet, and I'd rather not guess. Questions I can answer:\n{examples}"


async def ask(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/ask <question>, or any message that reads as a question."""
    question = message.text.strip().removeprefix("/ask").strip()
    if not question:
        return Reply("Ask me after /ask, e.g. <code>/ask rest-pause or drop set for leg press?</code>")
    found = answer(question, await coach_context(services, user))
    return Reply(render_answer(found) if found else render_cannot_answer())


async def question_hook(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """For text that is neither a set nor a command: answer it if it reads as a question."""
    if not is_question(message.text):
        return None
    return await ask(message, user, services)
