"""Daily check-ins: the prompt (about what was trained), reading free-text answers (rules/checkin_reading.py,
in English and Russian), and what they mean."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from rules.catalog import lookup
from rules.checkin_reading import JOINT_BUTTONS, CheckInReading, Understood, is_body_word, read_answer, says_sore
from rules.models import (
    LEVEL_SCORE,
    CheckIn,
    Feedback,
    JointLevel,
    Level,
    LoggedSet,
    Param,
    ParamItem,
    Technique,
    remark,
)
from rules.recovery import (
    JOINT_MILD_DAYS,
    JOINT_MODERATE_DAYS,
    lingering_soreness,
    persistent_joints,
    recent_signs,
)
from rules.sources import Source

RP = Source.REST_PAUSE_GUIDE
# Reading answers lives in rules/checkin_reading.py; these names are the check-in's whole interface.
__all__ = [
    "JOINT_BUTTONS", "CheckInReading", "Intensified", "Prompt", "Understood", "assessment", "is_body_word",
    "prompt", "read_answer", "says_sore",
]  # fmt: skip


class Intensified(BaseModel):
    """An intensifier used on a catalog exercise (`exercise` is the catalog's name, the words' id)."""

    model_config = ConfigDict(frozen=True)

    technique: Technique
    exercise: str


class Prompt(BaseModel):
    """What the daily question asks about: the muscles last trained (catalog groups, in order) and the
    intensifiers used on them; no muscles means a general question."""

    model_config = ConfigDict(frozen=True)

    muscles: tuple[str, ...] = ()
    intensified: tuple[Intensified, ...] = ()


def prompt(recent: Sequence[LoggedSet]) -> Prompt:
    """`Last session: chest, triceps (rest-pause on Triceps Pressdown)`, as data: the primary muscles of the
    catalog exercises in `recent`, and each technique other than straight sets, once per exercise."""
    muscles: list[str] = []
    intensified: list[Intensified] = []
    for logged in recent:
        exercise = lookup(logged.set.exercise)
        if exercise is None:
            continue
        muscles.extend(m for m in exercise.primary if m not in muscles)
        if logged.set.technique is not Technique.STRAIGHT:
            used = Intensified(technique=logged.set.technique, exercise=exercise.name)
            if used not in intensified:
                intensified.append(used)
    return Prompt(muscles=tuple(muscles), intensified=tuple(intensified) if muscles else ())


def assessment(checkins: Sequence[CheckIn], today: date) -> list[Feedback]:
    """What today's answer means, worst first: warning signs and persistent joints pull intensifiers first."""
    items: list[Feedback] = []
    ordered = sorted(checkins, key=lambda c: c.day)
    todays = [c for c in ordered if c.day == today]
    # The joints named today, each a list item the words render in the lifter's language (`elbow, knee`).
    latest = todays[-1].joints if todays else {}
    named = sorted(joint for joint, level in latest.items() if level is not JointLevel.NONE)
    where: tuple[ParamItem, ...] = tuple({"joint": joint} for joint in named)
    for sign in recent_signs(ordered, today):
        rule = (
            "checkin.low_motivation" if sign == "low_motivation"
            else ("checkin.swelling" if where else "checkin.swelling_anywhere") if sign == "swelling"
            else "checkin.nerve" if where else "checkin.nerve_anywhere"
        )  # fmt: skip
        params: dict[str, Param] = {"joints": where} if rule in ("checkin.swelling", "checkin.nerve") else {}
        items.append(remark(rule, Level.WARN, (RP,), None, **params))
    for irritated in persistent_joints(ordered, today):
        items.append(remark("checkin.persistent_joint", Level.WARN, (RP,), None, joint=irritated.what,
                            days=irritated.days))  # fmt: skip
    sore = lingering_soreness(ordered, today)
    if sore is not None:
        items.append(remark("checkin.lingering_soreness", Level.WARN, (RP,), None, days=sore.days))
    earlier = [c for c in ordered if c.day < today]
    if todays and earlier:
        now, before = todays[-1], earlier[-1]
        for joint, level in before.joints.items():
            after = now.joints.get(joint, JointLevel.NONE)
            if LEVEL_SCORE[after] < LEVEL_SCORE[level]:
                items.append(remark("checkin.better", Level.GOOD, (RP,), None, joint=joint, before=level.value,
                                    after=after.value))  # fmt: skip
    if not items:
        items.append(remark("checkin.noted", Level.GOOD, (RP,), None, moderate_days=JOINT_MODERATE_DAYS,
                            mild_days=JOINT_MILD_DAYS))  # fmt: skip
    return items
