"""Daily check-ins: the prompt (about what was trained), reading free-text answers, and what they mean."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rules.catalog import lookup
from rules.models import LEVEL_SCORE, CheckIn, Feedback, JointLevel, Level, LoggedSet, Technique, remark
from rules.muscles import MUSCLE_WORDS
from rules.recovery import (
    JOINT_MILD_DAYS,
    JOINT_MODERATE_DAYS,
    lingering_soreness,
    persistent_joints,
    recent_signs,
)
from rules.sources import Source

RP = Source.REST_PAUSE_GUIDE

JOINTS: dict[str, str] = {
    "elbow": "elbow", "elbows": "elbow", "shoulder": "shoulder", "shoulders": "shoulder", "knee": "knee",
    "knees": "knee", "lower back": "lower back", "low back": "lower back", "lumbar": "lower back",
    "back": "lower back", "wrist": "wrist", "wrists": "wrist", "hip": "hip", "hips": "hip",
}  # fmt: skip
JOINT_BUTTONS = ("elbow", "shoulder", "knee", "lower back", "wrist", "hip")
# Muscle words, except those a check-in reads as a joint first ("shoulder", "back": the cautious reading).
MUSCLES: dict[str, tuple[str, ...]] = {word: group for word, group in MUSCLE_WORDS.items() if word not in JOINTS}
# Words for how bad it is; numbers 0-3 work too (and 4-10 read as severe).
LEVEL_WORDS: tuple[tuple[re.Pattern[str], JointLevel], ...] = (
    (re.compile(r"\b(very|really|super|severe|severely|bad|badly|a lot|lots|awful|terrible|wrecked|destroyed)\b"),
     JointLevel.SEVERE),
    (re.compile(r"\b(moderate|moderately|quite|pretty|fairly|medium|sore-ish|achy|aching)\b"), JointLevel.MODERATE),
    (re.compile(r"\b(a bit|a little|bit|little|slight|slightly|mild|mildly|tiny|tad|minor)\b"), JointLevel.MILD),
    (re.compile(r"\b(no|none|not|fine|ok|okay|good|great|zero|nothing)\b"), JointLevel.NONE),
)  # fmt: skip
ALL_GOOD = re.compile(
    r"^\s*(all\s+good|all\s+fine|fine|good|great|ok|okay|nothing|none|no|nope|all\s+clear|feeling\s+good|"
    r"no\s+soreness|nothing\s+sore|all\s+ok|0)\s*[.!]*\s*$"
)
_NUMBER = re.compile(r"\b(\d{1,2})(?:\s*/\s*(?:3|10))?\b")
_SEPARATORS = re.compile(r"[,;]|\band\b|\bbut\b|\.")
_SORE = re.compile(r"\bsore\w*|\bdoms\b|\btight\b|\bstiff\b")
# The warning signs the rest-pause guide names besides pain: nerve symptoms, swelling, motivation that tanks.
SIGNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bswell\w*|\bswollen\b|\bpuffy\b|\binflamed\b"), "swelling"),
    (re.compile(r"\btingl\w*|\bnumb\w*|\bnerve\w*|\bpins and needles\b|\bshooting\b|\bradiat\w*"), "nerve"),
    (re.compile(r"\b(no|zero|low|lost|lack of|little)\s+(motivation|drive|energy)\b|\bunmotivated\b|"
                r"\bdemotivated\b|\bburn(ed|t)\s*out\b|\bdread\w*|\b(don'?t|do not) (want|feel like) (to )?"
                r"train\w*"), "low_motivation"),
)  # fmt: skip



class Understood(BaseModel):
    """One thing an answer said, repeated back to the lifter (handlers/words/checkins.py words it):
    `all_good`; a `joint` (`name`) at a `level`; sore `muscles` (catalog groups) at a `level`; `soreness`
    with no muscle named; a `sign` (`name`: swelling, nerve, low_motivation)."""

    model_config = ConfigDict(frozen=True)

    what: Literal["all_good", "joint", "muscles", "soreness", "sign"]
    name: str = ""
    muscles: tuple[str, ...] = ()
    level: JointLevel = JointLevel.NONE


class CheckInReading(BaseModel):
    model_config = ConfigDict(frozen=True)

    checkin: CheckIn | None
    understood: tuple[Understood, ...] = ()


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


def _level(text: str, default: JointLevel) -> JointLevel:
    number = _NUMBER.search(text)
    if number:
        value = int(number.group(1))
        scale = 10 if "/10" in text.replace(" ", "") else 3
        if scale == 10:
            value = 0 if value == 0 else 1 if value <= 3 else 2 if value <= 6 else 3
        return (JointLevel.NONE, JointLevel.MILD, JointLevel.MODERATE, JointLevel.SEVERE)[min(value, 3)]
    for pattern, level in LEVEL_WORDS:
        if pattern.search(text):
            return level
    return default


def is_body_word(name: str) -> bool:
    """A joint or muscle word (`elbow`, `lower back`, `quads`): never an exercise name."""
    return name.strip().lower() in JOINTS or name.strip().lower() in MUSCLES


def read_signs(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    return tuple(sign for pattern, sign in SIGNS if pattern.search(lowered))


def read_answer(text: str, day: date) -> CheckInReading:
    """`elbow 2, chest a bit sore`, `all good`, `knees mild`, `elbow swollen`, `no motivation`: a CheckIn, or
    None if nothing was understood."""
    lowered = text.lower().strip()
    signs = read_signs(lowered)
    if ALL_GOOD.match(lowered):
        return CheckInReading(checkin=CheckIn(day=day), understood=(Understood(what="all_good"),))
    joints: dict[str, JointLevel] = {}
    sore_muscles: list[str] = []
    soreness = JointLevel.NONE
    understood: list[Understood] = []
    for part in filter(None, (p.strip() for p in _SEPARATORS.split(lowered))):
        part_signs = read_signs(part)
        joint = next(
            (JOINTS[name] for name in sorted(JOINTS, key=len, reverse=True) if re.search(rf"\b{name}\b", part)), None
        )
        muscles = [m for name, group in MUSCLES.items() if re.search(rf"\b{name}\b", part) for m in group]
        if joint is not None and not (muscles and _SORE.search(part)):
            level = _level(part, JointLevel.MODERATE if part_signs else JointLevel.MILD)
            joints[joint] = level
            understood.append(Understood(what="joint", name=joint, level=level))
        elif muscles or _SORE.search(part):
            level = _level(part, JointLevel.MILD)
            if LEVEL_SCORE[level] > LEVEL_SCORE[soreness]:
                soreness = level
            sore_muscles.extend(m for m in muscles if m not in sore_muscles)
            understood.append(Understood(what="muscles", muscles=tuple(muscles), level=level) if muscles
                              else Understood(what="soreness", level=level))  # fmt: skip
    understood.extend(Understood(what="sign", name=sign) for sign in signs)
    if not understood:
        return CheckInReading(checkin=None)
    checkin = CheckIn(day=day, soreness=soreness, sore_muscles=tuple(sore_muscles), joints=joints, signs=signs)
    return CheckInReading(checkin=checkin, understood=tuple(understood))


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
    joints_today = sorted(todays[-1].joints) if todays else []
    for sign in recent_signs(ordered, today):
        where = ", ".join(joints_today) if joints_today else ""
        rule = (
            "checkin.low_motivation" if sign == "low_motivation"
            else ("checkin.swelling" if where else "checkin.swelling_anywhere") if sign == "swelling"
            else "checkin.nerve" if where else "checkin.nerve_anywhere"
        )  # fmt: skip
        items.append(remark(rule, Level.WARN, (RP,), None, joints=where))
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
