"""Messages that are not text: a short, specific reply to each kind, so nothing meets silence."""

from __future__ import annotations

from handlers.base import Reply
from handlers.words import say
from handlers.words.chat import CATALOGUE

# The kinds a front-end reports, and which reply each gets (several kinds share one).
KINDS = {
    "photo": "other.photo",
    "sticker": "other.sticker",
    "animation": "other.sticker",
    "voice": "other.voice",
    "audio": "other.voice",
    "video": "other.video",
    "video_note": "other.video",
    "location": "other.location",
    "venue": "other.location",
    "contact": "other.contact",
    "poll": "other.poll",
    "dice": "other.dice",
    "file": "other.file",
}


def not_text(kind: str) -> Reply:
    """The reply to a photo, sticker, voice message, ...; any other kind gets the general one."""
    return Reply(say(CATALOGUE, KINDS.get(kind, "other.any")))
