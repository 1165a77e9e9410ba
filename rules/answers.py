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
from rules.catalog import Exercise, Fit, Kind, lookup, normalize_name
from rules.context import Context
from rules.exercises import fit_reason
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK, intensifier_uses
from rules.models import Experience, Param
from rules.muscles import MUSCLE_WORDS
from rules.recovery import persistent_joints, signs_on
from rules.sources import Source
from rules.trends import session_bests

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
EVIDENCE_IDS = ("technique", "exercise_choice", "failure", "convention", "rest", "definition", "your_data", "practice")

_WORD = re.compile(r"[a-z0-9&'+-]+")
_QUESTION_START = re.compile(
    r"^(?:what|whats|what's|how|should|shall|can|could|is|are|do|does|did|which|when|why|would|will|any|"
    r"rest.?pause or|drop.?sets? or|tell me|explain)\b"
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
    (re.compile(r"rest[\s-]*pause|rest[\s-]*paus|myo[\s-]*reps?"), "rest-pause"),
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
_RUSSIAN_QUESTION = re.compile(
    r"^(?:что|как|каков\w*|какой|какая|какие|каким\w*|сколько|на сколько|насколько|стоит|нужно|надо|можно|"
    r"следует|когда|почему|зачем|чем|где|объясни\w*|расскажи\w*|подскажи\w*|"
    r"(?:рест|отдых)[\s-]*пауз\w* или|дроп[\s-]*сет\w* или)\b|\bли\b"
)


def is_question(text: str) -> bool:
    lowered = text.strip().lower()
    if "?" in lowered or lowered.startswith("/ask"):
        return True
    if russian.is_russian(lowered) and _RUSSIAN_QUESTION.search(russian.fold(lowered)):
        return True
    return bool(_QUESTION_START.match(lowered))


def _normalize(text: str) -> str:
    lowered = text.lower().replace("’", "'")
    for pattern, replacement in _PHRASES:
        lowered = pattern.sub(f" {replacement} ", lowered)
    return lowered


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


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


def _caveat(exercise: Exercise | None, context: Context | None) -> Said | None:
    return (_sign_caveat(exercise, context) or _joint_caveat(exercise, context)
            or _frequency_caveat(exercise, context) or _beginner_caveat(context))  # fmt: skip


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
    if paired or "pair" in text or "between the two" in text:
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
    if "week" in text or "often" in text or "times" in text:
        if paired:
            experience, limit = _pairs_limit(context)
            return Answer(topic="how_many", message="how_many.pairs_week", evidence="convention", sources=(POST,),
                          params={"experience": experience.value, "limit": limit})  # fmt: skip
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
    params: dict[str, Param] = {"exercise": exercise.name, "e1rm": round(bests[-1]), "best": round(max(bests)),
                                "unit": unit, "sessions": len(bests), "first": round(bests[0])}  # fmt: skip
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


_STOP_WORDS = re.compile(r"\bstop\w*\b|\bquit\b|\bend (the|a|my) set\b|\bcall it\b")
_HOW_HARD = re.compile(
    r"\bhow (hard|heavy|intense|close)\b|\bwhat (rpe|rir|effort|intensity)\b|\bhow many reps in reserve\b|"
    r"\b(rpe|rir) should\b|\bhow much effort\b"
)
_BLOCKS = re.compile(r"\bblocks?\b|\bperiodi[sz]\w*|\b12[\s-]*weeks?\b|\bfoundation\b|\bchallenge (block|phase)\b|"
                     r"\bbuild (block|phase)\b|\bmesocycle\w*")  # fmt: skip
_WHEN_NOT = re.compile(r"\b(peak\w*|meet|competition|powerlift\w*|pure strength|overtrain\w*|burn\w* out)\b|"
                       r"\bwhen (not|shouldn'?t)\b|\bavoid\b|\bskip\b|\bshould i not\b|\bnot (do|use)\b")  # fmt: skip
_DROP_SIZE = re.compile(r"\bhow (much|far|big|heavy)\b|\bpercent\w*|%|\blighter\b|\bsize\b|\bweight\b")
_GROWTH = re.compile(r"\b(better|superior|worth|work|works|effective|build|builds|grow|grows|growth|more muscle|"
                     r"hypertroph\w*|gains?|bigger|size)\b")  # fmt: skip


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
    honestly."""
    words, exercise, muscle = _read(text.removeprefix("/ask"))
    asked = techniques(words)
    joined = " ".join(words)
    if "e1rm" in words:
        return _e1rm(exercise, context)
    if re.search(r"\bdeload\w*", joined):
        return _deload()
    if re.search(r"\bamrap\w*|\bas many reps as possible\b", joined):
        return _amrap()
    if _BLOCKS.search(joined):
        return _blocks(context)
    if "post_exhaust" in asked and "pre_exhaust" in asked:
        return _pre_vs_post()
    if "post_exhaust" in asked and _WHEN_NOT.search(joined):
        return _post_exhaust_when_not()
    if _STOP_WORDS.search(joined) and not re.search(r"\bhow many\b", joined):
        return _stop(asked, words)
    if "drop_set" in asked and _DROP_SIZE.search(joined) and not re.search(r"\bhow many\b|\brest\b", joined):
        return _drop_size()
    if _HOW_HARD.search(joined) and not re.search(r"\bfail\w*", joined):
        return _how_hard(exercise, context)
    if re.search(r"\b(rir|rpe)\b", joined) and re.search(r"\b(what|mean|means|meaning|explain)\b", joined):
        return _effort_scale()
    if re.search(r"\bfail\w*|\bfailiure\b|\bto failure\b", joined):
        return _failure(exercise, context)
    if re.search(r"\bhow many\b(?! (seconds|secs|minutes|mins)\b)|\bhow often\b|\btimes a week\b|\bper week\b", joined):
        counted = _how_many(words, asked, context)
        if counted is not None:
            return counted
    resting = re.search(r"(?<![\w-])(rest|wait|break|seconds|pause)(?![\w-])", joined)
    if resting and re.search(r"\b(how|long|much)\b", joined):
        return _rest(words, asked, exercise, _two_exercises(words))
    if (
        re.search(r"\bpair\w*|\bafter\b|\bfinish\w*|\bwith\b", joined)
        and (muscle or exercise)
        and not ({"rest_pause", "drop_set"} & set(asked))
    ):
        return _pairing(exercise, muscle, context)
    if _GROWTH.search(joined) and "rest_pause" in asked and not (exercise or muscle):
        return _evidence_answer()
    if re.search(r"\b(better|superior|worth|work|works|effective)\b", joined) and asked and not (exercise or muscle):
        return _evidence_answer()
    if asked:
        return _technique_choice(asked, exercise, muscle, context)
    return None
