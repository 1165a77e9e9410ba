"""Quick technique-choice questions, answered from the same catalog and rules that judge sets.

Offline and deterministic: find the intent (which technique, failure, rest, how many, pairing, e1RM,
RIR/RPE) and the slots (exercise, muscle), then answer with the reason, how strong the evidence is,
and the lifter's own caveat when their history or check-ins give one. No match means an honest
"I can't answer that yet", never a made-up answer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from rules import drop_sets, pairs, rest_pause
from rules.catalog import Exercise, Fit, Kind, lookup, normalize_name
from rules.context import Context
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK, intensifier_days
from rules.models import Experience
from rules.recovery import persistent_joints
from rules.sources import (
    DROP_VS_REST_PAUSE,
    FAILURE_GUIDE,
    POST_EXHAUST_GUIDE,
    REST_PAUSE_DISAGREEMENT,
    REST_PAUSE_GUIDE,
    REST_PAUSE_META,
    TRIAL_2021,
)
from rules.trends import session_bests


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str
    recommendation: str
    reason: str
    evidence: str
    source: str
    caveat: str | None = None


# How strong the evidence behind each kind of answer is, in words a lifter can weigh.
EVIDENCE_TECHNIQUE = (
    "Moderate: a 2021 volume-equated trial and a 2024 meta-analysis found rest-pause, drop sets and normal hard "
    "sets about equal for growth; their value is time and density, not extra muscle."
)
EVIDENCE_EXERCISE_CHOICE = "Practical coaching guidance (no head-to-head trials by exercise); the cautious reading."
EVIDENCE_FAILURE = (
    "Good: research summarised in the failure-proximity guide finds sets to RIR 1-2 build about the same muscle "
    "as sets to failure, at a much lower recovery cost."
)
EVIDENCE_CONVENTION = "Practice convention from coaching guides, not tested head to head."
EVIDENCE_REST = (
    "Moderate: a 2024 Bayesian meta-analysis found a small hypertrophy edge for rests over 60 s between sets; "
    "rest-pause trades that for density on purpose."
)
EVIDENCE_DEFINITION = "Definition (the RPE/RIR scale), not a claim that needs evidence."
EVIDENCE_YOUR_DATA = "Your own logged sets (estimates: RPE table when you log effort, Epley otherwise)."

CAN_ANSWER = (
    "rest-pause or drop set for leg press?",
    "should I go to failure on squats?",
    "how long do I rest between rest-pause bursts?",
    "how many bursts / drops / pairs?",
    "what do I pair with flies?",
    "what's my bench 1RM?",
    "what is RIR?",
    "is rest-pause better than normal sets?",
)

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
MUSCLE_WORDS: dict[str, str] = {
    "chest": "chest", "pec": "chest", "pecs": "chest", "back": "lats", "lat": "lats", "lats": "lats",
    "shoulder": "shoulders", "shoulders": "shoulders", "delt": "shoulders", "delts": "shoulders",
    "quad": "quads", "quads": "quads", "hamstring": "hamstrings", "hamstrings": "hamstrings", "hams": "hamstrings",
    "glute": "glutes", "glutes": "glutes", "bicep": "biceps", "biceps": "biceps", "tricep": "triceps",
    "triceps": "triceps", "calf": "calves", "calves": "calves", "abs": "abs",
}  # fmt: skip
# Post-exhaust guide's classic pairs: muscle -> (compounds, isolations).
CLASSIC_PAIRS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "chest": (("Bench Press", "Dip"), ("Cable Fly", "Dumbbell Fly", "Pec Deck")),
    "lats": (("Barbell Row", "Pull-Up"), ("Straight-Arm Pulldown", "Dumbbell Pullover")),
    "upper_back": (("Barbell Row", "Pull-Up"), ("Straight-Arm Pulldown", "Dumbbell Pullover")),
    "shoulders": (("Overhead Press", "Arnold Press"), ("Lateral Raise", "Front Raise")),
    "quads": (("Back Squat", "Leg Press"), ("Leg Extension",)),
    "hamstrings": (("Romanian Deadlift", "Stiff-Leg Deadlift"), ("Lying Leg Curl", "Seated Leg Curl")),
    "triceps": (("Close-Grip Bench Press", "Dip"), ("Triceps Pressdown", "Overhead Triceps Extension")),
}
_STOP = frozenset(
    {
        "a", "an", "the", "i", "my", "me", "on", "for", "to", "do", "of", "or", "and", "in", "at", "is", "it",
        "with", "should", "shall", "can", "could", "what", "whats", "how",
    }
)  # fmt: skip


def is_question(text: str) -> bool:
    lowered = text.strip().lower()
    return "?" in lowered or bool(_QUESTION_START.match(lowered)) or lowered.startswith("/ask")


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
            return MUSCLE_WORDS[match]
    return None


def _joint_caveat(exercise: Exercise | None, context: Context | None) -> str | None:
    if exercise is None or context is None:
        return None
    for irritated in persistent_joints(context.checkins, context.local_today):
        if irritated.what in exercise.joints:
            return (
                f"Your {irritated.what} has been irritated {irritated.days} days running: skip rest-pause and drop "
                f"sets on {exercise.name} this week."
            )
    return None


def _frequency_caveat(exercise: Exercise | None, context: Context | None) -> str | None:
    if exercise is None or context is None:
        return None
    for muscle in exercise.primary:
        days = intensifier_days(context, muscle)
        if len(days) >= MAX_INTENSIFIER_DAYS_PER_WEEK:
            return (
                f"You already used intensifiers on {muscle.replace('_', ' ')} {len(days)} days this week: "
                "make today straight sets."
            )
    return None


def _caveat(exercise: Exercise | None, context: Context | None) -> str | None:
    return _joint_caveat(exercise, context) or _frequency_caveat(exercise, context)


def _technique_choice(
    asked: list[str], exercise: Exercise | None, muscle: str | None, context: Context | None
) -> Answer:
    target = exercise.name if exercise else (muscle or "that")
    caveat = _caveat(exercise, context)
    if exercise is not None and exercise.fit is Fit.POOR and {"rest_pause", "drop_set"} & set(asked):
        return Answer(
            topic="technique_choice",
            recommendation=f"Neither on {exercise.name}: use straight sets with normal rest.",
            reason=f"{exercise.fit_reason.capitalize()}. Put rest-pause or drop sets on a stable machine or cable "
            f"accessory for the same muscle instead. {REST_PAUSE_DISAGREEMENT}",
            evidence=EVIDENCE_EXERCISE_CHOICE,
            source=REST_PAUSE_GUIDE,
            caveat=caveat,
        )
    if "post_exhaust" in asked or "pre_exhaust" in asked or "superset" in asked:
        return _pairing(exercise, muscle, context, topic="technique_choice")
    if "rest_pause" in asked and "drop_set" in asked:
        return Answer(
            topic="technique_choice",
            recommendation=f"Either works on {target}: rest-pause to save time at one load, drop sets for more "
            "volume and a pump late in the session.",
            reason=f"Rest-pause: a hard first set (RIR 0-2), then 2-3 bursts after {rest_pause.REST_RANGE_S[0]}-"
            f"{rest_pause.REST_RANGE_S[1]} s. Drop set: 2-3 drops, each {drop_sets.DROP_RANGE[0]:.0%}-"
            f"{drop_sets.DROP_RANGE[1]:.0%} lighter. Both belong on stable machine or isolation work, 1-2 times per "
            "muscle per week.",
            evidence=EVIDENCE_TECHNIQUE,
            source=f"{DROP_VS_REST_PAUSE}; {REST_PAUSE_META}",
            caveat=caveat,
        )
    technique = "rest-pause" if "rest_pause" in asked else "drop sets" if "drop_set" in asked else "straight sets"
    if technique == "straight sets":
        return _evidence_answer(caveat)
    fit_note = (
        f"{exercise.name} is a good candidate: {exercise.fit_reason}." if exercise and exercise.fit is Fit.GOOD
        else f"{exercise.name} works, but {exercise.fit_reason.removeprefix('usable, but ')}." if exercise
        else "Pick a stable machine, cable or isolation exercise."
    )  # fmt: skip
    return Answer(
        topic="technique_choice",
        recommendation=f"Yes, {technique} on {target} is fine."
        if exercise
        else f"{technique.capitalize()}: {fit_note}",
        reason=f"{fit_note} Keep it to the last set of the exercise and 1-2 times per muscle per week.",
        evidence=EVIDENCE_EXERCISE_CHOICE,
        source=REST_PAUSE_GUIDE if technique == "rest-pause" else DROP_VS_REST_PAUSE,
        caveat=caveat,
    )


def _evidence_answer(caveat: str | None = None) -> Answer:
    return Answer(
        topic="evidence",
        recommendation="Rest-pause is not proven better than normal hard sets when volume is matched.",
        reason="Its value is time and density: the same work in a shorter session. Normal hard sets with sane "
        "volume and recovery grow muscle just as well.",
        evidence=EVIDENCE_TECHNIQUE,
        source=f"{REST_PAUSE_META}; {TRIAL_2021}",
        caveat=caveat,
    )


def _failure(exercise: Exercise | None, context: Context | None) -> Answer:
    if exercise is not None and exercise.kind is Kind.ISOLATION:
        return Answer(
            topic="failure",
            recommendation=f"On {exercise.name}, yes: take the last set to failure (RPE 10); stop the others at RIR "
            "1-2.",
            reason="Failure is cheap and safe on machines, cables and isolation work; grinding every set only adds "
            "fatigue.",
            evidence=EVIDENCE_FAILURE,
            source=FAILURE_GUIDE,
            caveat=_joint_caveat(exercise, context),
        )
    name = exercise.name if exercise else "compounds"
    return Answer(
        topic="failure",
        recommendation=f"No, not on {name}: stop 1-2 reps short (RPE 8-9), at technical failure.",
        reason="When bar speed slows or form starts to give, stop. Absolute failure is for the last set of isolation "
        "work, and one AMRAP set at the end of a block to re-estimate your max.",
        evidence=EVIDENCE_FAILURE,
        source=FAILURE_GUIDE,
        caveat=_joint_caveat(exercise, context),
    )


def _rest(words: Sequence[str], asked: list[str], exercise: Exercise | None) -> Answer:
    text = " ".join(words)
    if "rest_pause" in asked or "burst" in text or "mini" in text:
        low, high = rest_pause.REST_RANGE_S
        return Answer(
            topic="rest",
            recommendation=f"{low}-{high} seconds between rest-pause bursts.",
            reason="Enough to recover a few reps at the same load; longer and it becomes another set.",
            evidence=EVIDENCE_CONVENTION,
            source=DROP_VS_REST_PAUSE,
        )
    if "drop_set" in asked:
        return Answer(
            topic="rest",
            recommendation="No rest in a drop set: change the weight and go.",
            reason="The point is to keep the muscle working while it is already fatigued.",
            evidence=EVIDENCE_CONVENTION,
            source=DROP_VS_REST_PAUSE,
        )
    if {"post_exhaust", "pre_exhaust", "superset"} & set(asked) or "pair" in text or "between the two" in text:
        low, high = pairs.PAIR_REST_S
        return Answer(
            topic="rest",
            recommendation=f"{low}-{high} seconds between the compound and the isolation.",
            reason="30-60 s for the most metabolic stress, 60-90 s for a cleaner isolation set; over 90 s the "
            "post-exhaust effect fades.",
            evidence=EVIDENCE_CONVENTION,
            source=POST_EXHAUST_GUIDE,
        )
    heavy = exercise is not None and exercise.fit is Fit.POOR
    return Answer(
        topic="rest",
        recommendation="2-3 minutes between heavy compound sets." if heavy else "At least 60-90 seconds between sets.",
        reason="Longer rest preserves the load you can use in the next set, which is most of why it helps; heavy "
        "practice and skill work deserve the most.",
        evidence=EVIDENCE_REST,
        source=REST_PAUSE_GUIDE,
    )


def _how_many(words: Sequence[str], asked: list[str], context: Context | None) -> Answer | None:
    text = " ".join(words)
    if "week" in text or "often" in text or "times" in text:
        return Answer(
            topic="how_many",
            recommendation=f"Rest-pause and drop sets: {MAX_INTENSIFIER_DAYS_PER_WEEK} times per muscle per week at "
            "most.",
            reason="They stress the muscle and nervous system; more than that tends to cost recovery.",
            evidence=EVIDENCE_CONVENTION,
            source=DROP_VS_REST_PAUSE,
        )
    if "pair" in text or {"post_exhaust", "pre_exhaust", "superset"} & set(asked):
        experience = context.profile.experience if context else Experience.INTERMEDIATE
        limit = pairs.MAX_PAIRS_PER_WORKOUT[experience]
        return Answer(
            topic="how_many",
            recommendation=f"Up to {limit} post-exhaust pair{'s' * (limit > 1)} per workout for a {experience.value} "
            "lifter.",
            reason="Beginners 1, intermediate 2-3, advanced 3-4: post-exhaust is demanding and overuse impairs "
            "recovery.",
            evidence=EVIDENCE_CONVENTION,
            source=POST_EXHAUST_GUIDE,
        )
    if "drop_set" in asked or "drop" in text:
        return Answer(
            topic="how_many",
            recommendation="2-3 drops, each 10-30% lighter.",
            reason="Past that the weight is too light to matter and the set becomes pump work.",
            evidence=EVIDENCE_CONVENTION,
            source=DROP_VS_REST_PAUSE,
        )
    if "rest_pause" in asked or "burst" in text or "round" in text or "mini" in text:
        return Answer(
            topic="how_many",
            recommendation=f"2-{rest_pause.USUAL_MAX_BURSTS} bursts after the first set.",
            reason="Stop sooner if reps collapse (a burst of 1, or under a quarter of the first set).",
            evidence=EVIDENCE_CONVENTION,
            source=f"{DROP_VS_REST_PAUSE}; {REST_PAUSE_GUIDE}",
        )
    return None


def _pairing(exercise: Exercise | None, muscle: str | None, context: Context | None, topic: str = "pairing") -> Answer:
    target = muscle or (exercise.primary[0] if exercise else None)
    if target not in CLASSIC_PAIRS:
        return Answer(
            topic=topic,
            recommendation="Post-exhaust: a compound first, then an isolation for the same muscle.",
            reason="Compound at 6-10 reps, then 12-20 reps of isolation to RIR 0-1, 30-90 s between. Name a muscle or "
            "an exercise and I'll suggest the pair.",
            evidence=EVIDENCE_CONVENTION,
            source=POST_EXHAUST_GUIDE,
        )
    compounds, isolations = CLASSIC_PAIRS[target]
    if exercise is not None and exercise.kind is Kind.ISOLATION:
        recommendation = f"Before {exercise.name}, do {' or '.join(compounds)} (post-exhaust: compound first)."
    else:
        first = exercise.name if exercise and exercise.kind is Kind.COMPOUND else " or ".join(compounds)
        recommendation = f"After {first}, finish with {' or '.join(isolations)}."
    return Answer(
        topic=topic,
        recommendation=recommendation,
        reason=f"Same target muscle ({target.replace('_', ' ')}): the compound 6-10 reps heavy, the isolation "
        "12-20 reps to RIR 0-1, 30-90 s between. Isolation first (pre-exhaust) costs 10-20% on the compound.",
        evidence=EVIDENCE_CONVENTION,
        source=POST_EXHAUST_GUIDE,
        caveat=_caveat(exercise, context),
    )


def _e1rm(exercise: Exercise | None, context: Context | None) -> Answer:
    if exercise is None:
        return Answer(
            topic="e1rm",
            recommendation="Which lift? Ask like: what's my bench 1RM?",
            reason="I estimate a max from your logged sets of one exercise.",
            evidence=EVIDENCE_YOUR_DATA,
            source=FAILURE_GUIDE,
        )
    bests = session_bests(exercise.name, (), context) if context else []
    if not bests:
        return Answer(
            topic="e1rm",
            recommendation=f"No {exercise.name} sets in the last 8 weeks to estimate from.",
            reason="Log a hard set (e.g. with RPE) or an AMRAP and I'll estimate your max.",
            evidence=EVIDENCE_YOUR_DATA,
            source=FAILURE_GUIDE,
        )
    unit = context.profile.unit if context else "kg"
    trend = ""
    if len(bests) >= 2:
        change = bests[-1] - bests[0]
        trend = f" Over {len(bests)} sessions: {bests[0]:.0f} → {bests[-1]:.0f} ({change:+.0f} {unit})."
    return Answer(
        topic="e1rm",
        recommendation=f"Your {exercise.name} e1RM is about {bests[-1]:.0f} {unit} (best recent: {max(bests):.0f}).",
        reason=f"Estimated from your last sessions.{trend}",
        evidence=EVIDENCE_YOUR_DATA,
        source=FAILURE_GUIDE,
    )


def _effort_scale(words: Sequence[str]) -> Answer:
    return Answer(
        topic="rir_rpe",
        recommendation="RIR = reps in reserve (0 = failure); RPE = effort out of 10 (10 = failure). RIR = 10 − RPE.",
        reason="RPE 8 means 2 reps left. Most work belongs at RPE 7-9; RPE 6 is warm-up territory; RPE 10 is for the "
        "last set of isolation work.",
        evidence=EVIDENCE_DEFINITION,
        source=FAILURE_GUIDE,
    )


def answer(text: str, context: Context | None = None) -> Answer | None:
    """The answer to a technique question, or None when it is not one we can answer honestly."""
    normalized = _normalize(text.removeprefix("/ask"))
    words = _words(normalized)
    asked = techniques(words)
    exercise = find_exercise([w for w in words if w != "e1rm"])
    muscle = find_muscle(words)
    joined = " ".join(words)
    if "e1rm" in words:
        return _e1rm(exercise, context)
    if re.search(r"\b(rir|rpe)\b", joined) and re.search(r"\b(what|mean|means|meaning|explain)\b", joined):
        return _effort_scale(words)
    if re.search(r"\bfail\w*|\bfailiure\b|\bto failure\b", joined):
        return _failure(exercise, context)
    if re.search(r"\bhow many\b|\bhow often\b|\btimes a week\b|\bper week\b", joined):
        counted = _how_many(words, asked, context)
        if counted is not None:
            return counted
    resting = re.search(r"(?<![\w-])(rest|wait|break|seconds)(?![\w-])", joined)
    if resting and re.search(r"\b(how|long|much)\b", joined):
        return _rest(words, asked, exercise)
    if (
        re.search(r"\bpair\w*|\bafter\b|\bfinish\w*|\bwith\b", joined)
        and (muscle or exercise)
        and not ({"rest_pause", "drop_set"} & set(asked))
    ):
        return _pairing(exercise, muscle, context)
    if re.search(r"\b(better|superior|worth|work|works|effective)\b", joined) and asked and not (exercise or muscle):
        return _evidence_answer()
    if asked:
        return _technique_choice(asked, exercise, muscle, context)
    return None
