"""How often intensifiers (rest-pause, drop sets) hit a muscle per week: counted in uses, not days."""

from __future__ import annotations

from collections.abc import Sequence

from rules.catalog import lookup
from rules.context import Context
from rules.models import INTENSIFIERS, Feedback, Level, ParsedSet, remark
from rules.sources import Source

# 002: "use either technique only once or twice per muscle group per week": one use is one rest-pause or
# drop set; four rest-pause sets for delts in one session are four uses.
MAX_INTENSIFIER_USES_PER_WEEK = 2
MAX_INTENSIFIER_DAYS_PER_WEEK = MAX_INTENSIFIER_USES_PER_WEEK  # the name other modules import
WEEK_DAYS = 7


def _hits(parsed: ParsedSet, muscle: str) -> bool:
    if parsed.technique not in INTENSIFIERS or parsed.warmup:
        return False
    exercise = lookup(parsed.exercise)
    return exercise is not None and muscle in exercise.primary


def intensifier_uses(context: Context, muscle: str) -> int:
    """Rest-pause and drop sets that hit `muscle` (as a primary mover) in the last 7 days, this session included."""
    return sum(1 for logged in context.within(WEEK_DAYS) if _hits(logged.set, muscle))


def check(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    warned: set[str] = set()
    for parsed in new_sets:
        exercise = lookup(parsed.exercise)
        if parsed.technique not in INTENSIFIERS or exercise is None:
            continue
        for muscle in exercise.primary:
            if muscle in warned:
                continue
            uses = intensifier_uses(context, muscle) + sum(1 for s in new_sets if _hits(s, muscle))
            if uses > MAX_INTENSIFIER_USES_PER_WEEK:
                warned.add(muscle)
                items.append(
                    remark("frequency.intensifiers", Level.WARN, (Source.DROP_VS_REST_PAUSE,), parsed.exercise,
                           uses=uses, muscle=muscle, limit=MAX_INTENSIFIER_USES_PER_WEEK)
                )  # fmt: skip
    return items
