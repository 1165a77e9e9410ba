"""Russian technique questions, read into the words rules/answers.py matches (issue #19).

A Russian question is folded (ё as е, Latin look-alike letters inside a Cyrillic word as Cyrillic and the
reverse), its exercise found by word stems (so `в приседе`, `на приседаниях`, `для жима ногами` find the
catalog's Russian names) and its muscle by stems; what is left is rewritten phrase by phrase into the
English intent words the answer rules already know (`до отказа` -> `failure`, `рест-пауза` ->
`rest-pause`). Only vocabulary lives here: the answer itself is chosen by the same rules as in English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rules.catalog import BY_NAME, RUSSIAN, Exercise
from rules.muscles import RUSSIAN_MUSCLE_STEMS

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Letters that look the same in both alphabets, as lifters' keyboards mix them: Latin -> Cyrillic.
_TO_CYRILLIC = str.maketrans("aceopxykmthb", "асеорхукмтнв")
_TO_LATIN = str.maketrans("асеорхукмтнв", "aceopxykmthb")
# Word endings, longest first: `приседаниях` and `приседания` share the stem `приседан`.
ENDINGS = (
    "иями", "ями", "ами", "иях", "ого", "его", "ому", "ему", "ыми", "ими", "ях", "ах", "ой", "ей", "ий", "ый",
    "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ом", "ем", "ам", "ям", "ов", "ев", "ию", "ия", "ии",
    "а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й",
)  # fmt: skip
MIN_STEM = 2  # `ног` (ногами), `жим` (жиме) keep their root
MAX_NAME_WORDS = 5  # the longest Russian exercise name, in words (`жим лежа на наклонной скамье`)


def is_russian(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _fold_word(word: str) -> str:
    """A word in the alphabet most of its letters are in: `дроп-сeт` (a Latin e) -> `дроп-сет`."""
    cyrillic = sum(1 for character in word if "а" <= character <= "я")
    latin = sum(1 for character in word if "a" <= character <= "z")
    if cyrillic and latin:
        return word.translate(_TO_CYRILLIC) if cyrillic >= latin else word.translate(_TO_LATIN)
    return word


def fold(text: str) -> str:
    """Lower case, ё as е, each word in one alphabet."""
    lowered = text.lower().replace("ё", "е").replace("’", "'")
    return re.sub(r"[a-zа-я]+", lambda m: _fold_word(m.group(0)), lowered)


def stem(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in re.findall(r"[a-zа-я0-9]+", fold(text)))


@lru_cache(maxsize=1)
def _exercise_stems() -> dict[tuple[str, ...], Exercise]:
    """Every Russian name of every exercise, as a run of stems."""
    index: dict[tuple[str, ...], Exercise] = {}
    for name, aliases in RUSSIAN.items():
        for alias in aliases.split("|"):
            index.setdefault(_stems(alias), BY_NAME[name])
    return index


@dataclass(frozen=True)
class Reading:
    """A Russian question as the answer rules read it."""

    text: str  # the intent words in English, the exercise's own words taken out
    exercise: Exercise | None
    muscle: str | None


def _find_exercise(words: Sequence[str]) -> tuple[Exercise | None, set[int]]:
    """The longest run of words whose stems are a Russian exercise name, and where it is."""
    stems = [stem(word) for word in words]
    index = _exercise_stems()
    for size in range(MAX_NAME_WORDS, 0, -1):
        for start in range(len(stems) - size + 1):
            exercise = index.get(tuple(stems[start : start + size]))
            if exercise is not None:
                return exercise, set(range(start, start + size))
    return None, set()


def _find_muscle(text: str) -> str | None:
    """The first muscle the table names (most specific first: `бицепс бедра` before `бицепс`)."""
    for pattern, muscle in _MUSCLES:
        if pattern.search(text):
            return muscle
    return None


_MUSCLES = tuple((re.compile(rf"\b{stems}"), muscle) for stems, muscle in RUSSIAN_MUSCLE_STEMS)


# Russian phrases -> the English words answers.py matches, in order (techniques first, so `рест-пауза`
# is a technique before `пауза` is rest; `сколько отдыхать` before `сколько`).
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?:рест|отдых|rest)[\s-]*пауз\w*|миорепс\w*|мио[\s-]*повтор\w*", " rest-pause "),
        (r"дроп[\s-]*сет\w*|дропсет\w*|сброс\w* веса|дроп\w*", " dropset "),
        (r"пост[\s-]*утомлени\w*", " post-exhaust "),
        (r"пред[\s-]*утомлени\w*|предварительн\w* утомлени\w*", " pre-exhaust "),
        (r"супер[\s-]*сет\w*", " superset "),
        (r"мини[\s-]*(?:сет|подход)\w*|микро[\s-]*(?:сет|подход)\w*|добив\w*", " mini burst "),
        (r"\bпрогресс\w*|\bприбав\w* (?:в )?вес\w*|\bдобав\w* вес\w*|\bувелич\w* вес\w*|\bплато\b|\bзастр\w*|"
         r"\bстать сильнее\b", " progress "),
        (r"\bновичк\w*|\bначинающ\w*|\bнович\w*", " beginner "),
        (r"\bбол(?:ит|ят|ь|и|ью|ело|ели|ела|езн\w*)\b|\bтравм\w*|\bноет\b|\bнеме\w*|\bотек\w*", " pain "),
        (r"\bбел(?:ок|ка|ке|ку)\b|\bпротеин\w*|\bпитани\w*|\bдиет\w*|\bкардио\b|\bкреатин\w*|\bсон\b|\bсна\b|"
         r"\bспать\b|\bразминк\w*|\bсплит\w*|\bеда\b|\bкушать\b", " diet "),
        (r"\bнужн\w* ли\b", " need "),
        (r"\bдо отказа\b|\bотказ\w*", " failure "),
        (r"\bразгрузк\w*|\bразгрузочн\w*|\bдилоад\w*", " deload "),
        (r"\bамрап\w*", " amrap "),
        (r"\bблок\w*|\bпериодизац\w*|\bмезоцикл\w*|\b12[\s-]*недел\w*", " blocks "),
        (r"\bсколько раз в неделю\b|\bкак часто\b", " how often per week "),
        (r"\b(?:в|за) неделю\b", " per week "),
        (r"\b(?:сколько|как долго)\s+(?:\w+\s+)?отдых\w*|\bотдых\w*|\bпауз\w*", " how long rest "),
        (r"\bмежду\b", " between "),
        (r"\bв паре\b|\bв пару\b|\bпар[аыуе]?\b|\bпарн\w*|\bсочета\w*|\bсовмеща\w*|\bс чем\b", " pair "),
        (r"\bпосле\b", " after "),
        (r"\bчто такое\b|\bчто значит\b|\bчто означает\b|\bобъясни\w*|\bрасскажи\w*", " what is mean "),
        (r"\b(?:на ?сколько|как сильно)\s+(?:снижать|сбрасывать|уменьшать|снизить|сбросить|облегчать)\w*"
         r"(?:\s+вес\w*)?", " how much lighter weight "),
        (r"\bнасколько (?:тяжел\w*|тяжело|интенсивн\w*|близко)|\bкак тяжело\b|\bс каким усилием\b",
         " how heavy "),
        (r"\bкакой (rpe|rir)\b", r" what \1 "),
        (r"\bкогда не\b|\bне стоит\b|\bне надо\b|\bне нужно\b|\bне следует\b|\bизбега\w*", " when not avoid "),
        (r"\b(?:стоит|нужно|надо|можно|следует) ли\b", " should "),
        (r"\bкогда\b", " when "),
        (r"\bостанав\w*|\bостанов\w*|\bзаканчива\w*|\bзакончить\b|\bпрекраща\w*|\bстоп\b", " stop "),
        (r"\b1\s*пм\b|\bразов\w* максимум\w*|\bмаксимум\w*|\bодноповторн\w*", " 1rm "),
        (r"\bповторени\w* в запасе\b", " reps in reserve "),
        (r"\bрир\b", " rir "),
        (r"\bрпе\b", " rpe "),
        (r"\bсколько\b", " how many "),
        (r"\bстроит\w*|\bраст\w*|\bрост\w*|\bбольше мышц\w*|\bгипертроф\w*|\bэффективн\w*|\bлучше\b|\bработает\b",
         " build growth better "),
        (r"\bобычн\w*|\bклассическ\w*", " normal "),
        (r"\bподход\w*|\bсет\w*", " sets "),
        (r"\bупражнени\w*", " exercises "),
        (r"\bповтор\w*", " reps "),
    )
)


def read(text: str) -> Reading:
    """A Russian question: its exercise and muscle, and its intent in the answer rules' English words."""
    words = re.findall(r"[a-zа-я0-9]+", fold(text))  # `рест-пауза` is two words here; the phrases allow that
    exercise, used = _find_exercise(words)
    kept = " ".join(word for index, word in enumerate(words) if index not in used)
    english = f" {kept} "
    for pattern, replacement in PHRASES:
        english = pattern.sub(replacement, english)
    return Reading(text=" ".join(english.split()), exercise=exercise, muscle=_find_muscle(kept))
