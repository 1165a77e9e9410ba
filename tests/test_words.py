"""Every message id the rules can return has its words, and stored feedback from before ids still reads."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.i18n import install_translations
from handlers.base import Services
from handlers.render import feedback_source, feedback_text, render_answer, render_logged, render_why
from handlers.words import answers as answer_words
from handlers.words import feedback as feedback_words
from handlers.words import sources as source_words
from handlers.words import speaking, use_language
from rules.answers import EVIDENCE_IDS, Answer
from rules.exercises import FIT_REASON_IDS
from rules.models import LEGACY_RULE, Feedback, Level
from rules.notation import parse_message
from rules.sources import Source
from tests.conftest import Clock
from tests.test_journeys import Lifter

RULES = Path(__file__).resolve().parent.parent / "rules"
# Each rule module's `_item` helper prefixes its ids; a new helper needs a line here (the test says so).
ITEM_PREFIXES = {
    "rest_pause": "rest_pause.", "drop_sets": "drop_set.", "pairs": "pair.", "effort": "effort.", "blocks": "block.",
}  # fmt: skip


def _values(node: ast.expr, scope: ast.AST) -> set[str]:
    """The strings an id expression can take: literals, `a if c else b`, or a local name assigned those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _values(node.body, scope) | _values(node.orelse, scope)
    if isinstance(node, ast.Name):
        found: set[str] = set()
        for child in ast.walk(scope):
            targets = child.targets if isinstance(child, ast.Assign) else []
            if any(isinstance(t, ast.Name) and t.id == node.id for t in targets):
                assert isinstance(child, ast.Assign)
                found |= _values(child.value, scope)
        if found:
            return found
    raise AssertionError(f"message ids must be literals this test can read, not {ast.unparse(node)}")


def _ids(kind: str) -> set[str]:
    """Feedback ids (`kind="feedback"`) or answer ids (`"answer"`) named anywhere in rules/."""
    found: set[str] = set()
    for path in sorted(RULES.glob("*.py")):
        tree = ast.parse(path.read_text())
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for call in [n for n in ast.walk(function) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]:
                name = call.func.id
                if kind == "feedback" and name in {"_item", "remark"} and function.name != "_item" and call.args:
                    if name == "_item":
                        assert path.stem in ITEM_PREFIXES, f"{path.name} has an _item helper: add its prefix here"
                    prefix = ITEM_PREFIXES[path.stem] if name == "_item" else ""
                    found |= {prefix + value for value in _values(call.args[0], function)}
                if kind == "answer" and name in {"Answer", "Said"}:
                    for keyword in call.keywords:
                        if keyword.arg == "message":
                            found |= _values(keyword.value, function)
    return found


def test_the_scan_finds_the_rules_ids() -> None:
    assert {"rest_pause.good", "pair.post_exhaust", "warning.joint", "e1rm.amrap_targets"} <= _ids("feedback")
    assert {"choice.neither", "rir_rpe", "caveat.joint"} <= _ids("answer")


@pytest.mark.parametrize("rule", sorted(_ids("feedback")))
def test_every_feedback_id_has_words_and_a_reason(rule: str) -> None:
    assert rule in feedback_words.CATALOGUE and f"{rule}.why" in feedback_words.CATALOGUE


@pytest.mark.parametrize("message", sorted(_ids("answer")))
def test_every_answer_id_has_words(message: str) -> None:
    assert message in answer_words.CATALOGUE
    if not message.startswith("caveat."):
        assert f"{message}.reason" in answer_words.CATALOGUE


def test_every_source_evidence_and_fit_reason_has_words() -> None:
    assert {source.value for source in Source} <= set(source_words.CATALOGUE)
    assert {f"strength.{evidence}" for evidence in EVIDENCE_IDS} <= set(answer_words.CATALOGUE)
    assert set(feedback_words.FIT_REASONS) >= FIT_REASON_IDS


def test_feedback_stored_as_english_before_ids_still_explains_itself() -> None:
    stored = {
        "rule": "rest_pause.exercise_choice", "level": "warn", "text": "Deadlift is a poor rest-pause pick.",
        "why": "Poor candidates: technical hinges.", "source": "Rest-pause training guide", "exercise": "Deadlift",
    }  # fmt: skip
    item = Feedback.model_validate(stored)
    assert item.rule == LEGACY_RULE and item.level is Level.WARN and item.exercise == "Deadlift"
    assert feedback_text(item) == "Deadlift is a poor rest-pause pick."
    assert feedback_source(item) == "Rest-pause training guide"
    why = render_why([item])
    assert "Poor candidates: technical hinges." in why and "rest_pause.exercise_choice" in why


def test_feedback_round_trips_through_json_as_ids_and_params() -> None:
    item = Feedback(rule="pair.rest_long", level=Level.NOTE, params={"rest_s": 120, "low": 30, "high": 90},
                    sources=(Source.POST_EXHAUST_GUIDE,))  # fmt: skip
    again = Feedback.model_validate_json(item.model_dump_json())
    assert again == item
    assert feedback_text(again) == "120 s between the two: keep it 30-90 s or the post-exhaust effect fades."


def test_an_answer_renders_recommendation_reason_evidence_and_source() -> None:
    reply = Answer(topic="rest", message="rest.pair", params={"low": 30, "high": 90}, evidence="convention",
                   sources=(Source.POST_EXHAUST_GUIDE,))  # fmt: skip
    shown = render_answer(reply)
    assert "30-90 seconds between the compound and the isolation" in shown
    assert "Post-Exhaust Training for Muscle Growth" in shown and "Evidence: Practice convention" in shown


# (what the lifter typed, the echo of what was logged)
ECHOES = [
    ("bench 100kg 3x8 @8", "Bench Press: 3 × 8 @ 100 kg · RPE 8 (RIR 2)"),
    ("squat 100kg AMRAP 9", "Back Squat: AMRAP 9 @ 100 kg"),
    ("bench 100kg 3x8 amrap", "Bench Press: 3 × AMRAP 8 @ 100 kg"),  # three sets, not one
    ("lat raise 20kg 12+4+3 RIR1", "Lateral Raise: 12+4+3 @ 20 kg · rest-pause · RPE 9 (RIR 1)"),
]


@pytest.mark.parametrize(("typed", "echo"), ECHOES)
def test_the_echo_says_how_many_sets_were_logged(typed: str, echo: str) -> None:
    text = render_logged(parse_message(typed).sets, [])
    assert echo in text.replace("<b>", "").replace("</b>", ""), text


# (language, what the lifter typed, the echo): one rep is `1 rep`; Russian abbreviates, so `повт.` for any count
REP_COUNTS = [
    ("en", "deadlift 365kg 1 @9", "Deadlift: 1 rep @ 365 kg · RPE 9 (RIR 1)"),
    ("en", "deadlift 315kg 2", "Deadlift: 2 reps @ 315 kg"),
    ("en", "deadlift 225kg 5", "Deadlift: 5 reps @ 225 kg"),
    ("en", "deadlift 225kg 11", "Deadlift: 11 reps @ 225 kg"),
    ("ru", "становая 165кг 1 @9", "Становая тяга: 1 повт. @ 165 кг · RPE 9 (RIR 1)"),
    ("ru", "становая 140кг 2", "Становая тяга: 2 повт. @ 140 кг"),
    ("ru", "становая 100кг 5", "Становая тяга: 5 повт. @ 100 кг"),
]


@pytest.mark.parametrize(("language", "typed", "echo"), REP_COUNTS)
def test_the_echo_of_one_rep_says_rep_not_reps(language: str, typed: str, echo: str) -> None:
    install_translations()
    with speaking(language):
        text = render_logged(parse_message(typed).sets, [])
    assert echo in text.replace("<b>", "").replace("</b>", ""), text


# (language, what the lifter sends, what the replies must say, what none may say)
ONE_OF_EACH = [
    ("en", ["deadlift 365kg 1", "/history", "/export", "/week", "done"],
     ["Deadlift: 1 rep @ 365 kg", "📦 1 set,", ": 1 set\n", "1 set had no RPE/RIR", "1 set without RPE/RIR"],
     ["1 reps", "1 sets"]),
    ("en", ["Deadlift", "Warm ups", "135x5", "Working sets", "365x1 @9", "done"], ["1 set (+1 warm-up)"],
     ["warm-ups)"]),
    ("en", ["Deadlift", "Warm ups", "135x5", "185x3", "Working sets", "365x1", "done"], ["(+2 warm-ups)"], []),
    ("ru", ["становая 165кг 1", "/history", "/export", "done"],
     ["Становая тяга: 1 повт. @ 165 кг", "📦 Подходов: 1,", "Без RPE/RIR: 1 подх."], []),
    ("ru", ["Становая", "Разминка", "60х5", "Рабочие", "165х1 @9", "done"], ["1 подх. (+1 разм.)"], ["разминочных"]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "lines", "said", "unsaid"), ONE_OF_EACH, ids=[c[1][-2] for c in ONE_OF_EACH])
async def test_history_export_week_and_the_summary_count_one_in_the_singular(
    services: Services, clock: Clock, language: str, lines: list[str], said: list[str], unsaid: list[str]
) -> None:
    install_translations()
    use_language(language)
    try:
        lifter = Lifter(services, clock, 8080)
        text = "\n".join([await lifter.says(line) for line in lines])
    finally:
        use_language("en")
    assert [phrase for phrase in said if phrase not in text] == [], text
    assert [phrase for phrase in unsaid if phrase in text] == [], text
