"""What both backends share: group commit, stored rows read back as models, and the calls whose logic
does not depend on the dialect. Each backend keeps its SQL and its connection handling; the contract
itself is documented once, in `handlers.ports.Store` and `bot.storage.contract.Backend`.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import TypeAdapter

from bot.storage.contract import Claim, Frontend, TimerClaim, TimerKind
from bot.storage.recent import RECENT, RecentCache, RecentSets, widened
from handlers.ports import (
    BestRow,
    CoachData,
    Conversation,
    ConversationChange,
    MessageContext,
    RestChange,
    StoredMessage,
)
from rules.conversation import SESSION_IDLE, State
from rules.models import CheckIn, Experience, Feedback, LoggedSet, MessageKind, ParsedSet, UserSettings

Item = TypeVar("Item")
Result = TypeVar("Result")

HISTORY = TypeAdapter(list[LoggedSet])
SETS = TypeAdapter(list[ParsedSet])
FEEDBACK = TypeAdapter(list[Feedback])
CHECKINS = TypeAdapter(list[CheckIn])

USER_COLUMNS = (
    "id, unit, experience, timezone, checkin_time, checkins_on, next_checkin_utc, chat_id, awaiting, block_started_on, "
    "language, unit_set_at, unit_hint_at"
)
USER_WIDTH = len(USER_COLUMNS.split(","))  # `SELECT {USER_COLUMNS}, frontend`: the front-end is column USER_WIDTH
USER_FIELDS = frozenset(  # what update_user may change
    {"unit", "experience", "timezone", "checkin_time", "checkins_on", "next_checkin_utc", "awaiting",
     "block_started_on", "language", "unit_set_at", "unit_hint_at"}
)  # fmt: skip


class GroupWrite(Generic[Item, Result]):
    """Concurrent writes of one kind, sent to the database together as one statement (group commit).

    While one statement is in flight, the calls that arrive wait and then go together in the next.
    A lone call goes at once; in a burst (fifty lifters texting between sets) many messages share
    one trip to the database and one commit. Each caller still awaits its own write, so
    nothing is acknowledged before it is on disk.
    """

    MAX_BATCH = 500  # keeps every statement under SQLite's limit of bound variables

    def __init__(self, write: Callable[[list[Item]], Awaitable[list[Result]]]) -> None:
        self._write = write
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._drainer: asyncio.Task[None] | None = None
        self.statements = 0  # statements sent so far, retries included (tests and benchmarks count them)

    async def __call__(self, item: Item) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._drainer is None:
            self._drainer = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[: self.MAX_BATCH], self._waiting[self.MAX_BATCH :]
                await self._send(batch)
        finally:
            self._drainer = None

    async def _send(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        self.statements += 1
        try:
            results = await self._write([item for item, _ in batch])
        except Exception as error:
            if len(batch) > 1:  # one bad row must not fail the others: retry each on its own
                for single in batch:
                    await self._send([single])
                return
            _, future = batch[0]
            if not future.done():
                future.set_exception(error)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():  # done already: its caller was cancelled
                future.set_result(result)


Arrival = tuple[int, int, int, str, datetime]  # user, chat, message id, text, received at
# A new message's row, its sender's settings and their conversation row in its chat (state_json, last_row,
# rest_due, rest_s; None before the first): what one arrival statement hands back.
Arrived = tuple[int, UserSettings, Sequence[Any] | None]
InboxUpdate = tuple[int, int, str, datetime]  # update id, sender, payload, received at
Best = BestRow  # load, reps, rir, amrap, the unit it was written in
Query = tuple[str, list[object]]  # SQL and its parameters


class ConversationWrite(NamedTuple):
    """What `save_conversation` stores, ready for the dialect's one statement."""

    user_id: int
    chat_id: int
    state_json: str
    row: int | None
    moved: bool
    context_json: str | None  # the state the message was read in
    rest: RestChange
    rest_due: datetime | None
    rest_s: int | None
    idle_due: datetime | None  # when the session closes for want of a set
    frontend: Frontend  # whose sweep pings it


# row, user, kind, feedback, sets, and the conversation after the message (written in the same statement)
Outcome = tuple[int, int, str, str | None, list[tuple[ParsedSet, datetime]], ConversationWrite | None]


def conversation_write(
    frontend: Frontend, user_id: int, change: ConversationChange, row: int | None
) -> ConversationWrite:
    """What a conversation write stores: the state as JSON, the moment an idle session closes."""
    state = change.state
    idle_due = state.last_at + SESSION_IDLE if state.session_open and state.last_at else None
    context_json = change.before.model_dump_json() if change.before is not None else None
    return ConversationWrite(
        user_id, change.chat_id, state.model_dump_json(), row, change.moved, context_json, change.rest,
        change.rest_due, change.rest_s, idle_due, frontend,
    )  # fmt: skip


class SharedStorage(ABC):
    """The calls both backends make alike. A backend provides its dialect: the SQL behind the abstract
    methods, and how its driver hands back a stored moment or day (`_moment`, `_day`). It is opened for one
    front-end (`frontend`), which it stamps on what it writes and by which it claims due work."""

    PRESS_MEMORY = timedelta(days=2)  # Telegram keeps an update at most 24 h: older presses cannot come back
    LAST_TIME_SETS = 40  # more than any one session of one exercise
    STALE_TIMER_CLAIM = 60  # seconds: a live sweeper sends a ping in well under this

    def __init__(self, frontend: Frontend) -> None:
        self.frontend = frontend
        self._arrivals = GroupWrite(self._insert_arrivals)
        self._outcomes = GroupWrite(self._insert_outcomes)
        self._answers = GroupWrite(self._mark_answered)
        self._inbox = GroupWrite(self._inbox_insert)
        self._recent = RecentCache()

    @property
    def group_writes(self) -> dict[str, GroupWrite[Any, Any]]:
        """The group-commit queues by kind of write, for tests and benchmarks that count statements."""
        return {"arrivals": self._arrivals, "outcomes": self._outcomes, "answers": self._answers, "inbox": self._inbox}

    def drop_kept(self, user_id: int) -> None:
        self._recent.drop(user_id)

    def _whole_query(
        self, user_id: int, kept: RecentSets | None, since: datetime, longer: tuple[datetime, Sequence[str]] | None
    ) -> Query:
        """What a copy that does not cover a read is read again as: both reaches, whole."""
        horizon, wider = widened(kept, since, longer)
        return self._recent_query(user_id, horizon, None, wider)

    # The dialect -------------------------------------------------------------------------

    @staticmethod
    @abstractmethod
    def _moment(value: Any) -> datetime:
        """A stored moment as the driver returns it, as an aware datetime."""

    @staticmethod
    @abstractmethod
    def _day(value: Any) -> date:
        """A stored day as the driver returns it."""

    @abstractmethod
    async def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]: ...

    @abstractmethod
    async def _insert_arrivals(self, messages: list[Arrival]) -> list[Arrived | None]:
        """New messages of known lifters, with each sender's settings and conversation row in that chat;
        None where that needs the long way."""

    @abstractmethod
    async def _insert_outcomes(self, outcomes: list[Outcome]) -> list[None]:
        """Each outcome, and the conversation write it carries, in one statement (atomic together)."""

    @abstractmethod
    async def _mark_answered(self, messages: list[tuple[int, int]]) -> list[None]: ...

    @abstractmethod
    async def _inbox_insert(self, updates: list[InboxUpdate]) -> list[None]: ...

    @abstractmethod
    async def user(self, user_id: int, chat_id: int | None = None, now: datetime | None = None) -> UserSettings: ...

    @abstractmethod
    async def record_message(
        self, user_id: int, chat_id: int, message_id: int, text: str, received_at: datetime
    ) -> StoredMessage: ...

    @staticmethod
    @abstractmethod
    def _history_query(user_id: int, since: datetime, longer: tuple[datetime, Sequence[str]] | None) -> Query:
        """Sets from `since` on (plus `longer`'s exercises back to its moment) as one JSON array, oldest first."""

    @staticmethod
    @abstractmethod
    def _recent_query(
        user_id: int, since: datetime, after: int | None, longer: tuple[datetime, Sequence[str]] | None
    ) -> Query:
        """One JSON object (`recent.Recent`): the lifter's edit count and their sets from `since` on, plus
        `longer`'s exercises back to its moment (only those stored after key `after`, if given), oldest first,
        each with its message row, position and key."""

    @staticmethod
    @abstractmethod
    def _checkins_query(user_id: int, since: date) -> Query:
        """Check-ins from `since` on as one JSON array, oldest first."""

    @abstractmethod
    def _last_sets_query(self, user_id: int, exercises: Sequence[str], before: datetime) -> Query:
        """The newest `LAST_TIME_SETS` of each exercise before `before` as one JSON array, oldest first."""

    @staticmethod
    @abstractmethod
    def _bests_query(
        user_id: int, exercises: Sequence[str], before: datetime | None, done_before: datetime | None
    ) -> Query:
        """exercise, load, reps, rir, amrap, unit rows from `set_bests`."""

    @staticmethod
    @abstractmethod
    def _bests_json_query(
        user_id: int, exercises: Sequence[str], before: datetime | None, done_before: datetime | None
    ) -> Query:
        """`_bests_query`'s rows as one JSON array of [exercise, load, reps, rir, amrap, unit] arrays."""

    @staticmethod
    @abstractmethod
    def _inbox_claim_query(worker: str, now: datetime, stale: timedelta, limit: int) -> Query:
        """One statement that claims each lifter's oldest pending update for `worker` and returns the claimed
        update_id, user_id, payload rows (two workers never take the same update)."""

    @abstractmethod
    async def _write_conversation(self, write: ConversationWrite) -> None: ...

    @abstractmethod
    async def conversation(self, user_id: int, chat_id: int) -> Conversation: ...

    async def _row(self, sql: str, params: Sequence[object] = ()) -> Any:
        rows = await self._rows(sql, params)
        return rows[0] if rows else None

    # Stored rows as models ---------------------------------------------------------------

    def _user_from_row(self, row: Sequence[Any]) -> UserSettings:
        """A row of `USER_COLUMNS`."""
        return UserSettings(
            id=row[0],
            unit=row[1],
            experience=Experience(row[2]),
            timezone=row[3],
            checkin_time=row[4],
            checkins_on=bool(row[5]),
            next_checkin_utc=self._moment(row[6]) if row[6] else None,
            chat_id=row[7],
            awaiting=row[8],
            block_started_on=self._day(row[9]) if row[9] else None,
            language=row[10],
            unit_set_at=self._moment(row[11]) if row[11] else None,
            unit_hint_at=self._moment(row[12]) if row[12] else None,
        )

    def _claim_from_row(self, row: Sequence[Any]) -> Claim:
        """id, unit, experience, timezone, checkin_time, chat_id, claimed_due, checkin_sent_for, language (the
        prompt goes out in the lifter's chosen language: there is no message to read one from)."""
        return Claim(
            user=UserSettings(
                id=row[0],
                unit=row[1],
                experience=Experience(row[2]),
                timezone=row[3],
                checkin_time=row[4],
                checkins_on=True,
                chat_id=row[5],
                language=row[8],
            ),
            due=self._moment(row[6]),
            already_sent=row[7] == row[6],
        )

    def _timer_claim_from_row(self, kind: TimerKind, row: Sequence[Any]) -> TimerClaim:
        """user_id, chat_id, state_json, the due moment, rest_s."""
        return TimerClaim(
            kind=kind,
            user_id=row[0],
            chat_id=row[1],
            state=State.model_validate_json(row[2]),
            due=self._moment(row[3]),
            seconds=row[4],
        )

    def _conversation_from_row(self, row: Sequence[Any] | None) -> Conversation:
        """state_json, last_row, rest_due, rest_s; a fresh conversation where there is no row yet."""
        if row is None:
            return Conversation(state=State())
        return Conversation(
            state=State.model_validate_json(row[0]),
            last_row=row[1],
            rest_due=self._moment(row[2]) if row[2] else None,
            rest_s=row[3],
        )

    def _context_from_row(self, row: Sequence[Any] | None) -> MessageContext | None:
        """context_json, received_at."""
        if row is None:
            return None
        state = State.model_validate_json(row[0]) if row[0] else None
        return MessageContext(state=state, received_at=self._moment(row[1]))

    # The calls that are the same on every backend -----------------------------------------

    async def arrive(
        self, user_id: int, chat_id: int, message_id: int, text: str, received_at: datetime
    ) -> tuple[UserSettings, StoredMessage]:
        # The usual case (a known lifter, a message seen for the first time) is one statement, shared with
        # other lifters' messages arriving at the same moment; first contact, a changed chat and a
        # re-delivered update take the long way.
        # The conversation in that chat comes back with it, so reading the state costs no trip of its own.
        inserted = await self._arrivals((user_id, chat_id, message_id, text, received_at))
        if inserted is not None:
            row, user, conversation = inserted
            if user.chat_id != chat_id:
                user = await self.user(user_id, chat_id, received_at)
            return user, StoredMessage(
                row=row, is_new=True, answered=False, conversation=self._conversation_from_row(conversation)
            )
        user = await self.user(user_id, chat_id, received_at)
        stored = await self.record_message(user_id, chat_id, message_id, text, received_at)
        if stored.answered:  # a replay of an answered message: nothing more is read
            return user, stored
        return user, stored.model_copy(update={"conversation": await self.conversation(user_id, chat_id)})

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
        # `times` gives each set its own moment (an imported workout); otherwise all share `performed_at`.
        moment = performed_at or datetime.now(UTC)
        moments = list(times) if times else [moment] * len(sets)
        feedback_json = FEEDBACK.dump_json(list(feedback)).decode() if feedback else None
        write = conversation_write(self.frontend, user_id, conversation, row) if conversation is not None else None
        await self._outcomes((row, user_id, kind, feedback_json, list(zip(sets, moments, strict=True)), write))

    async def mark_answered(self, user_id: int, row: int) -> None:
        await self._answers((row, user_id))

    async def inbox_put(self, update_id: int, user_id: int, payload: str, received_at: datetime) -> None:
        await self._inbox((update_id, user_id, payload, received_at))

    async def history(
        self, user_id: int, since: datetime, longer: tuple[datetime, Sequence[str]] | None = None
    ) -> list[LoggedSet]:
        row = await self._row(*self._history_query(user_id, since, longer))
        return HISTORY.validate_json(row[0]) if row and row[0] else []

    async def coach_data(
        self,
        user_id: int,
        since: datetime,
        checkins_since: date,
        longer: tuple[datetime, Sequence[str]] | None = None,
        bests: tuple[Sequence[str], datetime | None] | None = None,
    ) -> CoachData:
        # The history comes from the lifter's parsed recent sets (bot/storage/recent.py): the trip reads only the
        # sets stored since the copy's last, and the edit count that says whether the copy still holds.
        kept = self._recent.get(user_id)
        usable = kept if kept is not None and kept.covers(since, longer) else None
        if usable is not None:
            recent = self._recent_query(user_id, usable.reach, usable.last, None)
        else:
            recent = self._whole_query(user_id, kept, since, longer)
        queries = [recent, self._checkins_query(user_id, checkins_since)]
        exercises = list(bests[0]) if bests is not None else []
        if exercises and bests is not None:
            queries.append(self._bests_json_query(user_id, exercises, None, bests[1]))
        sql = "SELECT " + ", ".join(f"({query})" for query, _ in queries)
        row = await self._row(sql, [value for _, params in queries for value in params])
        assert row is not None  # one trip for all of them
        read = RECENT.validate_json(row[0])
        if usable is not None and read.edits == usable.edits:
            usable.add(read)
            kept = usable
        else:
            if usable is not None:  # sets were edited, undone or removed since: the copy is read again whole
                again = await self._row(*self._whole_query(user_id, kept, since, longer))
                read = RECENT.validate_json(again[0])
            kept = RecentSets(*widened(kept, since, longer), read)
            self._recent.put(user_id, kept)
        kept.trim(since)
        found = bests_from_rows(exercises, json.loads(row[2])) if exercises else {}
        return CoachData(kept.select(since, longer), CHECKINS.validate_json(row[1]), found)

    async def checkins(self, user_id: int, since: date) -> list[CheckIn]:
        row = await self._row(*self._checkins_query(user_id, since))
        return CHECKINS.validate_json(row[0]) if row and row[0] else []

    async def last_sets(self, user_id: int, exercises: Sequence[str], before: datetime) -> list[LoggedSet]:
        if not exercises:
            return []
        row = await self._row(*self._last_sets_query(user_id, exercises, before))
        return HISTORY.validate_json(row[0]) if row and row[0] else []

    async def exercise_bests(
        self,
        user_id: int,
        exercises: Sequence[str],
        before: datetime | None = None,
        done_before: datetime | None = None,
    ) -> dict[str, list[Best]]:
        if not exercises:
            return {}
        return bests_from_rows(exercises, await self._rows(*self._bests_query(user_id, exercises, before, done_before)))

    async def save_conversation(self, user_id: int, change: ConversationChange, row: int | None = None) -> None:
        await self._write_conversation(conversation_write(self.frontend, user_id, change, row))

    async def inbox_pending(self) -> list[tuple[int, int, str]]:
        # Portable SQL: the same text on every backend.
        return inbox_rows(
            await self._rows("SELECT update_id, user_id, payload FROM inbox WHERE done_at IS NULL ORDER BY update_id")
        )

    async def inbox_claim(
        self, worker: str, now: datetime, stale: timedelta, limit: int = 100
    ) -> list[tuple[int, int, str]]:
        return sorted(inbox_rows(await self._rows(*self._inbox_claim_query(worker, now, stale, limit))))

    async def checkin_on(self, user_id: int, day: date) -> CheckIn | None:
        found = await self.checkins(user_id, since=day)
        return next((checkin for checkin in found if checkin.day == day), None)


def check_user_fields(fields: Iterable[str]) -> None:
    unknown = set(fields) - USER_FIELDS
    if unknown:
        raise ValueError(f"not user settings: {sorted(unknown)}")


def bests_from_rows(exercises: Sequence[str], rows: Iterable[Sequence[Any]]) -> dict[str, list[Best]]:
    """exercise, load, reps, rir, amrap, unit rows by exercise (every exercise asked for has a list)."""
    found: dict[str, list[Best]] = {name: [] for name in exercises}
    for name, load, reps, rir, amrap, unit in rows:
        found[name].append(
            (None if load is None else float(load), int(reps), None if rir is None else float(rir), bool(amrap), unit)
        )
    return found


def inbox_rows(rows: Iterable[Sequence[Any]]) -> list[tuple[int, int, str]]:
    """update_id, user_id, payload rows, as the contract hands them over."""
    return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]
