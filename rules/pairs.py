"""Pairs written `A > B`: post-exhaust, pre-exhaust, or a plain superset."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from rules.catalog import Exercise, Kind, lookup
from rules.context import Context
from rules.models import Experience, Feedback, Level, Param, ParsedSet, remark
from rules.sources import Source

POST = Source.POST_EXHAUST_GUIDE

# Post-exhaust guide: compound 6-10 reps at 75-85% 1RM, isolation 12-20 reps to 0-1 RIR, 30-90 s between.
COMPOUND_REPS = (6, 10)
ISOLATION_REPS = (12, 20)
ISOLATION_MAX_RIR = 1
PAIR_REST_S = (30, 90)
PRE_EXHAUST_LOSS = (0.10, 0.20)  # "pre-exhaust can reduce your loads on compound movements by 10-20%"
COMPOUND_LOAD = (0.75, 0.85)  # "Load: 75-85% 1RM (moderate to heavy)"
# Pairs per workout by experience (beginners 1, intermediate 2-3, advanced 3-4).
MAX_PAIRS_PER_WORKOUT: dict[Experience, int] = {
    Experience.BEGINNER: 1,
    Experience.INTERMEDIATE: 3,
    Experience.ADVANCED: 4,
}


# The guide's classic pairs, muscle -> (compounds, compound reps, isolations, isolation reps).
CLASSIC_PAIRS: dict[str, tuple[tuple[str, ...], tuple[int, int], tuple[str, ...], tuple[int, int]]] = {
    "chest": (("Bench Press", "Dip"), (6, 10), ("Dumbbell Fly", "Cable Fly"), (12, 15)),
    "lats": (("Barbell Row", "Pull-Up"), (6, 10), ("Straight-Arm Pulldown", "Dumbbell Pullover"), (12, 15)),
    "upper_back": (("Barbell Row", "Pull-Up"), (6, 10), ("Straight-Arm Pulldown", "Dumbbell Pullover"), (12, 15)),
    "shoulders": (("Overhead Press", "Arnold Press"), (6, 10), ("Lateral Raise", "Front Raise"), (12, 15)),
    "quads": (("Back Squat", "Leg Press"), (8, 12), ("Leg Extension",), (15, 20)),
    "hamstrings": (("Romanian Deadlift", "Stiff-Leg Deadlift"), (8, 10), ("Lying Leg Curl", "Seated Leg Curl"),
                   (12, 15)),
    "triceps": (("Close-Grip Bench Press", "Dip"), (6, 10), ("Triceps Pressdown", "Overhead Triceps Extension"),
                (12, 15)),
}  # fmt: skip


class PairKind(StrEnum):
    POST_EXHAUST = "post_exhaust"
    PRE_EXHAUST = "pre_exhaust"
    SUPERSET = "superset"


def classify(first: Exercise | None, second: Exercise | None) -> tuple[PairKind, str | None]:
    """Which kind of pair, and the muscle the two share (if any)."""
    if first is None or second is None:
        return PairKind.SUPERSET, None
    if first.kind is Kind.COMPOUND and second.kind is Kind.ISOLATION:
        shared = [m for m in second.primary if m in first.muscles]
        if shared:
            return PairKind.POST_EXHAUST, shared[0]
    if first.kind is Kind.ISOLATION and second.kind is Kind.COMPOUND:
        shared = [m for m in first.primary if m in second.muscles]
        if shared:
            return PairKind.PRE_EXHAUST, shared[0]
    return PairKind.SUPERSET, None


def _item(rule: str, level: Level, about: str | None = None, /, **params: Param) -> Feedback:
    return remark(f"pair.{rule}", level, (POST,), about, **params)


def _post_exhaust_checks(compound: ParsedSet, isolation: ParsedSet) -> list[Feedback]:
    items: list[Feedback] = []
    low, high = COMPOUND_REPS
    if not low <= compound.first_reps <= high:
        items.append(
            _item("compound_reps", Level.NOTE, compound.exercise, exercise=compound.exercise,
                  reps=compound.first_reps, low=low, high=high, load_low=COMPOUND_LOAD[0], load_high=COMPOUND_LOAD[1])
        )  # fmt: skip
    low, high = ISOLATION_REPS
    if not low <= isolation.first_reps <= high:
        items.append(
            _item("isolation_reps", Level.NOTE, isolation.exercise, exercise=isolation.exercise,
                  reps=isolation.first_reps, low=low, high=high)
        )  # fmt: skip
    if isolation.rir is not None and isolation.rir > ISOLATION_MAX_RIR:
        items.append(
            _item("isolation_effort", Level.NOTE, isolation.exercise, exercise=isolation.exercise, rir=isolation.rir,
                  max_rir=ISOLATION_MAX_RIR)
        )  # fmt: skip
    rest = compound.rest_s or isolation.rest_s
    low, high = PAIR_REST_S
    if rest is not None and not low <= rest <= high:
        rule = "rest_long" if rest > high else "rest_short"
        items.append(_item(rule, Level.NOTE, rest_s=rest, low=low, high=high))
    return items


def check_pair(first: ParsedSet, second: ParsedSet) -> list[Feedback]:
    kind, muscle = classify(lookup(first.exercise), lookup(second.exercise))
    names = {"first": first.exercise, "second": second.exercise}
    if kind is PairKind.POST_EXHAUST:
        items = _post_exhaust_checks(first, second)
        if not items:
            items.append(_item("post_exhaust", Level.GOOD, muscle=muscle or "", **names))
        return items
    if kind is PairKind.PRE_EXHAUST:
        return [
            _item("pre_exhaust", Level.NOTE, muscle=muscle or "", loss_low=PRE_EXHAUST_LOSS[0],
                  loss_high=PRE_EXHAUST_LOSS[1], **names)
        ]  # fmt: skip
    return [_item("superset", Level.GOOD, **names)]


def pairs_per_workout(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Count distinct pairs today; group numbers restart in every message, so key them by message time."""
    new_groups = {("new", parsed.group) for parsed in new_sets if parsed.group is not None}
    if not new_groups:
        return []
    earlier = {
        (logged.performed_at.isoformat(), logged.set.group)
        for logged in context.session()
        if logged.set.group is not None
    }
    total = earlier | new_groups
    limit = MAX_PAIRS_PER_WORKOUT[context.profile.experience]
    if len(total) <= limit:
        return []
    level = context.profile.experience.value
    return [_item("per_workout", Level.WARN, count=len(total), experience=level, limit=limit)]


def check(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    seen: set[int] = set()
    for parsed in new_sets:
        if parsed.group is None or parsed.group in seen:
            continue
        seen.add(parsed.group)
        members = [s for s in new_sets if s.group == parsed.group]
        first = next(s for s in members if s.pair_position == 0)
        second = next((s for s in members if s.pair_position == 1), None)
        if second is not None:
            items.extend(check_pair(first, second))
    return items + pairs_per_workout(new_sets, context)
