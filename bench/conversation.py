"""The workout as a conversation against 5 years of one lifter's history (~30,000 sets): p99 of a carry-forward
set (`8` after `bench 100kg 8 @8`, the whole handler path: store the message and read the state, read what the
rules and records need (the sets stored since the storage's parsed copy of the lifter's recent ones, the
check-ins, the bests), store the set with the state after it; target < 5 ms), the database round trips it takes,
p99 of a session summary (target < 50 ms), and a session's first set, also after a restart (one session in four:
the copy is read whole, eight weeks of sets). SQLite (a file) always; PostgreSQL too with `--postgres` (a
throwaway local server, fsync on). Run: python bench/conversation.py [--postgres]

Like a bot, it keeps none of the history in memory (it is written to the database first), freezes its
start-up objects (bot/wiring.py `started`), and reads the clock at each message's moment; the lifter's
program goes on between the timed sessions (stored untimed, `bench._history.Lifter`), so every week holds
about as many sets as the history's weeks do.

Round trips are counted as `bench._history.Trips` says.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import Lifter, Trips, on_each_backend, quantiles
from bot.charts import MatplotlibCharts
from bot.storage import Backend
from bot.wiring import started
from handlers.base import Incoming, Services
from handlers.conversation import summary_of
from handlers.ports import ConversationChange
from handlers.router import handle_text
from rules.conversation import State, read_message

LIFTER = 1
SAMPLES = 100
SESSION = ["bench 100kg 8 @8", "8", "same", "+2.5", "8 @9", "Lat pulldown", "60x12", "12", "same @9", "curl 15kg 12"]
CARRIED = {"8", "same", "+2.5", "8 @9", "60x12", "12", "same @9"}  # sets of the open exercise, named before


class FullCollections:
    """The garbage collector's full (generation 2) collections and their pauses while `on`."""

    def __init__(self) -> None:
        self.on = False
        self.pauses: list[float] = []
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if not self.on or info["generation"] != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses.append(time.perf_counter() - self._began)

    def __str__(self) -> str:
        if not self.pauses:
            return "no full garbage collection during them"
        return f"{len(self.pauses)} full garbage collections during them, up to {max(self.pauses) * 1000:.1f} ms"


async def measure(storage: Backend, trips: Trips, where: str) -> str:
    lifter = Lifter(storage, LIFTER, 2 * SAMPLES + 2)  # the lifter's other training goes on between the sessions
    now = await lifter.write_history(checkins=False)
    started()  # as the bot does once it is up (bot/wiring.py): start-up objects out of the collector's way
    clock = [now]  # the moment of the message in hand, as a bot's clock reads when it arrives
    services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: clock[0])
    message_id = 1_000_000
    carry: list[float] = []
    carry_cpu: list[float] = []  # the process's CPU time: this thread's and the database thread's (SQLite)
    collections = FullCollections()
    gc.callbacks.append(collections)
    carry_trips: list[int] = []
    summaries: list[float] = []
    firsts: dict[bool, list[float]] = {False: [], True: []}  # a session's first set, the copy kept / read whole
    rules_only: list[float] = []
    for sample in range(SAMPLES):
        start = now + timedelta(days=2 * sample, hours=2)  # every other evening at 20:00 (the program's at 11:00)
        await lifter.train_until(start)
        restarted = sample % 4 == 0  # as if the bot had restarted since: the lifter's recent sets are read whole
        if restarted:
            storage.drop_kept(LIFTER)
        for offset, text in enumerate(SESSION):
            message_id += 1
            incoming = Incoming(LIFTER, LIFTER, message_id, text, start + timedelta(minutes=3 * offset))
            clock[0] = incoming.at
            collections.on = text in CARRIED
            with trips.counting():
                begin, cpu = time.perf_counter(), time.process_time()
                handled = await handle_text(incoming, services)
                elapsed, cpu = time.perf_counter() - begin, time.process_time() - cpu
            collections.on = False
            if offset == 0:
                firsts[restarted].append(elapsed)
            if text in CARRIED:
                carry.append(elapsed)
                carry_cpu.append(cpu)
                carry_trips.append(trips.count)
            assert handled.row is not None and handled.reply is not None
            await storage.mark_answered(LIFTER, handled.row)
        conversation = await storage.conversation(LIFTER, LIFTER)
        begin = time.perf_counter()
        read_message("8", conversation.state, start + timedelta(minutes=40))
        rules_only.append(time.perf_counter() - begin)
        clock[0] = start + timedelta(hours=1)
        begin = time.perf_counter()
        user = await storage.user(LIFTER)
        text = await summary_of(services, user, conversation.state, start + timedelta(hours=1))
        summaries.append(time.perf_counter() - begin)
        assert "Session done" in text, text
        # A fresh state, as `done` or the idle sweep leaves it.
        await storage.save_conversation(LIFTER, ConversationChange(chat_id=LIFTER, state=State()))
    gc.callbacks.remove(collections)
    assert len(set(carry_trips)) == 1, f"carry-forward sets took {sorted(set(carry_trips))} trips"
    line = (
        f"carry-forward set (`8`, `same`, `+2.5`...), whole handler path {quantiles(carry)}, "
        f"{carry_trips[0]} database round trips (target p99 < 5 ms; CPU time {quantiles(carry_cpu)}; {collections}; "
        f"its reading alone {quantiles(rules_only)}); "
        f"session summary {quantiles(summaries)} (target p99 < 50 ms); "
        f"a session's first set {quantiles(firsts[False])}, after a restart {quantiles(firsts[True])}"
    )
    return f"conversation, {where} ({lifter.sets:,} sets over 5 years): {line}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--postgres", action="store_true", help="also on a throwaway local PostgreSQL (fsync on)")
    on_each_backend(measure, "conversation", postgres=parser.parse_args().postgres)


if __name__ == "__main__":
    main()
