"""Reading a typed check-in answer, in English or Russian: joints, sore muscles, how bad, and warning signs.

One reader for both languages, fed by tables: each body word is a pattern with what it names (a joint, muscle
groups, or both for the words that are either: "shoulder", "back", "плечо", "спина", "бедро"). A message is cut
into parts at commas and "and"/"и"/"но"; in each part every body word found is read at the level the part says
(a number 0-3, `7/10`, or a word), the longest phrase first so "upper back" / "верх спины" is never also "back".
Russian words are stems (`локт\\w*` reads локоть, локтя, локте), read after rules.russian.fold (ё as е, Latin
look-alike letters as Cyrillic).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from rules.models import LEVEL_SCORE, CheckIn, JointLevel
from rules.muscles import MUSCLE_STEMS, MUSCLE_WORDS
from rules.russian import fold

JOINTS: dict[str, str] = {
    "elbow": "elbow", "elbows": "elbow", "shoulder": "shoulder", "shoulders": "shoulder", "knee": "knee",
    "knees": "knee", "lower back": "lower back", "low back": "lower back", "lumbar": "lower back",
    "back": "lower back", "wrist": "wrist", "wrists": "wrist", "hip": "hip", "hips": "hip",
}  # fmt: skip
# Russian joints as stems. A bare бедро is the hip joint first (the cautious reading, like a bare "back"), and
# the thighs when the part says the muscles are tight (`бедра забиты`).
JOINT_STEMS: dict[str, str] = {
    r"низ\w*\s+спин\w*": "lower back", r"поясниц\w*": "lower back", r"пояснич\w*": "lower back",
    r"крест(ец|ц\w*)": "lower back", r"позвоноч\w*": "lower back", r"спин\w*": "lower back",
    r"лок(о)?т\w*": "elbow", r"колен\w*": "knee", r"плеч\w*": "shoulder",
    r"лучезапяст\w*": "wrist", r"запяст\w*": "wrist", r"кист(ь|и|ью|ях)": "wrist",
    r"тазобедр\w*": "hip", r"таз(а|у|ом|е)?": "hip", r"бедр\w*": "hip",
}  # fmt: skip
JOINT_BUTTONS = ("elbow", "shoulder", "knee", "lower back", "wrist", "hip")
# Muscle words, except those a check-in reads as a joint first ("shoulder", "back": the cautious reading).
MUSCLES: dict[str, tuple[str, ...]] = {word: group for word, group in MUSCLE_WORDS.items() if word not in JOINTS}
# What the words that are a joint and muscles both mean when the part is about tight muscles, not a joint.
DUAL_MUSCLES: dict[str, tuple[str, ...]] = {
    "shoulder": ("shoulders",), "shoulders": ("shoulders",), "back": ("lats", "upper_back"),
    r"плеч\w*": ("shoulders",), r"спин\w*": ("lats", "upper_back"), r"бедр\w*": ("quads", "hamstrings"),
}  # fmt: skip
# Muscle tightness, never a joint's: `плечи забиты` is sore delts, `плечо болит` is the shoulder joint.
_MUSCLES_TIGHT = re.compile(r"\bзабит\w*|\bкрепатур\w*|\bзакислен\w*|\bdoms\b|\bpumped\b")

# Words for how bad it is; numbers 0-3 work too (and 4-10 read as severe). The first pattern that matches wins:
# `не сильно` / `not very` is mild before `сильно` / `very` is severe.
LEVEL_WORDS: tuple[tuple[re.Pattern[str], JointLevel], ...] = (
    (re.compile(r"\b(not (very|too|that|so)|не (очень|сильно|особо|так уж|слишком))\b"), JointLevel.MILD),
    (re.compile(r"\b(very|really|super|severe|severely|bad|badly|a lot|lots|awful|terrible|wrecked|destroyed)\b|"
                r"\b(очень|сильн\w*|жутк\w*|ужасн\w*|адск\w*|дико|зверск\w*|невыносим\w*|остр\w*|убит\w*|"
                r"жесть|капец|в хлам|в ноль)\b"), JointLevel.SEVERE),
    (re.compile(r"\b(moderate|moderately|quite|pretty|fairly|medium|sore-ish|achy|aching)\b|"
                r"\b(средн\w*|умеренн\w*|прилично|заметн\w*|ощутим\w*|ноет|ноют|порядочно)\b"), JointLevel.MODERATE),
    (re.compile(r"\b(a bit|a little|bit|little|slight|slightly|mild|mildly|tiny|tad|minor)\b|"
                r"\b(слегка|немного|немножко|чуть\w*|слаб\w*|легк\w*|небольш\w*|едва|малость|побаливает|"
                r"побаливают)\b"), JointLevel.MILD),
    (re.compile(r"\b(no|none|not|fine|ok|okay|good|great|zero|nothing)\b|"
                r"\b(нет|ноль|норм\w*|ок|окей|хорошо|отлично|ничего|в порядке|без\s+\w+|"
                r"не\s+(бол\w*|ное\w*|беспоко\w*|тянет|меша\w*))\b"), JointLevel.NONE),
)  # fmt: skip
# A part that says only that all is well (after `, и, но` splitting): no body word, no sign, nothing sore.
_ALL_GOOD_PART = re.compile(
    r"^(all\s+good|all\s+fine|fine|good|great|ok|okay|nothing|none|no|nope|all\s+clear|feeling\s+good|"
    r"no\s+soreness|nothing\s+sore|all\s+ok|0|👍|"
    r"(все|у меня все|вроде|пока)?\s*(ок|окей|ok|хорошо|отлично|норм|нормально|в норме|в порядке|супер|класс|"
    r"прекрасно|чисто|живой|жив|порядок)|ничего|нет|ноль|"
    r"(все|суставы|мышцы)\s+(цел\w*|не беспоко\w*)|(суставы\s+)?не беспоко\w*|(есть\s+)?мотивац\w*(\s+есть)?)$"
)
_NUMBER = re.compile(r"\b(\d{1,2})(?:\s*/\s*(?:3|10))?\b")
# A number with a unit (`knee 2kg`, `колено 20 кг`, `knee 2 lbs`): a load, never a 0-3 level; the answer is asked
# about again rather than read as a level it does not say.
_LOAD = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:kgs?|kilos?|kilograms?|lbs?|pounds?|#|кг|кило\w*|фунт\w*)(?![a-zа-я])"
)
_SEPARATORS = re.compile(r"[,;.!]|\band\b|\bbut\b|\bи\b|\bно\b|\bа\b|\bзато\b|\bплюс\b")
# Soreness, or a body word's complaint, with no level yet; `muscles`/`мышцы` alone is soreness in general.
_SORE = re.compile(
    r"\bsore\w*|\bdoms\b|\btight\b|\bstiff\b|\bache\w*|\bhurt\w*|\bpain\w*|\bmuscles?\b|"
    r"\bбол(ит|ят|ь|и|ью|ела|ело|ели|ел|езн\w*|ьн\w*)\b|\bпобалива\w*|\bзабит\w*|\bкрепатур\w*|\bзакислен\w*|"
    r"\bно(ет|ют)\b|\bтянет\b|\bломит\b|\bгуд(ит|ят)\b|\bскован\w*|\bзажат\w*|\bдискомфорт\w*|\bмышц\w*"
)
_GENERIC = re.compile(r"\bсустав\w*|\bjoints?\b")  # `суставы в порядке`, `joints fine`: all well
# The warning signs the rest-pause guide names besides pain: nerve symptoms, swelling, motivation that tanks.
# "Tired" / "устал" is read as the motivation sign: it is how lifters say the drive is gone (a tired muscle is
# soreness: "legs tired" names the legs, and "ноги устали" is not the speaker's "устал").
SIGNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bswell\w*|\bswollen\b|\bpuffy\b|\binflamed\b|"
                r"\bопух\w*|\bприпух\w*|\bотек\w*|\bотеч\w*|\bвоспал\w*"), "swelling"),
    (re.compile(r"\btingl\w*|\bnumb\w*|\bnerve\w*|\bpins and needles\b|\bshooting\b|\bradiat\w*|"
                r"\bо?неме\w*|\bпокалыва\w*|\bколет\b|\bколется\b|\bмурашк\w*|\bнерв\w*|\bпрострел\w*|"
                r"\bстреля\w*|\bотда(ет|ется)\s+в\b|\bиррадиир\w*|\bбьет током\b|\bтоком\b"), "nerve"),
    (re.compile(r"\b(no|zero|low|lost|lack of|little)\s+(motivation|drive|energy)\b|\bunmotivated\b|"
                r"\bdemotivated\b|\bburn(ed|t)\s*out\b|\bdread\w*|\b(don'?t|do not) (want|feel like) (to )?"
                r"train\w*|\b(i'?m|i am|feeling|feel|so|really)\s+(tired|exhausted|drained)\b|\bexhausted\b|"
                r"^(tired|knackered|drained)$|"
                r"\b(нет|ноль|ни капли|никакой|мало|низкая|упала|пропала)\s+мотивац\w*|"
                r"\bмотивац\w*\s+(нет|ноль|на нуле|упала|пропала|никакая|низкая)\b|\bнемотивир\w*|"
                r"\bнет\s+(желания|сил|энергии)\b|\bне\s+(хочу|хочется|тянет)\s+(тренир\w*|в зал|заниматься)|"
                r"\bлень\b|\bустал(а)?\b|\bусталост\w*|\bвымота\w*|\bвыжат\w*|\bвыгор\w*|\bсил нет\b"),
     "low_motivation"),
)  # fmt: skip
# `no swelling`, `без отёка`, `не немеет`, `отёка нет`: the sign is named to say it is absent.
_NEGATED_BEFORE = re.compile(
    r"\b(no|not|without|never|isn'?t|aren'?t|не|нет|без|ни)(\s+(any|real|more|obvious|никак\w*|всяк\w*|был\w*))?\s+$"
)
_NEGATED_AFTER = re.compile(r"^\s*(нет|не было|прошл\w*|gone)\b")
# Words that may sit around a body word in a check-in answer but say nothing themselves.
_FILLER = re.compile(
    r"\b(my|the|in|a|an|left|right|both|at|on|is|are|feel|feels|bit|joint|joints|"
    r"у|меня|в|на|все|всё|левое|левый|левая|левой|левом|правое|правый|правая|правой|правом|оба|обе|сустав\w*|"
    r"мышц\w*|слева|справа|как-то|немного|чуть)\b"
)


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
    # A body word written with a load (`knee 2kg`): the words as written, to ask about; nothing is read then.
    unclear: tuple[str, ...] = ()


@dataclass(frozen=True)
class _BodyWord:
    pattern: re.Pattern[str]
    joint: str | None
    muscles: tuple[str, ...]  # for a joint word: what it means when the part is about tight muscles


def _body_words() -> tuple[_BodyWord, ...]:
    """Every body word, longest first (so a phrase wins over the word inside it)."""
    english: dict[str, tuple[str | None, tuple[str, ...]]] = {
        **{word: (None, group) for word, group in MUSCLES.items()},
        **{word: (joint, DUAL_MUSCLES.get(word, ())) for word, joint in JOINTS.items()},
    }
    words = [
        _BodyWord(re.compile(rf"\b{re.escape(word)}\b"), joint, muscles)
        for word, (joint, muscles) in sorted(english.items(), key=lambda item: len(item[0]), reverse=True)
    ]
    russian: dict[str, tuple[str | None, tuple[str, ...]]] = {
        **{stem: (None, group) for stem, group in MUSCLE_STEMS.items()},
        **{stem: (joint, DUAL_MUSCLES.get(stem, ())) for stem, joint in JOINT_STEMS.items()},
    }
    # Stems in the tables' own order (phrases are listed first there), phrases of several words before single ones.
    ordered = sorted(russian.items(), key=lambda item: -item[0].count(r"\s+"))
    words.extend(_BodyWord(re.compile(rf"\b(?:{stem})\b"), joint, muscles) for stem, (joint, muscles) in ordered)
    return tuple(words)


BODY_WORDS = _body_words()
# Any of them, in one pass: most texts (every logged set comes by here) hold none, and ninety patterns one by one
# cost more than the rest of reading the set.
_ANY_BODY_WORD = re.compile("|".join(f"(?:{word.pattern.pattern})" for word in BODY_WORDS))


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    word: _BodyWord


def _normal(text: str) -> str:
    """Lower case, ё as е, a word typed with Latin look-alike letters in one alphabet (`лoкоть`)."""
    return fold(text).strip()


def _found(part: str) -> list[_Found]:
    """The body words in a part, in the order written; a longer phrase hides the words inside it."""
    taken: list[_Found] = []
    if not _ANY_BODY_WORD.search(part):
        return taken
    for word in BODY_WORDS:
        for match in word.pattern.finditer(part):
            if not any(match.start() < other.end and other.start < match.end() for other in taken):
                taken.append(_Found(match.start(), match.end(), word))
    return sorted(taken, key=lambda found: found.start)


def _level(text: str) -> JointLevel | None:
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
    return None


def _signs_in(text: str) -> tuple[tuple[str, ...], bool]:
    """The signs named in a text, and whether one was named only to deny it (`no swelling`, `отёка нет`)."""
    named: list[str] = []
    denied = False
    for pattern, sign in SIGNS:
        for match in pattern.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            # `нет мотивации` denies nothing: the sign's own words hold the no
            if _NEGATED_BEFORE.search(before) or (sign != "low_motivation" and _NEGATED_AFTER.match(after)):
                denied = True
            else:
                named.append(sign)
                break
    return tuple(dict.fromkeys(named)), denied


def read_signs(text: str) -> tuple[str, ...]:
    """The warning signs named (and not denied: `no swelling`, `без отёка`, `не немеет`) in a text."""
    return _signs_in(_normal(text))[0]


def is_body_word(name: str) -> bool:
    """A joint or muscle named, perhaps with how it feels (`elbow`, `lower back`, `quads`, `плечи болят`,
    `левое колено`), and nothing else: never an exercise name."""
    text = _normal(name)
    found = _found(text)
    if not found:
        return False
    rest = "".join(" " if any(f.start <= i < f.end for f in found) else ch for i, ch in enumerate(text))
    for pattern in (_SORE, _FILLER, *(pattern for pattern, _ in LEVEL_WORDS), _NUMBER):
        rest = pattern.sub(" ", rest)
    return not re.sub(r"[\W_]+", "", rest)


def says_sore(text: str) -> bool:
    """`грудь забита`, `knee hurts`: a word for soreness or pain (with a body word, a check-in answer)."""
    return bool(_SORE.search(_normal(text)))


def _chunks(part: str, found: list[_Found]) -> Iterator[tuple[str, _Found]]:
    """`локоть 2 колено 3`: each body word with the words up to the next one (the first with what precedes it)."""
    starts = [0, *(f.start for f in found[1:]), len(part)]
    for index, piece in enumerate(found):
        yield part[starts[index] : starts[index + 1]], piece


def _either(level: JointLevel | None, default: JointLevel) -> JointLevel:
    return default if level is None else level


def _worse(a: JointLevel, b: JointLevel) -> JointLevel:
    return b if LEVEL_SCORE[b] > LEVEL_SCORE[a] else a


def read_answer(text: str, day: date) -> CheckInReading:
    """`elbow 2, chest a bit sore`, `all good`, `knees mild`, `elbow swollen`, `no motivation`, `локоть 2, плечи
    забиты`, `колено болит 3`, `всё ок`, `немеет рука`: a CheckIn, or None if nothing was understood."""
    lowered = _normal(text)
    signs = read_signs(lowered)
    joints: dict[str, JointLevel] = {}
    sore_muscles: list[str] = []
    soreness = JointLevel.NONE
    understood: list[Understood] = []
    all_good = False
    unclear: list[str] = []
    for part in filter(None, (p.strip() for p in _SEPARATORS.split(lowered))):
        part_signs, denied = _signs_in(part)
        found = _found(part)
        if found and _LOAD.search(part):  # `knee 2kg`: not mild, not moderate; ask
            unclear.append(part[found[0].start : found[0].end])
            continue
        sore = bool(_SORE.search(part))
        part_level = _level(part)
        if denied and part_level is None and not sore:
            part_level = JointLevel.NONE  # `локоть не опух`: the elbow is fine
        if not found:
            if _ALL_GOOD_PART.match(part) or (denied and not part_signs and not sore):
                all_good = True
            elif (sore or _GENERIC.search(part)) and part_level is JointLevel.NONE and not part_signs:
                all_good = True  # `ничего не болит`, `без боли`, `no soreness`, `суставы в порядке`
            elif sore and not part_signs:
                sore_level = _either(part_level, JointLevel.MILD)
                soreness = _worse(soreness, sore_level)
                understood.append(Understood(what="soreness", level=sore_level))
            continue
        tight = bool(_MUSCLES_TIGHT.search(part)) and "сустав" not in part and "joint" not in part
        pieces = list(_chunks(part, found)) if len(found) > 1 else [(part, found[0])]
        for chunk, piece in pieces:
            said = _level(chunk) if len(found) > 1 else None
            level = said if said is not None else part_level
            word = piece.word
            if word.joint is not None and not (tight and word.muscles):
                read = _either(level, JointLevel.MODERATE if part_signs else JointLevel.MILD)
                joints[word.joint] = read
                understood.append(Understood(what="joint", name=word.joint, level=read))
            elif not (part_signs and level is None and not sore):  # `немеет рука`: the sign, not soreness
                read = _either(level, JointLevel.MILD)
                soreness = _worse(soreness, read)
                if read is not JointLevel.NONE:  # `ноги 0`: named, and not sore
                    sore_muscles.extend(m for m in word.muscles if m not in sore_muscles)
                understood.append(Understood(what="muscles", muscles=word.muscles, level=read))
    if unclear:
        return CheckInReading(checkin=None, unclear=tuple(dict.fromkeys(unclear)))
    understood.extend(Understood(what="sign", name=sign) for sign in signs)
    if not understood:
        if all_good:
            return CheckInReading(checkin=CheckIn(day=day), understood=(Understood(what="all_good"),))
        return CheckInReading(checkin=None)
    checkin = CheckIn(day=day, soreness=soreness, sore_muscles=tuple(sore_muscles), joints=joints, signs=signs)
    return CheckInReading(checkin=checkin, understood=tuple(_merged(understood)))


def _merged(understood: list[Understood]) -> list[Understood]:
    """Muscles read at the same level in a row say it once: `legs very sore` is quads, hamstrings, glutes: severe."""
    merged: list[Understood] = []
    for item in understood:
        last = merged[-1] if merged else None
        if last is not None and item.what == last.what == "muscles" and item.level is last.level:
            merged[-1] = last.model_copy(update={"muscles": tuple(dict.fromkeys((*last.muscles, *item.muscles)))})
        else:
            merged.append(item)
    return merged
