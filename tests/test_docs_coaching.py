"""docs/coaching.md, row by row: the quote is in its seed, every id it names has words, its test exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handlers.words import answers as answer_words
from handlers.words import feedback as feedback_words
from rules.sources import SEED_FILES, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_BY_NUMBER = {name[:3]: name for name in SEED_FILES.values()}
ROW = re.compile(r"^\| (\d+) \| (\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$")


def _rows() -> list[tuple[str, ...]]:
    text = (ROOT / "docs" / "coaching.md").read_text()
    return [match.groups() for line in text.splitlines() if (match := ROW.match(line.strip()))]


def _flat(text: str) -> str:
    return " ".join(text.split())


ROWS = _rows()


def test_the_table_covers_all_five_seeds_and_numbers_its_rows_in_order() -> None:
    assert {row[1] for row in ROWS} == {"000", "001", "002", "003", "004"}
    assert [int(row[0]) for row in ROWS] == list(range(1, len(ROWS) + 1))
    assert set(SEED_BY_NUMBER) == {"000", "001", "002", "003", "004"} and len(SEED_FILES) == len(Source) - 1


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row[0]}-{row[1]}")
def test_each_claim_row(row: tuple[str, ...]) -> None:
    _, seed, _, quote, rule, test = (cell.strip() for cell in row)
    seed_file = SEEDS / SEED_BY_NUMBER[seed]
    if seed_file.exists():  # the seeds live beside the repository (../shared/seeds), not in it
        assert _flat(quote) in _flat(seed_file.read_text()), f"row quotes words not in seed {seed}: {quote}"
    ids = re.findall(r"`([^`]+)`", rule)
    words = {**feedback_words.CATALOGUE, **answer_words.CATALOGUE}
    assert [name for name in ids if name not in words and " " not in name] == [], ids
    assert ids or rule.startswith(("not used", "/week")), rule
    if rule.startswith("not used"):
        assert len(rule) > len("not used: ") + 10, "say why it is not used"
    path, _, name = test.partition("::")
    assert re.search(rf"^(async )?def {re.escape(name)}\(", (ROOT / path).read_text(), re.M), test
