"""Messages per second through the notation parser over a realistic mix (target: >= 50,000/s).

Run: python bench/parse.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
]


def main() -> None:
    rounds = 3000
    for text in MIX:  # warm the catalog cache as a running bot would be
        parse_message(text)
    start = time.perf_counter()
    for _ in range(rounds):
        for text in MIX:
            parse_message(text)
    elapsed = time.perf_counter() - start
    count = rounds * len(MIX)
    print(f"parse: {count / elapsed:,.0f} messages/s ({elapsed / count * 1e6:.1f} us/message, {count} messages)")


if __name__ == "__main__":
    main()
