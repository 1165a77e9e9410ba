"""Failure proximity: most work at RPE 7-9; absolute failure only where it is cheap and safe."""

from __future__ import annotations

from collections.abc import Sequence

from rules.catalog import Fit, Kind, lookup
from rules.context import Context
from rules.models import Feedback, Level, Param, ParsedSet, remark
from rules.sources import Source

PRODUCTIVE_RPE = (7, 9)  # "Most of your training should land in the RPE 7-9 range"
WARM_UP_MAX_RPE = 6  # "RPE 6 is warm-up territory"
COMPOUND_STOP_RIR = (1, 2)  # compounds: stop 1-2 reps short (technical failure)
GRINDING_SETS = 3  # this many sets of one exercise to failure in a session = grinding every set


def _item(rule: str, level: Level, parsed: ParsedSet, **params: Param) -> Feedback:
    return remark(
        f"effort.{rule}", level, (Source.FAILURE_GUIDE,), parsed.exercise, **{"exercise": parsed.exercise, **params}
    )


def heavy_compound_failure(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.kind is not Kind.COMPOUND or parsed.rir is None or parsed.rir > 0:
        return []
    if parsed.amrap:
        return [_item("amrap", Level.GOOD, parsed, exercise=exercise.name)]
    level = Level.WARN if exercise.fit is Fit.POOR else Level.NOTE
    low, high = COMPOUND_STOP_RIR
    return [_item("compound_failure", level, parsed, exercise=exercise.name, low=low, high=high)]


def too_easy(parsed: ParsedSet) -> list[Feedback]:
    if parsed.rpe is None or parsed.rpe >= WARM_UP_MAX_RPE or parsed.amrap:
        return []
    low, high = PRODUCTIVE_RPE
    return [_item("too_easy", Level.NOTE, parsed, rpe=parsed.rpe, low=low, high=high)]


def grinding(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Every set of an exercise to failure in one session."""
    session = [logged.set for logged in context.session()]
    items: list[Feedback] = []
    for exercise in dict.fromkeys(s.exercise for s in new_sets if s.rir == 0 and not s.amrap):
        sets = [s for s in (*session, *new_sets) if s.exercise == exercise]
        if len(sets) >= GRINDING_SETS and all(s.rir == 0 for s in sets):
            items.append(_item("grinding", Level.WARN, sets[-1], sets=len(sets), exercise=exercise))
    return items


def check(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    seen: set[tuple[str, float | None, bool]] = set()
    for parsed in new_sets:
        key = (parsed.exercise, parsed.rir, parsed.amrap)
        if key in seen:  # `3x8 @10` says it once, not three times
            continue
        seen.add(key)
        items.extend(heavy_compound_failure(parsed) + too_easy(parsed))
    return items + grinding(new_sets, context)
