"""The domain stays pure: rules/ never reaches for Telegram, the database, the event loop or the app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FORBIDDEN = {"telegram", "aiosqlite", "sqlite3", "asyncio", "bot", "handlers", "httpx", "socket", "os", "time"}
RULES = sorted((Path(__file__).resolve().parent.parent / "rules").glob("*.py"))


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_module_imports_no_io(path: Path) -> None:
    assert imported_roots(path) & FORBIDDEN == set()


def test_the_check_sees_the_rules_package() -> None:
    assert len(RULES) >= 3
