"""Rest-pause: a hard first set, then short bursts at the same load."""

from __future__ import annotations

from rules.catalog import Fit, lookup
from rules.models import Feedback, Level, ParsedSet, Technique
from rules.sources import DROP_VS_REST_PAUSE, REST_PAUSE_DISAGREEMENT, REST_PAUSE_GUIDE

# "The first set should be close enough to failure"; "a small rep buffer is the better default".
FIRST_SET_MAX_RIR = 2  # rest-pause guide: hard, not theatrical -> RIR 0-2
USUAL_MAX_BURSTS = 3  # drop sets vs rest-pause article: "repeat this cycle for two or three rounds"
# "Stop when reps collapse" (rest-pause guide): a burst of 1, or under a quarter of the first set.
COLLAPSE_REPS = 1
COLLAPSE_SHARE = 0.25
# A first burst this close to the first set means the first set was not hard or the rest was long.
BIG_BURST_SHARE = 0.75
REST_RANGE_S = (10, 20)  # drop sets vs rest-pause article: "a 10 to 20-second break"


def _item(rule: str, level: Level, text: str, why: str, source: str, parsed: ParsedSet) -> Feedback:
    return Feedback(rule=f"rest_pause.{rule}", level=level, text=text, why=why, source=source, exercise=parsed.exercise)


def exercise_choice(parsed: ParsedSet) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None:
        return [
            _item(
                "unknown_exercise",
                Level.NOTE,
                f"I don't know {parsed.exercise}; rest-pause suits stable machine, cable and isolation work.",
                "Good candidates keep the target muscle, not balance or bracing, as the limiter.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        ]
    if exercise.fit is Fit.POOR:
        return [
            _item(
                "exercise_choice",
                Level.WARN,
                f"{exercise.name} is a poor rest-pause pick ({exercise.fit_reason}). "
                "Use straight sets with normal rest; keep rest-pause for machine or cable accessories.",
                f"Poor candidates: heavy compounds, Olympic lifts, technical hinges, unstable movements. "
                f"{REST_PAUSE_DISAGREEMENT}",
                REST_PAUSE_GUIDE,
                parsed,
            )
        ]
    if exercise.fit is Fit.OK:
        return [
            _item(
                "exercise_choice",
                Level.NOTE,
                f"{exercise.name} works for rest-pause, but {exercise.fit_reason.removeprefix('usable, but ')}.",
                "Stop the bursts when technique, not the target muscle, starts to limit you.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        ]
    return []


def first_set_effort(parsed: ParsedSet) -> list[Feedback]:
    if parsed.rir is None:
        return [
            _item(
                "first_set_effort_missing",
                Level.NOTE,
                "Add the first set's effort (e.g. RIR1) so I can tell whether it was hard enough.",
                f"The first set should end about {FIRST_SET_MAX_RIR} reps or fewer from failure.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        ]
    if parsed.rir > FIRST_SET_MAX_RIR:
        return [
            _item(
                "first_set_effort",
                Level.NOTE,
                f"First set at RIR {parsed.rir:g} is too easy for rest-pause: take it to RIR 0-{FIRST_SET_MAX_RIR} "
                "so the bursts do their job.",
                "Rest-pause only adds something when the first set ends close to failure; "
                "a small buffer (RIR 1-2) is the default, not RIR 3+.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        ]
    return []


def bursts(parsed: ParsedSet) -> list[Feedback]:
    first, *rest = (segment.reps for segment in parsed.segments)
    items: list[Feedback] = []
    if len(rest) > USUAL_MAX_BURSTS:
        items.append(
            _item(
                "burst_count",
                Level.WARN,
                f"{len(rest)} bursts is past the usual dose: 2-{USUAL_MAX_BURSTS} is plenty.",
                f"Rest-pause is a hard set plus {USUAL_MAX_BURSTS} or fewer short rounds; "
                "more adds fatigue faster than stimulus.",
                DROP_VS_REST_PAUSE,
                parsed,
            )
        )
    for number, reps in enumerate(rest, start=1):
        if reps <= COLLAPSE_REPS or reps < first * COLLAPSE_SHARE:
            items.append(
                _item(
                    "collapse",
                    Level.NOTE,
                    f"Reps collapsed on burst {number} ({reps} after {first}): that is the stop signal; "
                    f"end the set at burst {number - 1 or 1} next time.",
                    f"Stop when reps collapse: a burst of {COLLAPSE_REPS} or under {COLLAPSE_SHARE:.0%} of the "
                    "first set is mostly technique compromise.",
                    REST_PAUSE_GUIDE,
                    parsed,
                )
            )
            break
    if rest and rest[0] >= first * BIG_BURST_SHARE:
        items.append(
            _item(
                "big_bursts",
                Level.NOTE,
                f"Burst of {rest[0]} after a first set of {first}: the first set wasn't hard enough or the rest "
                "was too long.",
                f"A first burst at {BIG_BURST_SHARE:.0%}+ of the first set means the muscle had recovered.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        )
    return items


def rest(parsed: ParsedSet) -> list[Feedback]:
    low, high = REST_RANGE_S
    if parsed.rest_s is None or low <= parsed.rest_s <= high:
        return []
    advice = "that's a new set, not a pause" if parsed.rest_s > high else "too short to recover a few reps"
    return [
        _item(
            "rest",
            Level.NOTE,
            f"{parsed.rest_s} s between bursts: rest-pause uses {low}-{high} s; {advice}.",
            f"Rest-pause rests {low}-{high} s between mini-sets.",
            DROP_VS_REST_PAUSE,
            parsed,
        )
    ]


def check(parsed: ParsedSet) -> list[Feedback]:
    if parsed.technique is not Technique.REST_PAUSE:
        return []
    items = exercise_choice(parsed) + first_set_effort(parsed) + bursts(parsed) + rest(parsed)
    if not any(item.level is Level.WARN or item.rule.endswith(("collapse", "big_bursts")) for item in items):
        bursts_done = len(parsed.segments) - 1
        items.append(
            _item(
                "good",
                Level.GOOD,
                f"Good rest-pause set: {parsed.first_reps} then {bursts_done} burst{'s' * (bursts_done > 1)}, "
                "reps tapering.",
                "A hard first set, 2-3 short bursts, stopped before reps collapsed.",
                REST_PAUSE_GUIDE,
                parsed,
            )
        )
    return items
