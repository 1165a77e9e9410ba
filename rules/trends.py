"""Per-session best e1RM of the main lifts in a message: computed once, read by several rules."""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from rules.catalog import lookup
from rules.context import Context
from rules.e1rm import set_one_rep_max
from rules.models import LoggedSet, ParsedSet, Unit
from rules.units import convert

TREND_LOOKBACK_DAYS = 56  # eight weeks: long enough for a trend, short enough to be this block's


def session_bests(
    exercise: str, new_sets: Sequence[ParsedSet], context: Context, unit: Unit | None = None
) -> list[float]:
    """Best e1RM per training day for `exercise` in `unit` (the lifter's unit unless given), oldest first, this
    session last; kg and lb sets are converted before they are compared."""
    unit = unit or context.profile.unit
    window = context.within(TREND_LOOKBACK_DAYS)
    # Three parts, their bests merged day by day: the eight weeks' first (partial) day, the whole days after it
    # up to today (kept between messages: they change only when the history does), and today.
    today = context.local_today
    first_day = context.local_date(context.now - timedelta(days=TREND_LOOKBACK_DAYS))
    whole_days = bisect_left(window, _day_begins(first_day + timedelta(days=1), context), key=_moment)
    todays = max(whole_days, bisect_left(window, _day_begins(today, context), key=_moment))
    by_day = dict(_whole_days(exercise, unit, context, window[whole_days:todays]))
    _add_bests(by_day, exercise, unit, context, window[:whole_days])
    _add_bests(by_day, exercise, unit, context, window[todays:])
    for parsed in new_sets:
        value = set_one_rep_max(parsed) if parsed.exercise == exercise else None
        if value is not None:
            value = convert(value, parsed.unit, unit)
            by_day[today] = max(by_day.get(today, 0.0), value)
    return [by_day[day] for day in sorted(by_day)]


def _moment(logged: LoggedSet) -> datetime:
    return logged.performed_at


def _day_begins(day: date, context: Context) -> datetime:
    return datetime.combine(day, time(), context.zone or UTC).astimezone(UTC)


# The whole days before today change only when the history does, and every set of a main lift reads eight weeks of
# them: their bests are kept for the last histories read, each checked set by set to be the very same stored sets
# (frozen, so the same values), and worked out again otherwise. Few: each keeps its sets alive, and every object
# kept is one more the garbage collector's full collections walk (64 of them held ~100,000 objects of stale copies in
# bench/conversation.py, a 30-50 ms pause at session boundaries; a lifter's session needs one per main lift).
_KEPT_HISTORIES = 8
_kept: OrderedDict[tuple[object, ...], tuple[tuple[LoggedSet, ...], dict[date, float]]] = OrderedDict()


def _whole_days(exercise: str, unit: Unit, context: Context, sets: Sequence[LoggedSet]) -> dict[date, float]:
    key = (exercise, unit, context.zone, id(sets[0]) if sets else None)
    found = _kept.get(key)
    same = found is not None and len(found[0]) == len(sets)
    if found is not None and same and all(a is b for a, b in zip(found[0], sets, strict=True)):
        _kept.move_to_end(key)
        return found[1]
    by_day: dict[date, float] = {}
    _add_bests(by_day, exercise, unit, context, sets)
    _kept[key] = (tuple(sets), by_day)
    if len(_kept) > _KEPT_HISTORIES:
        _kept.popitem(last=False)
    return by_day


def _add_bests(
    by_day: dict[date, float], exercise: str, unit: Unit, context: Context, history: Sequence[LoggedSet]
) -> None:
    seen: dict[tuple[float | None, int, float | None, bool, str | None], float | None] = {}
    for logged in history:
        parsed = logged.set
        if parsed.exercise != exercise:
            continue
        key = (parsed.segments[0].load, parsed.segments[0].reps, parsed.rir, parsed.amrap, parsed.unit)
        if key not in seen:  # 5x5 is one estimate, not five
            raw = set_one_rep_max(parsed)
            seen[key] = None if raw is None else convert(raw, parsed.unit, unit)
        value = seen[key]
        if value is not None:
            day = context.local_date(logged.performed_at)
            by_day[day] = max(by_day.get(day, 0.0), value)


def main_lift_bests(new_sets: Sequence[ParsedSet], context: Context) -> dict[str, list[float]]:
    bests: dict[str, list[float]] = {}
    for name in dict.fromkeys(parsed.exercise for parsed in new_sets):
        exercise = lookup(name)
        if exercise is not None and exercise.main_lift:
            bests[name] = session_bests(name, new_sets, context)
    return bests
