"""What every handler receives and returns, whichever front-end (Telegram or console) is in use."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from handlers.callbacks import Callback, encode
from handlers.ports import Charts, Store


@dataclass(frozen=True)
class Incoming:
    """One message from a lifter, stripped of the front-end's types."""

    user_id: int
    chat_id: int
    message_id: int
    text: str
    at: datetime
    edited: bool = False  # a correction of a message sent before
    forwarded_from: str | None = None  # a forward: whose message it was ("" when Telegram hides the name)


@dataclass(frozen=True)
class Press:
    """A press on one of our buttons; `data` is what the button was built with."""

    user_id: int
    chat_id: int
    data: str
    press_id: str = ""  # the platform's id of this press: a re-delivery carries the same one


@dataclass(frozen=True)
class Upload:
    """A file a lifter sent (a Strong CSV export), already downloaded by the front-end."""

    user_id: int
    chat_id: int
    content: bytes
    message_id: int | None = None  # the message that carried the file: a re-delivery is answered once
    name: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class Button:
    label: str
    data: str
    url: str = ""  # a link button (opens a chat or page) instead of a press we answer


def file_name(stem: str, suffix: str) -> str:
    """A file name built from free text (an exercise a lifter typed): letters, digits, `_` and `-` only, so no
    `/`, `\\`, `..` or `$` reaches a path or a shell, at most 60 characters before the suffix."""
    slug = re.sub(r"[^\w]+", "-", stem.lower()).strip("-_")[:60].strip("-_")
    return f"{slug or 'file'}{suffix}"


@dataclass(frozen=True)
class Attachment:
    """A file to send with a reply: a chart (photo) or a CSV (document)."""

    filename: str
    data: bytes
    photo: bool = False


@dataclass(frozen=True)
class Reply:
    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None
    more: tuple[Attachment, ...] = ()  # further files after the first (/export sends three)

    @property
    def files(self) -> tuple[Attachment, ...]:
        return ((self.attachment,) if self.attachment is not None else ()) + self.more


def buttons(*rows: Sequence[tuple[str, Callback]]) -> tuple[tuple[Button, ...], ...]:
    """Rows of (label, what the press asks for); the data is encoded by handlers/callbacks.py, the one
    place a new kind of button is added (and read back)."""
    return tuple(tuple(Button(label, encode(press)) for label, press in row) for row in rows)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """The ports handlers use: storage, charts and a clock (tests hand in their own clock).

    The composition root (bot/app.py) fills it with real adapters."""

    storage: Store
    charts: Charts
    clock: Callable[[], datetime] = field(default=utc_now)
