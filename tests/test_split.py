"""Long replies are split at line boundaries into pieces Telegram accepts, each valid HTML, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.split import TELEGRAM_MAX_CHARS, split_html, units
from tests.botapi import html_problem

LINE = "<b>Bench Press</b>: 3 × 8 @ 100 kg · RPE 8 💪 &amp; more"

CASES = [
    # (what, text, limit, expected pieces)
    ("a short reply is one message", "✅ Logged\n<b>Bench</b>: 8 reps", 4096, ["✅ Logged\n<b>Bench</b>: 8 reps"]),
    ("lines stay whole", "aaaa\nbbbb\ncccc", 74, None),
    ("a tag open across the break is closed and reopened", "<code>" + "x" * 50 + "\n" + "y" * 50 + "</code>", 100,
     ["<code>" + "x" * 50 + "</code>", "<code>" + "y" * 50 + "</code>"]),
    ("a word glued to its tags stays in one piece", "x" * 60 + " <b>Ben</b>: " + "y" * 10, 80,
     ["x" * 60, "<b>Ben</b>: " + "y" * 10]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "limit", "expected"), CASES, ids=[case[0] for case in CASES])
def test_split_cases(what: str, text: str, limit: int, expected: list[str] | None) -> None:
    pieces = split_html(text, limit)
    assert pieces == (expected if expected is not None else [text])


def test_a_sixty_line_paste_reply_keeps_every_line_and_its_end() -> None:
    text = "\n".join(f"{LINE} #{n}" for n in range(200)) + "\n\n⚠️ The feedback at the end"
    pieces = split_html(text)
    assert len(pieces) > 1
    assert all(units(piece) <= TELEGRAM_MAX_CHARS for piece in pieces)
    assert [line for line in "\n".join(pieces).split("\n") if line] == [line for line in text.split("\n") if line]
    assert pieces[-1].endswith("⚠️ The feedback at the end")


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    assert units("💪") == 2
    pieces = split_html("💪" * 3000)
    assert [units(piece) for piece in pieces] and all(units(piece) <= TELEGRAM_MAX_CHARS for piece in pieces)
    assert "".join(pieces) == "💪" * 3000


def test_one_enormous_line_breaks_between_words_never_inside_a_tag_or_entity() -> None:
    text = " ".join(["<i>word</i> &amp;"] * 1500)
    pieces = split_html(text, 1000)
    assert all(html_problem(piece) is None and units(piece) <= 1000 for piece in pieces)
    assert " ".join(pieces).split() == text.split()


words = st.sampled_from(["bench", "100kg", "3x8", "<b>Squat</b>", "&amp;", "💪", "<code>x</code>", "ы", " ", "\n"])


@given(st.lists(words, max_size=400), st.integers(min_value=80, max_value=300))
def test_any_reply_splits_into_valid_pieces_within_the_limit_losing_no_word(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    pieces = split_html(text, limit)
    assert all(units(piece) <= limit for piece in pieces)
    assert all(html_problem(piece) is None for piece in pieces)
    room = limit - min(64, limit // 8)  # split_html's room for text, the rest for closing and reopening tags
    if all(units(word) <= room for word in text.split()):  # a word longer than a message has to be cut
        assert " ".join(pieces).split() == text.split()
