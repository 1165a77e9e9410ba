"""Read the lifter's set shorthand: text in, sets (or an error id with a column) out.

The grammar is documented for users in docs/notation.md. In short, each line is
`exercise [> exercise]` where each exercise is a name followed by loads, reps, effort and rest
in any order. `parse_message` never raises: whatever the input, it returns a ParseResult. Errors are
message ids with their numbers (`Msg`); the words are in handlers/words/parsing.py.

Never silently wrong: a line is read as a lifter means it, or refused with the column and a hint.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from rules.asking import question_start, telling
from rules.catalog import Exercise, is_timed, lookup, lookup_cardio, lookup_exact, normalize_name
from rules.models import ParsedSet, ParseError, ParseResult, Segment, Technique, Unit
from rules.models import ParseParam as Param

MAX_MESSAGE_CHARS = 4096  # Telegram's own message limit; longer text is refused, not guessed at
MAX_LINES = 60  # a whole pasted workout fits; a pasted novel does not
MAX_LOAD = {"kg": 650.0, "lb": 1450.0}  # above any recorded lift: anything bigger is a typo
MAX_REPS = 100
MAX_SETS = 20
MAX_SEGMENTS = 12
MAX_REST_S = 3600
MAX_HOLD_S = 3600  # an hour-long plank is a typo
MAX_CARDIO_S = 24 * 3600
MAX_DISTANCE_M = 300_000.0
MAX_NAME_CHARS = 60  # longer than any exercise name; what we echo back stays short
MAX_ECHO_CHARS = 30
MAX_NOTE_CHARS = 80
# With no load written anywhere else, `AxB` reads as sets x reps when A is at most this
# (3x8, 5x5, 6x6), and as load x reps above it (60x8). `10kg x 10` is always load x reps.
MAX_AMBIGUOUS_SETS = 6
MAX_RPE = 10  # `@` followed by a bigger number is a load (`3x8@205`), not an effort
BAR_LOAD: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}  # the empty Olympic bar
PLATE_LOAD: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}  # "2 plates" = two big plates a side
MYO_MIN_MINI_SETS = 3  # myo-reps: an activation set, then 3+ equal mini-sets (`15+5+5+5`)
CARDIO_MINUTES_BELOW = 100  # on a cardio line `10m` is minutes, `2000m` metres
MILE_M = 1609.344
HEADING_FUZZY_MIN_CHARS = 6  # a misspelt heading is read as the catalog's name from this length on
NOTE_TYPO_CUTOFF = 0.75  # a trailing word this close to a keyword (`kgg`, `rpee`) is a typo, not a note
FAILURE_RIR = 0.0  # a set noted `[Failure]`, `to failure`, `в отказ`: "RIR 0 means absolute failure" (004)


class Msg(StrEnum):
    """Every message id the parser returns, errors and hints; their words: handlers/words/parsing.py."""

    UNKNOWN_WORD = "unknown_word"  # {word}
    NO_REPS = "no_reps"  # {exercise}, "" when the line names none
    NEGATIVE = "negative"
    ZERO_REPS = "zero_reps"
    TOO_MANY_REPS = "too_many_reps"  # {count}
    TOO_MANY_BURSTS = "too_many_bursts"  # {count}
    RIR_OFF_SCALE = "rir_off_scale"  # {value}
    RPE_OFF_SCALE = "rpe_off_scale"  # {value}
    TOO_HEAVY = "too_heavy"  # {load} {unit}
    DROP_COUNTS = "drop_counts"  # {loads} {reps}
    DROP_FORM = "drop_form"
    DROP_ONE_LOAD = "drop_one_load"  # {reps}: `drop set curls 20kg 10+8+6`, a drop set said, one load written
    SETS_LOADS = "sets_loads"  # {sets} {loads}
    MISSING_EXERCISE = "missing_exercise"
    NOT_AN_EXERCISE = "not_an_exercise"  # {name}
    PERCENT = "percent"
    FRACTIONAL_REPS = "fractional_reps"  # {value}
    SETS_RANGE = "sets_out_of_range"  # {count}
    TOO_MANY_SETS = "too_many_sets"  # {count}
    REST_RANGE = "rest_out_of_range"  # {seconds}
    DURATION_RANGE = "duration_out_of_range"  # {seconds}
    DISTANCE_RANGE = "distance_out_of_range"  # {metres}
    NAME_TOO_LONG = "name_too_long"  # {length}
    MESSAGE_TOO_LONG = "message_too_long"  # {length}
    TOO_MANY_LINES = "too_many_lines"  # {count}
    EMPTY = "empty"
    AMBIGUOUS_SETS_REPS = "ambiguous_sets_reps"  # {text}
    AT_NEEDS_NUMBER = "at_needs_number"
    PLUS_NEEDS_REPS = "plus_needs_reps"
    TWO_LOADS = "two_loads"
    DURATION_AND_REPS = "duration_and_reps"
    INTERNAL = "internal"
    # hints
    HINT_EXAMPLE = "hint_example"  # the words hold the example, in the lifter's language
    HINT_DID_YOU_MEAN = "hint_did_you_mean"  # {suggestion}
    HINT_REPS = "hint_reps"
    HINT_PLAIN_NUMBER = "hint_plain_number"
    HINT_RPE_SCALE = "hint_rpe_scale"
    HINT_RIR_SCALE = "hint_rir_scale"
    HINT_EXTRA_DIGIT = "hint_extra_digit"
    HINT_REPS_TYPO = "hint_reps_typo"
    HINT_DROP_COUNTS = "hint_drop_counts"
    HINT_ONE_PER_SET = "hint_one_per_set"
    HINT_START_WITH_NAME = "hint_start_with_name"
    HINT_LOAD_LIFTED = "hint_load_lifted"
    HINT_LOAD_UNIT = "hint_load_unit"
    HINT_SETS_RANGE = "hint_sets_range"  # {max}
    HINT_FEWER_SETS = "hint_fewer_sets"
    HINT_REST_FORM = "hint_rest_form"
    HINT_ONE_WORKOUT = "hint_one_workout"
    HINT_MAX_LINES = "hint_max_lines"  # {max}
    HINT_AT_FORM = "hint_at_form"
    HINT_PLUS_FORM = "hint_plus_form"
    HINT_ONE_LOAD = "hint_one_load"
    HINT_CHECKIN = "hint_checkin"
    HINT_HOLD_FORM = "hint_hold_form"
    HINT_CARDIO_FORM = "hint_cardio_form"
    HINT_SETS_REPS = "hint_sets_reps"  # the two readings, each written so it reads back unambiguously
    HINT_FAILED_SET = "hint_failed_set"



_NUM = r"\d+(?:\.\d+)?"
_END = r"(?![a-zа-яё])"
_UNIT = r"(?:kgs?|kilos?|kilograms?|lbs?|pounds?|\#|k|кг|килограмм\w*|кило|фунт\w*)"
_DUR = r"(?:seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|hr|h|секунд\w*|сек|с|минут\w*|мин|часа|часов|час|ч|′)"
# On a bodyweight hold, `m` after a number is minutes (`plank 1m`, `plank 3x1m`, `1m30s`); it becomes the prime
# `′` (same column) before the body is read. On a loaded carry it may be metres (`farmer walk 40kg 20m`): left alone.
_HOLD_MINUTES = re.compile(r"(?<=\d)(\s*)[mм](?![a-zа-яё])")
# Number-led tokens share one alternative so the number is read once; Python then looks at
# which suffix matched (unit, `x reps`, seconds, %, RIR, `sets of`).
_TOKEN = re.compile(
    rf"""\s*(?:
    (?P<clock>(?P<clock_min>\d{{1,2}}):(?P<clock_s>[0-5]\d))(?![\d.:])
    |(?P<xx>(?P<xx_reps>\d+)\s*xx)
    |(?P<number>(?P<value>{_NUM}(?:/{_NUM})*)(?:
        \s*(?P<unit>{_UNIT})(?:{_END}|(?=x\d))(?:\s*[x*]\s*(?P<unit_reps>\d+)(?!\d|\.\d))?
        |\s*s\s*[x*]\s*(?P<pair_reps>\d+)
        |(?P<pair_load>['’`]s){_END}
        |\s*[x*]\s*(?P<x_bw>bw|bodyweight){_END}
        |\s*[x*]\s*(?P<x_clock>(?P<x_clock_min>\d{{1,2}}):(?P<x_clock_s>[0-5]\d))(?![\d.:])
        |\s*[x*]\s*(?P<x_reps>{_NUM})(?:
            \s*(?P<x_unit>{_UNIT}){_END}
            |\s*(?P<x_dur>{_DUR}){_END}
            |\s*[x*]\s*(?P<x_third>{_NUM})(?:\s*(?P<x3_unit>{_UNIT}){_END})?
        )?
        |\s*(?P<dur_unit>{_DUR}){_END}
        |\s*(?P<percent>%)
        |\s*(?P<rir_after>rir|рир){_END}(?!\s*\d)
        |\s*(?:sets?|подход\w*)\s*(?:of|x|по)?\s*(?P<sets_reps>\d+)(?!\d|\.\d|:\d|\s*(?:{_UNIT}|{_DUR}){_END})
        |\s*(?P<sets_word>sets?|подход\w*){_END}(?:\s+of(?=\s*\d{{1,2}}(?::\d|\s*{_DUR}{_END})))?
        |\s*(?P<plates>plates?|блин\w*){_END}
        |\s*(?P<reps_word>reps?|раз\w*|повтор\w*|повт){_END}
    )?)
    |(?P<at>@\s*(?:
        (?P<at_load>{_NUM})\s*(?P<at_unit>{_UNIT}){_END}
        |(?:rir|рир)\s*(?P<at_rir>{_NUM})
        |(?:rpe|рпе)?\s*(?P<at_rpe>{_NUM})(?P<at_percent>\s*%)?
    )?)
    |(?P<plus>\+\s*(?P<plus_value>{_NUM})(?:
        \s*(?P<plus_unit>{_UNIT}){_END}(?:\s*[x*]?\s*(?P<plus_ux>\d+)(?!\d|\.\d|\s*[x*/]|\s*{_UNIT}{_END}))?
        |\s*[x*]\s*(?P<plus_x>\d+)
    )?)
    |(?P<plus_amrap>\+)
    |(?P<comma>[,;&]|\.(?=\s)|\band\b)
    |(?P<per_side>(?:/\s*|per\s+|a\s+|each\s+)(?:side|arm|leg|hand)s?\b|each\b|ea\b|e/s\b
        |на\s+кажд\w*(?:\s+(?:руку|ногу|сторону))?|кажд\w*\s+(?:рукой|ногой|сторону))
    |(?P<bar>(?:empty\s+)?bar\b|пустой\s+гриф|гриф\b)
    |(?P<left>\|\s*(?P<left_n>\d+))
    |(?P<for>for\b|на\b)
    |(?P<xrep>[x*]\s*(?P<xrep_n>\d+)(?!\d|\.\d|\s*[x*]))
    |(?P<rest_pause>rest[\s-]*pause[sd]?{_END}|рест[\s-]*пауз\w*)
    |(?P<myo>myo(?:[\s-]*reps?)?(?:\s*\(\s*(?P<myo_list>\d+(?:\s*[,+]\s*\d+)*)\s*\))?{_END})
    |(?P<cluster>clusters?{_END}|кластер\w*)
    |(?P<drop>drop(?:\s*sets?)?{_END}|dropset{_END}|дроп\w*)
    |(?P<warmup>warm[\s-]?ups?{_END}|wu{_END}|разминк\w*)
    |(?P<note>bands?{_END}|chains?{_END}|paused?{_END}|tempo{_END}|резин\w*|цеп[ьи]\w*)
    |(?P<filler>по\b|at\b|with\b|w/|и\b)
    |(?P<skip>[()\[\]:|/=]|-(?!\s*\d)|(?:reps?|sets?|раз|повтор\w*){_END}|x\b(?!\s*\d))
    |(?P<dash>(?<=\s)-\s+(?=\d))
    |(?P<neg>-\s*\d+(?:\.\d+)?)
    |(?P<effort>(?P<effort_kind>rir|rpe|рпе|рир)\s*(?P<effort_value>{_NUM}))
    |(?P<bw>(?:bw|bodyweight|body\s+weight|свой\s+вес)(?:\s*\+\s*(?P<bw_load>{_NUM})\s*(?P<bw_unit>{_UNIT})?)?{_END})
    |(?P<amrap>amrap{_END}|max\s+reps{_END}|до\s+отказа)
    |(?P<rest>rest(?:ed)?{_END}|отдых\w*)
    |(?P<word>[^\s\d,;()@+/&]+(?:\d+(?:\.\d+)?)?)
    )""",
    re.VERBOSE,
)
_SLASH = re.compile(r"\s*/\s*")
# A technique named with the exercise, before its numbers (`Rest-pause curls`, `curls drop set 20/15/10kg 10+8+6`,
# `рест-пауза бицепс`): the technique, not a word of the exercise's name. The group's name is the Technique's value.
_TECHNIQUE_NAMED = re.compile(
    r"(?<![^\s(\[,-])(?:(?P<rest_pause>rest[\s-]*pause[sd]?|рест[\s-]*пауз\w*)"
    r"|(?P<drop_set>drop[\s-]*sets?|dropsets?|дроп[\s-]*сет\w*|дропсет\w*)"
    r"|(?P<myo_reps>myo(?:[\s-]*reps?)?|миоповтор\w*)|(?P<cluster>clusters?|кластер\w*))(?=$|[\s)\]:,-])"
)
_NUMBERS_START = re.compile(r"[\d@+]")
_TRAILING_DOTS = re.compile(r"[.…]+")
# A decimal comma: `22,5kg`, `rpe 8,5`, `@7,5`, `82,5 x 5` (but not `60,60,55` or `12, 10`).
_DECIMAL_COMMA = re.compile(
    rf"(?<![\d,x])(\d+),(\d{{1,2}})(?=\s*{_UNIT}{_END}|\s*[x*]\s*\d)|((?:rpe|rir|рпе|рир|@)\s*\d+),(5)(?![\d,])"
    r"|(?<![\d,x])(\d+),(5|25|75)(?=\s+\d)(?!\s+\d+,)"  # `32,5 12+3+2`: a plate's fraction before the reps
)
_CYRILLIC_X = re.compile(r"(?<=[\d\s)])[хХ](?=\s*[\d(])")  # `3х10`, `120кг х 5`; never the х of `махи`
_PAIR_SPLIT = re.compile(r"\s*(?:>>?|→|->|=>)\s*")
# What an AMRAP set came to, written after the `5+` that prescribed it: `1x5+ (got 8)`, `5+ -> 8`, `5+ = 8`.
# The words and the arrow are blanked (same columns) so `5+ ( 8)` reads like 5/3/1's `1+: 4`, and an
# arrow before a bare count is no pair.
_AMRAP_GOT = re.compile(r"(?<=\d)(\s*\+\s*\(\s*)((?:got|did|hit|made|done)\b)(?=\s*\d+\s*(?:reps?)?\s*\))")
_AMRAP_ARROW = re.compile(r"(?<=\d)(\s*\+\s*)(->|→|=>|>>?|=)(?=\s*\d+\s*(?:reps?)?\s*$)")
_NAME_END = re.compile(
    r"[\d@+]|[(\-](?=\s*\d)|\b(?:bw|amrap|rir|rpe|rest|рпе)(?:\b|\d|\+)|(?<![а-яё])свой\s+вес(?![а-яё])"
    r"|(?<!trap )(?<!hex )(?<!ez )(?<!\bt )(?<!t-)(?<!safety )(?<!swiss )(?<!axle )(?<!cambered )"
    r"\b(?:empty\s+)?bar\b(?=\s*(?:[x*]\s*\d|for\b|,|\d|$))|\bгриф\b(?=\s*(?:[x*]|на\b|\d|$))"
)
_NAME_FILLER = re.compile(r"[\s:,-]*(?:(?:worked\s+)?up\s+to|top\s+set|heavy\s+single|работал\s+до)\s*:?\s*$")
_LETTER_RUN = re.compile(r"[a-zа-яё][a-zа-яё'&\-]*(?:\s+[a-zа-яё][a-zа-яё'&\-]*)*")
_SET_PREFIX = re.compile(r"\s*(?:set|подход)\s*#?\s*\d+\s*[:.)\-]?\s*(?=\S)")
_WARMUP_PREFIX = re.compile(r"\s*(?:warm[\s-]?ups?|wu|разминка)\s*[:\-]\s*")
_SECTION = re.compile(r"/\s*(?P<label>target|warm[\s-]?ups?|разминка)\s*:", re.IGNORECASE)
_GROUP = re.compile(r"\(([^()]*)\)")
_NOTE_GROUP = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")  # `(paused)`, `[Failure]`: a set's note in brackets
_MULTIPLIER = re.compile(r"\s*[x*]\s*\d+\s*")
_SKIPPED_LINE = re.compile(r"\s*(?:[{}\[\]]+|//.*|\d{4}-\d\d-\d\d.*exercises:\s*\{)\s*")
_CARDIO_TOKEN = re.compile(
    rf"""\s*(?:
    (?P<clock>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)
    |(?P<amount>{_NUM})\s*(?P<cunit>
        seconds?|secs?|s|сек\w*|с|minutes?|mins?|min|мин\w*|hours?|hrs?|hr|h|час\w*|ч
        |km|k|км|miles?|mi|meters?|metres?|m|метр\w*|м){_END}
    |(?P<effort>@\s*(?:rpe|рпе)?\s*(?P<effort_value>{_NUM})|(?:rpe|рпе)\s*(?P<effort_value2>{_NUM}))
    |(?P<times>[x*]\s*(?P<times_n>\d+))
    |(?P<extra>{_NUM}\s*(?:mph|km/h|км/ч)|incline\s*{_NUM}%?|{_NUM}\s*(?:degrees?|%)\s*incline|{_NUM}\s*(?:bpm|kcal|cal))
    |(?P<sep>[,:/\-]|for\b|in\b|на\b|за\b)
    |(?P<text>[^\s\d,:/@]+)
    )""",
    re.VERBOSE,
)
_CARDIO_KINDS = ("clock", "amount", "effort", "times", "extra", "sep", "text")
_UNIT_NAMES: dict[str, Unit] = {
    "kg": "kg",
    "kgs": "kg",
    "k": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "кг": "kg",
    "кило": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "#": "lb",
}
_TRANSLATE = str.maketrans({"×": "x", "–": "-", "—": "-", "＠": "@", "＋": "+", "\t": " "})
_KEYWORDS = ("kg", "lb", "lbs", "rir", "rpe", "amrap", "rest", "bw", "sec", "min", "each", "warmup", "drop")
# Words that say how a set was done, never what was lifted: a "name" made only of these is no exercise
# (`Set 1: ...`, `bar x 10`, `plus 2 sets`), nor is a body part (`elbow 3/10` is a pain report).
NOTATION_WORDS = frozenset(
    [
        "set",
        "sets",
        "x",
        "bar",
        "empty",
        "plus",
        "rep",
        "reps",
        "kg",
        "kgs",
        "lb",
        "lbs",
        "k",
        "kilo",
        "kilos",
        "pound",
        "pounds",
        "rpe",
        "rir",
        "bw",
        "bodyweight",
        "body",
        "weight",
        "amrap",
        "max",
        "rest",
        "rested",
        "for",
        "at",
        "with",
        "and",
        "of",
        "each",
        "side",
        "per",
        "arm",
        "leg",
        "hand",
        "warm",
        "up",
        "warmup",
        "wu",
        "drop",
        "dropset",
        "myo",
        "cluster",
        "band",
        "bands",
        "chain",
        "chains",
        "plate",
        "plates",
        "total",
        "same",
        "again",
        "then",
        "top",
        "work",
        "working",
        "backoff",
        "back",
        "off",
        "sec",
        "secs",
        "s",
        "min",
        "mins",
        "minute",
        "minutes",
        "second",
        "seconds",
        "hold",
        "target",
        "done",
        "and",
        "the",
        "a",
        "an",
        "подход",
        "подхода",
        "подходов",
        "раз",
        "раза",
        "повтор",
        "повторений",
        "по",
        "на",
        "кг",
        "рпе",
        "отдых",
        "разминка",
        "и",
        "гриф",
        "свой",
        "вес",
    ]
)
PAIN_WORDS = frozenset(
    [
        "pain",
        "painful",
        "lower",
        "upper",
        "hurt",
        "hurts",
        "sore",
        "soreness",
        "ache",
        "aches",
        "achy",
        "tight",
        "left",
        "right",
        "my",
        "боль",
        "болит",
        "ноет",
    ]
)
BODY_PARTS = frozenset(
    [
        "elbow",
        "elbows",
        "knee",
        "knees",
        "shoulder",
        "shoulders",
        "wrist",
        "wrists",
        "hip",
        "hips",
        "back",
        "neck",
        "ankle",
        "ankles",
        "локоть",
        "колено",
        "плечо",
        "запястье",
        "спина",
        "поясница",
    ]
)


class _LineError(Exception):
    """Internal: stops reading one line; becomes a ParseError with the line's column."""

    def __init__(
        self,
        code: Msg,
        column: int | None,
        hint: Msg | None = None,
        params: dict[str, Param] | None = None,
        hint_params: dict[str, Param] | None = None,
        sets: tuple[ParsedSet, ...] = (),
    ) -> None:
        super().__init__(code.value)
        self.code = code
        self.column = column
        self.hint = hint
        self.params = params or {}
        self.hint_params = hint_params or {}
        self.sets = sets


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
    count: int = 1  # `100x5 (x 3)`, `315x5x3`: the same set done this many times
    seg_loads: list[float | None] | None = None  # `185 x 8 drop 135 x 10`: a load per segment
    seconds: int | None = None  # a timed hold
    inherited: bool = False  # the load came from an earlier one (`1x10 95lb, 1x5 135lb`)
    after_comma: bool = False  # a bare number that opened a comma-separated piece (`..., 70 6`)
    forced_sets: bool = False  # `5 подходов по ... 10 раз`: sets were named, so `axb` is sets x reps
    note: str | None = None  # `135lbs x 10 (dead stop)`: this set's own note
    warmup: bool = False  # `2x5x45lb (warmup), 5x5x135lb`: this set only
    pair: bool = False  # `2х20кг` on a dumbbell lift: two dumbbells of 20 kg, if reps follow it
    reps_said: bool = False  # `8 reps`: written as reps, so never made a load by a number after it


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
    failure: bool = False  # `до отказа`: to failure, said in words
    load_next: bool = False  # after `4 x 12 -`: the next bare number is the load
    slash_column: int | None = None  # where `20/15/10` was written, read as drop loads for now
    rest_pending: bool = False
    durations: list[tuple[int, int, int]] = field(default_factory=list)  # (seconds, count, column)
    per_side: bool = False
    warmup: bool = False
    notes: list[str] = field(default_factory=list)
    myo: bool = False
    cluster: bool = False
    drop_next: bool = False
    drop_named: bool = False  # `drop set` said (`curls 20kg 10+8+6 drop set`, `drop set curls ...`)
    pending_sets: int | None = None
    xx_reps: int | None = None
    amrap_replace: bool = False
    amrap_load: bool = False  # `squat 315 AMRAP 5`: the bare number before AMRAP is the load if reps follow
    bodyweight_exercise: bool = False
    dumbbells: bool = False
    default_unit: Unit = "kg"
    original: str = ""  # the body as typed (same columns), for notes in the lifter's own case
    offset: int = 0
    stop: bool = False
    minutes_end: int = -1  # where a duration in minutes ended: seconds right after it add to it (`1 min 30 s`)
    rest_minutes: bool = False  # ... and that duration was the rest (`rest 1 min 30 s`)
    hold: bool = False  # a hold (`plank`, a carry): `60s x3` is three holds of 60 s, never a pair of 60s x 3
    duration_end: int = -1  # where the last hold's time ended: an `x3` right after it is its number of sets


# A note saying the set went to failure (`[Failure]`, `(failure)`, `to failure`, `в отказ`, `до отказа`), unless
# it says the opposite (`not to failure`, `1 short of failure`, `near failure`, `почти до отказа`).
_FAILURE_NOTE = re.compile(r"(?<![a-zа-яё])(?:failure|fail|отказ\w*)(?![a-zа-яё])", re.IGNORECASE)
_NOT_FAILURE = re.compile(
    r"(?<![a-zа-яё])(?:not|no|never|near(?:ly)?|close|short|shy|almost|before|from|away|off|avoid\w*|"
    r"не|без|почти|около|близко|недо\w*|до\s+почти)(?![a-zа-яё])|\d",
    re.IGNORECASE,
)


def says_failure(note: str | None) -> bool:
    """The lifter's note says the set was taken to failure (`[Failure]`, `to failure`, `в отказ`); a note
    that asks (`to failure?`, `should I go to failure`) says nothing about the set."""
    note = telling(note) if note else note
    if not note:
        return False
    match = _FAILURE_NOTE.search(note)
    return match is not None and _NOT_FAILURE.search(note[: match.start()]) is None


def with_failure(parsed: ParsedSet) -> ParsedSet:
    """A set with no effort written whose note says failure is a set at RIR 0 (the note is kept)."""
    if parsed.rpe is not None or parsed.rir is not None or parsed.timed or not says_failure(parsed.note):
        return parsed
    return parsed.model_copy(update={"rir": FAILURE_RIR, "rpe": MAX_RPE - FAILURE_RIR})


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
    if "х" in line or "Х" in line:  # Cyrillic `х` is `x` only next to a number: `3х10`, not `махи`
        line = _CYRILLIC_X.sub("x", line)
    if line.isascii() and line.isprintable():
        return line
    return "".join(
        " " if not c.isprintable() or c == "\ufe0f" or unicodedata.category(c) in _DECORATION else c for c in line
    )


def _decimal_commas(lowered: str) -> str:
    def point(match: re.Match[str]) -> str:
        groups = [g for g in match.groups() if g is not None]
        return f"{groups[0]}.{groups[1]}"

    return _DECIMAL_COMMA.sub(point, lowered)


def _effort_from_rpe(rpe: float, column: int) -> tuple[float, float]:
    if not 1 <= rpe <= MAX_RPE:
        raise _LineError(Msg.RPE_OFF_SCALE, column, Msg.HINT_RPE_SCALE, {"value": f"{rpe:g}"})
    return 10 - rpe, rpe


def _effort_from_rir(rir: float, column: int) -> tuple[float, float]:
    if not 0 <= rir <= 10:
        raise _LineError(Msg.RIR_OFF_SCALE, column, Msg.HINT_RIR_SCALE, {"value": f"{rir:g}"})
    return rir, 10 - rir


@lru_cache(maxsize=1024)
def _unknown_word_hint(word: str, previous_number: str | None) -> tuple[Msg, str | None]:
    """A "did you mean" only when it differs from what was typed; else the example."""
    letters = word.rstrip("0123456789.")
    if letters in NOTATION_WORDS:  # `plus`, `then`: a word of ours in the wrong place, no typo of `lbs`
        return Msg.HINT_EXAMPLE, None
    close = difflib.get_close_matches(letters, _KEYWORDS, n=1, cutoff=0.5)
    suggestion = None
    if close and previous_number is not None and close[0] in ("kg", "lb", "lbs"):
        suggestion = f"{previous_number}{close[0]}"
    elif close:
        suggestion = f"{close[0]}{word[len(letters) :]}"
    typed = {word, f"{previous_number or ''}{word}"}
    if suggestion is None or suggestion in typed:  # `8x25kg` -> "did you mean `8x25kg`?" helps no one
        return Msg.HINT_EXAMPLE, None
    return Msg.HINT_DID_YOU_MEAN, suggestion


def _unit_of(unit_text: str) -> Unit:
    """`kg`, `kgs`, `k`, `кг`, `килограммов` are kg; `lb`, `#`, `фунтов` are lb."""
    return _UNIT_NAMES.get(unit_text, "lb" if unit_text.startswith("фунт") else "kg")


def _set_unit(state: _Body, unit_text: str | None) -> None:
    """The line's unit is the first one written."""
    if unit_text and state.unit is None:
        state.unit = _unit_of(unit_text)


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
        inherited=load is None and state.load is not None,
    )
    if state.amrap_pending:
        entry.amrap = True
        state.amrap_pending = False
    if state.pending_sets is not None and axb is None and len(reps) == 1:
        entry.axb, entry.forced_sets = (float(state.pending_sets), reps[0]), True
        state.pending_sets = None
    if state.drop_next and state.entries:  # `185 x 8 DROP 135 x 10`: one set, a second segment
        state.drop_next = False
        _merge_segment(state.entries[-1], entry.load, reps)
        return state.entries[-1]
    state.drop_next = False
    state.entries.append(entry)
    return entry


def _merge_segment(previous: _Entry, load: float | None, reps: list[int]) -> None:
    if previous.axb is not None:  # `105x4 + 90x6`: the first was load x reps after all
        previous.load, previous.reps, previous.axb, previous.load_times_reps = (
            previous.axb[0],
            [previous.axb[1]],
            None,
            True,
        )
    if previous.seg_loads is None:
        previous.seg_loads = [previous.load] * len(previous.reps)
    previous.seg_loads.extend([load] * len(reps))
    previous.reps.extend(reps)


def _set_load(state: _Body, load: float) -> None:
    """A load applies to the sets after it and fills in the loadless ones before it (`3x10 70kg`)."""
    state.load = load
    for entry in state.entries:
        if entry.load is None and not entry.load_times_reps and entry.seconds is None:
            entry.load = load


def _apply_effort(state: _Body, effort: tuple[float, float]) -> None:
    state.effort_count += 1
    target = state.entries[-1] if state.entries else None
    if target is not None and not target.has_effort:
        target.rir, target.rpe = effort
        target.has_effort = True
    else:
        state.effort = effort


def _check_load(load: float | None, unit: Unit, column: int) -> None:
    if load is not None and load > MAX_LOAD[unit]:
        raise _LineError(Msg.TOO_HEAVY, column, Msg.HINT_EXTRA_DIGIT, {"load": f"{load:g}", "unit": unit})


def _unit_now(state: _Body) -> Unit:
    return state.unit or state.default_unit


# Each token kind's meaning, as a table: kind -> handler(state, match, column, previous kind, previous text).
Handler = Callable[[_Body, "re.Match[str]", int, str, "str | None"], None]


def _ignore(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    return None


def _on_skip(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    if m.group("skip") == "x" and prev == "comma":  # `405 2,1,x`: a missed rep is no set to log
        raise _LineError(Msg.UNKNOWN_WORD, column, Msg.HINT_FAILED_SET, {"word": "x"})
    if m.group("skip") == ":" and prev == "number":  # `OHP 115: 6, 5, 5`: the number before `:` is the load
        _promote_bare_load(state, prev)


def _on_negative(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    raise _LineError(Msg.NEGATIVE, column, Msg.HINT_PLAIN_NUMBER)


def _on_dash(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """`4 x 12 - 130`, `x 5 - 145`, `3 x 3 - 200, 230, 265`: a spaced dash after loadless sets, then their load."""
    last = state.entries[-1] if state.entries else None
    if last is None or last.load is not None or state.load is not None or prev not in ("number", "xrep"):
        raise _LineError(Msg.NEGATIVE, column, Msg.HINT_PLAIN_NUMBER)
    state.load_next = True


def _on_percent(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    raise _LineError(Msg.PERCENT, column, Msg.HINT_LOAD_LIFTED)


def _seconds_of(value: float, unit: str) -> float:
    if unit.startswith(("m", "м", "′")):
        return value * 60
    if unit.startswith(("h", "ч")):
        return value * 3600
    return value


def _on_duration(state: _Body, m: re.Match[str], column: int) -> None:
    unit = m.group("dur_unit")
    seconds = _seconds_of(float(m.group("value")), unit)
    in_minutes = seconds != float(m.group("value"))
    if m.start() == state.minutes_end and not in_minutes and seconds < 60:  # `1 min 30 s`, `1m30s`: one time
        state.minutes_end = -1
        if state.rest_minutes and state.rest_s is not None:
            state.rest_s += int(seconds)
        elif state.durations:
            total, count, where = state.durations[-1]
            state.durations[-1] = (total + int(seconds), count, where)
        return
    state.minutes_end = m.end() if in_minutes else -1
    state.rest_minutes = state.rest_pending
    if state.rest_pending:  # `rest 90s`
        _set_rest(state, seconds, column)
        return
    count = state.pending_sets or 1  # `планка 3 подхода по 60 секунд`
    state.pending_sets = None
    state.durations.append((int(seconds), count, column))
    state.duration_end = m.end()


def _on_clock(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """`rest 2:30`, `plank 1:30`: minutes and seconds, a rest after `rest`, else a duration."""
    seconds = int(m.group("clock_min")) * 60 + int(m.group("clock_s"))
    if state.rest_pending:
        _set_rest(state, seconds, column)
        return
    count = state.pending_sets or 1
    state.pending_sets = None
    state.durations.append((seconds, count, column))
    state.duration_end = m.end()


def _set_rest(state: _Body, seconds: float, column: int) -> None:
    if not 0 < seconds <= MAX_REST_S:
        raise _LineError(Msg.REST_RANGE, column, Msg.HINT_REST_FORM, {"seconds": f"{seconds:g}"})
    state.rest_s = int(seconds)
    state.rest_pending = False


def _on_rest(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    rest_follows = re.match(r"\s*\d", m.string[m.end() :]) is not None  # `plank 60s rest 1:30`: the 1:30 is
    if prev == "number" and state.durations and state.rest_s is None and not rest_follows:  # `(15s rest)`
        seconds, _, where = state.durations.pop()
        _set_rest(state, seconds, where)
        return
    state.rest_pending = state.rest_s is None


def _on_loads(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    unit_text = m.group("unit")
    value_text = m.group("value")
    values = [float(v) for v in _SLASH.split(value_text)] if "/" in value_text else [float(value_text)]
    _set_unit(state, unit_text)
    for value in values:
        _check_load(value, _unit_of(unit_text), column)
    if m.group("unit_reps"):  # `60kg x 8`
        if len(values) > 1:
            raise _LineError(Msg.DROP_FORM, column, Msg.HINT_DROP_COUNTS)
        _new_entry(state, column, [int(m.group("unit_reps"))], load=values[0], load_times_reps=True)
    elif state.xx_reps is not None:  # `8xx60k,70k,80k`: the same reps at each load
        for value in values:
            _new_entry(state, column, [state.xx_reps], load=value, load_times_reps=True)
    elif len(values) > 1:
        state.drop_loads = values
    else:
        _one_load(state, values[0], column, prev)


def _one_load(state: _Body, value: float, column: int, prev: str) -> None:
    if state.per_set_loads:
        state.per_set_loads.append(value)
        return
    last = state.entries[-1] if state.entries else None
    if last is not None and last.axb is not None and last.load is not None:
        used_before = any(e.load == last.load for e in state.entries[:-1])
        if not (last.inherited and used_before and prev == "number"):
            raise _LineError(Msg.TWO_LOADS, column, Msg.HINT_ONE_LOAD)
        last.load, last.inherited = value, False  # Liftosaur's `1x10 95lb, 1x5 135lb`: each group its load
        state.load = value
        return
    _set_load(state, value)


def _on_at(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    if m.group("at_load"):
        load = float(m.group("at_load"))
        _set_unit(state, m.group("at_unit"))
        _check_load(load, _unit_of(m.group("at_unit")), column)
        _set_load(state, load)
    elif m.group("at_rir"):
        _apply_effort(state, _effort_from_rir(float(m.group("at_rir")), column))
    elif m.group("at_percent"):
        _on_percent(state, m, column, prev, prev_text)
    elif m.group("at_rpe"):
        value = float(m.group("at_rpe"))
        written_rpe = "rpe" in m.group("at") or "рпе" in m.group("at")
        has_load = state.load is not None or any(e.load is not None for e in state.entries)
        if value > MAX_RPE and not written_rpe and not has_load:  # `3x8@205`: a load, not an effort
            _check_load(value, _unit_now(state), column)
            _set_load(state, value)
            return
        _apply_effort(state, _effort_from_rpe(value, column))
    else:
        raise _LineError(Msg.AT_NEEDS_NUMBER, column, Msg.HINT_AT_FORM)


def _on_effort(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    value = float(m.group("effort_value"))
    read = _effort_from_rir if m.group("effort_kind") in ("rir", "рир") else _effort_from_rpe
    _apply_effort(state, read(value, column))


def _on_bodyweight(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.bodyweight = True
    if m.group("bw_load"):
        _set_unit(state, m.group("bw_unit"))
        _set_load(state, float(m.group("bw_load")))


def _on_amrap(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.amrap_pending = True
    state.failure = state.failure or m.group("amrap").startswith("до")  # `до отказа` is "to failure"
    # `squat 315 AMRAP 5`, `squat 315 x AMRAP (7)`: a bare number, then AMRAP; a number after it is the reps
    state.amrap_load = _bare_only(state) and not state.bodyweight_exercise


def _on_sets_of(state: _Body, m: re.Match[str], column: int) -> None:
    reps = int(m.group("sets_reps"))
    entry = _new_entry(state, column, [reps], axb=(float(m.group("value")), reps))
    entry.forced_sets = True


def _on_a_x_b(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    first = float(m.group("value"))
    second = float(m.group("x_reps"))
    if m.group("x_unit"):  # `shrug 8x25kg`, `1 × 160kg`: reps x load
        _set_unit(state, m.group("x_unit"))
        _check_load(second, _unit_of(m.group("x_unit")), column)
        entry = _new_entry(state, column, [_whole_reps(first, column)], load=second, load_times_reps=True)
        entry.pair = first == 2 and state.dumbbells  # `2х20кг 10`: maybe two 20 kg dumbbells, if reps follow
        return
    if m.group("x_dur"):  # `Планка 3х45с`: sets x seconds
        seconds = _seconds_of(second, m.group("x_dur"))
        state.durations.append((int(seconds), _whole_reps(first, column), column))
        state.minutes_end = m.end() if seconds != second else -1  # `plank 3x1min30s`: 90 s each
        state.rest_minutes = False
        return
    if m.group("x_third") is not None:
        _on_a_x_b_x_c(state, m, column, first, second)
        return
    _promote_bare_load(state, prev)
    reps = _whole_reps(second, column)
    most_sets = MAX_SETS if state.bodyweight_exercise else MAX_AMBIGUOUS_SETS  # `pull-up 7x10`: 7 sets
    clearly_load = not first.is_integer() or first > most_sets
    unused_load = state.load is not None and not any(e.load == state.load for e in state.entries)
    if clearly_load and state.pending_sets is None and not unused_load:  # `75x20, 20, 18`: the load carries
        _new_entry(state, column, [reps], load=first, load_times_reps=True)
        return
    _new_entry(state, column, [reps], axb=(first, reps))


def _on_a_x_b_x_c(state: _Body, m: re.Match[str], column: int, first: float, second: float) -> None:
    """Reps are always in the middle: `315x5x3` is load x reps x sets, `1x5x115` sets x reps x load."""
    third = float(m.group("x_third"))
    reps = _whole_reps(second, column)
    if m.group("x3_unit"):
        _set_unit(state, m.group("x3_unit"))
        sets, load = first, third
    elif first <= MAX_AMBIGUOUS_SETS and third > first and first.is_integer():
        sets, load = first, third
    else:
        load, sets = first, third
        if sets > MAX_AMBIGUOUS_SETS and reps <= MAX_AMBIGUOUS_SETS:
            # `60x3x15`: 15 sets of 3, or (some apps' order) 3 sets of 15? Ask rather than guess.
            raise _LineError(
                Msg.AMBIGUOUS_SETS_REPS,
                column,
                Msg.HINT_SETS_REPS,
                {"text": m.group("number").strip()},
                {
                    "many": f"{load:g} {sets:g}x{reps}",  # the rule's reading: `sets` sets of `reps`
                    "many_sets": f"{sets:g}",
                    "many_reps": reps,
                    "few": f"{load:g} {reps}x{sets:g}",  # some apps' weight x sets x reps
                    "few_sets": reps,
                    "few_reps": f"{sets:g}",
                },
            )
    if not sets.is_integer():
        raise _LineError(Msg.FRACTIONAL_REPS, column, Msg.HINT_LOAD_UNIT, {"value": f"{sets:g}"})
    _check_load(load, _unit_now(state), column)
    entry = _new_entry(state, column, [reps], load=load, load_times_reps=True)
    entry.count = int(sets)


def _whole_reps(value: float, column: int) -> int:
    if not value.is_integer():
        raise _LineError(Msg.FRACTIONAL_REPS, column, Msg.HINT_LOAD_UNIT, {"value": f"{value:g}"})
    return int(value)


def _on_plus(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    value = float(m.group("plus_value"))
    reps_text = m.group("plus_x") or m.group("plus_ux")
    if not state.entries or prev == "comma":  # `pull-ups +45 x 6`, `Dips +25: 8, 7, 7`: added to bodyweight
        state.bodyweight = True
        _set_unit(state, m.group("plus_unit"))
        _check_load(value, _unit_now(state), column)
        if state.entries:
            state.load = value
        else:
            _set_load(state, value)
        if reps_text:
            _new_entry(state, column, [int(reps_text)], load=value, load_times_reps=True)
        return
    last = state.entries[-1]
    if reps_text:  # `105 x 4 + 90 x 6`, `16kg 10 + 12kg 8`: one more segment at its own load
        _set_unit(state, m.group("plus_unit"))
        _merge_segment(last, value, [int(reps_text)])
        return
    if m.group("plus_unit"):  # Liftosaur's `1x12+ 100lb`: an AMRAP set of 12, then its load
        start = m.start("plus")
        glued = start > 0 and m.string[start - 1].isdigit() and m.group("plus")[1:2].isspace()
        if prev != "number" or not glued:
            raise _LineError(Msg.PLUS_NEEDS_REPS, column, Msg.HINT_PLUS_FORM)
        last.amrap = True
        _set_unit(state, m.group("plus_unit"))
        _check_load(value, _unit_now(state), column)
        _one_load(state, value, column, prev)
        return
    if last.axb is not None:  # `60x8+3`: load x reps, then bursts
        last.load, last.reps, last.axb, last.load_times_reps = (
            last.axb[0],
            [last.axb[1]],
            None,
            True,
        )
    if last.seg_loads is not None:
        last.seg_loads.append(last.seg_loads[-1])
    last.reps.append(_whole_reps(value, column))


def _on_plus_amrap(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    if not state.entries or prev not in ("number", "xx"):
        raise _LineError(Msg.PLUS_NEEDS_REPS, column, Msg.HINT_PLUS_FORM)
    state.entries[-1].amrap = True  # Liftosaur's `1x12+ 100lb`: an AMRAP set of 12
    state.amrap_replace = True


def _on_slash_numbers(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    values = [float(v) for v in _SLASH.split(m.group("value"))]
    if not state.bodyweight_exercise:
        _promote_bare_load(state, prev)  # `Deadlift 310 4/1`
    if len(values) == 2 and values[0] == values[1] and values[0].is_integer():  # `15/15`: each side
        state.per_side = True
        _new_entry(state, column, [int(values[0])])
        return
    if state.drop_loads is None and state.load is None and not state.bodyweight_exercise:
        state.drop_loads = values  # `curl 20/15/10 10+8+6`
        state.slash_column = column  # (or reps, if no reps follow: `squat 5/5/5`)
        return
    for value in values:  # `Deadlift 310 4/1`, `Chins 4/3/3`: one set per number
        _new_entry(state, column, [_whole_reps(value, column)])


def _on_bare_number(state: _Body, m: re.Match[str], column: int, prev: str) -> None:
    value = float(m.group("value"))
    if state.rest_pending:  # `rest 15`
        _set_rest(state, value, column)
        return
    if state.amrap_load:  # `squat 315 AMRAP 5`: 315 was the load, 5 the reps done
        state.amrap_load = False
        _promote_bare_load(state, "number")
    if state.amrap_replace and prev == "skip" and state.entries:  # 5/3/1's `265 x 1+: 4`, `1x5+ (got 8)`
        state.amrap_replace = False
        done = state.entries[-1]
        done.reps = [_whole_reps(value, column)]
        if done.axb is not None:  # `1x5+`: one set, of the reps actually done
            done.axb = (done.axb[0], done.reps[0])
        return
    last = state.entries[-1] if state.entries else None
    if last is not None and last.pair and prev == "number":
        last.reps, last.pair = [_whole_reps(value, column)], False  # `жим гантелей 2х20кг 10`: 10 reps
        return
    if state.load_next and last is not None:  # `4 x 12 - 130`, `x 5 - 145`
        state.load_next = False
        _check_load(value, _unit_now(state), column)
        if last.axb is not None:
            state.per_set_loads.append(value)  # `3 x 3 - 200, 230, 265`: more may follow
        else:
            _set_load(state, value)
        return
    after_sets = prev in ("number", "comma", "dash") and last is not None and last.axb is not None
    if after_sets and state.load is None and not state.amrap_pending and not state.bodyweight_exercise:
        state.per_set_loads.append(value)  # `row 3x10 60,60,55`
        return
    if last is not None and last.load_times_reps and prev == "comma":  # `75x20, 20, 18`
        carried = _new_entry(state, column, [_whole_reps(value, column)], load=last.load, load_times_reps=True)
        carried.after_comma = True
        return
    opened = last is not None and last.after_comma and len(last.reps) == 1 and not last.has_effort
    if prev == "number" and opened and last is not None and last.axb is None:
        # `bench 60 8, 70 6, 80 4`: each piece is its own load and reps
        last.load, last.reps, last.load_times_reps, last.inherited, last.after_comma = (
            float(last.reps[0]),
            [_whole_reps(value, column)],
            True,
            False,
            False,
        )
        _check_load(last.load, _unit_now(state), column)
        return
    if not state.bodyweight_exercise:
        _promote_bare_load(state, prev)
    if not value.is_integer() and not state.entries and state.load is None and not state.bodyweight_exercise:
        # `bench 102.5 5`, `32.5 12+3+2`: a fraction first is the load (reps are whole); alone, no reps follow
        _check_load(value, _unit_now(state), column)
        _set_load(state, value)
        return
    if not value.is_integer():
        raise _LineError(Msg.FRACTIONAL_REPS, column, Msg.HINT_LOAD_UNIT, {"value": f"{value:g}"})
    entry = _new_entry(state, column, [int(value)])
    entry.after_comma = prev == "comma"


def _on_number(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """Every number-led token: which suffix it carries says what it is."""
    if m.group("unit"):
        _on_loads(state, m, column, prev)
    elif m.group("pair_reps") and state.hold:  # `plank 60s x3`: three holds of 60 s
        count = _whole_reps(float(m.group("pair_reps")), column)
        state.durations.append((int(float(m.group("value"))), count, column))
    elif m.group("pair_reps"):  # `25s x 8`: a pair of 25s
        load = float(m.group("value"))
        _check_load(load, _unit_now(state), column)
        _new_entry(state, column, [int(m.group("pair_reps"))], load=load, load_times_reps=True)
    elif m.group("pair_load"):  # `50's for 10 reps`: a pair of 50s
        load = float(m.group("value"))
        _check_load(load, _unit_now(state), column)
        _set_load(state, load)
    elif m.group("x_bw"):  # `20xBW`
        state.bodyweight = True
        _new_entry(state, column, [_whole_reps(float(m.group("value")), column)], load=None, load_times_reps=True)
    elif m.group("x_clock"):  # `plank 3x1:00`, `dead hang 3 x 0:45`: sets x a hold of minutes:seconds
        seconds = int(m.group("x_clock_min")) * 60 + int(m.group("x_clock_s"))
        state.durations.append((seconds, _whole_reps(float(m.group("value")), column), column))
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
    elif m.group("sets_word"):  # `5 подходов по 40кг на 10 раз`
        state.pending_sets = _whole_reps(float(m.group("value")), column)
    elif m.group("plates"):  # `2 plates`: two big plates a side on the bar
        unit = _unit_now(state)
        plates = float(m.group("value"))
        load = BAR_LOAD[unit] + 2 * plates * PLATE_LOAD[unit]
        _check_load(load, unit, column)
        state.unit = unit
        _set_load(state, load)
    elif m.group("reps_word"):  # `10 раз`, `8 reps`: reps, never a load (`80 10 раз`: the 80 before them is)
        if not state.bodyweight_exercise:
            _promote_bare_load(state, prev)
        _new_entry(state, column, [_whole_reps(float(m.group("value")), column)]).reps_said = True
    elif "/" in m.group("value"):
        _on_slash_numbers(state, m, column, prev)
    else:
        _on_bare_number(state, m, column, prev)


def _on_xx(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.xx_reps = int(m.group("xx_reps"))


def _on_xrep(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    count = int(m.group("xrep_n"))
    if state.hold and state.durations and m.start() == state.duration_end:  # `plank 1:00 x3`: three holds
        seconds, _, where = state.durations[-1]
        state.durations[-1] = (seconds, _whole_reps(float(count), column), where)
        return
    last = state.entries[-1] if state.entries else None
    if prev == "comma" and last is not None and last.load_times_reps:  # `100kg x8, x8, x7`: the load carries
        _new_entry(state, column, [count], load=last.load, load_times_reps=True)
        return
    if prev in ("bar", "bw", "comma") or last is None:  # `bar x 10`, `BW x 12`
        _new_entry(state, column, [count])
        return
    if last.axb is None and last.count == 1:  # `21 x 10 (x 3)`: that set three times
        last.count = count
        return
    raise _LineError(
        Msg.UNKNOWN_WORD, column, Msg.HINT_EXAMPLE, {"word": m.group("xrep").strip()}
    )


def _on_bar(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    unit = _unit_now(state)
    state.unit = unit
    state.load = BAR_LOAD[unit]  # the empty bar, for the sets after it only


def _on_for(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """`bench 100 for 5`, `80 на 10, 90 на 8`: the number before `for` is the load."""
    last = state.entries[-1] if state.entries else None
    plain = last is not None and len(last.reps) == 1 and last.axb is None and not last.load_times_reps
    if (
        prev == "number"
        and last is not None
        and plain
        and not last.has_effort
        and (last.load is None or last.inherited)
    ):
        state.entries.pop()
        _check_load(float(last.reps[0]), _unit_now(state), column)
        _set_load(state, float(last.reps[0]))


def _on_left(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    """Liftosaur's unilateral `1x10|8 50lb`: 10 reps one side, 8 the other; kept as a note."""
    if not state.entries or prev != "number":
        raise _LineError(Msg.UNKNOWN_WORD, column, Msg.HINT_EXAMPLE, {"word": m.group("left")})
    last = state.entries[-1]
    reps = last.axb[1] if last.axb is not None else last.reps[-1]
    state.per_side = True
    state.notes.append(f"{reps}|{m.group('left_n')}")


def _on_per_side(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.per_side = True


def _on_myo(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.myo = True
    minis = m.group("myo_list")
    if minis:  # `myo(3,3,3)`: mini-sets after the activation set
        if not state.entries:
            raise _LineError(Msg.PLUS_NEEDS_REPS, column, Msg.HINT_PLUS_FORM)
        last = state.entries[-1]
        for mini in re.findall(r"\d+", minis):
            if last.seg_loads is not None:
                last.seg_loads.append(last.seg_loads[-1])
            last.reps.append(int(mini))


def _on_cluster(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.cluster = True


def _on_drop(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.drop_next = bool(state.entries)
    state.drop_named = True


def _on_warmup(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    state.warmup = True


def _on_note(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    written = state.original[m.start("note") : m.end("note")] if state.original else m.group("note")
    state.notes.append(written.strip())  # `Paused` as the lifter wrote it


def _on_word(state: _Body, m: re.Match[str], column: int, prev: str, prev_text: str | None) -> None:
    word = m.group("word")
    if _TRAILING_DOTS.fullmatch(word):  # `5 повт.`, `8 reps.`: the end of a sentence, not a note
        return
    start = m.start("word")
    rest = m.string[start:]
    typo = difflib.get_close_matches(word.rstrip("0123456789."), _KEYWORDS, n=1, cutoff=NOTE_TYPO_CUTOFF)
    if (state.entries or state.durations) and not any(c.isdigit() for c in rest) and not typo:
        # `315x5x3 rpe8 felt strong`: words after the sets are the lifter's note
        state.notes.append(state.original[start : start + len(rest.rstrip())].strip()[:MAX_NOTE_CHARS])
        state.stop = True
        return
    number = prev_text.strip() if prev == "number" and prev_text else None
    shown = word if len(word) <= MAX_ECHO_CHARS else word[:MAX_ECHO_CHARS] + "…"
    hint, suggestion = _unknown_word_hint(word[:MAX_ECHO_CHARS], number)
    hint_params: dict[str, Param] = {"suggestion": suggestion} if suggestion else {}
    raise _LineError(Msg.UNKNOWN_WORD, column, hint, {"word": shown}, hint_params)


_HANDLERS: dict[str, Handler] = {
    "clock": _on_clock,
    "xx": _on_xx,
    "number": _on_number,
    "at": _on_at,
    "plus": _on_plus,
    "plus_amrap": _on_plus_amrap,
    "comma": _ignore,
    "per_side": _on_per_side,
    "bar": _on_bar,
    "for": _on_for,
    "left": _on_left,
    "xrep": _on_xrep,
    "rest_pause": _ignore,  # `curls 15kg 12+4+3 rest-pause`: the runs at one load already say it (no note "pause")
    "myo": _on_myo,
    "cluster": _on_cluster,
    "drop": _on_drop,
    "warmup": _on_warmup,
    "note": _on_note,
    "filler": _ignore,
    "skip": _on_skip,
    "neg": _on_negative,
    "dash": _on_dash,
    "effort": _on_effort,
    "bw": _on_bodyweight,
    "amrap": _on_amrap,
    "rest": _on_rest,
    "word": _on_word,
}
_KEEP_PREVIOUS = frozenset({"filler"})  # `bench 100 for 5`, `80 на 10`: still "a number, then reps"


def _read_body(body: str, offset: int, default_unit: Unit, exercise: Exercise | None, original: str) -> _Body:
    """Tokenise one exercise's body and let each token's handler record what it says."""
    state = _Body(
        bodyweight_exercise=exercise is not None and exercise.equipment == "bodyweight",
        dumbbells=exercise is not None and exercise.equipment == "dumbbell",
        default_unit=default_unit,
        original=original,
    )
    state.hold = exercise is not None and is_timed(exercise)
    if state.hold and exercise is not None and exercise.equipment == "bodyweight":
        body = _HOLD_MINUTES.sub(lambda found: found.group(1) + "′", body)
    previous_kind = ""
    previous_text: str | None = None
    for match in _TOKEN.finditer(body.rstrip()):
        kind = match.lastgroup or "word"
        _HANDLERS[kind](state, match, offset + match.start(kind) + 1, previous_kind, previous_text)
        if state.stop:
            break
        if kind not in _KEEP_PREVIOUS:
            previous_kind = kind
            previous_text = match.group(kind)
    if state.amrap_load and state.entries and state.entries[-1].reps[0] > MAX_REPS:
        _promote_bare_load(state, "number")  # `squat 315 AMRAP`: a load with no reps yet, not 315 reps
    if state.slash_column is not None and state.drop_loads and not state.entries and not state.durations:
        _slash_reps(state, state.slash_column)  # `squat 5/5/5`, `8/8/7` under a heading: nothing else is reps
    if state.amrap_pending and state.entries:
        state.entries[-1].amrap = True
    return state


def _slash_reps(state: _Body, column: int) -> None:
    """`5/5/5` with no reps after it: one set per number, not the loads of a drop set."""
    values = state.drop_loads or []
    if not all(value.is_integer() and 0 < value <= MAX_REPS for value in values):
        return
    state.drop_loads = None
    for value in values:
        _new_entry(state, column, [int(value)])


def _bare_only(state: _Body) -> bool:
    """The body so far is one bare number (`bench 100`), which a following count makes the load."""
    if state.load is not None or len(state.entries) != 1:
        return False
    (entry,) = state.entries
    return (
        len(entry.reps) == 1
        and entry.axb is None
        and not entry.has_effort
        and not entry.load_times_reps
        and not entry.reps_said
    )


def _promote_bare_load(state: _Body, previous_kind: str) -> None:
    """`bench 100 8` and `bench 100 3x8`: a bare number right before the reps is the load."""
    if previous_kind != "number" or not _bare_only(state):
        return
    (entry,) = state.entries
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
        most_sets = MAX_SETS if state.bodyweight_exercise else MAX_AMBIGUOUS_SETS
        single = len(pending) == 1 and float(first).is_integer() and first <= most_sets
        if not (entry.forced_sets or bool(other_load) or single or entry.load is not None):
            entry.load, entry.axb, entry.load_times_reps = first, None, True
            entry.reps = [reps]


def _check_reps(reps: list[int], column: int) -> None:
    for count in reps:
        if count <= 0:
            raise _LineError(Msg.ZERO_REPS, column, Msg.HINT_REPS)
        if count > MAX_REPS:
            raise _LineError(Msg.TOO_MANY_REPS, column, Msg.HINT_REPS_TYPO, {"count": count})
    if len(reps) > MAX_SEGMENTS:
        raise _LineError(Msg.TOO_MANY_BURSTS, column, Msg.HINT_FEWER_SETS, {"count": len(reps)})


def _is_myo(reps: list[int]) -> bool:
    minis = reps[1:]
    return len(minis) >= MYO_MIN_MINI_SETS and len(set(minis)) == 1 and reps[0] > minis[0]


def _segments(state: _Body, entry: _Entry, unit: Unit) -> tuple[Technique, tuple[Segment, ...]]:
    if entry.seconds is not None:
        if not 0 < entry.seconds <= MAX_HOLD_S:
            raise _LineError(Msg.DURATION_RANGE, entry.column, Msg.HINT_HOLD_FORM, {"seconds": entry.seconds})
        _check_load(entry.load, unit, entry.column)
        return Technique.STRAIGHT, (Segment(load=entry.load, reps=0, seconds=entry.seconds),)
    _check_reps(entry.reps, entry.column)
    if entry.seg_loads is not None:
        for value in entry.seg_loads:
            _check_load(value, unit, entry.column)
        segments = tuple(Segment(load=value, reps=r) for value, r in zip(entry.seg_loads, entry.reps, strict=True))
        changed = len({s.load for s in segments}) > 1
        return (Technique.DROP_SET if changed else _multi_technique(state, entry.reps)), segments
    if state.drop_loads is not None and len(entry.reps) > 1:
        if len(state.drop_loads) != len(entry.reps):
            raise _LineError(
                Msg.DROP_COUNTS,
                entry.column,
                Msg.HINT_DROP_COUNTS,
                {"loads": len(state.drop_loads), "reps": len(entry.reps)},
            )
        for drop_load in state.drop_loads:
            _check_load(drop_load, unit, entry.column)
        pairs = zip(state.drop_loads, entry.reps, strict=True)
        return Technique.DROP_SET, tuple(Segment(load=value, reps=reps) for value, reps in pairs)
    if state.drop_loads is not None and len(state.drop_loads) > 1 and entry.load is None:
        # `bench 100/105/110kg 5`: a set at each load, or a drop set? One rep count per load says which.
        raise _LineError(
            Msg.DROP_COUNTS,
            entry.column,
            Msg.HINT_DROP_COUNTS,
            {"loads": len(state.drop_loads), "reps": len(entry.reps)},
        )
    load = entry.load if entry.load is not None else (state.drop_loads[0] if state.drop_loads else None)
    _check_load(load, unit, entry.column)
    technique = _multi_technique(state, entry.reps) if len(entry.reps) > 1 else Technique.STRAIGHT
    if state.drop_named and technique is not Technique.STRAIGHT:  # a drop set said, runs at one load written
        raise _LineError(Msg.DROP_ONE_LOAD, entry.column, Msg.HINT_DROP_COUNTS, {"reps": len(entry.reps)})
    return technique, tuple(Segment(load=load, reps=r) for r in entry.reps)


def _multi_technique(state: _Body, reps: list[int]) -> Technique:
    """Several runs at one load: a cluster or myo-reps when written so (or shaped so), else rest-pause."""
    if state.cluster:
        return Technique.CLUSTER
    if state.myo or _is_myo(reps):
        return Technique.MYO_REPS
    return Technique.REST_PAUSE


def _merge_drop_entries(state: _Body) -> None:
    """`curl 20/15/10kg 10, 8, 6`: one rep count per drop load is one drop set."""
    same_count = state.drop_loads and len(state.entries) == len(state.drop_loads) > 1
    if same_count and all(len(e.reps) == 1 and e.axb is None for e in state.entries):
        first = state.entries[0]
        first.reps = [e.reps[0] for e in state.entries]
        state.entries = [first]


def _holds(state: _Body, timed: bool) -> None:
    """Durations are holds when the exercise is a hold or no reps were written (`plank 60s`, `HS: 30s, 25s`)."""
    if not state.durations:
        return
    has_reps = any(entry.seconds is None for entry in state.entries)
    first_reps = min((e.column for e in state.entries), default=0)
    if has_reps and state.dumbbells and state.load is None and state.durations[0][2] < first_reps:
        seconds, _, column = state.durations.pop(0)  # `DB lateral raise 20s 3x15`: a pair of 20s
        _check_load(float(seconds), _unit_now(state), column)
        _set_load(state, float(seconds))
        if not state.durations:
            return
    if has_reps and not timed:
        if len(state.durations) > 1:
            raise _LineError(Msg.DURATION_AND_REPS, state.durations[1][2], Msg.HINT_REST_FORM)
        seconds, _, column = state.durations[0]
        _set_rest(state, seconds, column)  # `lat raise 20kg 12+4+3 20s`: rest between the bursts
        return
    if has_reps:
        raise _LineError(Msg.DURATION_AND_REPS, state.durations[0][2], Msg.HINT_HOLD_FORM)
    for seconds, count, column in state.durations:
        entry = _Entry(column=column, reps=[], load=state.load, seconds=seconds, count=count)
        state.entries.append(entry)


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


@dataclass(frozen=True)
class _Name:
    raw: str  # as typed, for the reply and for unknown exercises
    exercise: Exercise | None


def _build_sets(
    name: _Name,
    body: str,
    offset: int,
    default_unit: Unit,
    group: int | None,
    position: int | None,
    extra: dict[str, object],
    original: str | None = None,
    marks: list[Mark] | None = None,
    technique: Technique | None = None,
) -> list[ParsedSet]:
    exercise = name.exercise
    state = _read_body(body, offset, default_unit, exercise, body if original is None else original)
    # `myo curls 15kg 12+4+3`: the technique the name said, as `curls 15kg 12+4+3 myo` says it (rest-pause and
    # drop sets are read from their shape, one load or several)
    state.myo = state.myo or technique is Technique.MYO_REPS
    state.cluster = state.cluster or technique is Technique.CLUSTER
    state.drop_named = state.drop_named or technique is Technique.DROP_SET
    _holds(state, exercise is not None and is_timed(exercise))
    if marks:
        _apply_marks(state, marks, offset + 1, offset + len(body) + 1)
    if not state.entries:
        raise _LineError(Msg.NO_REPS, offset + len(body) + 1, Msg.HINT_REPS, {"exercise": name.raw})
    shared_effort = _single_effort(state)
    _resolve_axb(state)
    _merge_drop_entries(state)
    has_load = any(e.load is not None for e in state.entries) or state.drop_loads or state.per_set_loads
    unit: Unit | None = state.unit or (default_unit if has_load else None)
    check_unit: Unit = unit or default_unit
    common: dict[str, object] = {"exercise": exercise.name if exercise else name.raw, "raw_exercise": name.raw}
    if exercise is None:
        common["known"] = False
    if state.bodyweight:
        common["bodyweight"] = True
    if state.rest_s is not None:
        common["rest_s"] = state.rest_s
    if group is not None:
        common.update(group=group, pair_position=position)
    if state.per_side:
        common["per_side"] = True
    if state.warmup:
        common["warmup"] = True
    if state.notes:
        common["note"] = "; ".join(state.notes)[:MAX_NOTE_CHARS]
    common.update(extra)
    sets: list[ParsedSet] = []
    for entry in state.entries:
        rir, rpe = _effort_for(entry, shared_effort, state.effort)
        if state.failure and rpe is None:
            rir, rpe = FAILURE_RIR, MAX_RPE - FAILURE_RIR
        if entry.axb is not None:
            count = int(entry.axb[0])
            loads: list[float | None] = list(state.per_set_loads) or [entry.load]
        else:
            count = entry.count
            loads = [entry.load]
        if not 1 <= count <= MAX_SETS:
            raise _LineError(Msg.SETS_RANGE, entry.column, Msg.HINT_SETS_RANGE, {"count": count}, {"max": MAX_SETS})
        if len(loads) == 1:
            loads = loads * count
        elif len(loads) != count:
            raise _LineError(Msg.SETS_LOADS, entry.column, Msg.HINT_ONE_PER_SET, {"sets": count, "loads": len(loads)})
        built: dict[float | None, ParsedSet] = {}  # `3x8`: one frozen set, listed three times
        for load in loads:
            if load not in built:
                piece = entry
                if load != entry.load:
                    piece = _Entry(column=entry.column, reps=list(entry.reps), load=load, seg_loads=entry.seg_loads)
                technique, segments = _segments(state, piece, check_unit)
                # Only what differs from ParsedSet's defaults: pydantic validates each field passed.
                fields = dict(common)
                fields.update(segments=segments, unit=unit, rir=rir, rpe=rpe)
                if technique is not Technique.STRAIGHT:
                    fields["technique"] = technique
                if entry.amrap:
                    fields["amrap"] = True
                if entry.warmup:
                    fields["warmup"] = True
                if entry.note:
                    shared = common.get("note")
                    fields["note"] = (f"{entry.note}; {shared}" if shared else entry.note)[:MAX_NOTE_CHARS]
                built[load] = with_failure(ParsedSet(**fields))
            sets.append(built[load])
    if len(sets) > MAX_SETS:
        raise _LineError(Msg.TOO_MANY_SETS, offset + 1, Msg.HINT_FEWER_SETS, {"count": len(sets)})
    return sets


def _cardio_sets(
    name: _Name, exercise: Exercise, body: str, original: str, offset: int, extra: dict[str, object]
) -> list[ParsedSet] | None:
    """`run: 1m`, `2 hours walk`, `row 2000m 7:45`: a duration and/or a distance; None if it is not that."""
    seconds = 0.0
    distance = 0.0
    position = 0
    stripped = body.rstrip()
    found = False
    count = 1
    rpe: float | None = None
    notes: list[str] = []
    while position < len(stripped):
        match = _CARDIO_TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            return None
        position = match.end()
        kind = next(k for k in _CARDIO_KINDS if match.group(k) is not None)
        if kind == "clock":
            parts = [int(p) for p in match.group("clock").split(":")]
            seconds += parts[-1] + 60 * parts[-2] + (3600 * parts[0] if len(parts) == 3 else 0)
            found = True
        elif kind == "amount":
            amount, cunit = float(match.group("amount")), match.group("cunit")
            found = True
            if cunit in ("m", "м") and amount < CARDIO_MINUTES_BELOW:
                seconds += amount * 60  # `bike 10m`: minutes; `row 2000m`: metres
            elif cunit in ("km", "k", "км"):
                distance += amount * 1000
            elif cunit.startswith("mi") and not cunit.startswith("min"):
                distance += amount * MILE_M
            elif cunit.startswith(("m", "м")) and not cunit.startswith(("min", "мин")):
                distance += amount
            else:
                seconds += _seconds_of(amount, cunit)
        elif kind == "effort":
            rpe = float(match.group("effort_value") or match.group("effort_value2"))
            _effort_from_rpe(rpe, offset + match.start(kind) + 1)
        elif kind == "times":
            count = int(match.group("times_n"))
        elif kind in ("extra", "text"):
            notes.append(original[match.start(kind) : match.end(kind)])
    if not found:
        return None
    column = offset + 1
    if seconds > MAX_CARDIO_S:
        raise _LineError(Msg.DURATION_RANGE, column, Msg.HINT_CARDIO_FORM, {"seconds": f"{seconds:g}"})
    if distance > MAX_DISTANCE_M:
        raise _LineError(Msg.DISTANCE_RANGE, column, Msg.HINT_CARDIO_FORM, {"metres": f"{distance:g}"})
    if not 1 <= count <= MAX_SETS:
        raise _LineError(Msg.SETS_RANGE, column, Msg.HINT_SETS_RANGE, {"count": count}, {"max": MAX_SETS})
    segment = Segment(load=None, reps=0, seconds=int(seconds) if seconds else None, distance_m=distance or None)
    fields: dict[str, object] = {
        "exercise": exercise.name,
        "raw_exercise": name.raw,
        "technique": Technique.CARDIO,
        "segments": (segment,),
    }
    if rpe is not None:
        fields.update(rpe=rpe, rir=10 - rpe)
    if notes:
        fields["note"] = " ".join(notes)[:MAX_NOTE_CHARS]
    fields.update(extra)
    return [ParsedSet(**fields)] * count


def _split_name(part: str, lowered: str) -> tuple[str, str, int]:
    """Split `Leg press: 4 x 12` into the name as typed, the body and its offset."""
    match = _NAME_END.search(lowered)
    end = match.start() if match else len(lowered)
    raw = part[:end].strip().rstrip(":,/-|").strip()
    filler = _NAME_FILLER.search(raw.lower())
    if filler:  # `Bench: worked up to 82.5 x 15`
        raw = raw[: filler.start()].strip().rstrip(":,/-|").strip()
    body = lowered[end:]
    if raw and body.startswith("-") and body[1:2].isspace():  # `Squats - 225x3x5`: a dash, not a minus
        body = " " + body[1:]
    return raw, body, end


def _name_after(part: str, lowered: str) -> tuple[str, str, int] | None:
    """`2 hours walk`, `5k run`: a cardio name written after its numbers."""
    match = re.search(r"[^\d\s.,:]+(?:\s+[^\d\s.,:]+)*\s*$", lowered)
    if match is None or match.start() == 0:
        return None
    for word in re.finditer(r"\S+", lowered[match.start() :]):
        start = match.start() + word.start()
        raw = part[start:].strip()
        if lookup_cardio(raw) is not None:
            return raw, lowered[:start], 0
    return None


def _name_inside(part: str, lowered: str) -> tuple[str, str, int] | None:
    """`3x10 bench press @ 135lbs`, `30 min cycle @ RPE 7`: a catalog name written after the numbers."""
    for run in _LETTER_RUN.finditer(lowered):
        words = list(re.finditer(r"\S+", run.group()))
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                begin = run.start() + words[first].start()
                end = run.start() + words[first + size - 1].end()
                text = part[begin:end]
                if normalize_name(text) in NOTATION_WORDS:
                    continue
                if lookup_exact(text) is not None or lookup_cardio(text) is not None:
                    return text.strip(), lowered[:begin] + " " * (end - begin) + lowered[end:], 0
    return None


def _is_notation_only(raw: str) -> bool:
    """`Set`, `bar x`, `plus`, `: :`: no word of an exercise name."""
    words = normalize_name(raw).split()
    return all(w in NOTATION_WORDS or w in BODY_PARTS or w.isdigit() for w in words)


def _body_parts_only(raw: str) -> bool:
    """`elbow 3/10`, `knee pain 4`: how a joint feels, not an exercise."""
    words = normalize_name(raw).split()
    allowed = BODY_PARTS | NOTATION_WORDS | PAIN_WORDS
    return bool(words) and any(w in BODY_PARTS for w in words) and all(w in allowed for w in words)


Mark = tuple[int, str | None, bool]  # (column in the line, a note, a warm-up) from a bracket group


def _marks_from_groups(line: str, lowered: str) -> tuple[str, list[Mark]]:
    """`(paused)`, `(belt)`, `(warmup)`: words in brackets the grammar does not know belong to the set
    right before them, as a note (or its warm-up flag). The groups are blanked out of the line."""
    marks: list[Mark] = []
    if "(" not in lowered and "[" not in lowered:
        return lowered, marks
    numbers = _NAME_END.search(lowered)
    for match in _NOTE_GROUP.finditer(lowered):
        inside = match.lastindex or 1
        content = match.group(inside)
        if numbers is None or match.start() < numbers.start():  # `bench press (barbell) 100kg 5`: the name's
            continue
        if not content.strip() or _MULTIPLIER.fullmatch(content):
            continue
        kinds = {m.lastgroup for m in _TOKEN.finditer(content.rstrip())}
        if not kinds & {"word", "note", "warmup"}:
            continue  # `(15s rest)`: read as part of the line
        warm = re.fullmatch(r"\s*(?:warm[\s-]?ups?|wu|разминка)\s*", content) is not None
        marks.append((match.start() + 1, None if warm else line[match.start(inside) : match.end(inside)].strip(), warm))
        lowered = lowered[: match.start()] + " " * (match.end() - match.start()) + lowered[match.end() :]
    return lowered, marks


def _apply_marks(state: _Body, marks: list[Mark], first: int, last: int) -> None:
    for column, note, warm in marks:
        if not first <= column <= last:
            continue
        before = [entry for entry in state.entries if entry.column < column]
        for entry in before[-1:] or state.entries:
            if note:
                entry.note = f"{entry.note}; {note}" if entry.note else note
            entry.warmup = entry.warmup or warm


def _amrap_results(lowered: str) -> str:
    """`1x5+ (got 8)` -> `1x5+ (    8)`, `5+ -> 8` -> `5+ :  8`: the reps done, read by `_on_bare_number`."""
    lowered = _AMRAP_GOT.sub(lambda m: m.group(1) + " " * len(m.group(2)), lowered)
    return _AMRAP_ARROW.sub(lambda m: m.group(1) + ":" + " " * (len(m.group(2)) - 1), lowered)


@dataclass
class _LineResult:
    sets: list[ParsedSet]
    is_pair: bool = False
    heading: str | None = None


def _parse_line(line: str, default_unit: Unit, next_group: int) -> _LineResult:
    if _SKIPPED_LINE.fullmatch(line):  # Liftosaur's `2026-02-28T10:30:00Z / exercises: {`, `}`, `// notes`
        return _LineResult([])
    lowered = _lower_keep_columns(line)
    if "," in lowered:
        lowered = _decimal_commas(lowered)
    extra: dict[str, object] = {}
    prefix = _SET_PREFIX.match(lowered) or _WARMUP_PREFIX.match(lowered)
    if prefix:  # `Set 1: 1 × 160kg`, `warmup: bar x 10`: the prefix is no exercise name
        if prefix.re is _WARMUP_PREFIX:
            extra["warmup"] = True
        lowered = " " * prefix.end() + lowered[prefix.end() :]
        line = " " * prefix.end() + line[prefix.end() :]
    asked = question_start(lowered)
    question = line[asked:].strip() if asked is not None else ""
    if asked is not None:  # `3x8 до отказа?`: the question is read by the answerer only, never as the set
        lowered = lowered[:asked] + " " * (len(lowered) - asked)
    if "+" in lowered:
        lowered = _amrap_results(lowered)
    lowered, marks = _marks_from_groups(line, lowered)
    pieces: list[tuple[int, int]] = []
    start = 0
    for separator in _PAIR_SPLIT.finditer(lowered):
        pieces.append((start, separator.start()))
        start = separator.end()
    pieces.append((start, len(lowered)))
    is_pair = len(pieces) > 1
    sets: list[ParsedSet] = []
    heading: str | None = None
    for position, (begin, end) in enumerate(pieces):
        group = next_group if is_pair else None
        try:
            piece_sets, piece_heading = _parse_piece(
                line[begin:end], lowered[begin:end], begin, default_unit, group, position if is_pair else None, extra,
                marks,
            )  # fmt: skip
        except _LineError as error:
            if question and error.sets:  # `100x8 should I go to failure?`: the sets a conversation may log
                error.sets = _asked(error.sets, question, line[:asked])
            raise
        if question and position == len(pieces) - 1:
            piece_sets = list(_asked(tuple(piece_sets), question, line[:asked]))
        sets.extend(piece_sets)
        heading = heading or piece_heading
    return _LineResult(sets, is_pair, heading)


def _asked(sets: tuple[ParsedSet, ...], question: str, before: str) -> tuple[ParsedSet, ...]:
    """The sets a question followed, with the question kept in their note as typed (nothing typed is lost;
    `says_failure` never reads a note's question)."""

    def noted(parsed: ParsedSet) -> ParsedSet:
        note = parsed.note
        if not note:
            return parsed.model_copy(update={"note": question[:MAX_NOTE_CHARS]})
        joint = " " if before.rstrip().endswith(note) else "; "  # `felt easy, should I ...` stays one sentence
        return parsed.model_copy(update={"note": f"{note}{joint}{question}"[:MAX_NOTE_CHARS]})

    return tuple(noted(parsed) for parsed in sets)


def _technique_span(lowered: str) -> re.Match[str] | None:
    """Where a technique is named before a line's numbers, if it is."""
    numbers = _NUMBERS_START.search(lowered)
    return _TECHNIQUE_NAMED.search(lowered, 0, numbers.start() if numbers else len(lowered))


def technique_named(text: str) -> Technique | None:
    """The technique a heading or a set's name holds (`Rest-pause curls`: rest-pause); None if none."""
    found = _technique_span(_lower_keep_columns(text))
    return Technique(found.lastgroup) if found is not None and found.lastgroup else None


def _without_technique(part: str, lowered: str) -> tuple[str, str, Technique | None]:
    """`Rest-pause curls 15kg 12+4+3`: the technique word blanked out (same columns), and the technique; the line
    as it was when the technique is all it holds (`rest-pause` alone is no set of anything)."""
    found = _technique_span(lowered)
    if found is None or not found.lastgroup:
        return part, lowered, None
    start, end = found.span()
    blanked = lowered[:start] + " " * (end - start) + lowered[end:]
    if not any(c.isalnum() for c in blanked):
        return part, lowered, None
    return part[:start] + " " * (end - start) + part[end:], blanked, Technique(found.lastgroup)


def _parse_piece(
    part: str,
    lowered: str,
    begin: int,
    default_unit: Unit,
    group: int | None,
    position: int | None,
    extra: dict[str, object],
    marks: list[Mark],
) -> tuple[list[ParsedSet], str | None]:
    part, lowered, technique = _without_technique(part, lowered)
    raw, body, name_end = _split_name(part, lowered)
    if not raw:
        after = _name_after(part, lowered) or _name_inside(part, lowered)
        if after is not None:
            raw, body, name_end = after
    if len(raw) > MAX_NAME_CHARS:
        raise _LineError(Msg.NAME_TOO_LONG, begin + 1, Msg.HINT_EXAMPLE, {"length": len(raw)})
    if raw and _body_parts_only(raw):
        raise _LineError(Msg.NOT_AN_EXERCISE, begin + 1, Msg.HINT_CHECKIN, {"name": raw})
    offset = begin + name_end
    if not raw or _is_notation_only(raw):
        # `100x8`, `Set 1: 1 × 160kg @ RPE 9`, `bar x 10`: numbers with no exercise. Read them anyway, so a
        # conversation that knows the exercise from earlier can use them.
        column = begin + len(part) - len(part.lstrip()) + 1
        body_start = name_end if not raw else 0
        try:
            body_text = lowered[body_start:]
            start = begin + body_start
            typed = part[body_start:]  # the lifter's own case, for the notes (`100x8 Good`)
            unnamed = _build_sets(
                _Name("", None), body_text, start, default_unit, group, position, extra, typed, marks, technique
            )
        except _LineError:
            unnamed = []
        raise _LineError(
            Msg.MISSING_EXERCISE,
            column,
            Msg.HINT_START_WITH_NAME,
            sets=tuple(unnamed),
        )
    sections = list(_SECTION.finditer(body))
    main = body[: sections[0].start()] if sections else body
    exercise = lookup(raw)
    if exercise is None and "(" in raw and (main.strip() or sections):  # `Incline dumbbell press (chest) 40x8`
        exercise = lookup(_GROUP.sub(" ", raw))  # (a heading keeps its brackets for the conversation's note)
    if not main.strip() and not sections:
        # A heading: `Bench Press` above its sets. A near miss must be long enough not to be a word of chat
        # (`later` is no Lateral Raise, `start` no Stair Climber, `push` no Push-Up).
        if exercise is not None and (lookup_exact(raw) or len(normalize_name(raw)) >= HEADING_FUZZY_MIN_CHARS):
            return [], exercise.name
        raise _LineError(Msg.NO_REPS, offset + len(body) + 1, Msg.HINT_REPS, {"exercise": raw})
    original = part[name_end:] if name_end else part
    original = original + " " * (len(body) - len(original))
    cardio = lookup_cardio(raw)
    if cardio is not None:
        read = _cardio_sets(_Name(raw, cardio), cardio, main, original, offset, extra)
        if read is not None:
            return read, None
    name = _Name(raw, exercise)
    sets: list[ParsedSet] = []
    warmups: list[ParsedSet] = []
    if main.strip():
        sets = _build_sets(
            name, main, offset, default_unit, group, position, extra, original[: len(main)], marks, technique
        )
    for index, section in enumerate(sections):  # Liftosaur: `/ target: ...` (planned) and `/ warmup: ...`
        label = section.group("label").lower()
        stop = sections[index + 1].start() if index + 1 < len(sections) else len(body)
        if label == "target":
            continue
        text = body[section.end() : stop]
        warmups.extend(
            _build_sets(name, text, offset + section.end(), default_unit, group, position, {**extra, "warmup": True})
        )
    if not sets and not warmups:
        raise _LineError(Msg.NO_REPS, offset + len(body) + 1, Msg.HINT_REPS, {"exercise": raw})
    return warmups + sets, None


def parse_message(text: str, default_unit: Unit = "kg") -> ParseResult:
    """Parse a whole message; each non-empty line is one exercise or one pair."""
    return _parse_kept(text, default_unit)


@lru_cache(maxsize=256)
def _parse_kept(text: str, default_unit: Unit) -> ParseResult:
    """The last texts' results are kept: a message is read by several handlers on its way (is it a check-in
    answer, a question, a set?), and a result is immutable."""
    try:
        return _parse_message(text, default_unit)
    except Exception:  # the promise is "never raises": report, don't crash (and never show the exception)
        return ParseResult(
            errors=(ParseError(code=Msg.INTERNAL, hint=Msg.HINT_EXAMPLE),)
        )


def _parse_message(text: str, default_unit: Unit) -> ParseResult:
    if len(text) > MAX_MESSAGE_CHARS:
        error = ParseError(
            code=Msg.MESSAGE_TOO_LONG, params={"length": len(text)}, column=MAX_MESSAGE_CHARS, hint=Msg.HINT_ONE_WORKOUT
        )
        return ParseResult(errors=(error,))
    numbered = enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)
    lines = [(number, _clean(line)) for number, line in numbered if line.strip()]
    if not lines:
        return ParseResult(
            errors=(ParseError(code=Msg.EMPTY, hint=Msg.HINT_EXAMPLE),)
        )
    if len(lines) > MAX_LINES:
        error = ParseError(
            code=Msg.TOO_MANY_LINES,
            params={"count": len(lines)},
            hint=Msg.HINT_MAX_LINES,
            hint_params={"max": MAX_LINES},
        )
        return ParseResult(errors=(error,))
    sets: list[ParsedSet] = []
    errors: list[ParseError] = []
    heading: str | None = None
    group = 1
    for number, line in lines:
        try:
            read = _parse_line(line, default_unit, group)
        except _LineError as error:
            errors.append(
                ParseError(
                    code=error.code,
                    params=error.params,
                    column=error.column,
                    hint=error.hint,
                    hint_params=error.hint_params,
                    line=number,
                    sets=error.sets,
                )
            )
            continue
        sets.extend(read.sets)
        heading = read.heading or heading
        group += read.is_pair
    return ParseResult(sets=tuple(sets), errors=tuple(errors), heading=heading)


def format_load(load: float) -> str:
    return f"{load:g}" if load == int(load) else f"{load:.2f}".rstrip("0").rstrip(".")


_RENDER_TECHNIQUE = {Technique.MYO_REPS: "myo", Technique.CLUSTER: "cluster"}


def render_set(parsed: ParsedSet) -> str:
    """Write a set back in canonical notation; `parse_message(render_set(s))` reads it back."""
    unit = parsed.unit or ""
    loads = [segment.load for segment in parsed.segments]
    parts = ["warmup:"] if parsed.warmup else []
    parts.append(parsed.exercise.lower())
    if parsed.technique is Technique.CARDIO:
        (segment,) = parsed.segments
        if segment.distance_m is not None:
            parts.append(f"{format_load(segment.distance_m)}m")
        if segment.seconds is not None:
            parts.append(f"{segment.seconds}s")
        return " ".join(parts)
    if parsed.technique is Technique.DROP_SET:
        parts.append("/".join(format_load(load or 0) for load in loads) + unit)
    elif parsed.bodyweight:
        parts.append(f"bw+{format_load(loads[0])}{unit}" if loads[0] is not None else "bw")
    elif loads[0] is not None:
        parts.append(f"{format_load(loads[0])}{unit}")
    if parsed.timed:
        parts.append(f"{parsed.segments[0].seconds}s")
    else:
        reps = "+".join(str(segment.reps) for segment in parsed.segments)
        parts.append(f"amrap {reps}" if parsed.amrap else reps)
    if parsed.technique in _RENDER_TECHNIQUE:
        parts.append(_RENDER_TECHNIQUE[parsed.technique])
    if parsed.per_side:
        parts.append("each")
    if parsed.rpe is not None:
        parts.append(f"@{format_load(parsed.rpe)}")
    if parsed.rest_s is not None:
        parts.append(f"rest {parsed.rest_s}s")
    if parsed.note:
        parts.append(f"({parsed.note})")
    return " ".join(parts)
