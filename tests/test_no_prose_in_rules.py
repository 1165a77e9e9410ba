"""rules/ returns ids and numbers, never a finished sentence: the words are in handlers/words/ (issue #13).

An AST scan of every string constant in rules/ (f-strings included, docstrings and comments left out):
one that reads like prose a lifter would see fails, unless it is on the short allow-list below of
vocabulary the rules match against, file-format text and developer-only errors.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent / "rules"
OWNED_ELSEWHERE: set[str] = set()  # checkins.py's words moved to handlers/words/checkins.py

# Tables of vocabulary the rules match what lifters type against (names, aliases in both languages,
# muscle and joint ids): every string in them is a word or a name, never a sentence. The catalog's fit
# reasons are ids (a test below holds every exercise to that).
VOCABULARY = {
    "catalog.py": {"_ROWS", "RUSSIAN", "CARDIO_ONLY", "PREFIXES", "TIMED", "PATTERN_JOINTS"},
    "muscles.py": {"MUSCLE_WORDS", "MUSCLE_STEMS"},
    "russian.py": {"PHRASES"},  # Russian phrases -> the English intent words the answer rules match
    "answers.py": {"_PHRASES"},  # English spellings -> the intent words the answer rules match
    "checkin_reading.py": {"JOINTS", "JOINT_STEMS", "JOINT_BUTTONS", "DUAL_MUSCLES"},  # joint ids: `lower back`
}
# Strings that look like prose but are not sentences a lifter reads: (file, the text as the scan sees it).
ALLOWED = {
    ("answers.py", "between the two"),  # a phrase matched in an English question
    ("catalog.py", "alias {} names both {} and {}"),  # a developer's error at import, never sent
    ("strong_csv.py", "Workout {}"),  # Strong's "Workout Name" column in an export file
    ("strong_csv.py", "Imported workout"),  # an import's workout name when the file has none: part of its import id
    ("strong_csv.py", "exercise name"),  # a column name, lower-cased to compare
    ("notation.py", "rest {}s"),  # render_set: a set written back in the notation the parser reads
    ("notation.py", "amrap {}"),
}
_LETTERS = r"[A-Za-zА-Яа-яЁё]"
_WORDS = re.compile(rf"{_LETTERS}{{2,}}(?:'{_LETTERS}+)?[,:;.!?]?\s+(?:\{{\}}\s+)?{_LETTERS}{{2,}}")
# A word beside a filled-in field (`{} reps`), or a load-by-reps label (`{} x {}`).
_LABEL = re.compile(rf"\{{\}}\s+{_LETTERS}{{2,}}|{_LETTERS}{{2,}}\s+\{{\}}|\{{\}}\s+[x×]\s+\{{\}}")
_REGEX = re.compile(r"\\|\||\(\?|^\^|\[\^")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _vocabulary(tree: ast.Module, tables: set[str]) -> set[int]:
    found: set[int] = set()
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        if any(isinstance(target, ast.Name) and target.id in tables for target in targets):
            found.update(id(node) for node in ast.walk(statement))
    return found


def _texts(tree: ast.Module, tables: set[str]) -> Iterator[tuple[int, str]]:
    """Every string constant outside docstrings and vocabulary tables, an f-string as its literal parts
    with `{}` for its fields."""
    skip = _docstrings(tree) | _vocabulary(tree, tables)
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            parts = []
            for value in node.values:
                inside_fstrings.update(id(child) for child in ast.walk(value))
                is_text = isinstance(value, ast.Constant) and isinstance(value.value, str)
                parts.append(value.value if is_text else "{}")  # type: ignore[union-attr]
            yield node.lineno, "".join(parts)
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in skip and id(node) not in inside_fstrings:
            yield node.lineno, node.value  # type: ignore[attr-defined]


def _title_case(text: str) -> bool:
    """`Bench Press`, `Exercise Name`: a catalog name or a file's column, an id rather than a sentence."""
    words = re.findall(rf"{_LETTERS}+", text)
    return all(word[0].isupper() or word in {"and", "of"} for word in words)


def reads_as_prose(text: str) -> bool:
    if _REGEX.search(text) or _title_case(text):
        return False
    return bool(_WORDS.search(text) or _LABEL.search(text))


def prose_in(source: str, name: str) -> list[str]:
    """`file:line: text` for each prose-like string in a module's source, allowed ones left out."""
    return [
        f"{name}:{line}: {text!r}"
        for line, text in _texts(ast.parse(source), VOCABULARY.get(name, set()))
        if reads_as_prose(text) and (name, text) not in ALLOWED
    ]


def _modules() -> list[Path]:
    return [path for path in sorted(RULES.glob("*.py")) if path.name not in OWNED_ELSEWHERE]


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_rules_module_builds_no_sentence(path: Path) -> None:
    found = prose_in(path.read_text(), path.name)
    assert not found, "rules/ returns ids and params; put these words in handlers/words/:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'PROBLEM = "this doesn\'t look like a Strong export"',
        'def label(reps: int) -> str:\n    return f"{reps} reps"',
        'def f(load: float, reps: int) -> str:\n    return f"{load:g} x {reps}"',
        'raise ValueError("no exercise name")',
        'HINT = "жим лёжа: пишите вес и повторения"',
        'REASON = "usable, but a narrow grip irritates many shoulders"',
    ],
)
def test_the_scan_flags_a_sentence_built_in_rules(source: str) -> None:
    assert prose_in(source, "new.py")


@pytest.mark.parametrize(
    "source",
    [
        '"""A docstring says what the module does, in plain English."""',
        "def f() -> None:\n    '''What it does, in words.'''\n    return None  # a comment: words are fine here",
        'NAME = "Bench Press"',
        'ALIASES = "bench|bp|flat bench"',
        'PATTERN = r"\\bhow many\\b"',
        'RULE = "rest_pause.exercise_choice"',
        'COLUMNS = ("Workout Name", "Exercise Name")',
        'KEY = f"{day:%Y-%m-%d}|{name}"',
    ],
)
def test_the_scan_lets_ids_names_patterns_and_docstrings_through(source: str) -> None:
    assert not prose_in(source, "new.py")


def test_every_fit_reason_in_the_catalog_is_an_id_with_words() -> None:
    """The catalog's rows are exempt as vocabulary, so their reasons are held to ids here."""
    from handlers.words.feedback import FIT_REASONS
    from rules.catalog import EXERCISES

    missing = {exercise.name: exercise.fit_reason for exercise in EXERCISES if exercise.fit_reason not in FIT_REASONS}
    assert not missing


def test_the_scan_sees_every_rules_module_the_check_ins_too() -> None:
    names = {path.name for path in _modules()}
    assert {"strong_csv.py", "report.py", "notation.py", "answers.py", "catalog.py"} <= names
    assert {"checkins.py", "checkin_reading.py"} <= names
