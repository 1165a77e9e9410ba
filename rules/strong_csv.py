"""Strong-app CSV: export a lifter's sets, import a Strong export (comma or semicolon variant).

One row per segment: a 12+4+3 rest-pause set is three rows with Segment 1, 2, 3. Our extra
columns (RIR, Technique, Segment, Rest) and the Notes tokens (AMRAP, bodyweight, pair:G:P) make an
export -> import round trip give back the same sets. Distance and Seconds hold what Strong puts there:
a hold's or a cardio set's time and distance (a plank 60 s is Reps 0, Seconds 60); the rest between
sets, which Strong does not export, has our Rest column (exports before it put it in Seconds).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple, TypeVar

from rules.catalog import Exercise, lookup, lookup_cardio
from rules.models import HistoryRow, Param, ParsedSet, Segment, Technique, Unit
from rules.notation import MAX_CARDIO_S, MAX_DISTANCE_M, MAX_LOAD, MAX_REPS, MILE_M

STRONG_COLUMNS = (
    "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
    "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes",
)  # fmt: skip
EXTRA_COLUMNS = ("RIR", "Technique", "Segment", "Rest")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d/%m/%Y %H:%M")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes Excel, LibreOffice or Sheets evaluate a cell
_PAIR = re.compile(r"\bpair:(\d+):(\d+)\b")
DISTANCE_UNIT_M = {"km": 1000.0, "mi": MILE_M, "m": 1.0}  # Strong's Distance Unit, in metres


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def export_csv(rows: Sequence[HistoryRow]) -> str:
    """Strong's columns plus RIR, Technique and Segment."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STRONG_COLUMNS + EXTRA_COLUMNS)
    set_order: dict[tuple[str, str], int] = {}
    for row in rows:
        parsed = row.set
        day = row.performed_at.strftime("%Y-%m-%d")
        key = (day, parsed.exercise)
        set_order[key] = set_order.get(key, 0) + 1
        notes = " ".join(
            token
            for token in (
                "AMRAP" if parsed.amrap else "",
                "bodyweight" if parsed.bodyweight else "",
                f"pair:{parsed.group}:{parsed.pair_position}" if parsed.group is not None else "",
                "warmup" if parsed.warmup else "",
                parsed.note or "",  # the lifter's own words after the numbers (Strong's Notes column)
            )
            if token
        )
        for number, segment in enumerate(parsed.segments, start=1):
            km = "" if segment.distance_m is None else _number(segment.distance_m / 1000)
            writer.writerow(
                (
                    row.performed_at.strftime("%Y-%m-%d %H:%M:%S"), f"Workout {day}", inert_cell(parsed.exercise),
                    set_order[key], _number(segment.load), parsed.unit or "", segment.reps, _number(parsed.rpe),
                    km, "km" if km else "", "" if segment.seconds is None else segment.seconds, inert_cell(notes), "",
                    _number(parsed.rir), parsed.technique.value, number, "" if parsed.rest_s is None else parsed.rest_s,
                )
            )  # fmt: skip
    return buffer.getvalue()


@dataclass
class Workout:
    """Rows of one Strong workout (same date and name): imported together, skipped together."""

    key: str
    performed_at: datetime
    name: str
    sets: list[ParsedSet] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)  # each set's own time (exports keep it per row)

    @property
    def import_id(self) -> int:
        """A stable id, so importing the same file twice finds the workout already there: 63 bits of
        BLAKE2b (CRC32's 31 bits collided: 2 of 91,148 workouts were taken for one another and dropped)."""
        digest = hashlib.blake2b(self.key.encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF

    @property
    def legacy_import_id(self) -> int:
        """The id imports had before 63-bit ids, so a file imported then is not imported twice."""
        return zlib.crc32(self.key.encode()) & 0x7FFFFFFF


class Problem(NamedTuple):
    """What was wrong with one line of an import, as an id and its params (words: handlers/words/report.py
    `import.problem.<id>`)."""

    line: int
    problem: str  # one of PROBLEMS
    params: dict[str, Param]


PROBLEMS = (
    "not_strong", "bad_date", "bad_number", "no_exercise", "reps_out_of_range", "weight_out_of_range",
    "time_out_of_range",
)  # fmt: skip
MAX_ECHO_CHARS = 30  # how much of an unreadable cell a problem quotes back


class _RowProblem(Exception):
    def __init__(self, problem: str, **params: Param) -> None:
        super().__init__(problem)
        self.problem = problem
        self.params = params


_T = TypeVar("_T")


def _read(convert: Callable[[str], _T], text: str, problem: str) -> _T:
    """A cell converted, or the row's problem (the cell quoted back, shortened)."""
    try:
        return convert(text)
    except ValueError:
        raise _RowProblem(problem, value=text[:MAX_ECHO_CHARS]) from None


@dataclass
class ImportResult:
    workouts: list[Workout] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # each line's problem, as an id and params
    stopped_at: int | None = None  # the row limit was reached at this line: the rest was not read


MAX_IMPORT_ROWS = 100_000  # a Strong export of ten years of training is ~60,000 rows; memory stays bounded


def _cell(row: dict[str, str], name: str) -> str:
    text = (row.get(name.lower()) or "").strip()
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text  # undo `inert_cell`


def inert_cell(text: str) -> str:
    """A text cell a spreadsheet will not run: one that starts like a formula gets a leading apostrophe
    (OWASP's CSV-injection advice); import takes it off again."""
    return f"'{text}" if text[:1] in FORMULA_STARTS and text else text


def _decimal(text: str) -> float | None:
    text = text.replace(",", ".").strip()
    return float(text) if text else None


def _when(text: str) -> datetime:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return datetime.fromisoformat(text).astimezone(UTC)


def _unit(text: str, default: Unit) -> Unit:
    lowered = text.lower()
    return "lb" if lowered.startswith("lb") else "kg" if lowered.startswith("kg") else default


@dataclass
class _Pending:
    line: int
    when: datetime
    workout: str
    exercise: str
    order: str
    segments: list[Segment]
    row: dict[str, str]
    rest: int | None


def _technique(row: dict[str, str], segments: Sequence[Segment], exercise: str) -> Technique:
    written = _cell(row, "Technique")
    if written in Technique.__members__.values():
        return Technique(written)
    if segments[0].reps == 0 and _cardio(exercise) is not None:  # Strong's `Running (Treadmill)`, 5 km
        return Technique.CARDIO
    if len(segments) == 1:
        return Technique.STRAIGHT
    loads = [s.load for s in segments]
    return Technique.REST_PAUSE if len(set(loads)) == 1 else Technique.DROP_SET


_BRACKETED = re.compile(r"\s*\([^()]*\)")


def _cardio(name: str) -> Exercise | None:
    """Strong names cardio with its machine in brackets (`Running (Treadmill)`, `Cycling (Indoor)`)."""
    return lookup_cardio(name) or lookup_cardio(_BRACKETED.sub("", name))


def _finish(pending: _Pending, default_unit: Unit) -> ParsedSet:
    row = pending.row
    notes = _cell(row, "Notes")
    pair = _PAIR.search(notes)
    rpe = _decimal(_cell(row, "RPE"))
    rir = _decimal(_cell(row, "RIR"))
    if rir is None and rpe is not None:
        rir = 10 - rpe
    if rpe is None and rir is not None:
        rpe = 10 - rir
    exercise = lookup(pending.exercise) or (_cardio(pending.exercise) if pending.segments[0].reps == 0 else None)
    has_load = any(s.load is not None for s in pending.segments)
    return ParsedSet(
        exercise=exercise.name if exercise else pending.exercise,
        raw_exercise=pending.exercise,
        known=exercise is not None,
        technique=_technique(row, pending.segments, pending.exercise),
        segments=tuple(pending.segments),
        unit=_unit(_cell(row, "Weight Unit"), default_unit) if has_load else None,
        bodyweight="bodyweight" in notes.lower(),
        rir=rir,
        rpe=rpe,
        amrap="amrap" in notes.lower(),
        rest_s=pending.rest,
        group=int(pair.group(1)) if pair else None,
        pair_position=int(pair.group(2)) if pair else None,
        warmup="warmup" in _note_parts(notes)[0],
        note=_free_note(notes),
    )


_NOTE_TOKEN = re.compile(r"(?i)^(?:amrap|bodyweight|warmup|pair:\d+:\d+)$")


def _note_parts(notes: str) -> tuple[list[str], str | None]:
    """Our tokens lead the Notes cell (AMRAP, bodyweight, pair:G:P, warmup); the lifter's own note follows."""
    words = notes.split()
    count = 0
    while count < len(words) and _NOTE_TOKEN.match(words[count]):
        count += 1
    return [w.lower() for w in words[:count]], " ".join(words[count:]) or None


def _free_note(notes: str) -> str | None:
    return _note_parts(notes)[1]


def _metres(row: dict[str, str]) -> float | None:
    """Strong's Distance in metres (its Distance Unit: km, mi or m; km when there is none); None for 0."""
    distance = _read(_decimal, _cell(row, "Distance"), "bad_number")
    if not distance:
        return None
    unit = _cell(row, "Distance Unit").lower()
    factor = next((m for name, m in DISTANCE_UNIT_M.items() if unit.startswith(name)), DISTANCE_UNIT_M["km"])
    return distance * factor


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def import_csv(text: str, default_unit: Unit = "kg", max_rows: int = MAX_IMPORT_ROWS) -> ImportResult:
    """Parse a Strong export; a bad row is reported by its line number and the good rows are kept.
    At most `max_rows` rows are read (`stopped_at` says where it stopped)."""
    result = ImportResult()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text))
    if reader.fieldnames is None or not {"date", "exercise name", "reps"} <= {
        name.strip().lower() for name in reader.fieldnames
    }:
        result.problems.append(Problem(1, "not_strong", {}))
        return result
    workouts: dict[str, Workout] = {}
    pending: _Pending | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            key = f"{pending.when:%Y-%m-%d}|{pending.workout}"
            workout = workouts.setdefault(key, Workout(key=key, performed_at=pending.when, name=pending.workout))
            workout.sets.append(_finish(pending, default_unit))
            workout.times.append(pending.when)
            pending = None

    for count, raw in enumerate(reader):
        if count >= max_rows:
            result.stopped_at = reader.line_num
            break
        line = reader.line_num
        row = {(k or "").strip().lower(): (v or "") for k, v in raw.items()}
        ours = bool(_cell(row, "Technique"))  # our own export: Seconds was the rest before the Rest column
        has_rest = "rest" in row
        try:
            when = _read(_when, _cell(row, "Date"), "bad_date")
            exercise = _cell(row, "Exercise Name")
            reps = int(_read(float, _cell(row, "Reps") or "0", "bad_number"))
            load = _read(_decimal, _cell(row, "Weight"), "bad_number")
            unit = _unit(_cell(row, "Weight Unit"), default_unit)
            seconds = _read(_decimal, _cell(row, "Seconds"), "bad_number") or None
            metres = _metres(row)
            timed = reps == 0 and (seconds is not None or metres is not None)  # a plank 60 s, a 5 km run
            if not exercise:
                raise _RowProblem("no_exercise")
            if not timed and not 0 < reps <= MAX_REPS:
                raise _RowProblem("reps_out_of_range", reps=reps, max=MAX_REPS)
            if load is not None and not 0 <= load <= MAX_LOAD[unit]:
                raise _RowProblem("weight_out_of_range", load=load, unit=unit)
            if timed and not (0 < (seconds or 1) <= MAX_CARDIO_S and 0 < (metres or 1) <= MAX_DISTANCE_M):
                raise _RowProblem("time_out_of_range", seconds=seconds or 0, metres=metres or 0)
            rest_cell = _read(_decimal, _cell(row, "Rest"), "bad_number") if has_rest else None
        except _RowProblem as problem:
            result.problems.append(Problem(line, problem.problem, problem.params))
            continue
        if timed:
            segment = Segment(load=load, reps=0, seconds=int(seconds) if seconds else None, distance_m=metres)
            rest = int(rest_cell) if rest_cell else None
        else:
            segment = Segment(load=load, reps=reps)
            rest_seconds = rest_cell if has_rest else seconds if ours else None
            rest = int(rest_seconds) if rest_seconds else None
        segment_number = int(_decimal(_cell(row, "Segment")) or 1)
        order = _cell(row, "Set Order")
        workout = _cell(row, "Workout Name") or "Imported workout"
        continues = (
            pending is not None and segment_number > 1 and (pending.when, pending.exercise, pending.order)
            == (when, exercise, order)
        )  # fmt: skip
        if continues and pending is not None:
            pending.segments.append(segment)
            pending.rest = pending.rest or rest
            continue
        flush()
        pending = _Pending(line, when, workout, exercise, order, [segment], row, rest)
    flush()
    result.workouts = list(workouts.values())
    return result
