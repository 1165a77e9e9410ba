"""Command-line entry points: `python -m bot [run|chat|parse|export]`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from handlers.words.parsing import hint_text, problem_text
from rules.models import ParseResult
from rules.notation import parse_message


def parse_result_json(result: ParseResult) -> dict[str, object]:
    """The one-line JSON contract of `python -m bot parse` (docs/notation.md)."""
    if result.errors:
        first = result.errors[0]
        return {
            "ok": False,
            "error": problem_text(first.code, first.params),
            "column": first.column,
            "hint": hint_text(first.hint, first.hint_params),
        }
    shape: dict[str, object] = {"ok": True, "sets": [s.contract_dict() for s in result.sets]}
    if result.heading is not None and not result.sets:
        shape["heading"] = result.heading
    return shape


def run_parse(stdin: TextIO, stdout: TextIO, unit: str) -> int:
    for line in stdin:
        result = parse_message(line.rstrip("\r\n"), unit)  # type: ignore[arg-type]
        stdout.write(json.dumps(parse_result_json(result), ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="SetCoach: a training coach bot.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="Telegram if TELEGRAM_BOT_TOKEN is set, else the console chat (default)")
    parse = commands.add_parser("parse", help="read messages from stdin, one per line; write JSON lines")
    parse.add_argument("--unit", choices=["kg", "lb"], default="kg", help="unit for loads written without one")
    for name, text in (
        ("chat", "chat with the bot in this terminal"),
        ("export", "write a lifter's sets as CSV (Strong's columns)"),
        ("import", "add the sets of a Strong CSV export"),
    ):
        sub = commands.add_parser(name, help=text)
        if name == "import":
            sub.add_argument("file", help="a Strong CSV export (comma or semicolon separated)")
        sub.add_argument("--db", help="SQLite file (default: $SETCOACH_DB or ./setcoach.db)")
        sub.add_argument("--user", type=int, default=None, help="user id (default: the console user)")
    migrate = commands.add_parser("migrate-db", help="copy the SQLite database into an empty PostgreSQL one")
    migrate.add_argument("--to", required=True, metavar="DATABASE_URL", help="postgres:// or postgresql:// URL")
    migrate.add_argument("--db", help="SQLite file to copy (default: $SETCOACH_DB or ./setcoach.db)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "parse":
        return run_parse(sys.stdin, sys.stdout, args.unit)
    from bot.app import run_command  # the I/O side loads only when needed

    code: int = run_command(args)
    return code
