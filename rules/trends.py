"""Per-session best e1RM of the main lifts in a message: computed once, read by several rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rules.catalog import lookup
from rules.context import Context
from rules.e1rm import set_one_rep_max
from rules.models import ParsedSet, Unit
from rules.units import convert

TREND_LOOKBACK_DAYS = 56  # eight weeks: long enough for a trend, short enough to be this block's


def session_bests(
    exercise: str, new_sets: Sequence[ParsedSet], context: Context, unit: Unit | None = None
) -> list[float]:
    """Best e1RM per training day for `exercise` in `unit` (the lifter's unit unless given), oldest first, this
    session last; kg and lb sets are converted before they are compared."""
    unit = unit or context.profile.unit
    by_day: dict[date, float] = {}
    seen: dict[tuple[float | None, int, float | None, bool, str | None], float | None] = {}
    for logged in context.within(TREND_LOOKBACK_DAYS):
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
    today = context.local_today
    for parsed in new_sets:
        value = set_one_rep_max(parsed) if parsed.exercise == exercise else None
        if value is not None:
            value = convert(value, parsed.unit, unit)
            by_day[today] = max(by_day.get(today, 0.0), value)
    return [by_day[day] for day in sorted(by_day)]


def main_lift_bests(new_sets: Sequence[ParsedSet], context: Context) -> dict[str, list[float]]:
    bests: dict[str, list[float]] = {}
    for name in dict.fromkeys(parsed.exercise for parsed in new_sets):
        exercise = lookup(name)
        if exercise is not None and exercise.main_lift:
            bests[name] = session_bests(name, new_sets, context)
    return bests
