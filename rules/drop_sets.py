"""Drop sets: continue at a lighter load with little or no rest."""

from __future__ import annotations

import itertools

from rules.catalog import Fit, Kind, lookup
from rules.models import Feedback, Level, ParsedSet, Technique
from rules.sources import DROP_VS_REST_PAUSE

# Each drop about 10-30% lighter: the article's example drops 100 -> 80 lb (20%); a drop under 10%
# barely lets you continue, one over 30% turns the set into light pump work.
DROP_RANGE = (0.10, 0.30)


def _item(rule: str, level: Level, text: str, why: str, parsed: ParsedSet) -> Feedback:
    return Feedback(
        rule=f"drop_set.{rule}", level=level, text=text, why=why, source=DROP_VS_REST_PAUSE, exercise=parsed.exercise
    )


def exercise_choice(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.fit is not Fit.POOR:
        return []
    kind = "compound" if exercise.kind is Kind.COMPOUND else "lift"
    return [
        _item(
            "exercise_choice",
            Level.WARN,
            f"Drop sets on {exercise.name} ({kind}) trade safety for fatigue: save them for machines and isolation "
            "work such as leg extensions, lateral raises or cable curls.",
            "Drop sets work best on isolation or machine movements, where form breakdown is less of a danger.",
            parsed,
        )
    ]


def drop_size(parsed: ParsedSet) -> list[Feedback]:
    low, high = DROP_RANGE
    loads = [segment.load for segment in parsed.segments if segment.load is not None]
    for before, after in itertools.pairwise(loads):
        if before <= 0:
            continue
        drop = (before - after) / before
        if drop < low or drop > high:
            direction = "too small to keep going" if drop < low else "so big the set turns into pump work"
            return [
                _item(
                    "drop_size",
                    Level.NOTE,
                    f"The drop {before:g} → {after:g} is {drop:.0%}: {direction}; aim for {low:.0%}-{high:.0%} "
                    "lighter each time.",
                    f"Each drop about {low:.0%}-{high:.0%} lighter keeps the muscle working near failure.",
                    parsed,
                )
            ]
    return []


def check(parsed: ParsedSet) -> list[Feedback]:
    if parsed.technique is not Technique.DROP_SET:
        return []
    items = exercise_choice(parsed) + drop_size(parsed)
    if not items:
        items.append(
            _item(
                "good",
                Level.GOOD,
                f"Clean drop set: {len(parsed.segments) - 1} drops of sensible size.",
                "Isolation or machine work, each drop 10-30% lighter.",
                parsed,
            )
        )
    return items
