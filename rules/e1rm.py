"""Estimated one-rep max: Epley for AMRAP and unrated sets, the RPE table when effort is given.

Epley and the AMRAP table are the failure-proximity guide's (004). The RPE-percentage table (RTS) is in
none of the guides: general coaching practice, and labelled so wherever an estimate leans on it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from rules.models import ParsedSet
from rules.sources import Source

# Percent of 1RM by reps-to-failure (reps done + reps in reserve), RTS RPE chart: in none of the guides
# (Source.PRACTICE). 1 rep at RPE 10 = 100%; 8 reps at RPE 8 (10 to failure) = 73.9%.
PERCENT_BY_REPS_TO_FAILURE: tuple[float, ...] = (
    100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9, 57.4,
)  # fmt: skip
EPLEY_SOURCE = Source.FAILURE_GUIDE
MAX_RELIABLE_REPS = 15  # estimates from longer sets say more about endurance than strength
# An AMRAP up to 19 reps still maps to the guide's table (15 ≈ 65%, 20+ = too light), so it gets an estimate.
AMRAP_MAX_REPS = 19

# AMRAP result -> share of 1RM that weight was, and how to use it next block (failure-proximity guide:
# 5 reps "Challenge-block intensity", 8 "upper end of the Build block", 12 "mid-range Build block",
# 15 "lower end of the Build block"); the use is an id.
AMRAP_GUIDE: tuple[tuple[int, float, str], ...] = (
    (5, 0.87, "challenge"),
    (8, 0.80, "build_high"),
    (12, 0.70, "build_mid"),
    (15, 0.65, "build_low"),
)
AMRAP_TOO_LIGHT_REPS = 20  # 20+ reps: the weight is too light; raise it before the next block


def epley(load: float, reps: int) -> float:
    return load * (1 + reps / 30) if reps > 1 else load


def percent_of_max(reps: int, rir: float) -> float | None:
    """Interpolated RTS percentage for `reps` with `rir` left in the tank, or None off the table."""
    to_failure = reps + rir
    index = to_failure - 1
    if index < 0 or index > len(PERCENT_BY_REPS_TO_FAILURE) - 1:
        return None
    low = int(index)
    high = min(low + 1, len(PERCENT_BY_REPS_TO_FAILURE) - 1)
    fraction = index - low
    table = PERCENT_BY_REPS_TO_FAILURE
    return (table[low] + (table[high] - table[low]) * fraction) / 100


class Estimate(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: float
    method: str  # "rpe" or "epley"


def estimate(parsed: ParsedSet) -> Estimate | None:
    """e1RM of a set's first segment (the fresh part of a rest-pause or drop set)."""
    first = parsed.segments[0]
    if parsed.warmup or first.load is None or first.load <= 0 or parsed.bodyweight:
        return None
    if not 1 <= first.reps <= reps_limit(parsed):  # a timed hold has no reps to estimate from
        return None
    rir = None if parsed.amrap else parsed.rir
    value = one_rep_max(first.load, first.reps, rir)
    rated = rir is not None and percent_of_max(first.reps, rir) is not None
    return Estimate(value=value, method="rpe" if rated else "epley")


def one_rep_max(load: float, reps: int, rir: float | None) -> float:
    """The number behind `estimate`, without building a model: the rules call it in loops."""
    if rir is not None:
        share = percent_of_max(reps, rir)
        if share is not None:
            return load / share
    return epley(load, reps)


def reps_limit(parsed: ParsedSet) -> int:
    return AMRAP_MAX_REPS if parsed.amrap else MAX_RELIABLE_REPS


def set_one_rep_max(parsed: ParsedSet) -> float | None:
    first = parsed.segments[0]
    if parsed.warmup or first.load is None or first.load <= 0 or parsed.bodyweight:
        return None
    if not 1 <= first.reps <= reps_limit(parsed):  # a timed hold has no reps to estimate from
        return None
    return one_rep_max(first.load, first.reps, None if parsed.amrap else parsed.rir)


def amrap_targets(one_rep_max: float) -> list[tuple[int, float, str]]:
    """Next-block loads from an AMRAP-based max: (reps, load, the id of where it fits)."""
    return [(reps, one_rep_max * share, use) for reps, share, use in AMRAP_GUIDE]
