"""Read the lifter's set shorthand: text in, sets (or a friendly error with a column) out.

The grammar is documented for users in docs/notation.md. In short, each line is
`exercise [> exercise]` where each exercise is a name followed by loads, reps, effort and rest
in any order. `parse_message` never raises: whatever the input, it returns a ParseResult.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rules.catalog import lookup
from rules.models import ParsedSet, ParseError, ParseResult, Segment, Technique, Unit

MAX_MESSAGE_CHARS = 4096  # Telegram's own message limit; longer text is refused, not guessed at
MAX_LINES = 60  # a whole pasted workout fits; a pasted novel does not
MAX_LOAD = {"kg": 650.0, "lb": 1450.0}  # above any recorded lift: anything bigger is a typo
MAX_REPS = 100
MAX_SETS = 20
MAX_SEGMENTS = 12
MAX_REST_S = 3600
MAX_NAME_CHARS = 60  # longer than any exercise name; what we echo back stays short
MAX_ECHO_CHARS = 30
# With no load written anywhere else, `AxB` reads as sets x reps when A is at most this
# (3x8, 5x5, 6x6), and as load x reps above it (60x8). `10kg x 10` is always load x reps.
MAX_AMBIGUOUS_SETS = 6

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"(?:kgs?|kilos?|lbs?|pounds?|\#)"
# Number-led tokens share one alternative so the number is read once; Python then looks at
# which suffix matched (unit, `x reps`, seconds, %, RIR, `sets of`).
_TOKEN = re.compile(
    rf"""\s*(?:
    (?P<number>(?P<value>{_NUM}(?:\s*/\s*{_NUM})*)(?:
        \s*(?P<unit>{_UNIT})(?![a-z])(?:\s*[x*]\s*(?P<unit_reps>\d+))?
        |\s*x\s*(?P<x_reps>\d+)
        |\s*(?P<dur_unit>seconds?|secs?|s|minutes?|mins?|min)\b
        |\s*(?P<percent>%)
        |\s*(?P<rir_after>rir)\b(?!\s*\d)
        |\s*sets?\s*(?:of|x)?\s*(?P<sets_reps>\d+)
    )?)
    |(?P<at>@\s*(?:
        (?P<at_load>{_NUM})\s*(?P<at_unit>{_UNIT})(?![a-z])
        |rir\s*(?P<at_rir>{_NUM})
        |(?:rpe\s*)?(?P<at_rpe>{_NUM})(?P<at_percent>\s*%)?
    )?)
    |(?P<plus>\+\s*(?P<plus_reps>\d+))
    |(?P<comma>[,;])
    |(?P<skip>[()\[\]:|/=]|-(?!\s*\d)|(?:reps?|for|at|with|x)\b(?!\s*\d)|w/)
    |(?P<neg>-\s*\d+(?:\.\d+)?)
    |(?P<effort>(?P<effort_kind>rir|rpe)\s*(?P<effort_value>{_NUM}))
    |(?P<bw>(?:bw|bodyweight|body\s+weight)(?:\s*\+\s*(?P<bw_load>{_NUM})\s*(?P<bw_unit>{_UNIT})?)?(?![a-z]))
    |(?P<amrap>amrap\b|max\s+reps\b)
    |(?P<rest>rest(?:ed)?\b)
    |(?P<word>[^\s\d,;()@+/]+(?:\d+(?:\.\d+)?)?|\+)
    )""",
    re.VERBOSE,
)
_SLASH = re.compile(r"\s*/\s*")
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d+),(\d{1,2})(?=\s*(?:kg|lb|#))")
_PAIR_SPLIT = re.compile(r"\s*(?:>>?|→|->|=>)\s*")
_NAME_END = re.compile(r"[\d@+]|[(\-](?=\s*\d)|\b(?:bw|amrap|rir|rpe|rest)(?:\b|\d|\+)")
_KEYWORDS = ("kg", "lb", "lbs", "rir", "rpe", "amrap", "rest", "bw", "sec", "min")
_UNIT_NAMES: dict[str, Unit] = {
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "#": "lb",
}
_TRANSLATE = str.maketrans({"×": "x", "х": "x", "–": "-", "—": "-", "＠": "@", "＋": "+", "\t": " "})

EXAMPLE = "bench 100kg 3x8 @8"
REPS_HINT = "add the reps after the load, e.g. `bench 100kg 8` or `bench 100kg 3x8`"


class _LineError(Exception):
    """Internal: stops reading one line; becomes a ParseError with the line's column."""

    def __init__(self, message: str, column: int | None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column
        self.hint = hint


@dataclass
class _Entry:
    """One comma-separated piece of a body: a set, a rest-pause run, or `AxB` still to resolve."""

    column: int
    reps: list[int]
    load: float | None = None
    rir: float | None = None
    rpe: float | None = None
    has_effort: bool = False
    amrap: bool = False
    axb: tuple[float, int] | None = None
    load_times_reps: bool = False


@dataclass
class _Body:
    entries: list[_Entry] = field(default_factory=list)
    unit: Unit | None = None
    load: float | None = None
    drop_loads: list[float] | None = None
    per_set_loads: list[float] = field(default_factory=list)
    bodyweight: bool = False
    rest_s: int | None = None
    effort: tuple[float | None, float | None] | None = None  # (rir, rpe) written before any reps
    effort_count: int = 0
    amrap_pending: bool = False
    rest_pending: bool = False


def _lower_keep_columns(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_DECORATION = frozenset({"So", "Sk", "Cf", "Cs", "Co", "Cn"})  # emoji, skin tones, joiners...


def _clean(line: str) -> str:
    """Control characters and emoji become spaces: same length, so columns still point right."""
    if line.isascii() and line.isprintable():  # the usual case; the table only maps tabs and non-ASCII
        return line
    line = line.translate(_TRANSLATE)
    if line.isascii() and line.isprintable():
        return line
    return "".join(
        " " if not c.isprintable() or c == "\ufe0f" or unicodedata.category(c) in _DECORATION else c for c in line
    )


def _effort_from_rpe(rpe: float, column: int) -> tuple[float, float]:
    if not 1 <= rpe <= 10:
        raise _LineError(
            f"RPE {rpe:g} is off the scale",
            column,
            "RPE runs from 1 to 10 (10 = failure), e.g. `@8`",
        )
    return 10 - rpe, rpe


def _effort_from_rir(rir: float, column: int) -> tuple[float, float]:
    if not 0 <= rir <= 10:
        raise _LineError(f"RIR {rir:g} is off the scale", column, "RIR runs from 0 (failure) to 10, e.g. `RIR1`")
    return rir, 10 - rir


@lru_cache(maxsize=1024)
def _unknown_word_hint(word: str, previous_number: str | None) -> str:
    letters = word.rstrip("0123456789.")
    close = difflib.get_close_matches(letters, _KEYWORDS, n=1, cutoff=0.5)
    if close and previous_number is not None and close[0] in ("kg", "lb", "lbs"):
        return f"did you mean `{previous_number}{close[0]}`?"
    if close:
        return f"did you mean `{close[0]}{word[len(letters) :]}`?"
    return f"write sets like `{EXAMPLE}`; /help shows every form"


def _set_unit(state: _Body, unit_text: str | None) -> None:
    if unit_text and state.unit is None:
        state.unit = _UNIT_NAMES[unit_text]


def _new_entry(
    state: _Body,
    column: int,
    reps: list[int],
    load: float | None = None,
    axb: tuple[float, int] | None = None,
    load_times_reps: bool = False,
) -> _Entry:
    entry = _Entry(
        column=column,
        reps=reps,
        load=state.load if load is None else load,
        axb=axb,
        load_times_reps=load_times_reps,
    )
    if state.amrap_pending:
        entry.amrap = True
        state.amrap_pending = False
    state.entries.append(entry)
    return entry


def _set_load(state: _Body, load: float) -> None:
    """A load applies to the sets after it and fills in the loadless ones before it (`3x10 70kg`)."""
    state.load = load
    for entry in state.entries:
        if entry.load is None and not entry.load_times_reps:
            entry.load = load


def _apply_effort(state: _Body, effort: tuple[float, float]) -> None:
    state.effort_count += 1
    target = state.entries[-1] if state.entries else None
    if target is not None and not target.has_effort:
        target.rir, target.rpe = effort
        target.has_effort = True
    else:
        state.effort = effort


# Each token kind's meaning, as a table: kind -> handler(state, match, column, previous kind, previous text).
Handler = Callable[[_Body, "re.Match[str]", int, str, "str | None"], None]


def _ignore(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    return None


def _on_negative(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    raise _LineError(
        "a load or rep count can't be negative",
        column,
        "write the load as a plain number: `bench 100kg 8`",
    )


def _on_percent(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    raise _LineError("I can't log a percentage of your max", column, "write the load you lifted: `bench 80kg 5`")


def _on_duration(state: _Body, m: re.Match[str], column: int) -> None:
    seconds = float(m.group("value")) * (60 if m.group("dur_unit").startswith("m") else 1)
    if not 0 < seconds <= MAX_REST_S:
        raise _LineError(
            f"a rest of {seconds:g} s is out of range",
            column,
            "rest is written like `rest 15s` or `2min`",
        )
    state.rest_s = int(seconds)
    state.rest_pending = False


def _on_rest(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.rest_pending = state.rest_s is None  # `(15s rest)` already has its number


def _on_loads(state: _Body, m: re.Match[str], column: int) -> None:
    unit_text = m.group("unit")
    value_text = m.group("value")
    values = [float(v) for v in _SLASH.split(value_text)] if "/" in value_text else [float(value_text)]
    _set_unit(state, unit_text)
    for value in values:
        _check_load(value, _UNIT_NAMES[unit_text], column)
    if m.group("unit_reps"):  # `60kg x 8`
        if len(values) > 1:
            raise _LineError("a drop set is written `20/15/10kg 10+8+6`", column, None)
        _new_entry(state, column, [int(m.group("unit_reps"))], load=values[0], load_times_reps=True)
    elif len(values) > 1:
        state.drop_loads = values
    elif state.per_set_loads:
        state.per_set_loads.append(values[0])
    else:
        _set_load(state, values[0])


def _on_at(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    if m.group("at_load"):
        load = float(m.group("at_load"))
        _set_unit(state, m.group("at_unit"))
        _check_load(load, _UNIT_NAMES[m.group("at_unit")], column)
        _set_load(state, load)
    elif m.group("at_rir"):
        _apply_effort(state, _effort_from_rir(float(m.group("at_rir")), column))
    elif m.group("at_percent"):
        _on_percent(state, m, column, prev, prev_text)
    elif m.group("at_rpe"):
        _apply_effort(state, _effort_from_rpe(float(m.group("at_rpe")), column))
    else:
        raise _LineError("`@` needs a number after it", column, "`@8` is RPE 8; `@ 100kg` is the load")


def _on_effort(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    value = float(m.group("effort_value"))
    read = _effort_from_rir if m.group("effort_kind") == "rir" else _effort_from_rpe
    _apply_effort(state, read(value, column))


def _on_bodyweight(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.bodyweight = True
    if m.group("bw_load"):
        _set_unit(state, m.group("bw_unit"))
        _set_load(state, float(m.group("bw_load")))


def _on_amrap(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.amrap_pending = True


def _on_sets_of(state: _Body, m: re.Match[str], column: int) -> None:
    reps = int(m.group("sets_reps"))
    _new_entry(state, column, [reps], axb=(float(m.group("value")), reps))


def _on_a_x_b(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    _promote_bare_load(state, prev)
    reps = int(m.group("x_reps"))
    _new_entry(state, column, [reps], axb=(float(m.group("value")), reps))


def _on_plus(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    if not state.entries:
        raise _LineError(
            "a `+` needs the first set's reps before it",
            column,
            "rest-pause is written `20kg 12+4+3`",
        )
    last = state.entries[-1]
    if last.axb is not None:  # `60x8+3`: load x reps, then bursts
        last.load, last.reps, last.axb, last.load_times_reps = (
            last.axb[0],
            [last.axb[1]],
            None,
            True,
        )
    last.reps.append(int(m.group("plus_reps")))


def _on_slash_numbers(state: _Body, m: re.Match[str], column: int) -> None:
    values = [float(v) for v in _SLASH.split(m.group("value"))]
    if state.drop_loads is None and state.load is None:
        state.drop_loads = values
    else:
        _new_entry(state, column, [int(v) for v in values])


def _on_bare_number(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    value = float(m.group("value"))
    if state.rest_pending:  # `rest 15`
        state.rest_s, state.rest_pending = int(value), False
        return
    after_sets = prev in ("number", "comma") and any(e.axb is not None for e in state.entries)
    if after_sets and state.load is None and not state.amrap_pending:  # `row 3x10 60,60,55`
        state.per_set_loads.append(value)
        return
    _promote_bare_load(state, prev)
    if not value.is_integer():
        raise _LineError(f"{value:g} reps? Reps are whole numbers", column, "a load needs its unit: `22.5kg`")
    _new_entry(state, column, [int(value)])


def _on_number(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """Every number-led token: which suffix it carries says what it is."""
    if m.group("unit"):
        _on_loads(state, m, column)
    elif m.group("x_reps"):
        _on_a_x_b(state, m, column, prev)
    elif m.group("dur_unit"):
        _on_duration(state, m, column)
    elif m.group("percent"):
        _on_percent(state, m, column, prev, prev_text)
    elif m.group("rir_after"):
        _apply_effort(state, _effort_from_rir(float(m.group("value")), column))
    elif m.group("sets_reps"):
        _on_sets_of(state, m, column)
    elif "/" in m.group("value"):
        _on_slash_numbers(state, m, column)
    else:
        _on_bare_number(state, m, column, prev)


def _on_word(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    word = m.group("word")
    number = prev_text.strip() if prev == "number" and prev_text else None
    shown = word if len(word) <= MAX_ECHO_CHARS else word[:MAX_ECHO_CHARS] + "…"
    raise _LineError(f"I don't understand `{shown}`", column, _unknown_word_hint(word[:MAX_ECHO_CHARS], number))


_HANDLERS: dict[str, Handler] = {
    "number": _on_number,
    "at": _on_at,
    "plus": _on_plus,
    "comma": _ignore,
    "skip": _ignore,
    "neg": _on_negative,
    "effort": _on_effort,
    "bw": _on_bodyweight,
    "amrap": _on_amrap,
    "rest": _on_rest,
    "word": _on_word,
}


def _read_body(body: str, offset: int) -> _Body:
    """Tokenise one exercise's body and let each token's handler record what it says."""
    state = _Body()
    previous_kind = ""
    previous_text: str | None = None
    for match in _TOKEN.finditer(body.rstrip()):
        kind = match.lastgroup or "word"
        _HANDLERS[kind](state, match, offset + match.start(kind) + 1, previous_kind, previous_text)
        previous_kind = kind
        previous_text = match.group(kind)
    if state.amrap_pending and state.entries:
        state.entries[-1].amrap = True
    return state


def _promote_bare_load(state: _Body, previous_kind: str) -> None:
    """`bench 100 8` and `bench 100 3x8`: a bare number right before the reps is the load."""
    if previous_kind != "number" or state.load is not None or len(state.entries) != 1:
        return
    (entry,) = state.entries
    if len(entry.reps) == 1 and entry.axb is None and not entry.has_effort:
        state.entries.clear()
        _set_load(state, float(entry.reps[0]))


def _resolve_axb(state: _Body) -> None:
    """Decide whether each `AxB` is sets x reps or load x reps (see MAX_AMBIGUOUS_SETS)."""
    pending = [entry for entry in state.entries if entry.axb is not None]
    if not pending:
        return
    other_load = state.load is not None or state.bodyweight or state.per_set_loads or state.drop_loads
    for entry in pending:
        assert entry.axb is not None
        first, reps = entry.axb
        as_sets = bool(other_load) or (len(pending) == 1 and float(first).is_integer() and first <= MAX_AMBIGUOUS_SETS)
        if not as_sets:
            entry.load, entry.axb, entry.load_times_reps = first, None, True
            entry.reps = [reps]


def _check_load(load: float | None, unit: Unit, column: int) -> None:
    if load is not None and load > MAX_LOAD[unit]:
        raise _LineError(f"{load:g} {unit} is more than anyone has lifted", column, "check for an extra digit")


def _check_reps(reps: list[int], column: int) -> None:
    for count in reps:
        if count <= 0:
            raise _LineError("zero reps is not a set", column, REPS_HINT)
        if count > MAX_REPS:
            raise _LineError(
                f"{count} reps is more than I can log",
                column,
                "reps go up to 100; check for a typo",
            )
    if len(reps) > MAX_SEGMENTS:
        raise _LineError(f"{len(reps)} bursts in one set is more than I can log", column, None)


def _segments(state: _Body, entry: _Entry, unit: Unit) -> tuple[Technique, tuple[Segment, ...]]:
    _check_reps(entry.reps, entry.column)
    if state.drop_loads is not None and len(entry.reps) > 1:
        if len(state.drop_loads) != len(entry.reps):
            raise _LineError(
                f"{len(state.drop_loads)} loads but {len(entry.reps)} rep counts",
                entry.column,
                "a drop set needs one rep count per load: `curl 20/15/10kg 10+8+6`",
            )
        for drop_load in state.drop_loads:
            _check_load(drop_load, unit, entry.column)
        segments = zip(state.drop_loads, entry.reps, strict=True)
        return Technique.DROP_SET, tuple(Segment(load=value, reps=reps) for value, reps in segments)
    load = entry.load if entry.load is not None else (state.drop_loads[0] if state.drop_loads else None)
    _check_load(load, unit, entry.column)
    technique = Technique.REST_PAUSE if len(entry.reps) > 1 else Technique.STRAIGHT
    return technique, tuple(Segment(load=load, reps=r) for r in entry.reps)


def _merge_drop_entries(state: _Body) -> None:
    """`curl 20/15/10kg 10, 8, 6`: one rep count per drop load is one drop set."""
    same_count = state.drop_loads and len(state.entries) == len(state.drop_loads) > 1
    if same_count and all(len(e.reps) == 1 and e.axb is None for e in state.entries):
        first = state.entries[0]
        first.reps = [e.reps[0] for e in state.entries]
        state.entries = [first]


Effort = tuple[float | None, float | None]


def _single_effort(state: _Body) -> Effort | None:
    """One effort written once applies to every set of the exercise (`bench 100kg 3x8 @8`)."""
    if state.effort_count != 1:
        return None
    if state.effort is not None:
        return state.effort
    source = next(entry for entry in state.entries if entry.has_effort)
    return source.rir, source.rpe


def _effort_for(entry: _Entry, shared: Effort | None, before_reps: Effort | None) -> Effort:
    if shared is not None:
        return shared
    if entry.has_effort:
        return entry.rir, entry.rpe
    return before_reps or (None, None)


def _build_sets(
    name: str,
    raw_name: str,
    body: str,
    offset: int,
    default_unit: Unit,
    group: int | None,
    position: int | None,
) -> list[ParsedSet]:
    state = _read_body(body, offset)
    if not state.entries:
        raise _LineError(f"I found no reps for {raw_name or 'this set'}", offset + len(body) + 1, REPS_HINT)
    shared_effort = _single_effort(state)
    _resolve_axb(state)
    _merge_drop_entries(state)
    has_load = any(e.load is not None for e in state.entries) or state.drop_loads or state.per_set_loads
    unit: Unit | None = state.unit or (default_unit if has_load else None)
    check_unit: Unit = unit or default_unit
    exercise = lookup(name)
    sets: list[ParsedSet] = []
    for entry in state.entries:
        rir, rpe = _effort_for(entry, shared_effort, state.effort)
        if entry.axb is not None:
            count = int(entry.axb[0])
            if not 1 <= count <= MAX_SETS:
                raise _LineError(
                    f"{count} sets is out of range",
                    entry.column,
                    f"sets go from 1 to {MAX_SETS}: `3x8`",
                )
            loads: list[float | None] = list(state.per_set_loads) or [entry.load]
            if len(loads) == 1:
                loads = loads * count
            elif len(loads) != count:
                raise _LineError(
                    f"{count} sets but {len(loads)} loads",
                    entry.column,
                    "give one load for all sets or one per set: `3x10 60,60,55`",
                )
        else:
            loads = [entry.load]
        built: dict[float | None, ParsedSet] = {}  # `3x8`: one frozen set, listed three times
        for load in loads:
            if load not in built:
                piece = entry if load == entry.load else _Entry(column=entry.column, reps=list(entry.reps), load=load)
                technique, segments = _segments(state, piece, check_unit)
                # Only what differs from ParsedSet's defaults: pydantic validates each field passed.
                fields: dict[str, object] = {"exercise": exercise.name if exercise else raw_name}
                fields.update(raw_exercise=raw_name, segments=segments, unit=unit, rir=rir, rpe=rpe)
                if exercise is None:
                    fields["known"] = False
                if technique is not Technique.STRAIGHT:
                    fields["technique"] = technique
                if state.bodyweight:
                    fields["bodyweight"] = True
                if entry.amrap:
                    fields["amrap"] = True
                if state.rest_s is not None:
                    fields["rest_s"] = state.rest_s
                if group is not None:
                    fields.update(group=group, pair_position=position)
                built[load] = ParsedSet(**fields)
            sets.append(built[load])
    if len(sets) > MAX_SETS:
        raise _LineError(
            f"{len(sets)} sets in one line is more than I can log",
            offset + 1,
            "send fewer sets per line",
        )
    return sets


def _split_name(part: str, lowered: str) -> tuple[str, str, str, int]:
    """Split `Leg press: 4 x 12` into the name as typed, its lookup key, the body and its offset."""
    match = _NAME_END.search(lowered)
    end = match.start() if match else len(lowered)
    raw = part[:end].strip().rstrip(":,/-|").strip()
    return raw, raw.lower(), lowered[end:], end


def _parse_line(line: str, default_unit: Unit, next_group: int) -> tuple[list[ParsedSet], bool]:
    lowered = _lower_keep_columns(line)
    if "," in lowered:
        lowered = _DECIMAL_COMMA.sub(r"\1.\2", lowered)
    pieces: list[tuple[int, int]] = []
    start = 0
    for separator in _PAIR_SPLIT.finditer(lowered):
        pieces.append((start, separator.start()))
        start = separator.end()
    pieces.append((start, len(lowered)))
    is_pair = len(pieces) > 1
    sets: list[ParsedSet] = []
    for position, (begin, end) in enumerate(pieces):
        raw, key, body, name_end = _split_name(line[begin:end], lowered[begin:end])
        if not raw:
            raise _LineError("which exercise was this?", begin + 1, f"start with the exercise name: `{EXAMPLE}`")
        if len(raw) > MAX_NAME_CHARS:
            raise _LineError(f"an exercise name of {len(raw)} characters is too long", begin + 1, f"try `{EXAMPLE}`")
        sets.extend(
            _build_sets(
                key,
                raw,
                body,
                begin + name_end,
                default_unit,
                next_group if is_pair else None,
                position if is_pair else None,
            )
        )
    return sets, is_pair


def parse_message(text: str, default_unit: Unit = "kg") -> ParseResult:
    """Parse a whole message; each non-empty line is one exercise or one pair."""
    try:
        return _parse_message(text, default_unit)
    except Exception as error:  # the promise is "never raises": report, don't crash
        return ParseResult(
            errors=(ParseError(error=f"I couldn't read that ({type(error).__name__})", hint=f"try `{EXAMPLE}`"),)
        )


def _parse_message(text: str, default_unit: Unit) -> ParseResult:
    if len(text) > MAX_MESSAGE_CHARS:
        return ParseResult(
            errors=(
                ParseError(
                    error=f"that message is {len(text)} characters long",
                    column=MAX_MESSAGE_CHARS,
                    hint="send one workout per message, one exercise per line",
                ),
            )
        )
    numbered = enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)
    lines = [(number, _clean(line)) for number, line in numbered if line.strip()]
    if not lines:
        return ParseResult(errors=(ParseError(error="the message is empty", hint=f"try `{EXAMPLE}`"),))
    if len(lines) > MAX_LINES:
        return ParseResult(
            errors=(
                ParseError(
                    error=f"{len(lines)} lines is more than one workout",
                    hint="send at most 60 lines at a time",
                ),
            )
        )
    sets: list[ParsedSet] = []
    errors: list[ParseError] = []
    group = 1
    for number, line in lines:
        try:
            line_sets, was_pair = _parse_line(line, default_unit, group)
        except _LineError as error:
            errors.append(ParseError(error=error.message, column=error.column, hint=error.hint, line=number))
            continue
        sets.extend(line_sets)
        group += was_pair
    return ParseResult(sets=tuple(sets), errors=tuple(errors))


def format_load(load: float) -> str:
    return f"{load:g}" if load == int(load) else f"{load:.2f}".rstrip("0").rstrip(".")


def render_set(parsed: ParsedSet) -> str:
    """Write a set back in canonical notation; `parse_message(render_set(s))` reads it back."""
    unit = parsed.unit or ""
    loads = [segment.load for segment in parsed.segments]
    reps = "+".join(str(segment.reps) for segment in parsed.segments)
    parts = [parsed.exercise.lower()]
    if parsed.technique is Technique.DROP_SET:
        parts.append("/".join(format_load(load or 0) for load in loads) + unit)
    elif parsed.bodyweight:
        parts.append(f"bw+{format_load(loads[0])}{unit}" if loads[0] is not None else "bw")
    elif loads[0] is not None:
        parts.append(f"{format_load(loads[0])}{unit}")
    parts.append(f"amrap {reps}" if parsed.amrap else reps)
    if parsed.rpe is not None:
        parts.append(f"@{format_load(parsed.rpe)}")
    if parsed.rest_s is not None:
        parts.append(f"rest {parsed.rest_s}s")
    return " ".join(parts)
