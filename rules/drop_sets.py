"""Drop sets: continue at a lighter load with little or no rest; isolation and machines, late in the workout.

The article gives no drop size or count ("you can drop once, twice, or more"; its example drops 100 to
80 lb), so SetCoach judges neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from rules.catalog import Fit, Kind, lookup
from rules.context import Context
from rules.models import Experience, Feedback, Level, ParsedSet, RuleFamily, Technique
from rules.sources import Source

ARTICLE = Source.DROP_VS_REST_PAUSE


_item = RuleFamily("drop_set", (ARTICLE,)).on


def exercise_choice(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None or exercise.fit is not Fit.POOR:
        return []
    rule = "exercise_choice" if exercise.kind is Kind.COMPOUND else "exercise_choice_lift"
    return [_item(rule, Level.WARN, parsed)]


def placement(parsed: ParsedSet, context: Context) -> list[Feedback]:
    """ "Drop sets are best used toward the end of a workout": the first set of a session is not the end."""
    if context.session():
        return []
    return [_item("early", Level.NOTE, parsed)]


def beginner(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if context.profile.experience is not Experience.BEGINNER:
        return []
    return [_item("beginner", Level.NOTE, parsed)]


def check(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if parsed.technique is not Technique.DROP_SET:
        return []
    items = beginner(parsed, context) + exercise_choice(parsed) + placement(parsed, context)
    if not items:
        items.append(_item("good", Level.GOOD, parsed, drops=len(parsed.segments) - 1))
    return items


def compound_after_drop_set(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """A heavy compound after a drop set in the same session: the drop set came too early."""
    if not any(logged.set.technique is Technique.DROP_SET for logged in context.session()):
        return []
    for parsed in new_sets:
        exercise = lookup(parsed.exercise)
        if exercise is not None and exercise.kind is Kind.COMPOUND and exercise.fit is Fit.POOR:
            return [_item("before_compound", Level.NOTE, parsed, exercise=exercise.name)]
    return []
