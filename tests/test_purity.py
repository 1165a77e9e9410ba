"""The layers stay apart: rules/ never reaches for Telegram, the database, the event loop or the app;
handlers/ import only rules/, their own ports, pydantic and the I/O-free standard library; only bot/telegram/
speaks python-telegram-bot, so a second chat platform is a package beside it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"telegram", "aiosqlite", "sqlite3", "asyncio", "bot", "handlers", "httpx", "socket", "os", "time"}
RULES = sorted((ROOT / "rules").rglob("*.py"))
HANDLERS = sorted((ROOT / "handlers").rglob("*.py"))
NOT_TELEGRAM = sorted(path for path in (ROOT / "bot").rglob("*.py") if "telegram" not in path.relative_to(ROOT).parts)

# Standard-library modules that do I/O: adapters in bot/ use them, handlers never do.
STDLIB_IO = {"sqlite3", "socket", "ssl", "http", "urllib", "subprocess", "os", "pathlib", "shutil", "select"}
HANDLERS_MAY_IMPORT = ({"rules", "handlers", "pydantic"} | set(sys.stdlib_module_names)) - STDLIB_IO


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def not_allowed_in_handlers(path: Path) -> set[str]:
    return imported_roots(path) - HANDLERS_MAY_IMPORT


@pytest.mark.parametrize("path", RULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_rules_module_imports_no_io(path: Path) -> None:
    assert imported_roots(path) & FORBIDDEN == set()


@pytest.mark.parametrize("path", HANDLERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_handlers_module_imports_only_rules_its_ports_and_pure_stdlib(path: Path) -> None:
    assert not_allowed_in_handlers(path) == set()


@pytest.mark.parametrize("path", NOT_TELEGRAM, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_telegram_package_imports_python_telegram_bot(path: Path) -> None:
    assert "telegram" not in imported_roots(path)


@pytest.mark.parametrize(
    "source",
    [
        "from bot.storage import Storage",
        "import telegram",
        "from telegram.ext import Application",
        "import aiosqlite",
        "import sqlite3",
        "from matplotlib import pyplot",
        "import aiohttp",
        "def later():\n    from bot import charts",
    ],
)
def test_the_handlers_check_flags_a_module_that_imports_an_adapter(tmp_path: Path, source: str) -> None:
    module = tmp_path / "offender.py"
    module.write_text(source + "\n")
    assert not_allowed_in_handlers(module)


def test_the_checks_see_both_packages() -> None:
    assert len(RULES) >= 3
    assert {"ports.py", "router.py"} <= {path.name for path in HANDLERS}
    assert {"scheduler.py", "wiring.py", "sqlite.py"} <= {path.name for path in NOT_TELEGRAM}
