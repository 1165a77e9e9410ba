"""Rest-pause: a hard first set, then short bursts at the same load."""

from __future__ import annotations

from rules.catalog import Fit, lookup
from rules.exercises import fit_reason
from rules.models import Feedback, Level, Param, ParsedSet, Technique, remark
from rules.sources import Source

RP, ARTICLE = Source.REST_PAUSE_GUIDE, Source.DROP_VS_REST_PAUSE
# "The first set should be close enough to failure"; "a small rep buffer is the better default".
FIRST_SET_MAX_RIR = 2  # rest-pause guide: hard, not theatrical -> RIR 0-2
USUAL_MAX_BURSTS = 3  # drop sets vs rest-pause article: "repeat this cycle for two or three rounds"
# "Stop when reps collapse" (rest-pause guide): a burst of 1, or under a quarter of the first set.
COLLAPSE_REPS = 1
COLLAPSE_SHARE = 0.25
# A first burst this close to the first set means the first set was not hard or the rest was long.
BIG_BURST_SHARE = 0.75
REST_RANGE_S = (10, 20)  # drop sets vs rest-pause article: "a 10 to 20-second break"


def _item(rule: str, level: Level, parsed: ParsedSet, *sources: str, **params: Param) -> Feedback:
    return remark(f"rest_pause.{rule}", level, sources or (RP,), parsed.exercise, exercise=parsed.exercise, **params)


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
    if parsed.rir is None:
        return [_item("first_set_effort_missing", Level.NOTE, parsed, max_rir=FIRST_SET_MAX_RIR)]
    if parsed.rir > FIRST_SET_MAX_RIR:
        return [_item("first_set_effort", Level.NOTE, parsed, rir=parsed.rir, max_rir=FIRST_SET_MAX_RIR)]
    return []


def bursts(parsed: ParsedSet) -> list[Feedback]:
    first, *rest = (segment.reps for segment in parsed.segments)
    items: list[Feedback] = []
    if len(rest) > USUAL_MAX_BURSTS:
        items.append(_item("burst_count", Level.WARN, parsed, ARTICLE, bursts=len(rest), max_bursts=USUAL_MAX_BURSTS))
    for number, reps in enumerate(rest, start=1):
        if reps <= COLLAPSE_REPS or reps < first * COLLAPSE_SHARE:
            said: dict[str, Param] = {"burst": number, "reps": reps, "first": first, "stop_at": number - 1 or 1}
            share = {"collapse_reps": COLLAPSE_REPS, "collapse_share": COLLAPSE_SHARE}
            items.append(_item("collapse", Level.NOTE, parsed, **said, **share))
            break
    if rest and rest[0] >= first * BIG_BURST_SHARE:
        items.append(_item("big_bursts", Level.NOTE, parsed, burst=rest[0], first=first, share=BIG_BURST_SHARE))
    return items


def rest(parsed: ParsedSet) -> list[Feedback]:
    low, high = REST_RANGE_S
    if parsed.rest_s is None or low <= parsed.rest_s <= high:
        return []
    rule = "rest_long" if parsed.rest_s > high else "rest_short"
    return [_item(rule, Level.NOTE, parsed, ARTICLE, rest_s=parsed.rest_s, low=low, high=high)]


def check(parsed: ParsedSet) -> list[Feedback]:
    if parsed.technique is not Technique.REST_PAUSE:
        return []
    items = exercise_choice(parsed) + first_set_effort(parsed) + bursts(parsed) + rest(parsed)
    if not any(item.level is Level.WARN or item.rule.endswith(("collapse", "big_bursts")) for item in items):
        items.append(_item("good", Level.GOOD, parsed, first=parsed.first_reps, bursts=len(parsed.segments) - 1))
    return items
