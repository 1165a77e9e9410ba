"""p99 time to evaluate one message against a 5-year history (~30,000 sets); target under 2 ms.

Run: python bench/rules.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import build
from rules.coach import evaluate
from rules.context import Context
from rules.notation import parse_message

MESSAGES = [
    "bench 100kg 3x8 @8",
    "lat raise 20kg 12+4+3 RIR1 rest 15s",
    "deadlift 140kg 5+2+1 RIR1",
    "curl 20/15/10kg 10+8+6",
    "bench 80kg 8 > cable fly 15kg 15 rir0",
    "squat 120kg 3 @7, 3 @8, 3 @9",
    "squat 100kg AMRAP 9",
    "pressdown 30kg 15+5+3 rir1",
]


def main() -> None:
    history, checkins, now = build()
    context = Context(now=now, history=history, checkins=checkins)
    parsed = [list(parse_message(text).sets) for text in MESSAGES]
    for sets in parsed:
        evaluate(sets, context)
    timings: list[float] = []
    for _ in range(250):
        for sets in parsed:
            start = time.perf_counter()
            evaluate(sets, context)
            timings.append(time.perf_counter() - start)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99)] * 1000
    print(f"rules: p50 {p50:.2f} ms, p99 {p99:.2f} ms per message against {len(history):,} sets of history")


if __name__ == "__main__":
    main()
