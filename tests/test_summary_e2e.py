"""The session summary as Telegram receives it: the real Application against tests/botapi.py, on both backends.
Its markup arrives as markup, once: the "next time" line's advice is HTML already and is not escaped again
(it once reached the chat as `&lt;b&gt;Bench Press&lt;/b&gt;`)."""

from __future__ import annotations

import pytest

from tests.botapi import FakeBotAPI
from tests.conftest import running_bot
from tests.databases import Database

LIFTER = 7015

SUMMARIES = [
    # language, the sets, then the summary's lines as sent (HTML)
    ("en", ["bench 100kg 8 @7", "done"], "➡️ <b>Next time</b>: <b>Bench Press</b> up to 105 kg × 8 (aiming at RPE 8)."),
    ("en", ["bench 100kg 8", "done"], "➡️ <b>Next time</b>: add effort to your sets (<code>100x8 @8</code>)"),
    ("en", ["Bench Press", "100x8 [Failure]", "plank 60s", "/done"], "• <b>Plank</b>: 1 set, longest 1 min hold"),
    ("ru", ["жим лёжа 100кг 8", "готово"], "(<code>100x8 @8</code>)"),
    ("ru", ["жим лёжа 100кг 8 @7", "готово"], "105 кг × 8 (цель — RPE 8)."),  # the unit in Russian too
]


@pytest.mark.parametrize(("language", "messages", "line"), SUMMARIES)
async def test_the_summary_reaches_telegram_as_markup_escaped_once(
    bot_api: FakeBotAPI, database: Database, language: str, messages: list[str], line: str
) -> None:
    bot_api.languages[LIFTER] = language
    async with running_bot(bot_api, database) as api:
        for text in messages:
            await api.send_text(LIFTER, text)
        replies = await api.wait_for_replies(LIFTER, len(messages))
    summary = replies[-1]
    assert "🏁 <b>" in summary, summary
    assert line in summary, summary
    assert "&lt;" not in summary and "&gt;" not in summary and "&amp;" not in summary, summary
    assert api.refused() == []  # Telegram took every reply's HTML as it was
