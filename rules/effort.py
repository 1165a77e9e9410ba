"""Failure proximity: most work at RPE 7-9; absolute failure only where it is cheap and safe."""

from __future__ import annotations

from collections.abc import Sequence

from rules.catalog import Fit, Kind, lookup
from rules.context import Context
from rules.models import Feedback, Level, ParsedSet
from rules.sources import FAILURE_GUIDE

PRODUCTIVE_RPE = (7, 9)  # "Most of your training should land in the RPE 7-9 range"
WARM_UP_MAX_RPE = 6  # "RPE 6 is warm-up territory"
COMPOUND_STOP_RIR = (1, 2)  # compounds: stop 1-2 reps short (technical failure)
GRINDING_SETS = 3  # this many sets of one exercise to failure in a session = grinding every set


def _item(rule: str, level: Level, text: str, why: str, parsed: ParsedSet) -> Feedback:
    return Feedback(
        rule=f"effort.{rule}", level=level, text=text, why=why, source=FAILURE_GUIDE, exercise=parsed.exercise
    )


def heavy_compound_failure(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.kind is not Kind.COMPOUND or parsed.rir is None or parsed.rir > 0:
        return []
    if parsed.amrap:
        return [
            _item(
                "amrap",
                Level.GOOD,
                f"AMRAP on {exercise.name}: the one planned time to go to technical failure on a compound.",
                "An end-of-block AMRAP gives an estimated max for the next block's loads.",
                parsed,
            )
        ]
    level = Level.WARN if exercise.fit is Fit.POOR else Level.NOTE
    low, high = COMPOUND_STOP_RIR
    return [
        _item(
            "compound_failure",
            level,
            f"RPE 10 on {exercise.name}: stop compounds {low}-{high} reps short (technical failure). "
            "Save all-out sets for the last set of isolation work.",
            "Sets to RIR 1-2 build about the same muscle as sets to failure, at a much lower recovery cost; "
            "absolute failure on heavy compounds is where form breaks.",
            parsed,
        )
    ]


def too_easy(parsed: ParsedSet) -> list[Feedback]:
    if parsed.rpe is None or parsed.rpe >= WARM_UP_MAX_RPE or parsed.amrap:
        return []
    low, high = PRODUCTIVE_RPE
    return [
        _item(
            "too_easy",
            Level.NOTE,
            f"RPE {parsed.rpe:g} is warm-up territory; working sets belong at RPE {low}-{high}.",
            "RPE 6 and below leaves 4+ reps in the tank: fine for warm-ups, technique work and deloads.",
            parsed,
        )
    ]


def grinding(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Every set of an exercise to failure in one session."""
    session = [logged.set for logged in context.session()]
    items: list[Feedback] = []
    for exercise in dict.fromkeys(s.exercise for s in new_sets if s.rir == 0 and not s.amrap):
        sets = [s for s in (*session, *new_sets) if s.exercise == exercise]
        if len(sets) >= GRINDING_SETS and all(s.rir == 0 for s in sets):
            items.append(
                _item(
                    "grinding",
                    Level.WARN,
                    f"{len(sets)} sets of {exercise}, every one to failure: more fatigue than growth signal. "
                    "Keep failure for the last set; stop the others at RIR 1-2.",
                    "Going to absolute failure on every set generates more fatigue than muscle signal; "
                    "RPE 10 belongs on the final set.",
                    sets[-1],
                )
            )
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
