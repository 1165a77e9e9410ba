"""kg and lb: every comparison is made in one unit, and a lifter is answered in the unit they lift in."""

from __future__ import annotations

from rules.models import ParsedSet, Unit

KG_PER_LB = 0.45359237  # the international pound, exactly
PLATE_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}  # the smallest jump most gyms load


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
