"""Quick technique questions, answered from the same catalog and rules that judge sets.

Offline and deterministic: find the intent (which technique, failure, rest, how many, pairing, e1RM,
RIR/RPE, stop signals, AMRAP, blocks) and the slots (exercise, muscle), then answer with an answer id
and its numbers (the words are in handlers/words/answers.py), the evidence behind it, its sources, and
the lifter's own caveat when their history or check-ins give one. No match means an honest "I can't
answer that yet", never a made-up answer. A Russian question is read into the same intent words first
(rules/russian.py), so both languages get the same answer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from rules import blocks, effort, pairs, rest_pause, russian
from rules.asking import ENGLISH_OPENERS, RUSSIAN_OPENERS
from rules.catalog import Exercise, Fit, Kind, lookup, normalize_name
from rules.context import Context
from rules.exercises import fit_reason
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK, intensifier_uses
from rules.models import Experience, Param
from rules.muscles import MUSCLE_WORDS
from rules.notation import format_load, parse_message
from rules.recovery import lingering_soreness, persistent_joints, signs_on
from rules.sources import Source
from rules.trends import session_bests
from rules.units import rounded, rounded_pair

RP, META, ARTICLE, POST, FAIL, PRACTICE = (
    Source.REST_PAUSE_GUIDE, Source.META_ANALYSIS, Source.DROP_VS_REST_PAUSE, Source.POST_EXHAUST_GUIDE,
    Source.FAILURE_GUIDE, Source.PRACTICE,
)  # fmt: skip


class Said(BaseModel):
    """A message id and its params: what a caveat says, in words kept elsewhere."""

    model_config = ConfigDict(frozen=True)

    message: str
    params: dict[str, Param] = Field(default_factory=dict)


class Answer(BaseModel):
    """An answer as data: `message` names the recommendation and its reason in the words catalogue."""

    model_config = ConfigDict(frozen=True)

    topic: str
    message: str
    params: dict[str, Param] = Field(default_factory=dict)
    evidence: str  # an evidence id (handlers/words/answers.py: "evidence.<id>")
    sources: tuple[str, ...]
    caveat: Said | None = None


# Rest-pause guide: "a small hypertrophy benefit to resting longer than 60 seconds" between normal sets.
REST_LONGER_THAN_S = 60
# Evidence ids: how strong the evidence behind each kind of answer is.
EVIDENCE_IDS = (
    "technique", "exercise_choice", "failure", "convention", "rest", "definition", "your_data", "practice",
    "intensifiers", "not_covered",
)  # fmt: skip

_WORD = re.compile(r"[a-z0-9&'+-]+")
_QUESTION_START = re.compile(rf"^(?:{ENGLISH_OPENERS})\b")
# Questions typed as a topic, with no question word and no question mark (`rest between mini-sets`,
# `failure on squats`, `pre or post exhaust`); only without digits, so `rest 90` and sets stay sets.
_TOPIC_START = re.compile(
    r"^(?:rest(?:ing)?|pause|break)\s+(?:between|in|for|during|after|time)\b"
    r"|^(?:rest[\s-]*p[aeu]{1,2}s\w*|restp[aeu]{1,2}s\w*|drop[\s-]*sets?|dropsets?|drops|myo[\s-]*reps?|rp|"
    r"super[\s-]*sets?|(?:pre|post)(?:[\s-]*exhaust\w*)?)\s+(?:or|vs\.?|versus|on|for|with|in|every|per|when|how|what|"
    r"which|rest)\b"
    r"|^(?:go |train |going )?(?:to )?fail\w*\b|^(?:deload|amrap|rpe|rir|progress)\w*\b"
    r"|^(?:finisher|pair)\w* (?:for|with)\b|^(?:i'?m|i am) (?:a )?(?:beginner|novice|new|stuck|stalled|plateau)"
    r"|^(?:stuck|stalled|plateau\w*)\b"
)
# A message that opens with a load or reps (`100x8`, `100kg 8`, `8 @9`, `+5kg`) is a set, whatever follows.
_SET_START = re.compile(
    r"^\s*(?:\+\s*\d|\d+(?:[.,]\d+)?(?:\s*(?:kg|кг|lbs?\b|фунт\w*|[x×х*]\s*\d|@|reps?\b|повтор\w*)|\s+\d+\b))"
)
# Technique words, including the ways lifters misspell them; matched per word with a typo tolerance.
TECHNIQUE_WORDS: dict[str, str] = {
    "rest-pause": "rest_pause", "restpause": "rest_pause", "rp": "rest_pause", "myo": "rest_pause",
    "dropset": "drop_set", "drop": "drop_set", "drops": "drop_set", "dropsets": "drop_set",
    "superset": "superset", "supersets": "superset",
    "post-exhaust": "post_exhaust", "postexhaust": "post_exhaust",
    "pre-exhaust": "pre_exhaust", "preexhaust": "pre_exhaust",
    "straight": "straight", "normal": "straight", "regular": "straight", "traditional": "straight",
}  # fmt: skip
_PHRASES = (
    (re.compile(r"\b(?:pre|post)\s*(?:or|vs\.?|versus|/)\s*(?:pre|post)[\s-]*exhaust\w*"), "pre-exhaust post-exhaust"),
    (re.compile(r"rest[\s-]*p[aeu]{1,2}s\w*|myo[\s-]*reps?"), "rest-pause"),
    (re.compile(r"\breps? in reserve\b"), "rir"),
    (re.compile(r"\brate of perceived exertion\b"), "rpe"),
    (re.compile(r"@\s*\d+(?:[.,]5)?"), "rpe"),
    (re.compile(r"%"), "percent"),
    (re.compile(r"\bmini[\s-]*sets?\b|\bminisets?\b"), "mini burst"),
    (re.compile(r"drop[\s-]*sets?"), "dropset"),
    (re.compile(r"super[\s-]*sets?"), "superset"),
    (re.compile(r"post[\s-]*exhaust\w*"), "post-exhaust"),
    (re.compile(r"pre[\s-]*exhaust\w*"), "pre-exhaust"),
    (re.compile(r"\b1\s*rm\b|\bone[\s-]*rep[\s-]*max\b|\be1rm\b|\bmax\b"), "e1rm"),
)
_STOP = frozenset(
    {
        "a", "an", "the", "i", "my", "me", "on", "for", "to", "do", "of", "or", "and", "in", "at", "is", "it",
        "with", "should", "shall", "can", "could", "what", "whats", "how",
    }
)  # fmt: skip


# Russian questions: a question word first, or `ли` anywhere (`строит ли рест-пауза больше мышц`).
_RUSSIAN_QUESTION = re.compile(rf"^(?:{RUSSIAN_OPENERS})\b|\bли\b")


# Russian topics typed without a question word (`отдых между мини-подходами`, `до отказа на приседе`).
_RUSSIAN_TOPIC_START = re.compile(
    r"^(?:отдых\w*|пауз\w*)\s+(?:между|в|на|при)\b|^(?:до )?отказ\w*\b|^разгрузк\w*|^прогресс\w*"
    r"|^(?:(?:рест|отдых)[\s-]*пауз\w*|дроп[\s-]*сет\w*|дропсет\w*|пред\w*|пост\w*)\s+(?:или|на|в|для|против)\b"
)


def reads_as_set(text: str) -> bool:
    """A set, whatever words follow it: a known exercise with numbers (`bench 100kg 8 @9 how was that?`),
    or a load or reps first (`100x8 should I go heavier?`). Its words are the set's note, not a question."""
    if _SET_START.match(text.strip().lower()):
        return True
    return any(parsed.known for parsed in parse_message(text).sets)


def is_question(text: str) -> bool:
    """A question: a question word first (or a topic typed bare, `rest between mini-sets`), or a question
    mark or Russian `ли` on something that is not a set (`bench 100kg 8 @9 too heavy?` is a set and its note)."""
    lowered = " ".join(text.strip().lower().replace("’", "'").split())
    if lowered.startswith("/ask"):
        return True
    folded = russian.fold(lowered)
    if _QUESTION_START.match(lowered):
        return True
    if russian.is_russian(lowered) and _RUSSIAN_QUESTION.match(folded):
        return True
    if not any(character.isdigit() for character in lowered) and (
        _TOPIC_START.match(lowered) or (russian.is_russian(lowered) and _RUSSIAN_TOPIC_START.match(folded))
    ):
        return True
    asked = "?" in lowered or (russian.is_russian(lowered) and _RUSSIAN_QUESTION.search(folded))
    return bool(asked) and not reads_as_set(text)


def _normalize(text: str) -> str:
    lowered = text.lower().replace("’", "'")
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(f" {replacement} ", lowered)
    return lowered


# Intent words lifters misspell (`betwen`, `progres`, `delaod`): a long word this close is read as the word.
_INTENT_WORDS = ("between", "failure", "progress", "deload", "beginner", "plateau", "increase", "stronger")


def _words(text: str) -> list[str]:
    words = _WORD.findall(text)
    return [_intent_word(word) for word in words]


def _intent_word(word: str) -> str:
    if len(word) < 5 or word in _INTENT_WORDS or word in TECHNIQUE_WORDS or word in MUSCLE_WORDS:
        return word
    close = difflib.get_close_matches(word, _INTENT_WORDS, n=1, cutoff=0.85)
    return close[0] if close else word


def _fuzzy(word: str, vocabulary: Sequence[str]) -> str | None:
    if word in vocabulary:
        return word
    if len(word) < 5:
        return None
    close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
    return close[0] if close else None


def techniques(words: Sequence[str]) -> list[str]:
    found: list[str] = []
    for word in words:
        match = _fuzzy(word, tuple(TECHNIQUE_WORDS))
        if match and TECHNIQUE_WORDS[match] not in found:
            found.append(TECHNIQUE_WORDS[match])
    return found


def _ignorable(word: str, alone: bool = False) -> bool:
    """Words that cannot start or end an exercise name; muscle words only when standing alone
    (`lat raise` and `pec deck` are exercises, `chest` alone is not)."""
    return word in _STOP or word in TECHNIQUE_WORDS or (alone and word in MUSCLE_WORDS)


def find_exercise(words: Sequence[str]) -> Exercise | None:
    """The longest run of words that names a catalog exercise exactly; then a typo on one long word."""
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            chunk = words[start : start + size]
            if _ignorable(chunk[0], size == 1) or _ignorable(chunk[-1], size == 1):
                continue
            exercise = _exact(" ".join(chunk))
            if exercise is not None:
                return exercise
    for word in words:
        if len(word) >= 5 and not _ignorable(word, alone=True):
            exercise = lookup(word)
            if exercise is not None:
                return exercise
    return None


def _exact(phrase: str) -> Exercise | None:
    exercise = lookup(phrase)
    if exercise is None:
        return None
    names = {normalize_name(exercise.name), *(normalize_name(alias) for alias in exercise.aliases)}
    return exercise if normalize_name(phrase) in names else None


def find_muscle(words: Sequence[str]) -> str | None:
    for word in words:
        if word in _STOP:
            continue
        match = _fuzzy(word, tuple(MUSCLE_WORDS))
        if match:
            return MUSCLE_WORDS[match][0]
    return None


def _joint_caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    if exercise is None or context is None:
        return None
    for irritated in persistent_joints(context.checkins, context.local_today):
        if irritated.what in exercise.joints:
            return Said(message="caveat.joint", params={"joint": irritated.what, "days": irritated.days,
                                                        "exercise": exercise.name})  # fmt: skip
    return None


def _frequency_caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    if exercise is None or context is None:
        return None
    for muscle in exercise.primary:
        uses = intensifier_uses(context, muscle)
        if uses >= MAX_INTENSIFIER_DAYS_PER_WEEK:
            return Said(message="caveat.frequency", params={"muscle": muscle, "uses": uses})
    return None


def _beginner_caveat(context: Context | None) -> Said | None:
    if context is not None and context.profile.experience is Experience.BEGINNER:
        return Said(message="caveat.beginner")
    return None


def _sign_caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    """Swelling, nerve symptoms or low motivation in a fresh check-in: the same signs that pull intensifiers
    from a logged set (rules/recovery.py) hold them off in an answer."""
    if context is None:
        return None
    for sign, joint in signs_on(exercise.joints if exercise else (), context):
        if sign == "low_motivation":
            return Said(message="caveat.motivation")
        if exercise is not None or not joint:
            name = exercise.name if exercise else ""
            return Said(message="caveat.sign" if joint else "caveat.sign_anywhere",
                        params={"sign": sign, "joint": joint, "exercise": name})  # fmt: skip
    return None


def _soreness_caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    """Soreness that hangs on (on this exercise's muscles, when the check-in named them): the logged set would
    be told to skip intensifiers (rules/recovery.py) and post-exhaust (rules/pairs.py), so the answer is too."""
    if context is None:
        return None
    sore = lingering_soreness(context.checkins, context.local_today)
    if sore is None:
        return None
    latest = max(context.checkins, key=lambda c: c.day)
    if exercise is not None and latest.sore_muscles and not set(latest.sore_muscles) & set(exercise.muscles):
        return None
    return Said(message="caveat.soreness", params={"days": sore.days})


def _caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    return (_sign_caveat(exercise, context) or _joint_caveat(exercise, context)
            or _soreness_caveat(exercise, context) or _frequency_caveat(exercise, context)
            or _beginner_caveat(context))  # fmt: skip


def _technique_choice(
    asked: list[str], exercise: Exercise | None, muscle: str | None, context: Context | None
) -> Answer:
    target = exercise.name if exercise else (muscle or "")
    caveat = _caveat(exercise, context)
    if exercise is not None and exercise.fit is Fit.POOR and {"rest_pause", "drop_set"} & set(asked):
        return Answer(
            topic="technique_choice", message="choice.neither", params={"exercise": exercise.name,
            "reason": fit_reason(exercise)}, evidence="exercise_choice", sources=(RP, ARTICLE), caveat=caveat,
        )  # fmt: skip
    if "post_exhaust" in asked or "pre_exhaust" in asked or "superset" in asked:
        return _pairing(exercise, muscle, context, topic="technique_choice")
    technique = "rest_pause" if "rest_pause" in asked else "drop_set" if "drop_set" in asked else None
    if technique is None:
        return _evidence_answer(caveat)
    if caveat is not None:  # never "yes, it's fine" above a caveat that says skip it
        held = (
            "choice.hold_off.sign" if caveat.message.startswith("caveat.sign")
            else "choice.hold_off.motivation" if caveat.message == "caveat.motivation"
            else "choice.hold_off.soreness" if caveat.message == "caveat.soreness"
            else "choice.hold_off.joint" if caveat.message == "caveat.joint"
            else "choice.hold_off.frequency" if caveat.message == "caveat.frequency"
            else "choice.hold_off.beginner"
        )  # fmt: skip
        params: dict[str, Param] = {"technique": technique, "target": target}
        if "sign" in caveat.params:
            params["sign"] = caveat.params["sign"]
        return Answer(topic="technique_choice", message=held, params=params,
                      evidence="exercise_choice", sources=(RP, ARTICLE), caveat=caveat)  # fmt: skip
    if "rest_pause" in asked and "drop_set" in asked:
        low, high = rest_pause.REST_RANGE_S
        return Answer(
            topic="technique_choice", message="choice.either" if target else "choice.either_any",
            params={"target": target, "rest_low": low, "rest_high": high, "rounds": rest_pause.USUAL_MAX_BURSTS,
                    "per_week": MAX_INTENSIFIER_DAYS_PER_WEEK},
            evidence="technique", sources=(ARTICLE, RP, META),
        )  # fmt: skip
    if exercise is None:
        pick = "choice.pick.rest_pause" if technique == "rest_pause" else "choice.pick.drop_set"
        return Answer(topic="technique_choice", message=pick, evidence="exercise_choice",
                      params={"per_week": MAX_INTENSIFIER_DAYS_PER_WEEK}, sources=(RP, ARTICLE))  # fmt: skip
    return Answer(
        topic="technique_choice", message="choice.yes.good" if exercise.fit is Fit.GOOD else "choice.yes.ok",
        evidence="exercise_choice", sources=(RP, ARTICLE),
        params={"technique": technique, "exercise": exercise.name, "reason": fit_reason(exercise),
                "per_week": MAX_INTENSIFIER_DAYS_PER_WEEK},
    )  # fmt: skip


def _evidence_answer(caveat: Said | None = None) -> Answer:
    """The meta-analysis card reports slightly more growth; the rest-pause guide says not proven superior."""
    return Answer(topic="evidence", message="evidence.rest_pause", evidence="technique", sources=(META, RP),
                  caveat=caveat)  # fmt: skip


def _failure(exercise: Exercise | None, context: Context | None) -> Answer:
    low, high = effort.COMPOUND_STOP_RIR
    if exercise is not None and exercise.kind is Kind.ISOLATION:
        return Answer(topic="failure", message="failure.isolation", evidence="failure", sources=(FAIL,),
                      params={"exercise": exercise.name, "low": low, "high": high},
                      caveat=_joint_caveat(exercise, context))  # fmt: skip
    return Answer(
        topic="failure", message="failure.compound" if exercise else "failure.compounds", evidence="failure",
        sources=(FAIL,), params={"exercise": exercise.name if exercise else "", "low": low, "high": high},
        caveat=_joint_caveat(exercise, context),
    )  # fmt: skip


def _two_exercises(words: Sequence[str]) -> bool:
    """`between bench and flies`: a compound and an isolation named either side of "and" (a pair)."""
    if "and" not in words:
        return False
    cut = list(words).index("and")
    before, after = find_exercise(words[:cut]), find_exercise(words[cut + 1 :])
    return before is not None and after is not None and {before.kind, after.kind} == {Kind.COMPOUND, Kind.ISOLATION}


def _rest(words: Sequence[str], asked: list[str], exercise: Exercise | None, paired: bool = False) -> Answer:
    text = " ".join(words)
    if "rest_pause" in asked or "burst" in text or "mini" in text:
        low, high = rest_pause.REST_RANGE_S
        return Answer(topic="rest", message="rest.rest_pause", params={"low": low, "high": high},
                      evidence="convention", sources=(ARTICLE,))  # fmt: skip
    if "drop_set" in asked:
        return Answer(topic="rest", message="rest.drop_set", evidence="convention", sources=(ARTICLE,))
    paired = paired or bool({"post_exhaust", "pre_exhaust", "superset"} & set(asked))
    if paired or "pair" in text or "between the two" in text or ("compound" in text and "isolation" in text):
        low, high = pairs.PAIR_REST_S
        return Answer(topic="rest", message="rest.pair", params={"low": low, "high": high}, evidence="convention",
                      sources=(POST,))  # fmt: skip
    heavy = exercise is not None and exercise.fit is Fit.POOR
    return Answer(topic="rest", message="rest.heavy" if heavy else "rest.sets", evidence="rest", sources=(RP,),
                  params={"seconds": REST_LONGER_THAN_S})  # fmt: skip


def _pairs_limit(context: Context | None) -> tuple[Experience, int]:
    experience = context.profile.experience if context else Experience.INTERMEDIATE
    return experience, pairs.MAX_PAIRS_PER_WORKOUT[experience]


def _how_many(words: Sequence[str], asked: list[str], context: Context | None) -> Answer | None:
    text = " ".join(words)
    paired = "pair" in text or bool({"post_exhaust", "pre_exhaust", "superset"} & set(asked))
    if re.search(r"\bweek\w*|\boften\b|\bevery (day|session|workout|time)\b|\bdaily\b", text):
        if paired:
            return _pairs_week(context)
        return Answer(topic="how_many", message="how_many.intensifiers_week", evidence="convention",
                      sources=(ARTICLE,), params={"limit": MAX_INTENSIFIER_DAYS_PER_WEEK})  # fmt: skip
    if paired:
        experience, limit = _pairs_limit(context)
        return Answer(topic="how_many", message="how_many.pairs", evidence="convention", sources=(POST,),
                      params={"experience": experience.value, "limit": limit})  # fmt: skip
    if "drop_set" in asked or "drop" in text:
        return Answer(topic="how_many", message="how_many.drops", evidence="convention", sources=(ARTICLE,))
    if "rest_pause" in asked or "burst" in text or "round" in text or "mini" in text:
        return Answer(topic="how_many", message="how_many.bursts", evidence="convention", sources=(ARTICLE, RP),
                      params={"rounds": rest_pause.USUAL_MAX_BURSTS})  # fmt: skip
    return None


def _names(names: Sequence[str]) -> tuple[dict[str, str | int | float], ...]:
    return tuple({"name": name} for name in names)


def _pairing(exercise: Exercise | None, muscle: str | None, context: Context | None, topic: str = "pairing") -> Answer:
    target = muscle or (exercise.primary[0] if exercise else None)
    caveat = _caveat(exercise, context)
    if target not in pairs.CLASSIC_PAIRS:
        low, high = pairs.COMPOUND_REPS
        iso_low, iso_high = pairs.ISOLATION_REPS
        rest_low, rest_high = pairs.PAIR_REST_S
        how: dict[str, Param] = {
            "low": low, "high": high, "iso_low": iso_low, "iso_high": iso_high, "max_rir": pairs.ISOLATION_MAX_RIR,
            "rest_low": rest_low, "rest_high": rest_high,
        }  # fmt: skip
        return Answer(
            topic=topic, message="pairing.how", evidence="convention", sources=(POST,), caveat=caveat, params=how
        )
    compounds, (low, high), isolations, (iso_low, iso_high) = pairs.CLASSIC_PAIRS[target]
    rest_low, rest_high = pairs.PAIR_REST_S
    params: dict[str, Param] = {
        "muscle": target, "compounds": _names(compounds), "isolations": _names(isolations), "low": low,
        "high": high, "iso_low": iso_low, "iso_high": iso_high, "max_rir": pairs.ISOLATION_MAX_RIR,
        "rest_low": rest_low, "rest_high": rest_high, "loss_low": pairs.PRE_EXHAUST_LOSS[0],
        "loss_high": pairs.PRE_EXHAUST_LOSS[1],
    }  # fmt: skip
    if exercise is not None and exercise.kind is Kind.ISOLATION:
        return Answer(topic=topic, message="pairing.before", params={**params, "exercise": exercise.name},
                      evidence="convention", sources=(POST,), caveat=caveat)  # fmt: skip
    if exercise is not None and exercise.kind is Kind.COMPOUND:
        params["compounds"] = _names((exercise.name,))
    return Answer(topic=topic, message="pairing.after", params=params, evidence="convention", sources=(POST,),
                  caveat=caveat)  # fmt: skip


def _e1rm(exercise: Exercise | None, context: Context | None) -> Answer:
    if exercise is None:
        return Answer(topic="e1rm", message="e1rm.which", evidence="your_data", sources=(FAIL,))
    bests = session_bests(exercise.name, (), context) if context else []
    if not bests:
        return Answer(topic="e1rm", message="e1rm.none", params={"exercise": exercise.name}, evidence="your_data",
                      sources=(FAIL,))  # fmt: skip
    unit = context.profile.unit if context else "kg"
    # to the plate step, as the PR lines and /week say them (a tenth where the trend would read the same)
    latest, first = rounded_pair(bests[-1], bests[0], unit) if len(bests) >= 2 else (rounded(bests[0], unit),) * 2
    best = rounded(max(bests), unit) if latest.is_integer() else round(max(bests), 1)
    params: dict[str, Param] = {"exercise": exercise.name, "e1rm": format_load(latest), "best": format_load(best),
                                "unit": unit, "sessions": len(bests), "first": format_load(first)}  # fmt: skip
    message = "e1rm.trend" if len(bests) >= 2 else "e1rm.value"
    # Epley (failure guide) or, for a set logged with effort, the RPE chart (in none of the guides)
    return Answer(topic="e1rm", message=message, params=params, evidence="your_data",
                  sources=(FAIL, PRACTICE))  # fmt: skip


def _effort_scale() -> Answer:
    low, high = effort.PRODUCTIVE_RPE
    return Answer(topic="rir_rpe", message="rir_rpe", evidence="definition", sources=(FAIL,),
                  params={"low": low, "high": high, "warm_up": effort.WARM_UP_MAX_RPE})  # fmt: skip


def _stop(asked: list[str], words: Sequence[str]) -> Answer:
    text = " ".join(words)
    if "rest_pause" in asked or "burst" in text or "mini" in text:
        return Answer(topic="stop", message="stop.rest_pause", evidence="convention", sources=(RP,))
    return Answer(topic="stop", message="stop.set", evidence="failure", sources=(FAIL,))


def _how_hard(exercise: Exercise | None, context: Context | None) -> Answer:
    phase = blocks.phase_for(context) if context is not None else None
    if phase is not None and context is not None and context.block_start is not None:
        week = blocks.week_of(context.block_start, context.local_today) or 1
        return Answer(topic="how_hard", message="how_hard.block", evidence="convention", sources=(FAIL,),
                      params={"week": week, "phase": phase.name, "low": phase.reps[0], "high": phase.reps[1],
                              "rpe_low": phase.rpe[0], "rpe_high": phase.rpe[1]})  # fmt: skip
    if exercise is not None and exercise.kind is Kind.ISOLATION:
        low, high = effort.ISOLATION_RIR
        return Answer(topic="how_hard", message="how_hard.isolation", evidence="failure", sources=(FAIL,),
                      params={"exercise": exercise.name, "low": low, "high": high})  # fmt: skip
    low, high = effort.COMPOUND_RIR
    params: dict[str, Param] = {
        "exercise": exercise.name if exercise else "", "low": low, "high": high,
        "rpe_low": effort.PRODUCTIVE_RPE[0], "rpe_high": effort.PRODUCTIVE_RPE[1],
    }  # fmt: skip
    return Answer(topic="how_hard", message="how_hard.compound" if exercise else "how_hard.any", evidence="failure",
                  sources=(FAIL,), params=params)  # fmt: skip


def _amrap() -> Answer:
    return Answer(topic="amrap", message="amrap.when", evidence="convention", sources=(FAIL,),
                  params={"week": blocks.AMRAP_WEEK})  # fmt: skip


def _blocks(context: Context | None) -> Answer:
    params: dict[str, Param] = {"weeks": blocks.BLOCK_WEEKS}
    for phase in blocks.PHASES:
        params[f"{phase.name}_weeks"] = f"{phase.weeks[0]}-{phase.weeks[1]}"
        params[f"{phase.name}_reps"] = f"{phase.reps[0]}-{phase.reps[1]}"
        params[f"{phase.name}_rpe"] = f"{phase.rpe[0]:g}-{phase.rpe[1]:g}"
    return Answer(topic="blocks", message="blocks.what", params=params, evidence="convention", sources=(FAIL,))


def _deload() -> Answer:
    return Answer(topic="deload", message="deload", evidence="convention", sources=(POST, FAIL),
                  params={"rpe": effort.WARM_UP_MAX_RPE})  # fmt: skip


def _post_exhaust_when_not() -> Answer:
    return Answer(topic="when_not", message="post_exhaust.when_not", evidence="convention", sources=(POST,))


def _pre_vs_post() -> Answer:
    return Answer(topic="pre_vs_post", message="pre_vs_post", evidence="convention", sources=(POST,),
                  params={"loss_low": pairs.PRE_EXHAUST_LOSS[0], "loss_high": pairs.PRE_EXHAUST_LOSS[1]})  # fmt: skip


def _drop_size() -> Answer:
    return Answer(topic="drop_size", message="drop.size", evidence="convention", sources=(ARTICLE,))


def _progress(exercise: Exercise | None) -> Answer:
    """Only what the guides say about progressing: the 12-week blocks, the AMRAP that sets the next block's
    loads (004), progressive hard sets rather than intensifiers, the same setup week to week (000)."""
    params: dict[str, Param] = {"weeks": blocks.BLOCK_WEEKS, "week": blocks.AMRAP_WEEK}
    for phase in blocks.PHASES:
        params[f"{phase.name}_reps"] = f"{phase.reps[0]}-{phase.reps[1]}"
        params[f"{phase.name}_rpe"] = f"{phase.rpe[0]:g}-{phase.rpe[1]:g}"
    if exercise is not None:
        params["exercise"] = exercise.name
    return Answer(topic="progress", message="progress.exercise" if exercise else "progress", params=params,
                  evidence="convention", sources=(FAIL, RP))  # fmt: skip


def _deload_when() -> Answer:
    """The guides set no deload schedule: the block's AMRAP is 'the final session before a deload or new
    phase' (004); the warning signs pull rest-pause work first (000)."""
    return Answer(topic="deload", message="deload.when", evidence="convention", sources=(FAIL, RP, POST),
                  params={"rpe": effort.WARM_UP_MAX_RPE})  # fmt: skip


def _drop_set_evidence() -> Answer:
    """The 2021 volume-equated trial (000) compared drop sets too: broadly similar; the meta-analysis card
    is about rest-pause only, so it is not cited for drop sets."""
    return Answer(topic="evidence", message="evidence.drop_set", evidence="intensifiers", sources=(RP, ARTICLE))


def _beginner(asked: list[str]) -> Answer:
    if {"post_exhaust", "pre_exhaust", "superset"} & set(asked):
        return Answer(topic="beginner", message="beginner.post_exhaust", evidence="convention", sources=(POST,),
                      params={"limit": pairs.MAX_PAIRS_PER_WORKOUT[Experience.BEGINNER]})  # fmt: skip
    return Answer(topic="beginner", message="choice.hold_off.beginner", evidence="exercise_choice",
                  sources=(ARTICLE,))  # fmt: skip


def _pain(exercise: Exercise | None) -> Answer:
    """What the rest-pause guide says about pain, swelling, nerve symptoms and irritated joints; no more."""
    return Answer(topic="pain", message="pain", evidence="convention", sources=(RP,),
                  params={"exercise": exercise.name if exercise else ""})  # fmt: skip


def _volume() -> Answer:
    return Answer(topic="volume", message="volume.no_count", evidence="convention", sources=(FAIL,))


def _not_covered() -> Answer:
    return Answer(topic="not_covered", message="not_covered", evidence="not_covered", sources=())


def _pairs_week(context: Context | None) -> Answer:
    """003's table and FAQ by experience: beginners 1 pair a workout (after 6-12 months), intermediates 1-2
    pairs 2-3 times a week (the table: 2-3), advanced 3-4 pairs, multiple times a week."""
    experience, limit = _pairs_limit(context)
    message = (
        "how_many.pairs_week.beginner" if experience is Experience.BEGINNER
        else "how_many.pairs_week.advanced" if experience is Experience.ADVANCED
        else "how_many.pairs_week.intermediate"
    )  # fmt: skip
    return Answer(topic="how_many", message=message, evidence="convention", sources=(POST,), params={"limit": limit})


def _reps(exercise: Exercise | None, context: Context | None) -> Answer:
    """`how many reps should I do`: the block's week when one runs, else the three blocks' ranges."""
    if context is not None and blocks.phase_for(context) is not None:
        return _how_hard(exercise, context)
    return _blocks(context)


_STOP_WORDS = re.compile(r"\bstop\w*\b|\bquit\b|\bend (the|a|my) set\b|\bcall it\b")
_HOW_HARD = re.compile(
    r"\bhow (hard|heavy|intense|close)\b|\bwhat (rpe|rir|effort|intensity)\b|\bhow many rir\b|"
    r"\b(rpe|rir) should\b|\bhow much effort\b"
)
_BLOCKS = re.compile(r"\bblocks?\b|\bperiodi[sz]\w*|\b12[\s-]*weeks?\b|\bfoundation\b|\bchallenge (block|phase)\b|"
                     r"\bbuild (block|phase)\b|\bmesocycle\w*")  # fmt: skip
_WHEN_NOT = re.compile(r"\b(peak\w*|meet|competition|powerlift\w*|pure strength|overtrain\w*|burn\w* out)\b|"
                       r"\bwhen (not|shouldn'?t)\b|\bavoid\b|\bskip\b|\bshould i not\b|\bnot (do|use)\b")  # fmt: skip
_DROP_SIZE = re.compile(r"\bhow (much|far|big|heavy)\b|\bpercent\w*|%|\blighter\b|\bsize\b|\bweight\b")
_GROWTH = re.compile(r"\b(better|superior|worth|work|works|effective|build|builds|grow|grows|growth|more muscle|"
                     r"hypertroph\w*|gains?|bigger|size)\b")  # fmt: skip
_PROGRESS = re.compile(
    r"\bprogress\w*|\bplateau\w*|\bstuck\b|\bstall\w*|\bget(ting)? stronger\b|\bgo up in (weight|load)\b|"
    r"\b(add|adding|increase|increasing|raise|raising)\b.*\b(weight|load|kg|lbs?)\b|"
    r"\b(weight|load)\b.*\b(add|increase|raise)\b"
)
_DELOAD_WHEN = re.compile(
    r"\b(when|need|often|due)\b|\btime (for|to)\b|^(should|shall|must|do) i (take |do )?(a )?deload"
)
_BEGINNER = re.compile(r"\bbeginn?ers?\b|\bnovices?\b|\bnew(bie)? (lifter|to lifting|to the gym)\b|\bjust start\w*")
_PAIN = re.compile(r"\bpain\w*|\bhurts?\b|\bhurting\b|\bsore\b|\binjur\w*|\bache\w*|\baching\b|\btweak\w*|"
                   r"\bniggl\w*|\bswoll\w*|\bswelling\b|\bnumb\w*|\btingl\w*")  # fmt: skip
# Training topics none of the five guides covers: said so, never answered from a technique rule.
_NOT_COVERED = re.compile(
    r"\b(protein|diet|eat|eating|food|meal|calorie\w*|macros?|creatine|supplements?|cardio|running|sleep\w*|"
    r"warm[\s-]*ups?|warming up|stretch\w*|split|steroids?|fat loss|bulk\w*|cutting)\b|"
    r"\bhow many days\b|\bdays (a|per) week\b|\bhow long should (my|a|the) (workout|session|training)\b"
)
_VOLUME = re.compile(r"\bhow many (working |hard |total )?sets\b|\bsets (a|per|each) week\b|\bweekly (sets|volume)\b|"
                     r"\bvolume\b")  # fmt: skip
_DEFINE = re.compile(r"\b(what|whats|what's|wat|wut|mean|means|meaning|explain|difference|stand for|stands for)\b")
_HOW_MANY = re.compile(r"\bhow many\b(?! (seconds|secs|minutes|mins)\b)|\bhow often\b|\btimes (a|per|each) week\b|"
                       r"\bper week\b|\bevery (day|session|workout|time)\b")  # fmt: skip
_RESTING = re.compile(r"(?<![\w-])(rest|resting|wait|seconds|secs|pause|break between)(?![\w-])|"
                      r"\bhow long\b.*\bbetween\b")  # fmt: skip


def _read(text: str) -> tuple[list[str], Exercise | None, str | None]:
    """The question's words in the rules' English, its exercise and its muscle; a Russian question is read
    by rules/russian.py first (a Latin exercise name inside it still counts)."""
    if russian.is_russian(text):
        reading = russian.read(text)
        latin = _words(_normalize(" ".join(re.findall(r"[a-z][a-z0-9&'+-]*", russian.fold(text)))))
        exercise = reading.exercise or find_exercise([w for w in latin if w != "e1rm"])
        return _words(_normalize(reading.text)), exercise, reading.muscle or find_muscle(latin)
    words = _words(_normalize(text))
    return words, find_exercise([w for w in words if w != "e1rm"]), find_muscle(words)


def answer(text: str, context: Context | None = None) -> Answer | None:
    """The answer to a technique question (English or Russian), or None when it is not one we can answer
    honestly. The order matters: the most specific intent first (`how many post-exhaust pairs per week`
    is about pairs, not rest or failure)."""
    words, exercise, muscle = _read(text.removeprefix("/ask"))
    asked = techniques(words)
    joined = " ".join(words)
    intensifiers = {"rest_pause", "drop_set"} & set(asked)
    if "e1rm" in words:
        return _e1rm(exercise, context)
    if _PAIN.search(joined):
        return _pain(exercise)
    if _NOT_COVERED.search(joined) and (exercise is None or exercise.kind is Kind.CARDIO):
        return _not_covered()
    if _VOLUME.search(joined) and not asked:
        return _volume()
    if re.search(r"\bdeload\w*", joined):
        return _deload_when() if _DELOAD_WHEN.search(joined) else _deload()
    if re.search(r"\bamrap\w*|\bas many reps as possible\b", joined):
        return _amrap()
    if _PROGRESS.search(joined) and not intensifiers:
        return _progress(exercise)
    if _BLOCKS.search(joined):
        return _blocks(context)
    if re.search(r"\bhow many reps\b", joined) and not asked:
        return _reps(exercise, context)
    if _BEGINNER.search(joined) and asked:
        return _beginner(asked)
    if "pre_exhaust" in asked and not (_RESTING.search(joined) or _HOW_MANY.search(joined)):
        return _pre_vs_post()
    if "post_exhaust" in asked and _WHEN_NOT.search(joined):
        return _post_exhaust_when_not()
    if _STOP_WORDS.search(joined) and not re.search(r"\bhow many\b", joined):
        return _stop(asked, words)
    if "drop_set" in asked and _DROP_SIZE.search(joined) and not re.search(r"\bhow many\b|\brest\b", joined):
        return _drop_size()
    failure = re.search(r"\bfail\w*|\bfailiure\b", joined)
    if _HOW_HARD.search(joined) and (not failure or re.search(r"\bhow close\b", joined)):
        return _how_hard(exercise, context)
    if re.search(r"\b(rir|rpe)\b", joined) and (_DEFINE.search(joined) or set(words) <= {"rir", "rpe", "and", "or"}):
        return _effort_scale()
    if failure:
        return _failure(exercise, context)
    if _HOW_MANY.search(joined):
        counted = _how_many(words, asked, context)
        if counted is not None:
            return counted
    if _RESTING.search(joined) and re.search(r"\b(how|long|much|between|in|time|during)\b", joined):
        return _rest(words, asked, exercise, _two_exercises(words))
    if (
        re.search(r"\bpair\w*|\bafter\b|\bfinish\w*|\bwith\b|\bgoes\b", joined)
        and (muscle or exercise)
        and not intensifiers
    ):
        return _pairing(exercise, muscle, context)
    if not (exercise or muscle) and intensifiers == {"rest_pause", "drop_set"}:
        return _technique_choice(asked, exercise, muscle, context)
    growth = _GROWTH.search(joined) or "straight" in asked
    if growth and intensifiers == {"drop_set"} and not (exercise or muscle):
        return _drop_set_evidence()
    if growth and intensifiers == {"rest_pause"} and not (exercise or muscle):
        return _evidence_answer()
    if asked:
        return _technique_choice(asked, exercise, muscle, context)
    return None
