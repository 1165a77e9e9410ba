"""Failure proximity: most work at RPE 7-9; absolute failure only where it is cheap and safe."""

from __future__ import annotations

from collections.abc import Sequence

from rules import blocks
from rules.catalog import Fit, Kind, lookup
from rules.context import Context
from rules.models import Feedback, Level, ParsedSet, RuleFamily
from rules.sources import Source

PRODUCTIVE_RPE = (7, 9)  # "Most of your training should land in the RPE 7-9 range"
WARM_UP_MAX_RPE = 6  # "RPE 6 is warm-up territory"
COMPOUND_STOP_RIR = (1, 2)  # compounds: "Pull back to RIR 1-2 on your compounds" (technical failure)
# "Most research supports training in the RIR 1-3 range for compounds, RIR 0-1 for isolation exercises."
COMPOUND_RIR = (1, 3)
ISOLATION_RIR = (0, 1)
# "Reserve absolute failure for the last set of isolation exercises only": a second set to failure of one
# isolation exercise in a session means the first was not the last.
FAILURE_SETS_PER_ISOLATION = 1


_item = RuleFamily("effort", (Source.FAILURE_GUIDE,)).on


def heavy_compound_failure(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.kind is not Kind.COMPOUND or parsed.rir is None or parsed.rir > 0:
        return []
    if parsed.amrap:
        return [_item("amrap", Level.GOOD, parsed, exercise=exercise.name)]
    level = Level.WARN if exercise.fit is Fit.POOR else Level.NOTE
    low, high = COMPOUND_STOP_RIR
    return [_item("compound_failure", level, parsed, exercise=exercise.name, low=low, high=high)]


def too_easy(parsed: ParsedSet, context: Context) -> list[Feedback]:
    """RPE 6 and below is warm-up territory (the Foundation weeks of a block aim at 6-7: not flagged there)."""
    if parsed.rpe is None or parsed.rpe > WARM_UP_MAX_RPE or parsed.amrap:
        return []
    phase = blocks.phase_for(context)
    if phase is not None and phase.rpe[0] <= parsed.rpe:
        return []
    low, high = PRODUCTIVE_RPE
    return [_item("too_easy", Level.NOTE, parsed, rpe=parsed.rpe, low=low, high=high)]


def failure_not_last(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """More than one set of an isolation exercise to failure in a session: failure belongs on the last set only."""
    session = [logged.set for logged in context.session()]
    items: list[Feedback] = []
    for name in dict.fromkeys(s.exercise for s in new_sets if s.rir == 0 and not s.amrap):
        exercise = lookup(name)
        if exercise is None or exercise.kind is not Kind.ISOLATION:
            continue
        to_failure = [s for s in (*session, *new_sets) if s.exercise == name and s.rir == 0 and not s.amrap]
        if len(to_failure) > FAILURE_SETS_PER_ISOLATION:
            items.append(_item("failure_not_last", Level.NOTE, to_failure[-1], sets=len(to_failure), exercise=name))
    return items


def check(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    items: list[Feedback] = []
    seen: set[tuple[str, float | None, bool]] = set()
    for parsed in new_sets:
        key = (parsed.exercise, parsed.rir, parsed.amrap)
        if key in seen:  # `3x8 @10` says it once, not three times
            continue
        seen.add(key)
        items.extend(heavy_compound_failure(parsed) + too_easy(parsed, context))
    return items + failure_not_last(new_sets, context)
