"""e1RM feedback: AMRAP-based next-block loads, and new bests."""

from __future__ import annotations

from collections.abc import Sequence

from rules.e1rm import AMRAP_TOO_LIGHT_REPS, EPLEY_SOURCE, amrap_targets, estimate
from rules.models import Feedback, Level, ParsedSet
from rules.notation import format_load


def _rounded(load: float, unit: str) -> str:
    step = 2.5 if unit == "kg" else 5.0
    return format_load(round(load / step) * step)


def amrap(parsed: ParsedSet) -> list[Feedback]:
    first = parsed.segments[0]
    if not parsed.amrap or first.load is None:
        return []
    unit = parsed.unit or "kg"
    if first.reps >= AMRAP_TOO_LIGHT_REPS:
        return [
            Feedback(
                rule="e1rm.amrap_too_light",
                level=Level.NOTE,
                text=f"{first.reps} reps on the AMRAP: the weight is too light to estimate a max. Add load before "
                "the next block.",
                why="20+ reps at a weight means it is about 60% of your max or less.",
                source=EPLEY_SOURCE,
                exercise=parsed.exercise,
            )
        ]
    value = estimate(parsed.model_copy(update={"rir": None}))
    if value is None:
        return []
    targets = ", ".join(f"{reps}s at ~{_rounded(load, unit)}" for reps, load, _ in amrap_targets(value.value))
    return [
        Feedback(
            rule="e1rm.amrap_targets",
            level=Level.GOOD,
            text=f"{parsed.exercise} e1RM ≈ {_rounded(value.value, unit)} {unit} (Epley). "
            f"Next block: {targets} {unit}.",
            why="AMRAP reps map to a share of 1RM: 5 ≈ 87%, 8 ≈ 80%, 12 ≈ 70%, 15 ≈ 65%.",
            source=EPLEY_SOURCE,
            exercise=parsed.exercise,
        )
    ]


def new_best(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]]) -> list[Feedback]:
    items: list[Feedback] = []
    amrap_only = {s.exercise for s in new_sets if s.amrap}
    for name, bests in trends.items():
        if name in amrap_only:
            continue
        if len(bests) >= 2 and bests[-1] > max(bests[:-1]):
            unit = next((s.unit for s in new_sets if s.exercise == name and s.unit), "kg")
            items.append(
                Feedback(
                    rule="e1rm.new_best",
                    level=Level.GOOD,
                    text=f"Best {name} e1RM in 8 weeks: {_rounded(bests[-1], unit)} {unit} "
                    f"(was {_rounded(max(bests[:-1]), unit)}).",
                    why="e1RM from the RPE table when you log effort, Epley otherwise.",
                    source=EPLEY_SOURCE,
                    exercise=name,
                )
            )
    return items


def check(new_sets: Sequence[ParsedSet], trends: dict[str, list[float]]) -> list[Feedback]:
    items: list[Feedback] = []
    for parsed in {id(s): s for s in new_sets}.values():
        items.extend(amrap(parsed))
    return items + new_best(new_sets, trends)
