"""kg and lb: every comparison is made in one unit, and a lifter is answered in the unit they lift in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from rules.models import LifterProfile, LoggedSet, ParsedSet, Unit

KG_PER_LB = 0.45359237  # the international pound, exactly
PLATE_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}  # the smallest jump most gyms load
# What an lb lifter's bar holds with a 45 lb bar and pairs of 45 lb plates (135 ... 495), or a pair of 25s on top
# (95 ... 365): gym equipment, not a training claim (in no seed). Typed bare, they are almost always pounds.
LB_PLATE_TOTALS = frozenset({95.0, 135.0, 185.0, 225.0, 275.0, 315.0, 365.0, 405.0, 495.0})
# A unit as the parser reads one (rules/notation.py `_UNIT`), standing as a word or right after a number:
# `100kg`, `225 lbs`, `135#`, `80 кг`, `100 кило`. Only whether one is written at all is asked here.
_WRITTEN_UNIT = re.compile(
    r"(?<![^\W\d_])(?:kgs?|kilos?|kilograms?|lbs?|pounds?|кг|кило\w*|фунт\w*)(?![^\W\d_xх])|\d\s*(?:k|\#)(?![^\W\d_xх])",
    re.IGNORECASE,
)


def convert(load: float, from_unit: Unit | None, to_unit: Unit) -> float:
    """`load` written in `from_unit` (None: already `to_unit`), in `to_unit`."""
    if from_unit is None or from_unit == to_unit:
        return load
    return load * KG_PER_LB if from_unit == "lb" else load / KG_PER_LB


def in_unit(parsed: ParsedSet, unit: Unit) -> ParsedSet:
    """The same set with its loads in `unit` (the set itself when it already is, or has no unit)."""
    if parsed.unit is None or parsed.unit == unit:
        return parsed
    segments = tuple(
        s if s.load is None else s.model_copy(update={"load": convert(s.load, parsed.unit, unit)})
        for s in parsed.segments
    )
    return parsed.model_copy(update={"segments": segments, "unit": unit})


def rounded(load: float, unit: Unit) -> float:
    """A load a lifter can put on the bar: 2.5 kg or 5 lb steps."""
    step = PLATE_STEP[unit]
    return round(load / step) * step


def readable(load: float) -> float:
    """A converted load as a lifter would write it, to the quarter unit: 110 kg is 242.5 lb (not 242.508), a
    225 lb best read back from kg is 225, and 101.25 kg (fractional plates) stays as it is."""
    return round(load * 4) / 4


def rounded_pair(now: float, before: float, unit: Unit) -> tuple[float, float]:
    """A new best and the one it beat, as every e1RM in a reply is said: to the plate step (`rounded`); to a
    tenth when the step would make them read the same (129.5 over 128.9 kg is not "130 (was 130)")."""
    shown = rounded(now, unit), rounded(before, unit)
    tenths = round(now, 1), round(before, 1)
    return shown if shown[0] != shown[1] or tenths[0] == tenths[1] else tenths


def lifter_unit(
    history: Sequence[LoggedSet],
    chosen: Unit,
    new: Sequence[ParsedSet] = (),
    now: datetime | None = None,
    chosen_at: datetime | None = None,
    zone: tzinfo | None = None,
) -> Unit:
    """The unit a lifter lifts in now: the one most sets with a load were written in on their latest training
    day (`history` oldest first; `new` sets are logged `now`; a tie goes to the latest set), else the unit
    chosen in /settings. One kg machine in an lb gym does not flip it; a lifter who moved to lb that day is
    answered in lb. A bare number is read in the chosen unit, so it counts for that unit. A choice made in
    /settings (at `chosen_at`) wins over the sets logged before it: only sets logged since can outvote it.

    Only the latest day is looked at, from the end of `history` back (a week of sets is read for every
    message; its earlier days never decide)."""
    day: date | None = None
    units: list[Unit | None] = []  # the latest day's, latest first
    for logged in reversed(history):
        if chosen_at is not None and logged.performed_at < chosen_at:
            break
        if not _loaded(logged.set):
            continue
        on = logged.performed_at.astimezone(zone).date() if zone is not None else logged.performed_at.date()
        if day is None:
            day = on
        elif on != day:
            break
        units.append(logged.set.unit)
    units.reverse()
    counted = now is not None and (chosen_at is None or now >= chosen_at)
    fresh = [parsed.unit for parsed in new if _loaded(parsed)] if counted else []
    if fresh and now is not None:
        today = now.astimezone(zone).date() if zone is not None else now.date()
        if day is None or today > day:
            units = fresh
        elif today == day:
            units += fresh
    if not units:
        return chosen
    lb = units.count("lb")
    kg = len(units) - lb
    if lb != kg:
        return "lb" if lb > kg else "kg"
    return units[-1] or chosen


def writes_unit(text: str) -> bool:
    """The lifter wrote a unit somewhere in `text` (`225lb 5`, `100 kg`, `135#`), so no load in it is a guess."""
    return _WRITTEN_UNIT.search(text) is not None


def lb_plate_load(sets: Sequence[ParsedSet]) -> float | None:
    """The first load among `sets` logged in kg that is a classic lb bar (`135`, `225`, `405`): for a lifter who
    never chose a unit and wrote none, the sign they may be lifting in lb (None: no such load)."""
    for parsed in sets:
        if parsed.unit != "kg" or parsed.bodyweight or parsed.per_side:
            continue
        for segment in parsed.segments:
            if segment.load is not None and segment.load in LB_PLATE_TOTALS:
                return segment.load
    return None


def lb_hint_load(
    text: str,
    sets: Sequence[ParsedSet],
    history: Sequence[LoggedSet],
    chosen_at: datetime | None,
    settled_at: datetime | None,
) -> float | None:
    """The load to name in a once-only hint that a bare `135` was logged in kg (None: no hint): only while the
    lifter has chosen no unit in /settings (`chosen_at`), has not had the hint or written a unit since it was
    first asked (`settled_at`), wrote no unit in `text` and has no lb set in `history`."""
    if chosen_at is not None or settled_at is not None or writes_unit(text):
        return None
    if any(logged.set.unit == "lb" for logged in history):
        return None
    return lb_plate_load(sets)


def _loaded(parsed: ParsedSet) -> bool:
    return parsed.unit is not None and parsed.top_load is not None and not parsed.bodyweight


def lifter_profile(
    profile: LifterProfile,
    history: Sequence[LoggedSet],
    new: Sequence[ParsedSet] = (),
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> LifterProfile:
    """`profile` with its unit the one the lifter lifts in now (`lifter_unit`); days are the lifter's (`zone`)."""
    unit = lifter_unit(history, profile.unit, new, now, profile.unit_set_at, zone)
    return profile if unit == profile.unit else profile.model_copy(update={"unit": unit})
