"""One session of one lifter: what they did last time, a load for today, records, and the summary.

Pure: the handlers pass in the sets (from storage) and the moment; nothing here reads a clock or a
database. Hard sets, intensifiers and the effort spread come from `rules.report` (the /week numbers),
computed over the session's sets, so the summary and /week never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from rules.catalog import lookup
from rules.context import SESSION_HOURS, Context
from rules.e1rm import MAX_RELIABLE_REPS, one_rep_max, percent_of_max
from rules.estimates import AMRAP_E1RM, NEW_BEST
from rules.frequency import MAX_INTENSIFIER_USES_PER_WEEK, intensifier_uses
from rules.models import Feedback, LoggedSet, ParsedSet, Technique, Unit
from rules.report import EffortSpread, MuscleWeek, weekly_report
from rules.sources import Source
from rules.units import convert, readable

# Failure-proximity guide: "8 = Hard. 2 reps left. Main compound work"; "Most of your training should
# land in the RPE 7-9 range". Today's load aims the same reps at RPE 8, the middle of that range.
TARGET_RPE = 8.0
PRODUCTIVE_RPE = (7.0, 9.0)
LOAD_STEP: dict[Unit, float] = {"kg": 2.5, "lb": 5.0}  # the smallest usual jump on a barbell
MOST = 0.5  # "most sets at RPE 7-9": more than half of the rated sets
# The load comes from the RPE-percentage chart (general coaching practice, not from the guides); the RPE 8
# target is the failure guide's. Never cite the chart to a guide (#16).
NEXT_SOURCE = Source.PRACTICE


def is_warmup(parsed: ParsedSet) -> bool:
    """Warm-ups are logged but kept out of hard sets, intensifier counts and e1RM (issue #15).
    The parser marks them (`warmup`, `w/u`); until it does, no set is one."""
    return bool(getattr(parsed, "warmup", False))


def working(sets: Iterable[LoggedSet]) -> list[LoggedSet]:
    return [logged for logged in sets if not is_warmup(logged.set)]


# Last time and today's load ---------------------------------------------------------------------


class Direction(StrEnum):
    UP = "up"
    SAME = "same"
    DOWN = "down"


@dataclass(frozen=True)
class Suggestion:
    """A load for today from last time's effort (RTS table: same reps, aimed at RPE 8)."""

    load: float
    unit: Unit | None
    reps: int
    direction: Direction
    last_load: float
    last_rpe: float
    target_rpe: float = TARGET_RPE
    source: str = NEXT_SOURCE


@dataclass(frozen=True)
class LastTime:
    exercise: str
    performed_at: datetime
    sets: tuple[ParsedSet, ...]  # that session's working sets of the exercise, in order
    suggestion: Suggestion | None


def _round(load: float, unit: Unit | None) -> float:
    step = LOAD_STEP[unit or "kg"]
    return round(load / step) * step


def suggest(sets: Sequence[ParsedSet]) -> Suggestion | None:
    """From the last rated straight set with a load: e1RM by the RTS table, then the load that puts the
    same reps at RPE 8, rounded to the plate step. None where effort was not logged."""
    for parsed in reversed(sets):
        first = parsed.segments[0]
        if parsed.rir is None or parsed.rpe is None or first.load is None or first.load <= 0:
            continue
        if parsed.technique is not Technique.STRAIGHT or parsed.bodyweight or first.reps > MAX_RELIABLE_REPS:
            continue
        target = percent_of_max(first.reps, 10 - TARGET_RPE)
        if target is None or percent_of_max(first.reps, parsed.rir) is None:
            return None
        load = _round(one_rep_max(first.load, first.reps, parsed.rir) * target, parsed.unit)
        direction = Direction.UP if load > first.load else Direction.DOWN if load < first.load else Direction.SAME
        return Suggestion(load, parsed.unit, first.reps, direction, first.load, parsed.rpe)
    return None


def last_time(history: Sequence[LoggedSet], exercise: str, before: datetime) -> LastTime | None:
    """The most recent earlier session of `exercise` (`history`: its sets, oldest first)."""
    earlier = [s for s in working(history) if s.set.exercise == exercise and s.performed_at < before]
    if not earlier:
        return None
    latest = earlier[-1].performed_at
    session = [logged.set for logged in earlier if latest - logged.performed_at < timedelta(hours=SESSION_HOURS)]
    return LastTime(exercise, latest, tuple(session), suggest(session))


# Records ---------------------------------------------------------------------------------------


class RecordKind(StrEnum):
    HEAVIEST = "heaviest"  # a load never lifted before for this exercise
    E1RM = "e1rm"  # a best estimated one-rep max
    REPS = "reps"  # more reps than ever at this load or heavier


@dataclass(frozen=True)
class Best:
    """The bests of one exercise's history, from (load, reps, rir, amrap, unit) rows, all in `unit`."""

    exercise: str
    heaviest: float | None = None
    e1rm: float | None = None
    reps_at: tuple[tuple[float, int], ...] = ()  # (load, most reps at that load), heaviest first
    unit: Unit = "kg"  # every number above is in it: kg and lb rows are converted before they are compared


@dataclass(frozen=True)
class Record:
    kind: RecordKind
    exercise: str
    load: float
    reps: int
    unit: Unit | None
    value: float  # the new best (kg/lb for HEAVIEST and E1RM, reps for REPS)
    previous: float | None


def _e1rm(load: float | None, reps: int, rir: float | None, amrap: bool) -> float | None:
    if load is None or load <= 0 or reps > MAX_RELIABLE_REPS or reps < 1:
        return None
    return one_rep_max(load, reps, None if amrap else rir)


BestRow = tuple[float | None, int, float | None, bool, Unit]  # load, reps, rir, amrap, unit


def bests(exercise: str, rows: Iterable[BestRow], unit: Unit = "kg") -> Best:
    """Rows are (first segment's load, its reps, rir, amrap, the unit the load was written in) of working,
    non-bodyweight sets; the bests come out in `unit`."""
    heaviest: float | None = None
    e1rm: float | None = None
    reps_at: dict[float, int] = {}
    for written, reps, rir, amrap, written_in in rows:
        if written is None or written <= 0:
            continue
        load = convert(written, written_in, unit)
        heaviest = load if heaviest is None else max(heaviest, load)
        estimate = _e1rm(load, reps, rir, amrap)
        if estimate is not None:
            e1rm = estimate if e1rm is None else max(e1rm, estimate)
        reps_at[load] = max(reps, reps_at.get(load, 0))
    return Best(exercise, heaviest, e1rm, tuple(sorted(reps_at.items(), reverse=True)), unit)


def _most_reps_at_or_above(best: Best, load: float) -> int | None:
    found = [reps for at, reps in best.reps_at if at >= load]
    return max(found) if found else None


def records(new_sets: Sequence[ParsedSet], best: Best) -> list[Record]:
    """The records these sets set against `best` (the history before them), one per kind, the last
    one found; an exercise with no history has nothing to beat. Loads are compared in `best.unit` (a
    225 lb set does not beat 110 kg) and each record is said in the unit of the set that set it."""
    heaviest, e1rm, reps_at = best.heaviest, best.e1rm, dict(best.reps_at)
    found: dict[RecordKind, Record] = {}
    for parsed in new_sets:
        first = parsed.segments[0]
        if parsed.exercise != best.exercise or is_warmup(parsed) or parsed.bodyweight or first.load is None:
            continue
        written, reps, unit = first.load, first.reps, parsed.unit or best.unit
        load = convert(written, unit, best.unit)  # compared in the best's unit, said in the set's
        if heaviest is not None and load > heaviest + 1e-9:
            was = readable(convert(heaviest, best.unit, unit))
            found[RecordKind.HEAVIEST] = Record(RecordKind.HEAVIEST, best.exercise, written, reps, unit, written, was)
        estimate = _e1rm(load, reps, parsed.rir, parsed.amrap)
        if estimate is not None and e1rm is not None and estimate > e1rm + 1e-9:
            now, was = convert(estimate, best.unit, unit), convert(e1rm, best.unit, unit)
            found[RecordKind.E1RM] = Record(RecordKind.E1RM, best.exercise, written, reps, unit, now, was)
        most = max((done for at, done in reps_at.items() if at >= load - 1e-9), default=None)
        if most is not None and reps > most:
            found[RecordKind.REPS] = Record(RecordKind.REPS, best.exercise, written, reps, unit, reps, most)
        if reps_at or heaviest is not None:  # later sets of the message beat this one, not the old best
            heaviest = max(heaviest or load, load)
            e1rm = max(e1rm or 0.0, estimate or 0.0) or None
            reps_at[load] = max(reps, reps_at.get(load, 0))
    return [found[kind] for kind in RecordKind if kind in found]


def said_once(feedback: Sequence[Feedback], found: Sequence[Record]) -> list[Feedback]:
    """A reply states a set's e1RM once: an all-time e1RM record of an exercise says what its "best in 8
    weeks" remark would (a best ever is the best of the last 8 weeks too), so that remark goes."""
    beaten = {record.exercise for record in found if record.kind is RecordKind.E1RM}
    return [item for item in feedback if not (item.rule == NEW_BEST and item.exercise in beaten)]


def records_unsaid(found: Sequence[Record], shown: Sequence[Feedback]) -> list[Record]:
    """The records still to say beside the remarks `shown`: an AMRAP's remark states its e1RM with the next
    block's loads, so an e1RM record of that exercise is not said again."""
    stated = {item.exercise for item in shown if item.rule in AMRAP_E1RM}
    return [record for record in found if not (record.kind is RecordKind.E1RM and record.exercise in stated)]


# The summary -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseDone:
    exercise: str
    sets: int  # working sets
    warmups: int
    top: ParsedSet  # the heaviest working set (by load, then reps); for holds and cardio the longest

    @property
    def timed(self) -> bool:
        """A hold (`plank 60s`) or cardio: its top is the longest, not the heaviest."""
        return self.top.timed


class Advice(StrEnum):
    """The one thing to do next time, most important first; words live in handlers."""

    INTENSIFIERS_OVER = "intensifiers_over"  # params: muscle, uses, limit
    TOO_MUCH_FAILURE = "too_much_failure"  # params: failure, rated
    TOO_EASY = "too_easy"  # params: easy, rated
    RATE_SETS = "rate_sets"  # params: unrated
    LOAD = "load"  # params: exercise, load, unit, reps, direction
    REPEAT = "repeat"  # nothing to fix: repeat and add a rep


@dataclass(frozen=True)
class NextTime:
    advice: Advice
    params: dict[str, object]
    source: str = NEXT_SOURCE


@dataclass(frozen=True)
class Summary:
    start: datetime
    end: datetime
    exercises: tuple[ExerciseDone, ...]
    muscles: tuple[MuscleWeek, ...]  # this session's hard sets and intensifier sets per muscle
    # muscle -> rest-pause and drop sets on it in the last 7 days, this session included (rules.frequency's count)
    week_intensifier_uses: tuple[tuple[str, int], ...]
    effort: EffortSpread
    records: tuple[Record, ...]
    next_time: NextTime

    @property
    def sets(self) -> int:
        return sum(done.sets for done in self.exercises)

    @property
    def warmups(self) -> int:
        return sum(done.warmups for done in self.exercises)


def _size(parsed: ParsedSet) -> tuple[float, float, float, int]:
    """How big a set is, to pick an exercise's top set: load first, then (holds and cardio) the distance and
    the time, then reps. A plank's 90 s beats its 60 s; a bench set's 105 kg beats 100 kg, and 225 lb beats
    100 kg (loads compared in one unit)."""
    distance = sum(segment.distance_m or 0.0 for segment in parsed.segments)
    seconds = sum(segment.seconds or 0 for segment in parsed.segments)
    return (convert(parsed.top_load or 0.0, parsed.unit, "kg"), distance, float(seconds), parsed.first_reps)


def _exercises(sets: Sequence[LoggedSet]) -> tuple[ExerciseDone, ...]:
    done: list[ExerciseDone] = []
    for name in dict.fromkeys(logged.set.exercise for logged in sets):
        mine = [logged.set for logged in sets if logged.set.exercise == name]
        work = [s for s in mine if not is_warmup(s)] or mine
        top = max(work, key=_size)
        done.append(ExerciseDone(name, len(mine) - sum(map(is_warmup, mine)), sum(map(is_warmup, mine)), top))
    return tuple(done)


def _next_time(effort: EffortSpread, week_uses: Sequence[tuple[str, int]], sets: Sequence[LoggedSet]) -> NextTime:
    over = [(muscle, uses) for muscle, uses in week_uses if uses > MAX_INTENSIFIER_USES_PER_WEEK]
    if over:
        muscle, uses = over[0]
        return NextTime(Advice.INTENSIFIERS_OVER, {"muscle": muscle, "uses": uses,
                                                   "limit": MAX_INTENSIFIER_USES_PER_WEEK})  # fmt: skip
    rated = effort.rated
    if rated and effort.failure > 1 and effort.failure / rated > 1 - MOST:
        return NextTime(Advice.TOO_MUCH_FAILURE, {"failure": effort.failure, "rated": rated})
    if rated and effort.easy / rated > MOST:
        return NextTime(Advice.TOO_EASY, {"easy": effort.easy, "rated": rated})
    if not rated:
        return NextTime(Advice.RATE_SETS, {"unrated": effort.unrated})
    for name in dict.fromkeys(logged.set.exercise for logged in sets):
        exercise = lookup(name)
        if exercise is None or not exercise.main_lift:
            continue
        suggestion = suggest([logged.set for logged in sets if logged.set.exercise == name])
        if suggestion is not None and suggestion.direction is not Direction.SAME:
            params: dict[str, object] = {"exercise": name, "load": suggestion.load, "unit": suggestion.unit or "",
                                         "reps": suggestion.reps, "direction": suggestion.direction.value}  # fmt: skip
            return NextTime(Advice.LOAD, params)
    return NextTime(Advice.REPEAT, {})


def summarize(
    session: Sequence[LoggedSet], week: Sequence[LoggedSet], found: Sequence[Record], now: datetime
) -> Summary | None:
    """The session's summary. `session`: its sets, oldest first; `week`: the last 7 days' sets (this
    session's included) for the weekly intensifier count; `found`: the records set during it."""
    if not session:
        return None
    work = working(session)
    session_report = weekly_report(Context(now=now, history=work))
    week_context = Context(now=now, history=working(week))
    # 002: "only once or twice per muscle group per week", counted in uses as the per-set warning counts them
    week_uses = tuple(
        (m.muscle, intensifier_uses(week_context, m.muscle)) for m in session_report.muscles if m.intensifier_sets
    )
    return Summary(
        start=session[0].performed_at,
        end=session[-1].performed_at,
        exercises=_exercises(session),
        muscles=session_report.muscles,
        week_intensifier_uses=week_uses,
        effort=session_report.effort,
        records=tuple(found),
        next_time=_next_time(session_report.effort, week_uses, work),
    )
