"""Data shared by the parser, the rules and the front-ends.

Everything here is plain data (pydantic v2 models); no I/O, no clock reads.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Unit = Literal["kg", "lb"]


class Technique(StrEnum):
    STRAIGHT = "straight"
    REST_PAUSE = "rest_pause"
    DROP_SET = "drop_set"
    MYO_REPS = "myo_reps"  # an activation set, then three or more equal mini-sets (a rest-pause variant)
    CLUSTER = "cluster"  # short planned breaks inside one set: `2+2+2 cluster`
    CARDIO = "cardio"  # a duration and/or distance, no reps and no load


# The intensifiers the guides limit per muscle per week and pull first when a joint is irritated.
# Myo-reps are rest-pause with equal mini-sets: the guides don't name them, so the cautious reading
# counts them with rest-pause. Clusters (planned short breaks for quality reps) are not a fatigue technique.
INTENSIFIERS: frozenset[Technique] = frozenset({Technique.REST_PAUSE, Technique.DROP_SET, Technique.MYO_REPS})


class Level(StrEnum):
    """Feedback severity; the order is the order replies list them in (worst first)."""

    WARN = "warn"
    NOTE = "note"
    GOOD = "good"


LEVEL_ORDER: dict[Level, int] = {Level.WARN: 0, Level.NOTE: 1, Level.GOOD: 2}


class Segment(BaseModel):
    """One continuous run of reps at one load: a straight set has one, a rest-pause set one per burst.

    A timed hold (`plank 60s`) has `seconds` and no reps (0); a cardio segment has `seconds` and/or
    `distance_m`, no reps and no load.
    """

    model_config = ConfigDict(frozen=True)

    load: float | None
    reps: int
    seconds: int | None = None
    distance_m: float | None = None

    def contract_dict(self) -> dict[str, object]:
        shape: dict[str, object] = {"load": self.load, "reps": self.reps}
        if self.seconds is not None:
            shape["seconds"] = self.seconds
        if self.distance_m is not None:
            shape["distance_m"] = self.distance_m
        return shape


class ParsedSet(BaseModel):
    """One set as the lifter wrote it, resolved against the catalog."""

    model_config = ConfigDict(frozen=True)

    exercise: str
    raw_exercise: str
    known: bool = True
    technique: Technique = Technique.STRAIGHT
    segments: tuple[Segment, ...]
    unit: Unit | None = None
    bodyweight: bool = False
    rir: float | None = None
    rpe: float | None = None
    amrap: bool = False
    rest_s: int | None = None
    group: int | None = None
    # Position inside a pair ("bench > fly": bench is 0, fly is 1); None outside pairs.
    pair_position: int | None = None
    note: str | None = None  # what the lifter wrote that is not numbers: `(paused)`, `bands`
    warmup: bool = False  # `warmup: 60kg 5`, Liftosaur's `/ warmup: ...`
    per_side: bool = False  # the load or reps are per side / per arm: `40kg/side`, `each`, `15/15`

    @property
    def timed(self) -> bool:
        """A hold or cardio: seconds (or metres), not reps."""
        return any(segment.seconds is not None or segment.distance_m is not None for segment in self.segments)

    @property
    def first_reps(self) -> int:
        return self.segments[0].reps

    @property
    def total_reps(self) -> int:
        return sum(segment.reps for segment in self.segments)

    @property
    def top_load(self) -> float | None:
        loads = [segment.load for segment in self.segments if segment.load is not None]
        return max(loads) if loads else None

    def contract_dict(self) -> dict[str, object]:
        """The JSON shape `python -m bot parse` promises (docs/notation.md)."""
        return {
            "exercise": self.exercise,
            "raw_exercise": self.raw_exercise,
            "technique": self.technique.value,
            "segments": [segment.contract_dict() for segment in self.segments],
            "unit": self.unit,
            "bodyweight": self.bodyweight,
            "rir": self.rir,
            "rpe": self.rpe,
            "amrap": self.amrap,
            "rest_s": self.rest_s,
            "group": self.group,
            **self._contract_extras(),
        }

    def _contract_extras(self) -> dict[str, object]:
        """Keys the contract carries only when they say something (old readers see the old shape)."""
        extras: dict[str, object] = {}
        if self.note is not None:
            extras["note"] = self.note
        if self.warmup:
            extras["warmup"] = True
        if self.per_side:
            extras["per_side"] = True
        return extras


ParseParam = str | int | float


class ParseError(BaseModel):
    """What the parser could not read, where, and how to write it instead.

    `code` and `hint` are message ids with their `params` and `hint_params` (rules stay language-free);
    the words live in handlers/words/parsing.py. A line with numbers but no exercise name
    (`100x8`) is refused as `missing_exercise` and carries what its numbers said in `sets`, with an
    empty exercise name, for a conversation layer that knows the exercise from earlier lines.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, ParseParam] = Field(default_factory=dict)
    column: int | None = None
    hint: str | None = None
    hint_params: dict[str, ParseParam] = Field(default_factory=dict)
    line: int = 1
    sets: tuple[ParsedSet, ...] = ()


class ParseResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    sets: tuple[ParsedSet, ...] = ()
    errors: tuple[ParseError, ...] = ()
    # The canonical name on the last line that held only an exercise name (`Bench Press` above a
    # list of bare sets); such a line gives no sets and no error.
    heading: str | None = None


class LoggedSet(BaseModel):
    """A set from the lifter's history: what the rules see of stored data."""

    model_config = ConfigDict(frozen=True)

    performed_at: datetime
    set: ParsedSet

    @field_validator("performed_at")
    @classmethod
    def _in_utc(cls, moment: datetime) -> datetime:
        # Read from JSON, a moment carries pydantic's own tzinfo, whose every comparison and conversion calls
        # back into Python: ten times slower than the standard UTC, on rules that compare hundreds of them.
        return moment.astimezone(UTC) if moment.tzinfo is not None else moment


class JointLevel(StrEnum):
    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


LEVEL_SCORE: dict[JointLevel, int] = {
    JointLevel.NONE: 0,
    JointLevel.MILD: 1,
    JointLevel.MODERATE: 2,
    JointLevel.SEVERE: 3,
}


class CheckIn(BaseModel):
    """A daily answer about soreness and joints; `day` is the lifter's local date."""

    model_config = ConfigDict(frozen=True)

    day: date
    soreness: JointLevel = JointLevel.NONE
    sore_muscles: tuple[str, ...] = ()
    joints: dict[str, JointLevel] = Field(default_factory=dict)
    # Warning signs named besides soreness and joints (rest-pause guide): "swelling", "nerve", "low_motivation".
    signs: tuple[str, ...] = ()


class Experience(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class LifterProfile(BaseModel):
    model_config = ConfigDict(frozen=True)

    unit: Unit = "kg"
    experience: Experience = Experience.INTERMEDIATE
    unit_set_at: datetime | None = None  # when `unit` was chosen in /settings (None: never, it is the default)


class Awaiting(StrEnum):
    """The free-text answer we asked a lifter for (stored as these strings in `users.awaiting`)."""

    TIMEZONE = "timezone"
    CHECKIN_TIME = "checkin_time"
    CHECKIN = "checkin"  # the check-in prompt went out: words like "elbow 2" answer it


class MessageKind(StrEnum):
    """What a stored message turned out to be (stored as these strings in `messages.kind`)."""

    PENDING = "pending"  # stored, not yet routed (the column's default)
    COMMAND = "command"
    SETS = "sets"
    EDITING = "editing"  # an edit being applied; replaced by its outcome at once
    UNREADABLE = "unreadable"
    QUESTION = "question"
    CHAT = "chat"
    IMPORT = "import"
    UNDONE = "undone"
    CONVERSATION = "conversation"  # workout talk that logged no set: a heading, `rest 90`, `done`, a question back
    # Answers to what we asked (one per Awaiting)
    TIMEZONE = "timezone"
    CHECKIN_TIME = "checkin_time"
    CHECKIN = "checkin"


class UserSettings(BaseModel):
    """A lifter's settings as storage keeps them."""

    model_config = ConfigDict(frozen=True)

    id: int
    unit: Unit = "kg"
    experience: Experience = Experience.INTERMEDIATE
    timezone: str | None = None
    checkin_time: str = "09:00"
    checkins_on: bool = False
    next_checkin_utc: datetime | None = None
    chat_id: int | None = None
    awaiting: Awaiting | None = None
    block_started_on: date | None = None  # first day (the lifter's local date) of a running 12-week block
    language: str | None = None  # the reply language chosen in /settings ("en", "ru"); None: Telegram's
    unit_set_at: datetime | None = None  # when `unit` was last chosen in /settings (None: never)
    # when the lifter no longer needs the "logged in kg; lifting in lb?" hint: it was shown, or they wrote a unit
    unit_hint_at: datetime | None = None

    @property
    def profile(self) -> LifterProfile:
        return LifterProfile(unit=self.unit, experience=self.experience, unit_set_at=self.unit_set_at)


class HistoryRow(BaseModel):
    """A stored set with its message, for /history and export."""

    model_config = ConfigDict(frozen=True)

    performed_at: datetime
    message_row: int
    position: int
    set: ParsedSet


ParamItem = dict[str, str | int | float]
Param = str | int | float | tuple[ParamItem, ...]  # a tuple renders one catalogue line per item


class Feedback(BaseModel):
    """One coaching remark as data: the rule's id, its numbers and names, how serious, and its sources.

    The words live in `handlers/words/feedback.py` (one catalogue per language), keyed by `rule`; a
    translation is a new catalogue, never an edit here. Feedback stored before the rules returned ids
    (`text`, `why`, `source` strings) still reads: it becomes the `legacy` rule with those as params.
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    level: Level
    params: dict[str, Param] = Field(default_factory=dict)
    sources: tuple[str, ...] = ()  # ids from rules/sources.py
    exercise: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: object) -> object:
        if isinstance(data, dict) and "text" in data and "params" not in data:
            params = {key: str(data.get(key) or "") for key in ("text", "why", "source")}
            return {
                "rule": LEGACY_RULE,
                "level": data.get("level", Level.NOTE),
                "params": {**params, "rule": str(data.get("rule", ""))},
                "exercise": data.get("exercise"),
            }
        return data


LEGACY_RULE = "legacy"  # feedback stored as finished English before rules returned ids


def remark(rule: str, level: Level, sources: tuple[str, ...], about: str | None = None, /, **params: Param) -> Feedback:
    """A Feedback without the keyword noise: `remark("pair.rest_long", Level.NOTE, (POST,), None, rest_s=120)`;
    `about` is the exercise the remark is about (Feedback.exercise), params are the words' fields."""
    return Feedback(rule=rule, level=level, params=params, sources=sources, exercise=about)


class RuleFamily:
    """The remarks of one rule family: their id prefix and the sources they cite unless told otherwise.

    `PAIR = RuleFamily("pair", (POST,))`, then `PAIR.about("rest_long", Level.NOTE, None, rest_s=120)`, or
    `DROP_SET.on("good", Level.GOOD, parsed, drops=2)` for a remark on one set (it names the exercise)."""

    def __init__(self, name: str, sources: tuple[str, ...]) -> None:
        self.name = name
        self.sources = sources

    def about(self, rule: str, level: Level, about: str | None = None, /, *sources: str, **params: Param) -> Feedback:
        rule_id = f"{self.name}.{rule}"  # tests/test_words.py reads the ids at the `_item(...)` calls
        return Feedback(rule=rule_id, level=level, params=params, sources=sources or self.sources, exercise=about)

    def on(self, rule: str, level: Level, parsed: ParsedSet, /, *sources: str, **params: Param) -> Feedback:
        return self.about(rule, level, parsed.exercise, *sources, **{"exercise": parsed.exercise, **params})
