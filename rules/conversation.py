"""The workout as a conversation: what a line means, given what the lifter said before it.

Real lifters text one set per message and name the exercise once (issue #15): `Bench Press`, then
`100x8`, `8`, `same`, `+2.5`, `rest 90`, `done`. `read_message` takes the lifter's conversation
`State` (kept in storage per lifter and chat) and a message, and returns what each line meant and the
state after it. Pure: the moment is passed in, nothing is read from a clock, a database or the network.

Order inside a line: session words (`done`), rest, repeats (`same`, `x2`), load changes (`+2.5`), a
bare line of numbers (a set of the open exercise), an exercise named alone (a heading), and last a
full line with its own exercise name (the parser's job, `rules.notation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from rules.answers import is_question
from rules.catalog import Kind, lookup
from rules.models import ParsedSet, ParseError, ParseResult, Segment, Technique, Unit
from rules.notation import (
    MAX_LOAD,
    MAX_NAME_CHARS,
    MAX_REPS,
    MAX_REST_S,
    MAX_RPE,
    Msg,
    format_load,
    parse_message,
    technique_named,
    with_failure,
)
from rules.units import convert

SESSION_IDLE = timedelta(minutes=90)  # issue #15: 90 minutes with nothing logged close the session
BARE_REPS_MAX = 30  # a lone whole number up to this is reps at the last load; above it, ask (`105` alone)
REST_MINUTES_MAX = 10  # `rest 3` is 3 minutes; `rest 90` is 90 seconds
MAX_REPEATS = 10  # `x10` repeats the last set ten times; more is a typo
# `8 @11` after `bench 100kg 5`: over RPE 10, so the parser reads 11 as a load, but a load this far from the
# last one (under half, over double) is more likely a mistyped effort: asked about, not guessed. A reading
# guard, not coaching (general practice, not from the guides).
AT_LOAD_FAR_FACTOR = 2.0
HEADING_MAX_WORDS = 6  # `Bench Press – cycle goal: 245` is a heading; a sentence is not


class State(BaseModel):
    """Where the lifter is in the workout; stored as JSON per lifter and chat."""

    model_config = ConfigDict(frozen=True)

    exercise: str | None = None  # the open exercise: bare lines are its sets
    last: ParsedSet | None = None  # the last set logged (for `same`, `+2.5`, `8`)
    session_start: datetime | None = None  # the open session's first set
    last_at: datetime | None = None  # the moment of the last set (90 minutes idle close the session)
    seen: tuple[str, ...] = ()  # exercises already done this session (the first set shows "last time")
    warming_up: bool = False  # after a `Warm ups` line, until `Working sets` or another exercise
    said: tuple[tuple[str, str], ...] = ()  # (rule, exercise) of the notes and praise already shown this session
    technique: Technique | None = None  # the open exercise's heading named it (`drop set curls`): bare sets read so

    @property
    def session_open(self) -> bool:
        return self.session_start is not None


class LineKind(StrEnum):
    SETS = "sets"
    HEADING = "heading"
    REST = "rest"
    DONE = "done"
    ASK = "ask"  # a lone number that could be a load or reps: asked about, not guessed
    ERROR = "error"  # ours or the parser's: a clear reply, nothing lost
    OTHER = "other"  # not workout talk (a question, a greeting): the router tries the rest
    WARMUPS = "warmups"  # `Warm ups`: the sets that follow are warm-ups
    WORKING = "working"  # `Working sets`: warm-ups are over
    REST_DAY = "rest_day"  # `rest day`, `день отдыха`: no training today, nothing to log (not an exercise)


class How(StrEnum):
    """How a set was read, echoed so that a misread shows at once."""

    NAMED = "named"  # the line named its exercise
    CARRIED = "carried"  # a bare line, logged under the open exercise with its own load
    SAME_LOAD = "same_load"  # reps only: the last set's load carried forward
    REPEAT = "repeat"  # `same`, `again`, `x2`
    LOAD_CHANGE = "load_change"  # `+2.5`, `-10kg 10`


class Problem(StrEnum):
    """Errors of the conversation itself (the parser has its own), with their numbers in `Line`."""

    NOTHING_TO_REPEAT = "nothing_to_repeat"
    NO_EXERCISE = "no_exercise"
    NO_LOAD_TO_CHANGE = "no_load_to_change"
    TOO_MANY_REPEATS = "too_many_repeats"
    LOAD_OUT_OF_RANGE = "load_out_of_range"
    REST_OUT_OF_RANGE = "rest_out_of_range"
    REST_NO_TIME = "rest_no_time"  # `rest`, `resting`, `отдыхаю` alone: how long?


@dataclass(frozen=True)
class Line:
    """What one line meant."""

    kind: LineKind
    number: int = 1
    sets: tuple[ParsedSet, ...] = ()
    how: How | None = None
    exercise: str | None = None
    delta: float | None = None  # LOAD_CHANGE: the change, in the set's unit
    seconds: int | None = None  # REST
    value: float | None = None  # ASK: the lone number, or the number after `@` (`8 @11`)
    reps: int | None = None  # ASK: the reps written before that `@` number (`8 @11`: 8)
    count: int | None = None  # REPEAT: how many copies
    note: str | None = None  # HEADING: what followed the name (`cycle goal: 245`)
    technique: Technique | None = None  # HEADING: the technique named with it (`Rest-pause curls`)
    problem: Problem | None = None
    errors: tuple[ParseError, ...] = ()


@dataclass(frozen=True)
class Turn:
    """A whole message read against the state it arrived in."""

    lines: tuple[Line, ...]
    state: State
    before: State
    started_session: bool = False
    closed: State | None = None  # DONE, or a new set 90 idle minutes later: the session that ended
    first_of: tuple[str, ...] = field(default=())  # exercises whose first set of the session this holds

    @property
    def sets(self) -> tuple[ParsedSet, ...]:
        return tuple(s for line in self.lines for s in line.sets)

    @property
    def errors(self) -> tuple[ParseError, ...]:
        return tuple(e for line in self.lines for e in line.errors)

    @property
    def rest_s(self) -> int | None:
        """The rest to time after this message: a `rest 90` line, else the last set's own rest."""
        for line in reversed(self.lines):
            if line.kind is LineKind.REST:
                return line.seconds
            if line.sets:
                return line.sets[-1].rest_s
        return None

    @property
    def kinds(self) -> frozenset[LineKind]:
        return frozenset(line.kind for line in self.lines)

    @property
    def is_workout_talk(self) -> bool:
        """Anything but OTHER lines: the router answers it here rather than as a question."""
        return bool(self.lines) and LineKind.OTHER not in self.kinds

    @property
    def ask(self) -> Line | None:
        return next((line for line in self.lines if line.kind is LineKind.ASK), None)


# Words ---------------------------------------------------------------------------------------

_DONE = re.compile(
    r"^(?:/?done|finished|finish|all done|done for (?:today|the day)|workout (?:done|over|finished)|"
    r"that'?s it|end(?: of)? (?:session|workout)|session (?:done|over)|готово|всё|все|закончил[аи]?)[.!]*$"
)
_REPEAT_ONE = re.compile(
    r"^(?:same(?: again)?|again|one more|another(?: one)?|repeat|ditto|same set|ещё|еще|ещё раз|еще раз|"
    r"то же|тоже самое|то же самое)(?P<rest>(?:\s+|$).*)$"
)
_REPEAT_N = re.compile(  # not `x 5 - 145` (5 reps at 145, as teamhpf.com's logs write them)
    r"^(?:x\s*(?P<x>\d+)|(?P<n>\d+|two|three|four|five) more(?: sets?)?)(?P<rest>(?:\s+(?![-–—]\s*\d)|$).*)$"
)
_EMPTY_BAR = re.compile(r"^(?:empty\s+)?(?:bar|barbell)\b", re.IGNORECASE)
_WARMUPS = re.compile(r"^(?:warm[\s-]?ups?|w/?u|warmups? sets?|разминка)[:.]?$")
_WORKING = re.compile(r"^(?:working|work|top|main) sets?[:.]?$|^рабочие(?: подходы)?[:.]?$")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_DELTA_UNITS: dict[str, Unit] = {"kg": "kg", "lb": "lb", "#": "lb", "кг": "kg"}
_LOAD_CHANGE = re.compile(
    r"^(?P<sign>\+|-|plus |minus |add |up |down )\s*(?P<delta>\d+(?:[.,]\d+)?)\s*(?P<unit>kgs?|lbs?|#|кг)?(?![\d.x])"
    r"(?P<rest>.*)$"
)
_REST_WORD = r"rest(?:ed|ing)?|break|отд[ыо][хx]\w*|пауза|перерыв|передых\w*"  # `отдыхаю 90`, `пауза 90`
_REST = re.compile(
    rf"^(?:(?P<word>{_REST_WORD}):?\s*(?:for\s+|на\s+)?)?(?:(?P<clock>\d{{1,2}}:\d{{2}})|(?P<value>\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>s|sec|secs|seconds?|m|min|mins|minutes?|с|сек|секунды?|секунд|мин|минуты?|минут)?)"
    rf"(?:\s+(?P<after>{_REST_WORD}))?(?:\s+(?:after|between|per)(?: each| the)? sets?|\s+между под[хx]одами)?\.?$"
)
_EMPHASIS = re.compile(r"^\s*[*_~]+(?=\S)|(?<=\S)[*_~]+\s*$")
_REST_DAY = re.compile(  # `rest day`, `today is a rest day`, `день отдыха`, `отдых сегодня` (х read as x)
    r"^(?:(?:(?:today(?:'?s| is)?|it'?s|its)\s+(?:a\s+|my\s+)?)?(?:rest|off|recovery)[\s-]?day(?:\s+(?:today|for me))?"
    r"|day off(?:\s+today)?|off today|rest(?:ing)? today|no (?:training|workout|gym|lifting) today"
    r"|(?:сегодня\s+)?(?:день|дни) отд[ыо][xх]\w*(?:\s+сегодня)?|(?:сегодня\s+)?вы[xх]одной(?:\s+сегодня)?"
    r"|отд[ыо][xх]\w*\s+сегодня|сегодня\s+отд[ыо][xх]\w*)[^\w?]*$"  # `rest day 😴`, `Rest Day.`; not `rest day?`
)
_REST_ALONE = re.compile(rf"^(?:{_REST_WORD})(?:\s+(?:now|time|time now|сейчас))?[.!…]*$")
_REST_SAID = re.compile(rf"(?:^|\s)(?:{_REST_WORD})(?:\s|:|$)")
_WARMUP_PREFIX = re.compile(r"^(?:w/u|wu|warm[\s-]?ups?)\b:?\s*", re.IGNORECASE)  # the parser reads `warmup`
_DASH_NOTE = re.compile(r"^(?P<head>.*?\d[^-–—]*?)\s+[-–—]\s+(?P<note>[^\d\s].*)$")
_PAIR_OF = re.compile(r"^\s*2\s*[xх×*]\s*\d")  # `2х20кг 10`: two dumbbells
_LONE_NUMBER = re.compile(r"^(?P<value>\d+(?:\.\d+)?)$")
_REPS_AT_NUMBER = re.compile(r"^(?P<reps>\d+)\s*(?:reps?\s*)?@\s*(?P<value>\d+(?:[.,]\d+)?)$")  # `8 @11`, no unit
_HEADING_SPLIT = re.compile(r"\s+[-–—:]\s*|\s*[:(\[]\s*|\s+-\s+")
_NOT_A_HEADING = re.compile(r"[?!]|^(?:hi|hello|hey|thanks|thank you|ok|okay|cool|nice|yes|no|good|great)\b")


def _normal(line: str) -> str:
    return " ".join(line.replace("×", "x").replace("х", "x").strip().lower().split())


def _copy(parsed: ParsedSet, **changes: object) -> ParsedSet:
    """A new set like `parsed`, outside any pair (a repeat is never half of one), without its note."""
    return parsed.model_copy(update={"group": None, "pair_position": None, "note": None, **changes})


def _rest_seconds(match: re.Match[str]) -> int:
    if match.group("clock"):
        minutes, seconds = match.group("clock").split(":")
        return int(minutes) * 60 + int(seconds)
    value = float(match.group("value").replace(",", "."))
    unit = match.group("unit") or ""
    if unit.startswith(("m", "мин")) or (not unit and value <= REST_MINUTES_MAX):
        return int(value * 60)
    return int(value)


def _read_rest(text: str) -> int | None:
    """`rest 90`, `rest 2 min`, `90s`, `2 min`, `1:30`; a number without `rest` or a unit is not a rest."""
    match = _REST.match(text)
    if match is None or not any(match.group(name) for name in ("word", "after", "unit", "clock")):
        return None
    return _rest_seconds(match)


def _shift(errors: Sequence[ParseError], offset: int, number: int) -> tuple[ParseError, ...]:
    """Errors of a line we parsed with a prefix, pointed back at the lifter's own columns and line."""
    return tuple(
        error.model_copy(
            update={"column": max(1, error.column - offset) if error.column is not None else None, "line": number}
        )
        for error in errors
    )


def _fill_load(parsed: ParsedSet, last: ParsedSet | None) -> tuple[ParsedSet, bool]:
    """Reps written without a load take the last set's load (`8` after `bench 100kg 8`)."""
    if last is None or parsed.bodyweight or any(s.load is not None for s in parsed.segments):
        return parsed, False
    if last.exercise != parsed.exercise or last.top_load is None or last.technique is Technique.DROP_SET:
        return parsed, False
    load = last.segments[0].load
    segments = tuple(Segment(load=load, reps=s.reps) for s in parsed.segments)
    return parsed.model_copy(update={"segments": segments, "unit": last.unit, "bodyweight": last.bodyweight}), True


@dataclass
class _Reader:
    lifter_unit: Unit  # the profile's: what a load without a unit is in when nothing else says
    state: State
    unknown_headings: bool = False
    lines: list[Line] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        """A load written without a unit is in the unit of the session's last loaded set (`squat 315 AMRAP 5`
        after `bench 225lb 5` is 315 lb, #16), else the profile's."""
        return session_unit(self.state) or self.lifter_unit

    def _parse_with(self, exercise: str, body: str, number: int, hidden: int = 0) -> ParseResult:
        """`body` as a set of `exercise`; error columns point at the lifter's text (`hidden` characters
        of `body` were put in by us)."""
        result = parse_message(f"{exercise} {body}", self.unit)
        return ParseResult(sets=result.sets, errors=_shift(result.errors, len(exercise) + 1 + hidden, number))

    def _parse_tail(self, exercise: str, prefix: str, tail: str, reps: int, number: int) -> tuple[ParseResult, bool]:
        """`prefix tail` read as a set of `exercise`; if the tail holds no reps (`@9`, `rest 2min`), the
        last set's reps are put in. Returns the result and whether the tail gave its own reps."""
        result = self._parse_with(exercise, f"{prefix}{tail}", number, len(prefix))
        if result.sets or not tail:
            return result, bool(tail)
        retry = self._parse_with(exercise, f"{prefix}{reps} {tail}", number, len(prefix) + len(str(reps)) + 1)
        return (retry, False) if retry.sets else (result, True)

    def read(self, raw: str, number: int) -> Line:
        raw = _EMPHASIS.sub("", raw)  # `*4 minutes rest after each set*`: chat emphasis, not notation
        text = _normal(raw)
        if _DONE.match(text):
            return Line(LineKind.DONE, number)
        if _WARMUPS.match(text):
            return Line(LineKind.WARMUPS, number, exercise=self.state.exercise)
        if _WORKING.match(text):
            return Line(LineKind.WORKING, number, exercise=self.state.exercise)
        if _REST_DAY.match(text):  # a day off training: nothing to log, and no exercise called "rest day"
            return Line(LineKind.REST_DAY, number, exercise=self.state.exercise)
        rest = _read_rest(text)
        if rest is not None and self._open_timed() and not _REST_SAID.search(text):
            # `Plank` then `60s`, `1:30`: the hold itself, not the rest after it
            held = self._parse_with(self.state.exercise or "", " ".join(raw.split()), number)
            if held.sets:
                return Line(LineKind.SETS, number, sets=held.sets, how=How.CARRIED, exercise=held.sets[-1].exercise)
        if rest is None and _REST_ALONE.match(text):  # not an exercise called "rest": ask how long
            return Line(LineKind.ERROR, number, problem=Problem.REST_NO_TIME, exercise=self.state.exercise)
        if rest is not None:
            if not 0 < rest <= MAX_REST_S:
                return Line(LineKind.ERROR, number, seconds=rest, problem=Problem.REST_OUT_OF_RANGE)
            return Line(LineKind.REST, number, seconds=rest, exercise=self.state.exercise)
        repeat = _REPEAT_ONE.match(text) or _REPEAT_N.match(text)
        if repeat is not None:
            return self._repeat(repeat, number)
        change = _LOAD_CHANGE.match(text)
        if change is not None and (self.state.last is not None or change.group("sign") in ("+", "-")):
            return self._load_change(change, number)
        line = _WARMUP_PREFIX.sub("warmup ", " ".join(raw.split()))
        lone = _LONE_NUMBER.match(line)
        if lone is not None and self.state.exercise is not None:
            value = float(lone.group("value"))
            if not value.is_integer() or value > BARE_REPS_MAX:  # `105` alone: the load or the reps? Ask.
                return Line(LineKind.ASK, number, value=value, exercise=self.state.exercise)
        far = self._far_at_load(text, number)
        if far is not None:
            return far
        result = parse_message(line, self.unit)
        noted = _DASH_NOTE.match(line)
        if noted is not None and not result.sets and result.heading is None:
            # `100kg 8 - last 2 reps were sorta mid`: the words after the dash are the set's note
            retry = parse_message(noted.group("head"), self.unit)
            if retry.sets or _missing_exercise(retry) is not None:
                result = _with_note(retry, noted.group("note"))
        if result.sets and is_question(raw) and not any(parsed.known for parsed in result.sets):
            # `is 100kg 8 @9 too hard?`, `what's my squat 1RM`: a question, not an exercise called "is"
            return Line(LineKind.OTHER, number)
        if result.sets:
            return Line(LineKind.SETS, number, sets=result.sets, how=How.NAMED, exercise=result.sets[-1].exercise,
                        errors=result.errors)  # fmt: skip
        if result.heading is not None:  # `Squat (Low Bar)`: what follows the name is kept as the heading's note
            _, _, tail = _split_heading(raw)
            named = technique_named(raw)  # `Rest-pause curls`: Biceps Curl, to be done rest-pause
            return Line(LineKind.HEADING, number, exercise=result.heading, note=tail or None, technique=named)
        bare = _missing_exercise(result)
        carried = self._carried_unit()
        if bare is not None and carried is not None:  # `230 5` after `bench 225lb 5`: 230 lb, not kg
            result = parse_message(line, carried)
            bare = _missing_exercise(result) or bare
        if bare is not None:
            return self._bare(bare, result, number, line)
        numbers = any(c.isdigit() for c in line)  # `🙂`, `-`, `~~~`: no set at all, so not an error of one
        if self.state.exercise is not None and numbers and any(e.code == Msg.MISSING_EXERCISE for e in result.errors):
            # numbers without a name that the parser could not read: its errors, in the open exercise
            within = self._parse_with(self.state.exercise, line, number)
            # words the parser took for part of a new name (`отдых 90` misspelt) are still not a set of it
            errors = within.errors if not within.sets else result.errors
            return Line(LineKind.ERROR, number, errors=errors, exercise=self.state.exercise)
        if any(e.code == Msg.NEGATIVE for e in result.errors):  # `bench -100kg 8`: a typo, not `Bench` + a note
            return Line(LineKind.ERROR, number, errors=result.errors, exercise=self.state.exercise)
        return self._heading(raw, text, number) or Line(LineKind.OTHER, number, errors=result.errors)

    def _far_at_load(self, text: str, number: int) -> Line | None:
        """`8 @11` after `bench 100kg 5`: no RPE goes past 10 and 11 kg is far from 100 kg, so ask what it was
        (`8 @ 100`, `8 @105`, `8 @9`, `8 @11kg` are read as written)."""
        match = _REPS_AT_NUMBER.match(text)
        last, exercise = self.state.last, self.state.exercise
        if match is None or exercise is None or last is None or last.top_load is None or last.bodyweight:
            return None
        found = lookup(exercise)
        if last.exercise != (found.name if found else exercise) or last.technique is Technique.DROP_SET:
            return None
        value, load = float(match.group("value").replace(",", ".")), last.segments[0].load or 0.0
        if value <= MAX_RPE or load / AT_LOAD_FAR_FACTOR <= value <= load * AT_LOAD_FAR_FACTOR:
            return None
        reps = int(match.group("reps"))
        if not 0 < reps <= MAX_REPS:
            return None
        return Line(LineKind.ASK, number, value=value, reps=reps, exercise=exercise)

    def _repeat(self, match: re.Match[str], number: int) -> Line:
        last = self.state.last
        if last is None:
            return Line(LineKind.ERROR, number, problem=Problem.NOTHING_TO_REPEAT, exercise=self.state.exercise)
        groups = match.groupdict()
        written_count = groups.get("x") or groups.get("n")
        count = _WORD_NUMBERS.get(written_count or "", 0) or int(written_count or 1)
        if not 1 <= count <= MAX_REPEATS:
            return Line(LineKind.ERROR, number, problem=Problem.TOO_MANY_REPEATS, count=count)
        tail = (groups.get("rest") or "").strip()
        base = _copy(last)
        if tail:  # `same @9`, `again 7 reps`: the tail says what changed, the rest is carried
            result, own_reps = self._parse_tail(last.exercise, "", tail, last.first_reps, number)
            if not result.sets:
                return Line(LineKind.ERROR, number, errors=result.errors, exercise=last.exercise)
            written = result.sets[0]
            changes: dict[str, object] = {}
            if own_reps:
                filled, _ = _fill_load(written, last)
                changes.update(segments=filled.segments, technique=filled.technique)
            if written.rpe is not None:
                changes.update(rir=written.rir, rpe=written.rpe)
            if written.rest_s is not None:
                changes["rest_s"] = written.rest_s
            if written.amrap:
                changes["amrap"] = True
            if written.note:
                changes["note"] = written.note
            base = _copy(last, **changes)
        return Line(LineKind.SETS, number, sets=(base,) * count, how=How.REPEAT, count=count, exercise=last.exercise)

    def _load_change(self, match: re.Match[str], number: int) -> Line:
        last = self.state.last
        added = self._added_weight(match, number)
        if added is not None:
            return added
        if last is None or last.top_load is None or last.technique is Technique.DROP_SET:
            return Line(LineKind.ERROR, number, problem=Problem.NO_LOAD_TO_CHANGE, exercise=self.state.exercise)
        sign = -1 if match.group("sign").strip() in ("-", "minus", "down") else 1
        delta = sign * float(match.group("delta").replace(",", "."))
        unit: Unit = last.unit or self.unit
        written = match.group("unit")
        if written:  # `+5kg` after a set in lb: the change in the set's unit
            delta = round(convert(delta, _DELTA_UNITS[written.rstrip("s")], unit), 1)
        load = (last.segments[0].load or 0.0) + delta
        if not 0 < load <= MAX_LOAD[unit]:
            return Line(LineKind.ERROR, number, problem=Problem.LOAD_OUT_OF_RANGE, value=load, delta=delta)
        tail = match.group("rest").strip()
        if not tail:  # `+2.5` alone: the same set, heavier (its effort is not known yet)
            segments = tuple(Segment(load=load, reps=s.reps) for s in last.segments)
            sets: tuple[ParsedSet, ...] = (_copy(last, segments=segments, rir=None, rpe=None),)
        else:
            plus = "+" if last.bodyweight else ""  # `+2.5 6` after `dips +20kg 8`: 22.5 kg added, 6 reps
            prefix = f"{plus}{format_load(load)}{unit} "
            result, _ = self._parse_tail(last.exercise, prefix, tail, last.first_reps, number)
            if not result.sets:
                return Line(LineKind.ERROR, number, errors=result.errors, exercise=last.exercise)
            sets = result.sets
        return Line(LineKind.SETS, number, sets=sets, how=How.LOAD_CHANGE, delta=delta, exercise=last.exercise)

    def _added_weight(self, match: re.Match[str], number: int) -> Line | None:
        """`+10kg 8` under a bodyweight exercise with no added weight yet (`Pull ups`, `pull ups bw x 8`):
        a set with that much added, not a change of a load there is none of."""
        last, exercise = self.state.last, self.state.exercise
        if exercise is None or match.group("sign").strip() not in ("+", "plus") or not match.group("rest").strip():
            return None
        if last is not None and last.exercise == exercise and last.top_load is not None:
            return None
        found = lookup(exercise)
        bodyweight = (last is not None and last.bodyweight) or (found is not None and found.equipment == "bodyweight")
        if not bodyweight:
            return None
        unit = match.group("unit") or ""
        body = f"+{match.group('delta')}{unit} {match.group('rest').strip()}"
        result = self._parse_with(exercise, body, number)
        if not result.sets:
            return Line(LineKind.ERROR, number, errors=result.errors, exercise=exercise)
        return Line(LineKind.SETS, number, sets=result.sets, how=How.CARRIED, exercise=result.sets[-1].exercise)

    def _open_timed(self) -> bool:
        """The open exercise is a hold or cardio: a duration written alone is its set."""
        found = lookup(self.state.exercise) if self.state.exercise else None
        return found is not None and found.kind in (Kind.HOLD, Kind.CARDIO)

    def _carried_unit(self) -> Unit | None:
        """The unit of the open exercise's last set, where it is not the lifter's: a bare load is in it."""
        last, exercise = self.state.last, self.state.exercise
        if last is None or exercise is None or last.unit is None or last.unit == self.unit:
            return None
        found = lookup(exercise)
        return last.unit if last.exercise == (found.name if found else exercise) else None

    def _bare(self, bare: ParseError, result: ParseResult, number: int, line: str = "") -> Line:
        """A line of numbers without an exercise (`100x8`, `8 @9`, `bar x 5`): a set of the open exercise."""
        exercise = self.state.exercise
        others = tuple(e for e in result.errors if e is not bare)
        if exercise is None:
            return Line(LineKind.ERROR, number, problem=Problem.NO_EXERCISE, errors=(bare,))
        if others:
            return Line(LineKind.ERROR, number, errors=others, exercise=exercise)
        found = lookup(exercise)
        named = {"exercise": found.name if found else exercise, "raw_exercise": exercise, "known": found is not None}
        last = self.state.last if self.state.last and self.state.last.exercise == named["exercise"] else None
        if _EMPTY_BAR.match(line):  # `bar x 5`: the empty bar before the working sets is a warm-up
            named["warmup"] = True
        sets = bare.sets
        said = _HEADING_TECHNIQUE_WORDS.get(self.state.technique) if self.state.technique else None
        if said is not None and named["exercise"] == exercise:  # `20kg 10+8+6` under `drop set curls`
            within = self._parse_with(exercise, f"{said} {line}", number, len(said) + 1)
            if within.errors:  # one load written for a drop set: said so, not logged as rest-pause
                return Line(LineKind.ERROR, number, errors=within.errors, exercise=exercise)
            sets = within.sets or sets
        if found is not None and found.equipment == "dumbbell" and _PAIR_OF.match(line):
            within = self._parse_with(exercise, line, number)  # `2х20кг 10`: the parser reads it as a dumbbell lift's
            sets = within.sets if within.sets and not within.errors else sets
        filled = [_fill_load(parsed.model_copy(update=named), last) for parsed in sets]
        how = How.SAME_LOAD if any(carried for _, carried in filled) else How.CARRIED
        return Line(LineKind.SETS, number, sets=tuple(s for s, _ in filled), how=how, exercise=exercise)

    def _heading(self, raw: str, text: str, number: int) -> Line | None:
        """A line that holds only an exercise (`Lat pull down`, `Squat (Low Bar)`, `Bench – goal: 245`)."""
        if _NOT_A_HEADING.search(text) or len(text.split()) > HEADING_MAX_WORDS:
            return None
        found = lookup(raw) if not any(c.isdigit() for c in raw) else None
        note: str | None = None
        if found is None:
            head, _, tail = _split_heading(raw)
            if head and not any(c.isdigit() for c in head):
                found = lookup(head)
                note = tail or None
        if found is not None:
            return Line(LineKind.HEADING, number, exercise=found.name, note=note)
        name = unknown_heading(raw) if self.unknown_headings else None
        return Line(LineKind.HEADING, number, exercise=name) if name is not None else None


# A heading's technique its bare lines are read with (`drop set curls`, then `20/15/10kg 10+8+6`): as if the line
# named it. Rest-pause needs no word: runs at one load are rest-pause already.
_HEADING_TECHNIQUE_WORDS: dict[Technique, str] = {
    Technique.DROP_SET: "dropset",  # notation the parser reads, not words a lifter reads
    Technique.MYO_REPS: "myo",
    Technique.CLUSTER: "cluster",
}


def _missing_exercise(result: ParseResult) -> ParseError | None:
    """The parser's reading of a line that holds sets but no exercise (it carries the sets)."""
    return next((e for e in result.errors if e.code == Msg.MISSING_EXERCISE and e.sets), None)


def _with_note(result: ParseResult, note: str) -> ParseResult:
    def noted(sets: tuple[ParsedSet, ...]) -> tuple[ParsedSet, ...]:
        return tuple(with_failure(s.model_copy(update={"note": s.note or note})) for s in sets)

    errors = tuple(e.model_copy(update={"sets": noted(e.sets)}) for e in result.errors)
    return result.model_copy(update={"sets": noted(result.sets), "errors": errors})


def _split_heading(raw: str) -> tuple[str, str, str]:
    match = _HEADING_SPLIT.search(raw)
    if match is None:
        return raw.strip(), "", ""
    tail = raw[match.end() :].strip().rstrip(")]").strip()
    return raw[: match.start()].strip(), match.group(0), tail


def opens_warmups(note: str | None) -> bool:
    """A heading's note that says warm-ups follow (`Bench Press - Warm ups`)."""
    return note is not None and _WARMUPS.match(_normal(note)) is not None


def session_unit(state: State) -> Unit | None:
    """The unit a load written without one is in by the open session's last loaded set (`squat 315` after
    `bench 225lb 5`); None when nothing in the session says, and the lifter's unit decides."""
    last = state.last
    return last.unit if state.session_open and last is not None and last.unit is not None else None


def expire(state: State, now: datetime) -> State | None:
    """The session that ended by itself (90 minutes with nothing logged), if any."""
    if state.session_open and state.last_at is not None and now - state.last_at >= SESSION_IDLE:
        return state
    return None


def unknown_heading(text: str) -> str | None:
    """A short line of words the catalog does not know (`Жим лёжа`, `Pendlay thing`): a heading, if
    nothing else claimed it (the router asks questions first). None for anything sentence-like."""
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or len(text) > MAX_NAME_CHARS:
        return None
    if _NOT_A_HEADING.search(_normal(text)):
        return None
    if any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
        return None
    return " ".join(words)


def advance(state: State, line: Line, now: datetime) -> State:
    """The state after one line."""
    if line.kind is LineKind.DONE:
        return State()
    if line.kind in (LineKind.WARMUPS, LineKind.WORKING):
        return state.model_copy(update={"warming_up": line.kind is LineKind.WARMUPS})
    if line.kind is LineKind.HEADING and line.exercise is not None:
        last = state.last if state.last and state.last.exercise == line.exercise else None
        seen = state.seen if line.exercise in state.seen else (*state.seen, line.exercise)
        changes: dict[str, object] = {"exercise": line.exercise, "last": last, "seen": seen}
        changes["technique"] = line.technique  # `drop set curls`: its bare sets are drop sets
        if opens_warmups(line.note):  # `Bench Press - Warm ups`
            return state.model_copy(update={**changes, "warming_up": True})
        return state.model_copy(update=changes if line.exercise == state.exercise else {**changes, "warming_up": False})
    if line.kind is LineKind.SETS and line.sets:
        last = line.sets[-1]  # after a pair (`bench 80kg 8 > fly 15kg 15`), bare lines are the fly's
        exercise = last.exercise
        warming_up = state.warming_up and exercise == state.exercise
        technique = state.technique if exercise == state.exercise else None
        seen = state.seen + tuple(e for e in dict.fromkeys(s.exercise for s in line.sets) if e not in state.seen)
        return state.model_copy(
            update={
                "exercise": exercise,
                "last": last,
                "session_start": state.session_start or now,
                "last_at": now,
                "seen": seen,
                "warming_up": warming_up,
                "technique": technique,
            }
        )
    return state


def read_message(text: str, state: State, now: datetime, unit: Unit = "kg", unknown_headings: bool = False) -> Turn:
    """Every line of a message read in order, each against the state the lines before it left.

    A name the catalog does not know is taken as a heading inside a pasted workout (several lines), or
    when `unknown_headings` says so (the router, once no question claimed the line)."""
    closed = expire(state, now)
    start = State() if closed is not None else state
    numbered = [
        (number, raw)
        for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)
        if raw.strip()
    ]
    reader = _Reader(lifter_unit=unit, state=start, unknown_headings=unknown_headings or len(numbered) > 1)
    lines: list[Line] = []
    first_of: list[str] = []
    for number, raw in numbered:
        line = reader.read(raw, number)
        if reader.state.warming_up and line.sets and line.how is not How.NAMED:
            line = replace(line, sets=tuple(s.model_copy(update={"warmup": True}) for s in line.sets))
        if line.kind is LineKind.DONE and reader.state.session_open:
            closed = reader.state
        named = [line.exercise] if line.kind is LineKind.HEADING and line.exercise else []
        for exercise in [*named, *(parsed.exercise for parsed in line.sets)]:
            if exercise not in reader.state.seen and exercise not in first_of:
                first_of.append(exercise)
        reader.state = advance(reader.state, line, now)
        lines.append(line)
    return Turn(
        lines=tuple(lines),
        state=reader.state,
        before=start,
        started_session=not start.session_open and reader.state.session_open,
        closed=closed,
        first_of=tuple(first_of),
    )


def answer_number(state: State, value: float, as_load: bool, reps: int | None = None) -> ParsedSet | None:
    """The lifter's answer to "105: the load or the reps?" (or "`8 @11`: 11 kg?", `reps` then the 8 written): a
    set like the last one, with that changed."""
    last = state.last
    if last is None and not as_load:
        return None
    if as_load:
        if last is None or not 0 < value <= MAX_LOAD[last.unit or "kg"] or not 0 < (reps or 1) <= MAX_REPS:
            return None
        return _copy(last, segments=(Segment(load=value, reps=reps or last.first_reps),), rir=None, rpe=None,
                     technique=Technique.STRAIGHT)  # fmt: skip
    assert last is not None
    if not float(value).is_integer() or not 0 < value <= MAX_REPS:
        return None
    return _copy(last, segments=(Segment(load=last.segments[0].load, reps=int(value)),), rir=None, rpe=None,
                 technique=Technique.STRAIGHT)  # fmt: skip
