"""The README's conversations are real: each one is fed to `python -m bot chat` and every reply line it
shows must be what the bot prints, in order (the README may leave lines out and wraps long ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_conversation_cli import chat

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = ("you> ", "вы> ")
NOT_TYPED = {"(голосовое сообщение)"}  # a voice message: Telegram only, the console can't send one
LATER = "…"  # "… three minutes later, unasked:": what follows comes from the rest timer, not the reply
# What a conversation needs before its first line, by its first prompt.
BEFORE: dict[str, list[str]] = {
    "вы> ": ["/settings", "Language / Язык", "Русский"],
    "you> Squat (low bar)": ["squat 140kg 5 @8", "done"],  # "the lifter squatted 140 kg × 5 @8 last time"
}
WEEKDAY = r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Пн|Вт|Ср|Чт|Пт|Сб|Вс)\b"
DATE = r"\b\d{1,2} [A-Za-zА-Яа-я]{3,4}\.?(?=[)\s:,])"


@dataclass
class Conversation:
    first_prompt: str
    lines: list[str] = field(default_factory=list)  # what the lifter types
    replies: list[str] = field(default_factory=list)  # what the README shows the bot answering


def blocks(readme: str) -> list[list[str]]:
    """The lines of each fenced code block."""
    found: list[list[str]] = []
    inside: list[str] | None = None
    for row in readme.splitlines():
        if row.startswith("```"):
            if inside is None:
                inside = []
            else:
                found.append(inside)
                inside = None
        elif inside is not None:
            inside.append(row)
    return found


def conversations(readme: str) -> list[Conversation]:
    found: list[Conversation] = []
    for rows in blocks(readme):
        if not rows or not rows[0].startswith(PROMPTS):
            continue
        talk = Conversation(rows[0])
        skipping = False
        for row in rows:
            prompt = next((p for p in PROMPTS if row.startswith(p)), None)
            if prompt is not None:
                typed = row.removeprefix(prompt)
                skipping = typed in NOT_TYPED
                if not skipping:
                    talk.lines.append(typed)
            elif row.strip().startswith(LATER):
                skipping = True
            elif row.strip() and not skipping:
                talk.replies.append(row.strip())
        found.append(talk)
    return found


def tokens(text: str) -> list[str]:
    text = re.sub(WEEKDAY, "<day>", text)
    return re.sub(DATE, "<date>", text).split()


def first_run(needle: list[str], haystack: list[str], start: int) -> int:
    """Where `needle` next occurs as a contiguous run in `haystack` at or after `start`, or -1."""
    for at in range(start, len(haystack) - len(needle) + 1):
        if haystack[at : at + len(needle)] == needle:
            return at
    return -1


TALKS = conversations((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_shows_its_conversations() -> None:
    assert len(TALKS) >= 3 and all(talk.lines and talk.replies for talk in TALKS)


@pytest.mark.parametrize("talk", TALKS, ids=[talk.first_prompt for talk in TALKS])
def test_each_reply_line_in_the_readme_is_what_the_bot_prints(talk: Conversation, tmp_path: Path) -> None:
    before = next((lines for start, lines in BEFORE.items() if talk.first_prompt.startswith(start)), [])
    printed = chat(tmp_path / "readme.db", before + talk.lines)
    said, at = tokens(printed), 0
    for line in talk.replies:
        found = first_run(tokens(line), said, at)
        assert found >= 0, f"README line not printed (in this order): {line!r}\n--- the bot printed:\n{printed}"
        at = found + len(tokens(line))


def test_a_changed_reply_is_caught() -> None:
    said = tokens("✅ Logged\nBench Press: 8 reps @ 80 kg\n\n👍 Post-exhaust for chest")
    assert first_run(tokens("Bench Press: 8 reps @ 80 kg"), said, 0) == 2
    assert first_run(tokens("Bench Press: 8 reps @ 85 kg"), said, 0) == -1
    assert first_run(tokens("✅ Logged"), said, 3) == -1  # in order: nothing found before where we are
