"""Pairs written `A > B`: post-exhaust, pre-exhaust, or a plain superset."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from rules.catalog import Exercise, Kind, lookup
from rules.context import Context
from rules.models import Experience, Feedback, Level, ParsedSet
from rules.sources import POST_EXHAUST_GUIDE

# Post-exhaust guide: compound 6-10 reps at 75-85% 1RM, isolation 12-20 reps to 0-1 RIR, 30-90 s between.
COMPOUND_REPS = (6, 10)
ISOLATION_REPS = (12, 20)
ISOLATION_MAX_RIR = 1
PAIR_REST_S = (30, 90)
PRE_EXHAUST_LOSS = "10-20%"  # "pre-exhaust can reduce your loads on compound movements by 10-20%"
# Pairs per workout by experience (beginners 1, intermediate 2-3, advanced 3-4).
MAX_PAIRS_PER_WORKOUT: dict[Experience, int] = {
    Experience.BEGINNER: 1,
    Experience.INTERMEDIATE: 3,
    Experience.ADVANCED: 4,
}


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


def _item(rule: str, level: Level, text: str, why: str, exercise: str | None = None) -> Feedback:
    return Feedback(rule=f"pair.{rule}", level=level, text=text, why=why, source=POST_EXHAUST_GUIDE, exercise=exercise)


def _post_exhaust_checks(compound: ParsedSet, isolation: ParsedSet) -> list[Feedback]:
    items: list[Feedback] = []
    low, high = COMPOUND_REPS
    if not low <= compound.first_reps <= high:
        items.append(
            _item(
                "compound_reps",
                Level.NOTE,
                f"{compound.exercise} for {compound.first_reps}: post-exhaust works best with the compound at "
                f"{low}-{high} reps (heavy, 75-85% of max).",
                "Go heavy on the compound; the isolation is the finisher, not the main event.",
                compound.exercise,
            )
        )
    low, high = ISOLATION_REPS
    if not low <= isolation.first_reps <= high:
        items.append(
            _item(
                "isolation_reps",
                Level.NOTE,
                f"{isolation.exercise} for {isolation.first_reps}: the finisher belongs at {low}-{high} reps.",
                "Higher reps on the isolation finish the muscle without taxing the tired helpers.",
                isolation.exercise,
            )
        )
    if isolation.rir is not None and isolation.rir > ISOLATION_MAX_RIR:
        items.append(
            _item(
                "isolation_effort",
                Level.NOTE,
                f"{isolation.exercise} stopped at RIR {isolation.rir:g}: take the finisher to RIR 0-1.",
                "Stopping short on the isolation leaves the stimulation incomplete (a common post-exhaust mistake).",
                isolation.exercise,
            )
        )
    rest = compound.rest_s or isolation.rest_s
    low, high = PAIR_REST_S
    if rest is not None and not low <= rest <= high:
        items.append(
            _item(
                "rest",
                Level.NOTE,
                f"{rest} s between the two: keep it {low}-{high} s"
                + (" or the post-exhaust effect fades." if rest > high else " so the finisher stays clean."),
                "30-60 s maximises metabolic stress, 60-90 s allows better isolation performance; "
                "over 90 s diminishes the effect.",
            )
        )
    return items


def check_pair(first: ParsedSet, second: ParsedSet) -> list[Feedback]:
    kind, muscle = classify(lookup(first.exercise), lookup(second.exercise))
    if kind is PairKind.POST_EXHAUST:
        items = _post_exhaust_checks(first, second)
        if not items:
            items.append(
                _item(
                    "post_exhaust",
                    Level.GOOD,
                    f"Post-exhaust for {muscle}: {first.exercise} heavy, then {second.exercise} to finish it.",
                    "Compound first keeps the heavy work heavy; the isolation finishes the target muscle.",
                )
            )
        return items
    if kind is PairKind.PRE_EXHAUST:
        return [
            _item(
                "pre_exhaust",
                Level.NOTE,
                f"Pre-exhaust for {muscle}: expect {PRE_EXHAUST_LOSS} less on {second.exercise}. "
                f"Swap the order (post-exhaust) if you want the compound heavy.",
                "Isolation first tires the target muscle, so the compound load drops 10-20%; most coaches prefer "
                "post-exhaust because it preserves compound performance.",
            )
        ]
    return [
        _item(
            "superset",
            Level.GOOD,
            f"Superset: {first.exercise} and {second.exercise} work different muscles, so neither steals from "
            "the other.",
            "Pairs for unrelated muscles save time without pre-fatiguing either lift.",
        )
    ]


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
    return [
        _item(
            "per_workout",
            Level.WARN,
            f"That's pair number {len(total)} today; for a {level} lifter {limit} is the most that recovers well.",
            "Beginners: 1 pair per workout; intermediate: 2-3; advanced: 3-4. Overuse impairs recovery.",
        )
    ]


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
