"""Pairs written `A > B`: post-exhaust, pre-exhaust, or a plain superset; pre-exhaust by order in a session.

Post-exhaust means the isolation "directly hits the primary mover from the compound lift" (the guide's
common mistake 3): bench > lateral raise is not post-exhaust for shoulders. The rounds of one pair (4 x
bench > fly) are one pair; plain supersets are not post-exhaust pairs and do not count toward the limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from rules.catalog import Exercise, Kind, lookup
from rules.context import Context
from rules.models import Experience, Feedback, Level, LoggedSet, ParsedSet, RuleFamily
from rules.recovery import DECLINE_SESSIONS, declining, lingering_soreness, persistent_joints
from rules.sources import Source
from rules.trends import session_bests
from rules.units import convert

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
    POOR_PAIRING = "poor_pairing"  # compound then an isolation for a helper, not the primary mover
    SUPERSET = "superset"


def classify(first: Exercise | None, second: Exercise | None) -> tuple[PairKind, str | None]:
    """Which kind of pair, and the muscle it is about: primary movers only."""
    if first is None or second is None:
        return PairKind.SUPERSET, None
    if first.kind is Kind.COMPOUND and second.kind is Kind.ISOLATION:
        shared = [m for m in second.primary if m in first.primary]
        if shared:
            return PairKind.POST_EXHAUST, shared[0]
        helpers = [m for m in second.primary if m in first.secondary]
        if helpers:
            return PairKind.POOR_PAIRING, first.primary[0]
    if first.kind is Kind.ISOLATION and second.kind is Kind.COMPOUND:
        shared = [m for m in first.primary if m in second.primary]
        if shared:
            return PairKind.PRE_EXHAUST, shared[0]
    return PairKind.SUPERSET, None


def rep_ranges(muscle: str | None) -> tuple[tuple[int, int], tuple[int, int]]:
    """Compound and isolation reps: the guide's pair for that muscle (squat 8-12, leg extension 15-20), else
    its general scheme (6-10, 12-20); the isolation's ceiling is the general 20."""
    if muscle in CLASSIC_PAIRS:
        _, compound, _, (iso_low, _) = CLASSIC_PAIRS[muscle]
        return compound, (iso_low, ISOLATION_REPS[1])
    return COMPOUND_REPS, ISOLATION_REPS


_item = RuleFamily("pair", (POST,)).about


def compound_load(compound: ParsedSet, context: Context) -> list[Feedback]:
    """75-85% of 1RM on the compound, when an e1RM is known from earlier sessions."""
    load = compound.segments[0].load
    if load is None or compound.bodyweight:
        return []
    bests = session_bests(compound.exercise, (), context)
    if not bests:
        return []
    share = convert(load, compound.unit, context.profile.unit) / bests[-1]
    low, high = COMPOUND_LOAD
    if low <= share <= high:
        return []
    rule = "compound_light" if share < low else "compound_heavy"
    # the share is of an e1RM: Epley (failure guide) or, for a set logged with effort, the RPE chart (practice)
    return [_item(rule, Level.NOTE, compound.exercise, POST, Source.FAILURE_GUIDE, Source.PRACTICE,
                  exercise=compound.exercise, share=share, low=low, high=high)]  # fmt: skip


def compound_declining(compound: ParsedSet, new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """The pair's compound losing e1RM session after session (rules/recovery.py's test): cut the pair work.

    Post-exhaust guide: "Monitor your recovery—if compound lift performance declines, reduce post-exhaust
    frequency"; "Track both exercises to ensure your bench press numbers don't decline—if they do, you're using
    post-exhaust too frequently or with insufficient recovery." Compared in the lifter's unit, said in the set's.
    """
    unit = context.profile.unit
    bests = session_bests(compound.exercise, new_sets, context, unit)
    if not declining(bests):
        return []
    said = compound.unit or unit
    before, after = (convert(value, unit, said) for value in (bests[-(DECLINE_SESSIONS + 1)], bests[-1]))
    return [_item("recovery_declining", Level.WARN, compound.exercise, exercise=compound.exercise,
                  sessions=DECLINE_SESSIONS, before=round(before), after=round(after), unit=said)]  # fmt: skip


def _post_exhaust_checks(
    compound: ParsedSet, isolation: ParsedSet, muscle: str | None, context: Context
) -> list[Feedback]:
    items: list[Feedback] = []
    (low, high), (iso_low, iso_high) = rep_ranges(muscle)
    if not low <= compound.first_reps <= high:
        items.append(
            _item("compound_reps", Level.NOTE, compound.exercise, exercise=compound.exercise,
                  reps=compound.first_reps, low=low, high=high, load_low=COMPOUND_LOAD[0], load_high=COMPOUND_LOAD[1])
        )  # fmt: skip
    if not iso_low <= isolation.first_reps <= iso_high:
        items.append(
            _item("isolation_reps", Level.NOTE, isolation.exercise, exercise=isolation.exercise,
                  reps=isolation.first_reps, low=iso_low, high=iso_high)
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
    return items + compound_load(compound, context)


def check_pair(
    first: ParsedSet, second: ParsedSet, context: Context, new_sets: Sequence[ParsedSet] = ()
) -> list[Feedback]:
    kind, muscle = classify(lookup(first.exercise), lookup(second.exercise))
    names = {"first": first.exercise, "second": second.exercise}
    if kind is PairKind.POST_EXHAUST:
        items = compound_declining(first, new_sets or (first,), context)
        items += _post_exhaust_checks(first, second, muscle, context)
        if not items:
            items.append(_item("post_exhaust", Level.GOOD, muscle=muscle or "", **names))
        return items
    if kind is PairKind.PRE_EXHAUST:
        return [
            _item("pre_exhaust", Level.NOTE, muscle=muscle or "", loss_low=PRE_EXHAUST_LOSS[0],
                  loss_high=PRE_EXHAUST_LOSS[1], **names)
        ]  # fmt: skip
    if kind is PairKind.POOR_PAIRING:
        return [_item("poor_pairing", Level.NOTE, second.exercise, muscle=muscle or "", **names)]
    return [_item("superset", Level.GOOD, **names)]


def _pairs_in(sets: Sequence[ParsedSet], key: object) -> dict[object, tuple[ParsedSet, ParsedSet]]:
    grouped: dict[object, list[ParsedSet]] = {}
    for parsed in sets:
        if parsed.group is not None:
            grouped.setdefault((key, parsed.group), []).append(parsed)
    found: dict[object, tuple[ParsedSet, ParsedSet]] = {}
    for group, members in grouped.items():
        first = next((s for s in members if s.pair_position == 0), None)
        second = next((s for s in members if s.pair_position == 1), None)
        if first is not None and second is not None:
            found[group] = (first, second)
    return found


def post_exhaust_pairs(new_sets: Sequence[ParsedSet], session: Sequence[LoggedSet]) -> set[tuple[str, str]]:
    """Distinct post-exhaust pairs in the session: the rounds of one pair are one pair; supersets don't count."""
    found: dict[object, tuple[ParsedSet, ParsedSet]] = {}
    by_message: dict[str, list[ParsedSet]] = {}
    for logged in session:
        by_message.setdefault(logged.performed_at.isoformat(), []).append(logged.set)
    for moment, sets in by_message.items():
        found.update(_pairs_in(sets, moment))
    found.update(_pairs_in(new_sets, "new"))
    return {
        (first.exercise, second.exercise)
        for first, second in found.values()
        if classify(lookup(first.exercise), lookup(second.exercise))[0] is PairKind.POST_EXHAUST
    }


def pairs_per_workout(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    if not post_exhaust_pairs(new_sets, ()):
        return []
    total = post_exhaust_pairs(new_sets, context.session())
    limit = MAX_PAIRS_PER_WORKOUT[context.profile.experience]
    if len(total) <= limit:
        return []
    level = context.profile.experience.value
    return [_item("per_workout", Level.WARN, count=len(total), experience=level, limit=limit)]


def when_not(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """ "When overtrained: skip if recovery is compromised" and the beginner's caution, once per message."""
    if not post_exhaust_pairs(new_sets, ()):
        return []
    items: list[Feedback] = []
    irritated = persistent_joints(context.checkins, context.local_today)
    sore = lingering_soreness(context.checkins, context.local_today)
    if irritated or sore is not None:
        what = irritated[0].what if irritated else "soreness"
        days = irritated[0].days if irritated else (sore.days if sore else 0)
        items.append(_item("recovery", Level.WARN, what=what, days=days))
    if context.profile.experience is Experience.BEGINNER:
        items.append(_item("beginner", Level.NOTE))
    return items


def pre_exhaust_by_order(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """An isolation earlier in the session, then the first compound for the same primary muscle."""
    session = [logged.set for logged in context.session()]
    items: list[Feedback] = []
    for parsed in new_sets:
        compound = lookup(parsed.exercise)
        if compound is None or compound.kind is not Kind.COMPOUND or parsed.group is not None:
            continue
        for muscle in compound.primary:
            earlier = [(s, lookup(s.exercise)) for s in session if s.group is None]
            if any(e is not None and e.kind is Kind.COMPOUND and muscle in e.primary for _, e in earlier):
                continue
            isolation = next(
                (s for s, e in earlier if e is not None and e.kind is Kind.ISOLATION and muscle in e.primary), None
            )
            if isolation is not None:
                items.append(
                    _item("pre_exhaust_order", Level.NOTE, parsed.exercise, muscle=muscle, first=isolation.exercise,
                          second=compound.name, loss_low=PRE_EXHAUST_LOSS[0], loss_high=PRE_EXHAUST_LOSS[1])
                )  # fmt: skip
                return items
    return items


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
            items.extend(check_pair(first, second, context, new_sets))
    items += pairs_per_workout(new_sets, context) + when_not(new_sets, context)
    return items + pre_exhaust_by_order(new_sets, context)
