"""What both backends share: group commit, stored rows read back as models, and the calls whose logic
does not depend on the dialect. Each backend keeps its SQL and its connection handling; the contract
itself is documented once, in `handlers.ports.Store` and `bot.storage.contract.Backend`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from pydantic import TypeAdapter

from rules.models import CheckIn, Feedback, LoggedSet, ParsedSet

Item = TypeVar("Item")
Result = TypeVar("Result")

HISTORY = TypeAdapter(list[LoggedSet])
SETS = TypeAdapter(list[ParsedSet])
FEEDBACK = TypeAdapter(list[Feedback])
CHECKINS = TypeAdapter(list[CheckIn])

USER_COLUMNS = (
    "id, unit, experience, timezone, checkin_time, checkins_on, next_checkin_utc, chat_id, awaiting, block_started_on, "
    "language"
)
USER_FIELDS = frozenset(  # what update_user may change
    {"unit", "experience", "timezone", "checkin_time", "checkins_on", "next_checkin_utc", "awaiting",
     "block_started_on", "language"}
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
