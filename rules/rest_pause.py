"""Rest-pause: a hard first set, then short bursts at the same load."""

from __future__ import annotations

from rules.catalog import Fit, lookup
from rules.context import Context
from rules.exercises import fit_reason
from rules.models import Experience, Feedback, Level, Param, ParsedSet, RuleFamily, Technique
from rules.sources import Source

RP, ARTICLE = Source.REST_PAUSE_GUIDE, Source.DROP_VS_REST_PAUSE
# "The first set should be close enough to failure"; "a small rep buffer is usually the better default"
# (rest-pause guide). The drop-sets article says "to failure"; SetCoach takes the guide's cautious reading.
# The guide gives the buffer no number; RIR 1-2 is the failure guide's (004: "stop 1-2 reps short", "sets taken
# to RIR 1-2 produce essentially the same hypertrophy"), and the remark says whose it is.
FIRST_SET_RIR = (1, 2)  # the small buffer: hard, not theatrical
FIRST_SET_MAX_RIR = FIRST_SET_RIR[1]
USUAL_MAX_BURSTS = 3  # drop sets vs rest-pause article: "repeat this cycle for two or three rounds"
# The guide's stop signals: reps collapse, range shortens, momentum takes over, joint discomfort rises. Only
# the first shows in a log; SetCoach reads a burst of a single rep as reps collapsing (our reading, not a number
# from the guide).
COLLAPSE_REPS = 1
REST_RANGE_S = (10, 20)  # drop sets vs rest-pause article: "a 10 to 20-second break"


_item = RuleFamily("rest_pause", (RP,)).on


def exercise_choice(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None:
        return [_item("unknown_exercise", Level.NOTE, parsed)]
    if exercise.fit is Fit.POOR:
        return [_item("exercise_choice", Level.WARN, parsed, RP, ARTICLE, reason=fit_reason(exercise))]
    if exercise.fit is Fit.OK:
        return [_item("exercise_choice_ok", Level.NOTE, parsed, reason=fit_reason(exercise))]
    return []


def first_set_effort(parsed: ParsedSet) -> list[Feedback]:
    low, high = FIRST_SET_RIR
    if parsed.rir is None:
        return [_item("first_set_effort_missing", Level.NOTE, parsed, low=low, high=high)]
    if parsed.rir > high:
        return [_item("first_set_effort", Level.NOTE, parsed, rir=parsed.rir, low=low, high=high)]
    if parsed.rir < low:
        return [_item("first_set_failure", Level.NOTE, parsed, RP, ARTICLE, Source.FAILURE_GUIDE, rir=parsed.rir,
                      low=low, high=high)]  # fmt: skip
    return []


def bursts(parsed: ParsedSet) -> list[Feedback]:
    first, *rest = (segment.reps for segment in parsed.segments)
    items: list[Feedback] = []
    if len(rest) > USUAL_MAX_BURSTS:
        items.append(_item("burst_count", Level.WARN, parsed, ARTICLE, bursts=len(rest), max_bursts=USUAL_MAX_BURSTS))
    for number, reps in enumerate(rest, start=1):
        if reps <= COLLAPSE_REPS:
            said: dict[str, Param] = {"burst": number, "reps": reps, "first": first, "stop_at": number - 1 or 1}
            items.append(_item("collapse", Level.NOTE, parsed, **said))
            break
    return items


def rest(parsed: ParsedSet) -> list[Feedback]:
    low, high = REST_RANGE_S
    if parsed.rest_s is None or low <= parsed.rest_s <= high:
        return []
    rule = "rest_long" if parsed.rest_s > high else "rest_short"
    return [_item(rule, Level.NOTE, parsed, ARTICLE, rest_s=parsed.rest_s, low=low, high=high)]


def beginner(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if context.profile.experience is not Experience.BEGINNER:
        return []
    return [_item("beginner", Level.NOTE, parsed, ARTICLE)]


def check(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if parsed.technique is not Technique.REST_PAUSE:
        return []
    items = beginner(parsed, context) + exercise_choice(parsed) + first_set_effort(parsed) + bursts(parsed)
    items += rest(parsed)
    # Praise only a set the guide would: a first set with the small buffer, no other remark but a fit caveat.
    if all(item.rule == "rest_pause.exercise_choice_ok" for item in items):
        items.append(_item("good", Level.GOOD, parsed, first=parsed.first_reps, bursts=len(parsed.segments) - 1))
    return items
