"""Drop sets: continue at a lighter load with little or no rest."""

from __future__ import annotations

import itertools

from rules.catalog import Fit, Kind, lookup
from rules.models import Feedback, Level, Param, ParsedSet, Technique, remark
from rules.sources import Source

ARTICLE = Source.DROP_VS_REST_PAUSE
# Each drop about 10-30% lighter: the article's example drops 100 -> 80 lb (20%); a drop under 10%
# barely lets you continue, one over 30% turns the set into light pump work.
DROP_RANGE = (0.10, 0.30)


def _item(rule: str, level: Level, parsed: ParsedSet, **params: Param) -> Feedback:
    return remark(f"drop_set.{rule}", level, (ARTICLE,), parsed.exercise, exercise=parsed.exercise, **params)


def exercise_choice(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.fit is not Fit.POOR:
        return []
    rule = "exercise_choice" if exercise.kind is Kind.COMPOUND else "exercise_choice_lift"
    return [_item(rule, Level.WARN, parsed)]


def drop_size(parsed: ParsedSet) -> list[Feedback]:
    low, high = DROP_RANGE
    loads = [segment.load for segment in parsed.segments if segment.load is not None]
    for before, after in itertools.pairwise(loads):
        if before <= 0:
            continue
        drop = (before - after) / before
        if drop < low or drop > high:
            rule = "drop_size_small" if drop < low else "drop_size_big"
            return [_item(rule, Level.NOTE, parsed, before=before, after=after, drop=drop, low=low, high=high)]
    return []


def check(parsed: ParsedSet) -> list[Feedback]:
    if parsed.technique is not Technique.DROP_SET:
        return []
    items = exercise_choice(parsed) + drop_size(parsed)
    if not items:
        items.append(_item("good", Level.GOOD, parsed, drops=len(parsed.segments) - 1, low=DROP_RANGE[0],
                           high=DROP_RANGE[1]))  # fmt: skip
    return items
