"""How often intensifiers (rest-pause, drop sets) hit a muscle per week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rules.catalog import lookup
from rules.context import SESSION_HOURS, Context
from rules.models import Feedback, Level, ParsedSet, Technique, remark
from rules.sources import Source

INTENSIFIERS = frozenset({Technique.REST_PAUSE, Technique.DROP_SET})
MAX_INTENSIFIER_DAYS_PER_WEEK = 2  # "use either technique only once or twice per muscle group per week"
WEEK_DAYS = 7


def intensifier_days(context: Context, muscle: str) -> set[object]:
    """Days in the last week, before this session, on which an intensifier hit `muscle`."""
    session_start = context.now - timedelta(hours=SESSION_HOURS)
    days: set[object] = set()
    for logged in context.within(WEEK_DAYS):
        if logged.performed_at >= session_start or logged.set.technique not in INTENSIFIERS:
            continue
        exercise = lookup(logged.set.exercise)
        if exercise is not None and muscle in exercise.primary:
            days.add(logged.performed_at.date())
    return days


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
            days = intensifier_days(context, muscle)
            if len(days) >= MAX_INTENSIFIER_DAYS_PER_WEEK:
                warned.add(muscle)
                items.append(
                    remark("frequency.intensifiers", Level.WARN, (Source.DROP_VS_REST_PAUSE,), parsed.exercise,
                           day=len(days) + 1, muscle=muscle, limit=MAX_INTENSIFIER_DAYS_PER_WEEK)
                )  # fmt: skip
    return items
