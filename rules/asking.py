"""Where a lifter's words turn into a question: a question word first (`should`, `how`, `стоит`, a choice such
as `rest-pause or ...`), or a `?` at the end.

Shared by the answerer (is this message a question?) and the parser (which words after a set's numbers
ask something, so they are read by nobody but the answerer: a question is never the set's effort, rest,
AMRAP or technique: `3x8 до отказа?` asks whether to go to failure, it does not say the set did).
"""

from __future__ import annotations

import re

# English question openers (a message that starts with one is a question).
ENGLISH_OPENERS = (
    r"what|whats|what's|wat|wut|how|should|shall|can|could|is|are|do|does|did|which|when|why|would|will|any|"
    r"rest.?pause or|drop.?sets? or|tell me|explain"
)
# Russian question openers, on text folded to one alphabet with ё as е (rules.russian.fold).
RUSSIAN_OPENERS = (
    r"что|как|каков\w*|какой|какая|какие|каким\w*|сколько|на сколько|насколько|стоит|нужно|надо|можно|"
    r"следует|когда|почему|зачем|чем|где|объясни\w*|расскажи\w*|подскажи\w*|"
    r"(?:рест|отдых)[\s-]*пауз\w* или|дроп[\s-]*сет\w* или"
)

# An opener inside a line, as a whole word (`can't`, `don't`, `что-то` are no openers).
_OPENER_IN_LINE = re.compile(rf"(?<![\w'’-])(?:{ENGLISH_OPENERS}|{RUSSIAN_OPENERS})(?![\w'’-])")
_DIGIT = re.compile(r"\d")
_LAST_NUMBER_WORD = re.compile(r"\S*\d\S*(?!.*\d)")  # the last word that holds a digit (`8`, `rir1`, `3х8`, `90s`)
_GAP = re.compile(r"[\s,;:\-–—]*")  # between the numbers and what follows them
# A first word that still belongs to the numbers (`100kg 8 rest 2 min?`): a unit, reps or sets word, not a question.
_NUMBERS_WORD = re.compile(
    r"(?:kgs?|kilos?|lbs?|pounds?|кг|кило|фунт\w*|reps?|sets?|s|secs?|seconds?|mins?|minutes?|hours?|h|"
    r"сек\w*|с|мин\w*|час\w*|ч|раз\w*|повтор\w*|подход\w*|x|х)(?![\w'’-])"
)
_LETTER = re.compile(r"[^\W\d_]")


def _folded(line: str) -> str:
    """Lower case with ё as е, the same length as `line`, so a position in it is a position in the line."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in line).replace("ё", "е")


def question_start(line: str) -> int | None:
    """Where the question after a set's numbers begins in one line (`bench 100kg 8 should I go to failure?`,
    `жим лёжа 100 3х8 до отказа?`, `leg press 200kg 12 rir1 - rest pause or drop set next?`); None when the
    words after the numbers ask nothing (`bench 100kg 8 to failure`, `8 @9 felt easy`, `bench 100kg 8?`).

    The question is the text from a question word on (if no number follows it, or the line ends in `?`),
    or, on a line that ends in `?`, all the words after the last number."""
    text = _folded(line.rstrip())
    first = _DIGIT.search(text)
    if first is None:
        return None
    asks = text.endswith("?")
    starts: list[int] = []
    for opener in _OPENER_IN_LINE.finditer(text, first.end()):
        if asks or not _DIGIT.search(text, opener.start()):
            starts.append(opener.start())
            break
    last = _LAST_NUMBER_WORD.search(text)
    if asks and last is not None:
        after = _GAP.match(text, last.end())
        begin = after.end() if after else last.end()
        if _LETTER.search(text, begin) and not _NUMBERS_WORD.match(text, begin):
            starts.append(begin)
    return min(starts) if starts else None


def telling(note: str) -> str:
    """What a note tells before it asks, each `;`-part on its own: `felt easy, should I go to failure` ->
    `felt easy, `; `to failure?` -> `` (a part that ends in `?` asks as a whole); `[Failure]` stays."""
    told: list[str] = []
    for part in note.split(";"):
        folded = _folded(part.rstrip())
        if folded.endswith("?"):
            continue
        opener = _OPENER_IN_LINE.search(folded)
        told.append(part[: opener.start()] if opener else part)
    return ";".join(part for part in told if part.strip())
