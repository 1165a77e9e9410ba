"""The week at a glance: hard sets and intensifiers per muscle, effort spread, main lifts, check-ins."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from rules.catalog import Kind, lookup
from rules.context import Context
from rules.e1rm import MAX_RELIABLE_REPS, one_rep_max, set_one_rep_max
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK
from rules.models import INTENSIFIERS, LEVEL_SCORE, CheckIn, JointLevel, LoggedSet, Unit
from rules.units import convert, readable

HARD_SET_MAX_RIR = 3  # a set within 3 reps of failure counts toward growth
# Failure guide: "Most research supports training in the RIR 1-3 range for compounds"; beyond 3 a set is easy.
RAMP_SHARE_OF_BEST = 0.85  # an unrated set under this share of the lift's best e1RM among the sets was a ramp-up
WEEK = timedelta(days=7)


class MuscleWeek(BaseModel):
    model_config = ConfigDict(frozen=True)

    muscle: str
    hard_sets: int
    intensifier_sets: int
    intensifier_days: int

    @property
    def over_intensifier_limit(self) -> bool:
        """More uses than "once or twice per muscle group per week" (002): counted in sets, not days."""
        return self.intensifier_sets > MAX_INTENSIFIER_DAYS_PER_WEEK


class EffortSpread(BaseModel):
    """Rated sets by RPE band (failure-proximity guide: most work at 7-9, 10 only on last isolation sets)."""

    model_config = ConfigDict(frozen=True)

    easy: int = 0  # RPE 6 or less
    productive: int = 0  # RPE 7-8.5
    hard: int = 0  # RPE 9-9.5
    failure: int = 0  # RPE 10
    unrated: int = 0

    @property
    def rated(self) -> int:
        return self.easy + self.productive + self.hard + self.failure

    def share(self, count: int) -> float:
        return count / self.rated if self.rated else 0.0


class LiftChange(BaseModel):
    model_config = ConfigDict(frozen=True)

    exercise: str
    before: float | None  # best e1RM the week before
    now: float  # best e1RM this week
    unit: Unit


class JointTrend(BaseModel):
    model_config = ConfigDict(frozen=True)

    joint: str
    first: JointLevel
    last: JointLevel
    days: int  # days with any irritation


class WeekReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: date
    end: date
    sets: int
    muscles: tuple[MuscleWeek, ...]
    effort: EffortSpread
    lifts: tuple[LiftChange, ...]
    sore_days: int
    checkin_days: int
    joints: tuple[JointTrend, ...]
    compound_failure_sets: int = 0


def _effort(sets: Sequence[LoggedSet]) -> EffortSpread:
    counts: Counter[str] = Counter()
    for logged in sets:
        if logged.set.warmup:
            continue
        rpe = logged.set.rpe
        band = (
            "unrated" if rpe is None else "easy" if rpe <= 6 else "productive" if rpe < 9
            else "hard" if rpe < 10 else "failure"
        )  # fmt: skip
        counts[band] += 1
    return EffortSpread(**counts)


def _in_kg(value: float, unit: Unit | None) -> float:
    return convert(value, unit, "kg")


def _ramp_sets(sets: Sequence[LoggedSet]) -> set[int]:
    """Unrated sets that were far from failure by the lifter's own numbers: `60x5` on the way to `100 5x5`.

    A set's Epley e1RM (the failure guide's formula) well under the best e1RM of the same lift among
    these sets means many reps were left; counting it as a hard set would inflate the muscle's volume.
    The 85% line is general coaching practice, not from the guides (a set at 85% of the day's best
    estimate leaves roughly 4-5 reps at 5-rep loads)."""
    estimates = [
        (index, logged.set.exercise, _in_kg(value, logged.set.unit))
        for index, logged in enumerate(sets)
        if (value := set_one_rep_max(logged.set)) is not None
    ]
    best: dict[str, float] = {}
    for _, exercise, value in estimates:
        best[exercise] = max(best.get(exercise, 0.0), value)
    return {
        index
        for index, exercise, value in estimates
        if sets[index].set.rir is None and value < RAMP_SHARE_OF_BEST * best[exercise]
    }


def _muscles(sets: Sequence[LoggedSet], local_date: Callable[[datetime], date]) -> tuple[MuscleWeek, ...]:
    hard: Counter[str] = Counter()
    intensifier: Counter[str] = Counter()
    days: defaultdict[str, set[date]] = defaultdict(set)
    ramps = _ramp_sets(sets)
    for index, logged in enumerate(sets):
        exercise = lookup(logged.set.exercise)
        if exercise is None or logged.set.warmup:  # warm-ups are neither hard sets nor intensifier uses
            continue
        # unrated: a working set, unless its numbers say it was easy
        rir = logged.set.rir
        counts_as_hard = index not in ramps if rir is None else rir <= HARD_SET_MAX_RIR
        for muscle in exercise.primary:
            if counts_as_hard:
                hard[muscle] += 1
            if logged.set.technique in INTENSIFIERS:
                intensifier[muscle] += 1
                days[muscle].add(local_date(logged.performed_at))
    muscles = sorted(set(hard) | set(intensifier), key=lambda m: (-hard[m], m))
    return tuple(
        MuscleWeek(muscle=m, hard_sets=hard[m], intensifier_sets=intensifier[m], intensifier_days=len(days[m]))
        for m in muscles
    )


def _best(sets: Sequence[LoggedSet], exercise: str, unit: Unit) -> float | None:
    """Best e1RM of `exercise` in `unit`: kg and lb sets are converted before they are compared."""
    values = [
        convert(v, logged.set.unit, unit)
        for logged in sets
        if logged.set.exercise == exercise and (v := set_one_rep_max(logged.set)) is not None
    ]
    return max(values) if values else None


def _lifts(this_week: Sequence[LoggedSet], last_week: Sequence[LoggedSet], unit: Unit) -> tuple[LiftChange, ...]:
    changes: list[LiftChange] = []
    for name in dict.fromkeys(logged.set.exercise for logged in this_week):
        exercise = lookup(name)
        now = _best(this_week, name, unit)
        if exercise is None or not exercise.main_lift or now is None:
            continue
        changes.append(LiftChange(exercise=name, before=_best(last_week, name, unit), now=now, unit=unit))
    return tuple(changes)


def _compound_failure_sets(sets: Sequence[LoggedSet]) -> int:
    """Compound sets at RPE 10 that were not AMRAP tests: 004 keeps those for the last isolation set."""
    count = 0
    for logged in sets:
        exercise = lookup(logged.set.exercise)
        parsed = logged.set
        if exercise is not None and exercise.kind is Kind.COMPOUND and parsed.rir == 0 and not parsed.amrap:
            count += 1
    return count


def _joints(checkins: Sequence[CheckIn]) -> tuple[JointTrend, ...]:
    trends: list[JointTrend] = []
    for joint in sorted({j for checkin in checkins for j in checkin.joints}):
        levels = [checkin.joints.get(joint, JointLevel.NONE) for checkin in checkins]
        irritated = sum(1 for level in levels if LEVEL_SCORE[level] > 0)
        if irritated:
            trends.append(JointTrend(joint=joint, first=levels[0], last=levels[-1], days=irritated))
    return tuple(trends)


def weekly_report(context: Context) -> WeekReport:
    """The last 7 days against the guides; history is bisected, so its length does not matter."""
    now: datetime = context.now
    this_week = context.since(now - WEEK)
    last_week = [logged for logged in context.since(now - 2 * WEEK) if logged.performed_at < now - WEEK]
    end = context.local_today  # the lifter's date: a Tokyo morning is already tomorrow in UTC terms
    start = end - WEEK + timedelta(days=1)
    checkins = [c for c in context.checkins if start <= c.day <= end]
    return WeekReport(
        start=start,
        end=end,
        sets=len(this_week),
        muscles=_muscles(this_week, context.local_date),
        effort=_effort(this_week),
        lifts=_lifts(this_week, last_week, context.profile.unit),
        compound_failure_sets=_compound_failure_sets(this_week),
        sore_days=sum(1 for c in checkins if LEVEL_SCORE[c.soreness] > 0),
        checkin_days=len(checkins),
        joints=_joints(checkins),
    )


class ProgressPoint(BaseModel):
    model_config = ConfigDict(frozen=True)

    day: date
    e1rm: float | None
    top_load: float | None
    top_reps: int  # the heaviest set's reps (with `top_load`: the day's best set)


class SetSummary(NamedTuple):
    """The part of a set a progress chart needs: its first (freshest) segment, its effort and its unit."""

    performed_at: datetime
    load: float | None
    reps: int
    rir: float | None
    amrap: bool
    bodyweight: bool
    unit: Unit | None = None  # the unit `load` was written in (None: taken to be in the unit asked for)


def _estimate(row: SetSummary) -> float | None:
    if row.load is None or row.load <= 0 or row.bodyweight or row.reps > MAX_RELIABLE_REPS:
        return None
    return one_rep_max(row.load, row.reps, None if row.amrap else row.rir)


def progress(rows: Sequence[SetSummary], unit: Unit = "kg", zone: tzinfo | None = None) -> list[ProgressPoint]:
    """Per training day of one exercise: best e1RM and the heaviest set, oldest first, every load in `unit`
    (kg and lb sets converted before they are compared, so 225 lb is not a heavier day than 110 kg); a day is
    the lifter's in `zone` (None: UTC)."""
    by_day: defaultdict[date, list[SetSummary]] = defaultdict(list)
    for row in rows:
        load = None if row.load is None else convert(row.load, row.unit, unit)
        day = row.performed_at.astimezone(zone).date() if zone is not None else row.performed_at.date()
        by_day[day].append(row._replace(load=load, unit=row.unit or unit))
    points: list[ProgressPoint] = []
    for day in sorted(by_day):
        sets = by_day[day]
        estimates = [v for row in sets if (v := _estimate(row)) is not None]
        heaviest = max(sets, key=lambda row: (row.load or 0, row.reps))
        estimate = max(estimates) if estimates else None
        top = heaviest.load if heaviest.load is None or heaviest.unit == unit else readable(heaviest.load)
        points.append(ProgressPoint(day=day, e1rm=estimate, top_load=top, top_reps=heaviest.reps))
    return points
