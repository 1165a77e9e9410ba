"""Telegram HTML as terminal text (the console chat and the CLI print replies with it)."""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"</?(?:b|i|u|s|code|pre|a)(?: [^>]*)?>")


def plain(reply_html: str) -> str:
    return html.unescape(_TAGS.sub("", reply_html))
