"""The 12-week block system (failure-proximity guide, 004): Foundation, Build, Challenge; week 12 is the AMRAP.

| block      | weeks | reps  | RPE |
| Foundation | 1-4   | 12-15 | 6-7 |  "Learn the movements. Don't grind. Build form first."
| Build      | 5-8   | 8-12  | 7-8 |
| Challenge  | 9-12  | 6-10  | 8-9 |  "Final week = AMRAP" on the last set of each anchor compound

Targets are checked on compounds only: the post-exhaust guide's isolation finishers (12-20 reps, RIR 0-1)
and failure on the last isolation set stay as the other guides say, so one reply never contradicts itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from rules.catalog import Kind, lookup
from rules.context import Context
from rules.e1rm import AMRAP_TOO_LIGHT_REPS, set_one_rep_max
from rules.estimates import targets_for
from rules.models import Feedback, Level, LoggedSet, Param, ParamItem, ParsedSet, RuleFamily, Technique, Unit
from rules.sources import Source
from rules.units import convert, rounded

FAIL = Source.FAILURE_GUIDE
BLOCK_WEEKS = 12
AMRAP_WEEK = 12  # "Challenge 9-12 ... Final week = AMRAP"
# How far back /block looks for the AMRAPs that set the next block's loads: one block and a little.
AMRAP_LOOKBACK_DAYS = 7 * (BLOCK_WEEKS + 4)


class Phase(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str  # an id: "foundation", "build", "challenge" (words in handlers/words)
    weeks: tuple[int, int]
    reps: tuple[int, int]
    rpe: tuple[float, float]


PHASES: tuple[Phase, ...] = (
    Phase(name="foundation", weeks=(1, 4), reps=(12, 15), rpe=(6, 7)),
    Phase(name="build", weeks=(5, 8), reps=(8, 12), rpe=(7, 8)),
    Phase(name="challenge", weeks=(9, 12), reps=(6, 10), rpe=(8, 9)),
)


def week_of(start: date, today: date) -> int | None:
    """Week 1-12 of a block that started on `start`; None before it or once it is over."""
    days = (today - start).days
    if days < 0 or days >= BLOCK_WEEKS * 7:
        return None
    return days // 7 + 1


def phase_of(week: int) -> Phase:
    return next(phase for phase in PHASES if phase.weeks[0] <= week <= phase.weeks[1])


def phase_for(context: Context) -> Phase | None:
    if context.block_start is None:
        return None
    week = week_of(context.block_start, context.local_today)
    return None if week is None else phase_of(week)


_item = RuleFamily("block", (FAIL,)).about


def _set_checks(parsed: ParsedSet, week: int, phase: Phase) -> list[Feedback]:
    items: list[Feedback] = []
    low, high = phase.reps
    common: dict[str, Param] = {"exercise": parsed.exercise, "week": week, "phase": phase.name}
    reps = parsed.first_reps
    if not low <= reps <= high:
        rule = "reps_low" if reps < low else "reps_high"
        items.append(_item(rule, Level.NOTE, parsed.exercise, reps=reps, low=low, high=high, **common))
    rpe_low, rpe_high = phase.rpe
    if parsed.rpe is not None and not rpe_low <= parsed.rpe <= rpe_high:
        rule = "effort_low" if parsed.rpe < rpe_low else "effort_high"
        items.append(_item(rule, Level.NOTE, parsed.exercise, rpe=parsed.rpe, low=rpe_low, high=rpe_high, **common))
    return items


def check(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Each compound set against its week's targets; week 12 asks for the AMRAP on the anchor compounds."""
    if context.block_start is None:
        return []
    week = week_of(context.block_start, context.local_today)
    if week is None:
        return []
    phase = phase_of(week)
    items: list[Feedback] = []
    on_target: list[str] = []
    for parsed in {id(s): s for s in new_sets}.values():
        exercise = lookup(parsed.exercise)
        if exercise is None or exercise.kind is not Kind.COMPOUND or parsed.technique is not Technique.STRAIGHT:
            continue
        if parsed.amrap:
            if week != AMRAP_WEEK:
                items.append(_item("amrap_early", Level.NOTE, parsed.exercise, exercise=parsed.exercise, week=week,
                                   amrap_week=AMRAP_WEEK))  # fmt: skip
            continue
        found = _set_checks(parsed, week, phase)
        items += found
        if not found:
            on_target.append(parsed.exercise)
        if week == AMRAP_WEEK and exercise.main_lift:
            items.append(_item("amrap_prompt", Level.NOTE, parsed.exercise, exercise=parsed.exercise))
    if on_target and not items:
        low, high = phase.reps
        items.append(_item("on_target", Level.GOOD, on_target[0], exercise=on_target[0], week=week, phase=phase.name,
                           low=low, high=high, rpe_low=phase.rpe[0], rpe_high=phase.rpe[1]))  # fmt: skip
    return items


class BlockStatus(BaseModel):
    """What /block shows: where the lifter is, and the next block's loads from the latest AMRAPs."""

    model_config = ConfigDict(frozen=True)

    start: date | None
    week: int | None  # None: no block running, or it is over
    phase: Phase | None
    finished: bool = False
    loads: tuple[tuple[str, float, str, tuple[ParamItem, ...]], ...] = ()  # exercise, e1RM, unit, targets


Loads = tuple[tuple[str, float, Unit, tuple[ParamItem, ...]], ...]


def next_block_loads(history: Sequence[LoggedSet], unit: Unit) -> Loads:
    """The latest AMRAP of each anchor compound, as an e1RM and the guide's next-block loads, in `unit`."""
    latest: dict[str, ParsedSet] = {}
    for logged in history:
        parsed = logged.set
        exercise = lookup(parsed.exercise)
        if parsed.amrap and exercise is not None and exercise.main_lift and parsed.first_reps < AMRAP_TOO_LIGHT_REPS:
            latest[parsed.exercise] = parsed
    loads: list[tuple[str, float, Unit, tuple[ParamItem, ...]]] = []
    for name, parsed in latest.items():
        value = set_one_rep_max(parsed)
        if value is None:
            continue
        one_rep_max = convert(value, parsed.unit, unit)
        loads.append((name, rounded(one_rep_max, unit), unit, targets_for(one_rep_max, unit)))
    return tuple(loads)


def status(start: date | None, today: date, history: Sequence[LoggedSet], unit: Unit) -> BlockStatus:
    week = week_of(start, today) if start is not None else None
    finished = start is not None and week is None and today >= start + timedelta(weeks=BLOCK_WEEKS)
    return BlockStatus(
        start=start,
        week=week,
        phase=phase_of(week) if week is not None else None,
        finished=finished,
        loads=next_block_loads(history, unit),
    )
