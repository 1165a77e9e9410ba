"""The ports handlers use: what they need from storage and charts, and the errors a front-end raises.

Adapters in bot/ implement these (bot/storage for `Store`, bot/charts.py for `Charts`); handlers see
only the protocols, so a second backend or chat platform changes nothing here. Nothing in a signature
names a database: rows are the stored message's id, moments are aware datetimes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict

from rules.conversation import State
from rules.models import CheckIn, Feedback, HistoryRow, LoggedSet, MessageKind, ParsedSet, Unit, UserSettings
from rules.report import ProgressPoint, SetSummary, WeekReport


class StorageUnavailable(Exception):
    """A write could not be made durable (disk full, read-only file, a lock held too long, I/O error).

    Nothing of that write is kept. Every backend raises this, and only this, for such failures: the
    front-end then neither confirms the update to Telegram nor tells the lifter it was saved, and
    tries again later. Bugs (a broken constraint) are other exceptions."""


BestRow = tuple[float | None, int, float | None, bool, Unit]  # load, reps, rir, amrap, the unit it was written in


class CoachData(NamedTuple):
    """What the rules need for a logged set, read in one trip: its history, the check-ins, and (when asked
    for) what its exercises held before it, for its records."""

    history: list[LoggedSet]
    checkins: list[CheckIn]
    bests: dict[str, list[BestRow]]


class RestChange(StrEnum):
    """What a message does to the pending rest ping."""

    KEEP = "keep"  # a question, a heading: the timer runs on
    CANCEL = "cancel"  # a new set, or `done`: the rest it timed is over
    SET = "set"  # `rest 90`, or a set carrying its rest: a new ping


class Conversation(BaseModel):
    """The lifter's conversation in one chat, as stored."""

    model_config = ConfigDict(frozen=True)

    state: State
    last_row: int | None = None  # the message that last moved the state (an edit of it moves it again)
    rest_due: datetime | None = None
    rest_s: int | None = None


class ConversationChange(BaseModel):
    """The conversation after a message, written with that message's outcome (one transaction) or on its
    own (`Store.save_conversation`): the state, the state the message was read in (`before`, kept with it
    so an edit re-reads it there), whether it moved the state, and what it does to the rest ping."""

    model_config = ConfigDict(frozen=True)

    chat_id: int
    state: State
    before: State | None = None
    moved: bool = True
    rest: RestChange = RestChange.KEEP
    rest_due: datetime | None = None
    rest_s: int | None = None


class StoredMessage(BaseModel):
    """A raw message as stored: its id (`row`), whether this delivery stored it, whether it was answered,
    and the lifter's conversation in its chat as it stood when it arrived (read with the arrival)."""

    model_config = ConfigDict(frozen=True)

    row: int
    is_new: bool
    answered: bool
    conversation: Conversation | None = None  # None where the backend did not read it (an answered replay)


class MessageContext(BaseModel):
    """A stored message's reading context: the state it was read in and when it arrived."""

    model_config = ConfigDict(frozen=True)

    state: State | None  # None for messages stored before conversations were kept
    received_at: datetime


class RecipientGone(Exception):
    """The lifter can no longer be reached (blocked the bot, left the chat): stop writing to them."""


class Store(Protocol):
    """The lifter's data, every call scoped by user id. One lifter never reads another's rows."""

    # Lifters
    async def user(self, user_id: int, chat_id: int | None = None, now: datetime | None = None) -> UserSettings:
        """The lifter's settings, created with defaults on first contact."""
        ...

    async def update_user(self, user_id: int, **fields: object) -> UserSettings:
        """Change settings by name (unit, experience, timezone, checkin_time, checkins_on,
        next_checkin_utc, awaiting); returns the settings as stored."""
        ...

    async def count_messages(self, user_id: int) -> int: ...

    async def forget(self, user_id: int) -> None:
        """Delete everything held about a lifter."""
        ...

    # Messages and what they logged
    async def arrive(
        self, user_id: int, chat_id: int, message_id: int, text: str, received_at: datetime
    ) -> tuple[UserSettings, StoredMessage]:
        """Keep a raw message (once: a re-delivery finds its first copy) and read its sender's settings and,
        in the same trip where it can, their conversation in that chat (`StoredMessage.conversation`)."""
        ...

    async def record_message(
        self, user_id: int, chat_id: int, message_id: int, text: str, received_at: datetime
    ) -> StoredMessage:
        """Keep a raw message once, without reading settings (imports)."""
        ...

    async def message_row(self, user_id: int, chat_id: int, message_id: int) -> int | None: ...

    async def edit_message(self, user_id: int, row: int, text: str, edited_at: datetime) -> bool:
        """Keep an edit's text and mark the message unanswered until the edit's reply is out. False (and no
        change) when this same edit (text and `edited_at`) was already answered: a re-delivery."""
        ...

    async def save_outcome(
        self,
        user_id: int,
        row: int,
        kind: MessageKind,
        sets: Sequence[ParsedSet] = (),
        performed_at: datetime | None = None,
        feedback: Sequence[Feedback] = (),
        times: Sequence[datetime] | None = None,
        conversation: ConversationChange | None = None,
    ) -> None:
        """Replace, atomically, what a message logged: its kind, its sets and the feedback given; with
        `conversation`, the conversation state after it too, in the same transaction (all or nothing)."""
        ...

    async def mark_answered(self, user_id: int, row: int) -> None:
        """The reply to a stored message went out (a re-delivery is then not answered twice)."""
        ...

    async def undo_last(self, user_id: int, by_row: int | None = None) -> list[ParsedSet]:
        """Remove the sets of the most recent logging message; the raw text stays. `by_row` is the /undo
        message: what it removed is kept with it in the same transaction, and a second call with the same
        `by_row` (a re-delivery) returns that again and removes nothing."""
        ...

    # Replays and confirmations
    async def record_press(self, user_id: int, press_id: str, received_at: datetime) -> bool:
        """A button press by its platform id: False when already answered (a re-delivery, not answered twice)."""
        ...

    async def mark_press_answered(self, user_id: int, press_id: str) -> None: ...

    async def issue_confirmation(self, user_id: int, purpose: str, token: str, expires_at: datetime) -> None:
        """The one token that confirms `purpose` (e.g. "forget") for this lifter until `expires_at`."""
        ...

    async def consume_confirmation(self, user_id: int, purpose: str, token: str, now: datetime) -> bool:
        """True once, for this lifter's own unexpired token; a used, replaced or foreign token is False."""
        ...

    async def last_feedback(self, user_id: int) -> list[Feedback]: ...

    # Reading history
    async def history(
        self, user_id: int, since: datetime, longer: tuple[datetime, Sequence[str]] | None = None
    ) -> list[LoggedSet]:
        """Sets from `since` on, oldest first; `longer` adds those exercises back to an earlier moment."""
        ...

    async def coach_data(
        self,
        user_id: int,
        since: datetime,
        checkins_since: date,
        longer: tuple[datetime, Sequence[str]] | None = None,
        bests: tuple[Sequence[str], datetime | None] | None = None,
    ) -> CoachData:
        """`history` and `checkins` together (the rules need both on every logged set); `bests` (exercises,
        done before): those exercises' `exercise_bests(..., done_before=...)` in the same trip."""
        ...

    async def recent_sets(self, user_id: int, limit: int) -> list[HistoryRow]: ...

    async def all_sets(self, user_id: int) -> list[HistoryRow]: ...

    async def exercise_summaries(self, user_id: int, exercise: str) -> list[SetSummary]:
        """One exercise's whole history, lean: first segment and effort only (for /progress)."""
        ...

    # Check-ins
    async def save_checkin(
        self, user_id: int, checkin: CheckIn, raw_text: str | None, answered_at: datetime
    ) -> None: ...

    async def checkins(self, user_id: int, since: date) -> list[CheckIn]: ...

    async def checkin_on(self, user_id: int, day: date) -> CheckIn | None: ...

    async def disable_checkins(self, user_id: int) -> None: ...

    # The workout as a conversation (issue #15)
    async def conversation(self, user_id: int, chat_id: int) -> Conversation:
        """The lifter's state in this chat: open exercise, last set, session, pending rest."""
        ...

    async def save_conversation(self, user_id: int, change: ConversationChange, row: int | None = None) -> None:
        """The conversation in `change.chat_id` after message `row` (which keeps `change.before`, the state it
        was read in; `change.moved`: it changed the state, so an edit of it moves the state again), and the
        rest ping; no outcome with it."""
        ...

    async def all_messages(self, user_id: int) -> list[tuple[datetime, str, str]]:
        """Every raw message the lifter sent: (received at, what it turned out to be, text), oldest first."""
        ...

    async def message_text(self, user_id: int, row: int) -> str | None:
        """A stored message's text as typed (None if there is no such message of this lifter's)."""
        ...

    async def message_context(self, user_id: int, row: int) -> MessageContext | None:
        """The state a stored message was read in and when it came, for re-reading an edit of it."""
        ...

    async def exercise_bests(
        self,
        user_id: int,
        exercises: Sequence[str],
        before: datetime | None = None,
        done_before: datetime | None = None,
    ) -> dict[str, list[BestRow]]:
        """Distinct (load, reps, rir, amrap, unit) of each exercise's working sets (all of them, or those first
        done before `before`): what records beat, each load in the unit it was written in (kg and lb rows stay
        apart). `done_before` leaves out the exercises not done before it."""
        ...

    async def last_sets(self, user_id: int, exercises: Sequence[str], before: datetime) -> list[LoggedSet]:
        """The newest sets of each exercise before a moment, oldest first (for "last time")."""
        ...


class Charts(Protocol):
    """PNG charts for /week and /progress (drawn off the event loop by the adapter)."""

    async def week(self, report: WeekReport) -> bytes: ...

    async def progress(self, exercise: str, points: Sequence[ProgressPoint], unit: str) -> bytes: ...
