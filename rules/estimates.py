"""e1RM feedback: AMRAP-based next-block loads, AMRAPs kept for the end of a block, and new bests.

Trend values arrive in the lifter's unit (rules/trends.py); each remark is said in the unit of the set
just logged, so an lb lifter is answered in lb whatever the history holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rules.context import Context
from rules.e1rm import AMRAP_GUIDE, AMRAP_TOO_LIGHT_REPS, EPLEY_SOURCE, MAX_RELIABLE_REPS, amrap_targets, estimate
from rules.models import Feedback, Level, ParamItem, ParsedSet, Unit, remark
from rules.sources import Source
from rules.units import convert, rounded, rounded_pair

# "At the end of a training block ... Not every session": blocks run four weeks (004's 12-week system), so an
# earlier AMRAP of the same lift inside the last three weeks means it is not the end-of-block test.
AMRAP_MIN_GAP_DAYS = 21
# The remarks that state a set's e1RM (rules/session.py's `said_once` keeps a reply from saying it twice):
NEW_BEST = "e1rm.new_best"  # the best in the trend window (rules/trends.py's eight weeks)
AMRAP_E1RM = ("e1rm.amrap_targets", "e1rm.amrap_near_light")  # an AMRAP's, with the next block's loads


def display_unit(parsed: ParsedSet | None, context: Context) -> Unit:
    return (parsed.unit if parsed is not None else None) or context.profile.unit


def targets_for(one_rep_max: float, unit: Unit) -> tuple[ParamItem, ...]:
    """The next block's loads from an AMRAP-based max (failure guide's table), in `unit`."""
    return tuple(
        {"reps": reps, "load": rounded(load, unit), "share": share}
        for (reps, load, _), (_, share, _) in zip(amrap_targets(one_rep_max), AMRAP_GUIDE, strict=True)
    )


def amrap(parsed: ParsedSet) -> list[Feedback]:
    """Whatever effort is written with it (`rir0`, `@10`), an AMRAP is a test to technical failure."""
    first = parsed.segments[0]
    if not parsed.amrap or first.load is None or parsed.bodyweight:
        return []
    unit = parsed.unit or "kg"
    if first.reps >= AMRAP_TOO_LIGHT_REPS:
        return [remark("e1rm.amrap_too_light", Level.NOTE, (EPLEY_SOURCE,), parsed.exercise, reps=first.reps,
                       too_light=AMRAP_TOO_LIGHT_REPS)]  # fmt: skip
    value = estimate(parsed.model_copy(update={"rir": None, "rpe": None}))
    if value is None:
        return []
    rule = "e1rm.amrap_near_light" if first.reps > MAX_RELIABLE_REPS else "e1rm.amrap_targets"
    return [
        remark(rule, Level.GOOD, (EPLEY_SOURCE,), parsed.exercise, exercise=parsed.exercise, reps=first.reps,
               e1rm=rounded(value.value, unit), unit=unit, targets=targets_for(value.value, unit),
               too_light=AMRAP_TOO_LIGHT_REPS)
    ]  # fmt: skip


def amrap_too_often(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if not parsed.amrap:
        return []
    since = context.now - timedelta(days=AMRAP_MIN_GAP_DAYS)
    earlier = [
        logged for logged in context.since(since)
        if logged.set.amrap and logged.set.exercise == parsed.exercise
        and context.local_date(logged.performed_at) != context.local_today
    ]  # fmt: skip
    if not earlier:
        return []
    days = (context.local_today - context.local_date(earlier[-1].performed_at)).days
    return [remark("e1rm.amrap_too_often", Level.NOTE, (Source.FAILURE_GUIDE,), parsed.exercise,
                   exercise=parsed.exercise, days=days)]  # fmt: skip


def new_best(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    amrap_only = {s.exercise for s in new_sets if s.amrap}
    for name, bests in trends.items():
        if name in amrap_only:
            continue
        if len(bests) >= 2 and bests[-1] > max(bests[:-1]):
            unit = display_unit(next((s for s in new_sets if s.exercise == name and s.unit), None), context)
            now, before = (convert(value, context.profile.unit, unit) for value in (bests[-1], max(bests[:-1])))
            e1rm, was = rounded_pair(now, before, unit)
            items.append(
                remark("e1rm.new_best", Level.GOOD, (EPLEY_SOURCE, Source.PRACTICE), name, exercise=name, e1rm=e1rm,
                       before=was, unit=unit)
            )  # fmt: skip
    return items


def check(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    for parsed in {id(s): s for s in new_sets}.values():
        items.extend(amrap(parsed) + amrap_too_often(parsed, context))
    return items + new_best(new_sets, trends, context)
