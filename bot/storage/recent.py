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


Longer = tuple[datetime, Sequence[str]]  # `Store.history`'s: these exercises back to that moment


class RecentSets:
    """One lifter's sets from `horizon` on, and some exercises' (`lifts_from`) from earlier moments, oldest
    first, as their history is read; each exercise's too, so eight weeks of one lift are a slice, not a scan of
    everything else done in them. It holds what the reads so far asked for, no more: a set of a main lift asks
    for a week of everything and eight weeks of that lift, so a lifter not kept costs what a read always cost."""

    def __init__(self, horizon: datetime, longer: Longer | None, read: Recent) -> None:
        """`read`: the sets from `horizon` on, plus `longer`'s exercises back to its moment."""
        self.horizon = horizon
        self.lifts_from = {name: longer[0] for name in longer[1] if longer[0] < horizon} if longer else {}
        self.edits = read.edits
        self.last = 0
        self._all = _Timeline()
        self._by_exercise: dict[str, _Timeline] = {}
        self._keys: set[int] = set()
        self.add(read)

    @property
    def reach(self) -> datetime:
        """How far back any of it goes: a read of what is new asks from here."""
        return min([self.horizon, *self.lifts_from.values()])

    def covers(self, since: datetime, longer: Longer | None) -> bool:
        if self.horizon > since:
            return False
        if longer is None or longer[0] >= self.horizon:
            return True
        return all(self.lifts_from.get(name, self.horizon) <= longer[0] for name in longer[1])

    def __len__(self) -> int:
        return len(self._all.sets)

    def add(self, read: Recent) -> None:
        """Sets stored since the last read, each put where the history's order puts it (an imported or
        back-dated set can land before the newest)."""
        for logged, (row, position, key) in zip(read.sets, read.keys, strict=True):
            if key in self._keys:  # merged by a read that overlapped
                continue
            if logged.performed_at < self.lifts_from.get(logged.set.exercise, self.horizon):
                continue  # older than anything read of that exercise
            order = (logged.performed_at, row, position, key)
            self._all.insert(order, logged)
            self._by_exercise.setdefault(logged.set.exercise, _Timeline()).insert(order, logged)
            self._keys.add(key)
            self.last = max(self.last, key)

    def trim(self, since: datetime) -> None:
        """Drop what no read from `since` on can ask for any more (reads only move forward in time)."""
        cutoff = since - KEEP
        if cutoff <= self.reach:
            return
        self._keys.difference_update(key for *_, key in self._all.drop_before(cutoff))
        for name, timeline in list(self._by_exercise.items()):
            timeline.drop_before(cutoff)
            if not timeline.sets:
                del self._by_exercise[name]
        self.horizon = max(self.horizon, cutoff)
        self.lifts_from = {name: moment for name, moment in self.lifts_from.items() if moment >= cutoff}

    def select(self, since: datetime, longer: Longer | None) -> list[LoggedSet]:
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


def widened(kept: RecentSets | None, since: datetime, longer: Longer | None) -> tuple[datetime, Longer | None]:
    """What to read whole for a read the copy does not cover: the read's reach and the copy's together (the
    exercises read further back all go back to the earliest of their moments)."""
    horizon = since if kept is None else min(since, kept.horizon)
    lifts = {} if kept is None else dict(kept.lifts_from)
    if longer is not None and longer[0] < horizon:
        for name in longer[1]:
            lifts[name] = min(lifts.get(name, longer[0]), longer[0])
    lifts = {name: moment for name, moment in lifts.items() if moment < horizon}
    return horizon, (min(lifts.values()), sorted(lifts)) if lifts else None


class RecentCache:
    """The lifters whose recent sets are kept, the least recently read dropped first."""

    def __init__(self, size: int = MAX_LIFTERS) -> None:
        self.size = size
        self._lifters: OrderedDict[int, RecentSets] = OrderedDict()

    def get(self, user_id: int) -> RecentSets | None:
        found = self._lifters.get(user_id)
        if found is not None:
            self._lifters.move_to_end(user_id)
        return found

    def put(self, user_id: int, recent: RecentSets) -> None:
        self._lifters[user_id] = recent
        self._lifters.move_to_end(user_id)
        while len(self._lifters) > self.size:
            self._lifters.popitem(last=False)

    def drop(self, user_id: int) -> None:
        self._lifters.pop(user_id, None)
