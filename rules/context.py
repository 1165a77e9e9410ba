"""What the rules may know besides the new sets: history, check-ins, the lifter, and `now`."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from rules.models import CheckIn, LifterProfile, LoggedSet

SESSION_HOURS = 6  # sets logged within this window count as one workout


@dataclass(frozen=True)
class Context:
    """A bundle of already-validated data (a dataclass, so 30,000 history rows are not re-validated).

    `history` is sorted by `performed_at`, oldest first; `checkins` by day, oldest first.
    """

    now: datetime
    history: Sequence[LoggedSet] = ()
    checkins: Sequence[CheckIn] = ()
    profile: LifterProfile = field(default_factory=LifterProfile)
    today: date | None = None  # the lifter's local date; defaults to now's date in `zone`
    block_start: date | None = None  # first day (local) of the lifter's 12-week block, if one is running
    zone: tzinfo | None = None  # the lifter's time zone (None: UTC); handlers pass it, rules never read a clock

    def since(self, moment: datetime) -> Sequence[LoggedSet]:
        """History from `moment` on, found by bisection: cheap however long the history is."""
        start = bisect_left(self.history, moment, key=lambda logged: logged.performed_at)
        return self.history[start:]

    def within(self, days: float) -> Sequence[LoggedSet]:
        return self.since(self.now - timedelta(days=days))

    def session(self) -> Sequence[LoggedSet]:
        return self.since(self.now - timedelta(hours=SESSION_HOURS))

    def local_date(self, moment: datetime) -> date:
        """The lifter's calendar day at `moment`: a Tokyo set at 00:30 UTC is on the next day there."""
        return moment.astimezone(self.zone).date() if self.zone is not None else moment.date()

    @property
    def local_today(self) -> date:
        return self.today or self.local_date(self.now)
