"""Long replies in pieces Telegram accepts: split at line boundaries, never cut a word, tag or entity.

Telegram refuses a message over 4096 characters. A pasted 60-line workout can answer with more, and
the feedback at its end matters most, so the reply goes out as several messages instead. Lengths are
counted in UTF-16 code units, as Telegram counts them (an emoji is two), on the HTML as sent, which is
never shorter than the text Telegram measures. A tag still open where a piece ends (`<code>` around a
caret under a typo) is closed there and opened again at the start of the next piece.
"""

from __future__ import annotations

import re

TELEGRAM_MAX_CHARS = 4096  # Bot API sendMessage: "1-4096 characters after entities parsing"
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)(?:\s[^<>]*)?>")
_ATOM = re.compile(r"<[^<>]*>|&[#\w]+;|\s+|[^<&\s]+|[<&]")
# A word: tags, entities and text with no space between them (`Press</b>:`) stay in one piece.
_WORD = re.compile(r"\s+|(?:<[^<>]*>|&[#\w]+;|[^<&\s]+|[<&])+")


def units(text: str) -> int:
    """Telegram's length: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _open_after(text: str, open_tags: list[str]) -> list[str]:
    """The tags (full opening tags) still open after `text`, given those open before it."""
    stack = list(open_tags)
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                if _name(stack[index]) == name:
                    del stack[index:]
                    break
        else:
            stack.append(match.group(0))
    return stack


def _name(opening_tag: str) -> str:
    match = _TAG.match(opening_tag)
    return match.group(2).lower() if match else ""


def _closing(open_tags: list[str]) -> str:
    return "".join(f"</{_name(tag)}>" for tag in reversed(open_tags))


def _pieces_of_line(line: str, room: int) -> list[str]:
    """A single line longer than a message: break it between words (a word longer than a message, between
    characters), never inside a tag or an entity."""
    pieces: list[str] = []
    current = ""
    atoms = (atom for word in _WORD.findall(line) for atom in (_ATOM.findall(word) if units(word) > room else [word]))
    for atom in atoms:
        while units(atom) > room and not atom.startswith(("<", "&")):  # one enormous word
            head = atom[: max(1, room - units(current))] if current else atom[:room]
            while units(current + head) > room and len(head) > 1:
                head = head[:-1]
            if units(current + head) > room:
                pieces.append(current)
                current = ""
                continue
            pieces.append(current + head)
            current, atom = "", atom[len(head) :]
        if current and units(current + atom) > room:
            pieces.append(current.rstrip())
            current = atom.lstrip()
        else:
            current += atom
    if current:
        pieces.append(current)
    return pieces


def split_html(text: str, limit: int = TELEGRAM_MAX_CHARS) -> list[str]:
    """`text` as messages of at most `limit` units, each valid HTML on its own, in order, nothing lost.

    Lines stay whole where they fit; a blank line is the preferred break when one is near."""
    if units(text) <= limit:
        return [text]
    reserve = min(64, limit // 8)  # room for the tags closed at a piece's end and reopened at the next one's start
    room = limit - reserve
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_pieces_of_line(line, room) if units(line) > room else [line])
    messages: list[str] = []
    current: list[str] = []
    size = 0
    open_tags: list[str] = []  # open at the start of `current`
    for line in lines:
        extra = units(line) + (1 if current else 0)
        if current and size + extra > room:
            body = "\n".join(current)
            still_open = _open_after(body, open_tags)
            messages.append("".join(open_tags) + body + _closing(still_open))
            open_tags, current, size = still_open, [], 0
            extra = units(line)
        current.append(line)
        size += extra
    if current:
        messages.append("".join(open_tags) + "\n".join(current))
    return [message for message in (m.strip("\n") for m in messages) if message.strip()]
