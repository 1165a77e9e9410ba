"""Microseconds per message through the notation parser over a realistic mix (target: under 150 us a
message; issue #14), and how much of each message goes to building the pydantic output models alone.

Run: python bench/parse.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rules.models import ParsedSet, ParseError, ParseResult, Segment
from rules.notation import parse_message

# Roughly what a gym evening looks like: mostly straight sets, some intensifiers, a few typos.
MIX = [
    "bench 100kg 3x8 @8",
    "squat 120kg 5x5",
    "Deadlift 160 kg 3x5",
    "row 3x10 70kg",
    "lat raise 20kg 12+4+3 RIR1",
    "pressdown 30kg 15 +5 +3 RIR 1 rest 15s",
    "curl 20/15/10kg 10+8+6",
    "bench 80kg 8 > cable fly 15kg 15 rir0",
    "squat 120kg 3 @7, 3 @8, 3 @9",
    "deadlift 140x5, 160x3, 180x1",
    "leg press: 4 x 12 @ 150 kg",
    "dips BW+20kg 3x8",
    "curl 14kg 12, 10, 9",
    "ohp 60x8",
    "squat 100kg AMRAP 9",
    "bench 100kgg 5",
    "zottman curl 10kg 12",
    "leg ext 60kg 15+5+3 (15s rest)",
    "Bench Press, Barbell / 5x5 135lb",
    "hello, is this thing on?",
    # the forms real logs use (issue #14): a fifth of the mix
    "squat 315x5x3 rpe8",
    "DB bench press: 75x20,20,18,16",
    "жим лёжа 80кг 3х10 РПЕ 8,5",
    "присед 5 подходов по 40кг на 10 раз",
    "pull-ups +45 x 6",
    "plank 60s",
    "row 2000m 7:45",
    "Squat, Barbell / 3x8 185lb / target: 3x10 185lb / warmup: 1x10 95lb, 1x5 135lb",
    "bench 185 x 8 DROP 135 x 10",
    "100x8",
]


def builder(result: ParseResult) -> Callable[[], ParseResult]:
    """Builds the same output models again from their fields, prepared beforehand: what the
    pydantic output alone costs, with no parsing at all."""
    recipes: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for parsed in result.sets:  # `3x8` is one set listed three times, as the parser returns it
        fields = parsed.model_dump(exclude_defaults=True, exclude={"segments"})
        recipes[id(parsed)] = fields, [segment.model_dump(exclude_defaults=True) for segment in parsed.segments]
    order = [id(parsed) for parsed in result.sets]
    errors = [error.model_dump() for error in result.errors]

    def build() -> ParseResult:
        built = {
            key: ParsedSet(segments=tuple(Segment(**segment) for segment in segments), **fields)
            for key, (fields, segments) in recipes.items()
        }
        return ParseResult(
            sets=tuple(built[key] for key in order), errors=tuple(ParseError(**error) for error in errors)
        )

    return build


def per_message(work: Callable[[], object], rounds: int, count: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        work()
    return (time.perf_counter() - start) / (rounds * count)


def best_of(work: Callable[[], object], rounds: int, count: int, repeats: int = 5) -> tuple[float, float]:
    """Median and best of `repeats` timings: the machine is shared, so one mean would measure the neighbours."""
    timings = sorted(per_message(work, rounds, count) for _ in range(repeats))
    return timings[len(timings) // 2], timings[0]


def main() -> None:
    rounds = 600
    results = [parse_message(text) for text in MIX]  # also warms the catalog cache, as a running bot's is
    elapsed, best = best_of(lambda: [parse_message(text) for text in MIX], rounds, len(MIX))
    builders = [builder(result) for result in results]
    assert [build() for build in builders] == results
    models, _ = best_of(lambda: [build() for build in builders], rounds, len(MIX))
    count = rounds * len(MIX) * 5
    print(
        f"parse: {elapsed * 1e6:.1f} us/message median of 5, best {best * 1e6:.1f} "
        f"({1 / elapsed:,.0f} messages/s, {count} messages; target < 150 us)"
    )
    print(
        f"parse: of which building the pydantic output models {models * 1e6:.1f} us/message "
        f"(alone, a ceiling of {1 / models:,.0f} messages/s)"
    )


if __name__ == "__main__":
    main()
