"""One entry point for the front-ends: new sets + context in, feedback out (worst first)."""

from __future__ import annotations

from collections.abc import Sequence

from rules import drop_sets, effort, estimates, frequency, pairs, recovery, rest_pause, trends
from rules.context import Context
from rules.models import LEVEL_ORDER, Feedback, ParsedSet

REPLY_ITEMS = 3  # short enough to read between sets


def evaluate(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Every remark the rules have about these sets, most serious first, each said once."""
    items: list[Feedback] = []
    for parsed in {id(s): s for s in new_sets}.values():  # `3x8` repeats one frozen set
        items.extend(rest_pause.check(parsed) + drop_sets.check(parsed))
    items += pairs.check(new_sets, context)
    items += effort.check(new_sets, context)
    items += frequency.check(new_sets, context)
    lift_trends = trends.main_lift_bests(new_sets, context)
    items += recovery.check(new_sets, context, lift_trends)
    items += estimates.check(new_sets, lift_trends, context)
    unique = list({(item.rule, item.exercise, repr(sorted(item.params.items()))): item for item in items}.values())
    return sorted(unique, key=lambda item: LEVEL_ORDER[item.level])


def headline(items: Sequence[Feedback], limit: int = REPLY_ITEMS) -> list[Feedback]:
    """The few items worth a lifter's attention between sets: worst first, praise only if nothing else."""
    serious = [item for item in items if item.level != "good"]
    return list(serious[:limit]) if serious else list(items[:1])
