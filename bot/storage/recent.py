"""Each lifter's recent sets, parsed once and kept between messages.

A logged set needs weeks of history for its rules (the week's intensifiers, eight weeks of a main lift's
trend). Reading and parsing those few hundred sets again on every message was most of a set's cost; here
they stay parsed, and each message reads only what the database holds that the copy does not.

The database stays the truth. Every read asks it for the sets stored after the last one the copy holds
(`RecentSets.last`: an ever-growing key, SQLite's AUTOINCREMENT id, PostgreSQL's per-lifter insert count)
and for the lifter's count of removed or changed sets (`edits`, kept by triggers). New sets are merged in;
a changed count means an edit, an undo or a deletion happened somewhere (another front-end, another
worker), and the copy is read again whole. So two processes on one database never see a stale history.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime, timedelta
from heapq import merge
from operator import itemgetter

from pydantic import BaseModel, TypeAdapter

from rules.models import LoggedSet

KEEP = timedelta(days=90)  # longer than any look-back the handlers ask for (eight weeks), so trimming never misses
MAX_LIFTERS = 32  # lifters whose sets stay parsed: a busy lifter's eight weeks are ~1,000 sets, 3.2 MB (measured)

Order = tuple[datetime, int, int, int]  # performed_at, message row, position (the order history is read in), key
_MOMENT = itemgetter(0)
_ORDER_OF_PAIR = itemgetter(0)  # (order, set) pairs sort by their order


class Recent(BaseModel):
    """One read: the lifter's edit count, and the sets stored after `after` (or from a moment on), in order.

    `keys` are each set's (message row, position, key) in the same order as `sets`."""

    edits: int
    sets: list[LoggedSet]
    keys: list[tuple[int, int, int]]


RECENT = TypeAdapter(Recent)


class _Timeline:
    """Sets in the order history is read in, with their order keys beside them for bisection."""

    def __init__(self) -> None:
        self.order: list[Order] = []
        self.sets: list[LoggedSet] = []

    def insert(self, order: Order, logged: LoggedSet) -> None:
        at = bisect_left(self.order, order)
        self.order.insert(at, order)
        self.sets.insert(at, logged)

    def drop_before(self, cutoff: datetime) -> list[Order]:
        start = bisect_left(self.order, cutoff, key=_MOMENT)
        dropped = self.order[:start]
        del self.order[:start], self.sets[:start]
        return dropped

    def since(self, moment: datetime) -> list[LoggedSet]:
        return self.sets[bisect_left(self.order, moment, key=_MOMENT) :]

    def between(self, start: datetime, end: datetime) -> list[tuple[Order, LoggedSet]]:
        first, last = bisect_left(self.order, start, key=_MOMENT), bisect_left(self.order, end, key=_MOMENT)
        return list(zip(self.order[first:last], self.sets[first:last], strict=True))


class RecentSets:
    """One lifter's sets from `horizon` on, oldest first, as their history is read; each exercise's too, so
    eight weeks of one lift are a slice, not a scan of everything else done in them."""

    def __init__(self, horizon: datetime, read: Recent) -> None:
        self.horizon = horizon
        self.edits = read.edits
        self.last = 0
        self._all = _Timeline()
        self._by_exercise: dict[str, _Timeline] = {}
        self._keys: set[int] = set()
        self.add(read)

    def covers(self, since: datetime) -> bool:
        return self.horizon <= since

    def __len__(self) -> int:
        return len(self._all.sets)

    def add(self, read: Recent) -> None:
        """Sets stored since the last read, each put where the history's order puts it (an imported or
        back-dated set can land before the newest)."""
        for logged, (row, position, key) in zip(read.sets, read.keys, strict=True):
            if key in self._keys or logged.performed_at < self.horizon:  # merged by a read that overlapped
                continue
            order = (logged.performed_at, row, position, key)
            self._all.insert(order, logged)
            self._by_exercise.setdefault(logged.set.exercise, _Timeline()).insert(order, logged)
            self._keys.add(key)
            self.last = max(self.last, key)

    def trim(self, since: datetime) -> None:
        """Drop what no read from `since` on can ask for any more (reads only move forward in time)."""
        cutoff = since - KEEP
        if cutoff <= self.horizon:
            return
        self._keys.difference_update(key for *_, key in self._all.drop_before(cutoff))
        for name, timeline in list(self._by_exercise.items()):
            timeline.drop_before(cutoff)
            if not timeline.sets:
                del self._by_exercise[name]
        self.horizon = cutoff

    def select(self, since: datetime, longer: tuple[datetime, Sequence[str]] | None) -> list[LoggedSet]:
        """What `Store.history(since, longer)` reads: sets from `since` on, plus `longer`'s exercises back to
        its moment."""
        recent = self._all.since(since)
        if longer is None or longer[0] >= since:
            return recent
        moment = longer[0]
        heads = [self._by_exercise[name].between(moment, since) for name in set(longer[1]) if name in self._by_exercise]
        if len(heads) == 1:
            return [logged for _, logged in heads[0]] + recent
        return [logged for _, logged in merge(*heads, key=_ORDER_OF_PAIR)] + recent


class RecentCache:
    """The lifters whose recent sets are kept, the least recently read dropped first."""

    def __init__(self, size: int = MAX_LIFTERS) -> None:
        self.size = size
        self._lifters: OrderedDict[int, RecentSets] = OrderedDict()

    def get(self, user_id: int, since: datetime) -> RecentSets | None:
        """The lifter's copy if it reaches back to `since`."""
        found = self._lifters.get(user_id)
        if found is None or not found.covers(since):
            return None
        self._lifters.move_to_end(user_id)
        return found

    def put(self, user_id: int, recent: RecentSets) -> None:
        self._lifters[user_id] = recent
        self._lifters.move_to_end(user_id)
        while len(self._lifters) > self.size:
            self._lifters.popitem(last=False)

    def drop(self, user_id: int) -> None:
        self._lifters.pop(user_id, None)
