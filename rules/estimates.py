"""e1RM feedback: AMRAP-based next-block loads, and new bests."""

from __future__ import annotations

from collections.abc import Sequence

from rules.e1rm import AMRAP_TOO_LIGHT_REPS, EPLEY_SOURCE, amrap_targets, estimate
from rules.models import Feedback, Level, ParamItem, ParsedSet, remark


def rounded(load: float, unit: str) -> float:
    """Loads a lifter can put on the bar: 2.5 kg or 5 lb steps."""
    step = 2.5 if unit == "kg" else 5.0
    return round(load / step) * step


def amrap(parsed: ParsedSet) -> list[Feedback]:
    first = parsed.segments[0]
    if not parsed.amrap or first.load is None:
        return []
    unit = parsed.unit or "kg"
    if first.reps >= AMRAP_TOO_LIGHT_REPS:
        return [remark("e1rm.amrap_too_light", Level.NOTE, (EPLEY_SOURCE,), parsed.exercise, reps=first.reps,
                       too_light=AMRAP_TOO_LIGHT_REPS)]  # fmt: skip
    value = estimate(parsed.model_copy(update={"rir": None}))
    if value is None:
        return []
    targets: tuple[ParamItem, ...] = tuple(
        {"reps": reps, "load": rounded(load, unit), "share": load / value.value}
        for reps, load, _ in amrap_targets(value.value)
    )
    return [
        remark("e1rm.amrap_targets", Level.GOOD, (EPLEY_SOURCE,), parsed.exercise, exercise=parsed.exercise,
               e1rm=rounded(value.value, unit), unit=unit, targets=targets)
    ]  # fmt: skip


def new_best(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]]) -> list[Feedback]:
    items: list[Feedback] = []
    amrap_only = {s.exercise for s in new_sets if s.amrap}
    for name, bests in trends.items():
        if name in amrap_only:
            continue
        if len(bests) >= 2 and bests[-1] > max(bests[:-1]):
            unit = next((s.unit for s in new_sets if s.exercise == name and s.unit), "kg")
            items.append(
                remark("e1rm.new_best", Level.GOOD, (EPLEY_SOURCE,), name, exercise=name,
                       e1rm=rounded(bests[-1], unit), before=rounded(max(bests[:-1]), unit), unit=unit)
            )  # fmt: skip
    return items


def check(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]]) -> list[Feedback]:
    items: list[Feedback] = []
    for parsed in {id(s): s for s in new_sets}.values():
        items.extend(amrap(parsed))
    return items + new_best(new_sets, trends)
