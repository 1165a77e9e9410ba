"""Warning signs: main lifts dropping, soreness hanging on, joints irritated (from check-ins)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from rules.catalog import lookup
from rules.context import Context
from rules.models import INTENSIFIERS, LEVEL_SCORE, CheckIn, Feedback, JointLevel, Level, ParsedSet, Unit, remark
from rules.notation import format_load
from rules.sources import Source
from rules.units import convert, rounded_pair

RP = Source.REST_PAUSE_GUIDE

# Rest-pause guide: "If main lifts drop, soreness hangs around, joints get irritated ... remove
# rest-pause work before rewriting the whole program." Our reading of "persistent":
JOINT_MODERATE_DAYS = 2  # moderate (or worse) two days running
JOINT_MILD_DAYS = 3  # or mild (or worse) three days running
SORENESS_DAYS = 4  # soreness still there past about three days
DECLINE_SESSIONS = 3  # e1RM lower in each of the last three sessions of a main lift
DECLINE_MIN_SHARE = 0.03  # and at least 3% lower in all, so day-to-day noise is not a trend


SIGNS_FRESH_DAYS = 1  # a sign named today or yesterday stands until a later check-in drops it


def recent_signs(checkins: Sequence[CheckIn], today: date) -> tuple[str, ...]:
    """Warning signs (swelling, nerve symptoms, low motivation) in the latest check-in, if it is fresh.

    No persistence is asked of them: the rest-pause guide keeps rest-pause for when there are "no persistent
    pain, nerve symptoms, swelling", and pulls it "if motivation tanks"; the cautious reading acts at once.
    """
    if not checkins:
        return ()
    latest = max(checkins, key=lambda c: c.day)
    return latest.signs if 0 <= (today - latest.day).days <= SIGNS_FRESH_DAYS else ()


def _latest(checkins: Sequence[CheckIn]) -> CheckIn | None:
    return max(checkins, key=lambda c: c.day) if checkins else None


class Persistent(BaseModel):
    model_config = ConfigDict(frozen=True)

    what: str  # a joint, or "soreness"
    days: int
    level: JointLevel


def _streak(days_levels: Sequence[tuple[date, JointLevel]], today: date, minimum: JointLevel) -> int:
    """Consecutive days, ending today or yesterday, at `minimum` or worse."""
    streak = 0
    expected: date | None = None
    for day, level in sorted(days_levels, reverse=True):
        if expected is None:
            if (today - day).days > 1:
                return 0
        elif day != expected:
            break
        if LEVEL_SCORE[level] < LEVEL_SCORE[minimum]:
            break
        streak += 1
        expected = day - timedelta(days=1)
    return streak


def persistent_joints(checkins: Sequence[CheckIn], today: date) -> list[Persistent]:
    joints = {joint for checkin in checkins for joint in checkin.joints}
    found: list[Persistent] = []
    for joint in sorted(joints):
        history = [(c.day, c.joints.get(joint, JointLevel.NONE)) for c in checkins]
        moderate = _streak(history, today, JointLevel.MODERATE)
        mild = _streak(history, today, JointLevel.MILD)
        if moderate >= JOINT_MODERATE_DAYS or mild >= JOINT_MILD_DAYS:
            latest = max(history)[1]
            found.append(Persistent(what=joint, days=max(moderate, mild), level=latest))
    return found


def lingering_soreness(checkins: Sequence[CheckIn], today: date) -> Persistent | None:
    days = _streak([(c.day, c.soreness) for c in checkins], today, JointLevel.MILD)
    if days < SORENESS_DAYS:
        return None
    latest = max(checkins, key=lambda c: c.day)
    return Persistent(what="soreness", days=days, level=latest.soreness)


def joint_warnings(parsed: ParsedSet, context: Context) -> list[Feedback]:
    exercise = lookup(parsed.exercise)
    if exercise is None:
        return []
    items: list[Feedback] = []
    for irritated in persistent_joints(context.checkins, context.local_today):
        if irritated.what not in exercise.joints:
            continue
        intensifier = parsed.technique in INTENSIFIERS
        items.append(
            remark("warning.joint" if intensifier else "warning.joint_straight", Level.WARN if intensifier else
                   Level.NOTE, (RP,), parsed.exercise, joint=irritated.what, days=irritated.days,
                   technique=parsed.technique.value, exercise=exercise.name, moderate_days=JOINT_MODERATE_DAYS,
                   mild_days=JOINT_MILD_DAYS)
        )  # fmt: skip
    return items


def soreness_warning(parsed: ParsedSet, context: Context) -> list[Feedback]:
    if parsed.technique not in INTENSIFIERS:
        return []
    sore = lingering_soreness(context.checkins, context.local_today)
    exercise = lookup(parsed.exercise)
    if sore is None or exercise is None:
        return []
    latest = max(context.checkins, key=lambda c: c.day)
    if latest.sore_muscles and not set(latest.sore_muscles) & set(exercise.muscles):
        return []
    return [remark("warning.soreness", Level.WARN, (RP,), parsed.exercise, days=sore.days, exercise=exercise.name)]


def declining(bests: Sequence[float]) -> bool:
    """A main lift's e1RM lower in each of its last DECLINE_SESSIONS sessions, and by DECLINE_MIN_SHARE in all."""
    last = bests[-(DECLINE_SESSIONS + 1) :]
    if len(last) <= DECLINE_SESSIONS:
        return False
    falling = all(later < earlier for earlier, later in itertools.pairwise(last))
    return falling and last[-1] <= last[0] * (1 - DECLINE_MIN_SHARE)


def main_lift_decline(
    trends: dict[str, list[float]], unit: Unit = "kg", shown: dict[str, Unit] | None = None
) -> list[Feedback]:
    """`trends` in the lifter's unit (`unit`); each lift's numbers said in `shown[lift]` (the unit of the set
    just logged), else in `unit`."""
    items: list[Feedback] = []
    for name, bests in trends.items():
        if not declining(bests):
            continue
        said = (shown or {}).get(name, unit)
        before, after = (convert(value, unit, said) for value in (bests[-(DECLINE_SESSIONS + 1)], bests[-1]))
        shown_after, shown_before = rounded_pair(after, before, said)  # as every e1RM in a reply is said
        items.append(
            remark("warning.main_lift_drop", Level.WARN, (RP,), name, exercise=name, sessions=DECLINE_SESSIONS,
                   before=format_load(shown_before), after=format_load(shown_after), unit=said)
        )  # fmt: skip
    return items


def signs_on(exercise_joints: Sequence[str], context: Context) -> list[tuple[str, str]]:
    """The fresh warning signs that bear on an exercise loading `exercise_joints`: (sign, joint), the joint ""
    for a sign named without one (or for low motivation, which is never a joint's)."""
    latest = _latest(context.checkins)
    signs = recent_signs(context.checkins, context.local_today)
    if latest is None or not signs:
        return []
    named = [joint for joint in latest.joints if LEVEL_SCORE[latest.joints[joint]] > 0]
    loaded = [joint for joint in named if joint in exercise_joints]
    found: list[tuple[str, str]] = []
    for sign in signs:
        if sign == "low_motivation":
            found.append((sign, ""))
        elif loaded or not named:
            found.append((sign, loaded[0] if loaded else ""))
    return found


def sign_warnings(parsed: ParsedSet, context: Context) -> list[Feedback]:
    """Swelling or nerve symptoms on a joint this exercise loads, or motivation gone: no intensifiers."""
    if parsed.technique not in INTENSIFIERS:
        return []
    exercise = lookup(parsed.exercise)
    if exercise is None:
        return []
    items: list[Feedback] = []
    for sign, where in signs_on(exercise.joints, context):
        if sign == "low_motivation":
            items.append(remark("warning.motivation", Level.WARN, (RP,), parsed.exercise, exercise=exercise.name,
                                technique=parsed.technique.value))  # fmt: skip
        else:
            rule = "warning.sign" if where else "warning.sign_anywhere"
            items.append(remark(rule, Level.WARN, (RP,), parsed.exercise, sign=sign, joint=where,
                                exercise=exercise.name, technique=parsed.technique.value))  # fmt: skip
    return items


def check(new_sets: Sequence[ParsedSet], context: Context, trends: dict[str, list[float]]) -> list[Feedback]:
    items: list[Feedback] = []
    for parsed in {(s.exercise, s.technique): s for s in new_sets}.values():
        items.extend(joint_warnings(parsed, context) + soreness_warning(parsed, context))
        items.extend(sign_warnings(parsed, context))
    shown = {parsed.exercise: parsed.unit for parsed in new_sets if parsed.unit is not None}
    return items + main_lift_decline(trends, context.profile.unit, shown)
