"""One entry point for the front-ends: new sets + context in, feedback out (safety first, then worst first)."""

from __future__ import annotations

from collections.abc import Sequence

from rules import blocks, drop_sets, effort, estimates, frequency, pairs, recovery, rest_pause, trends
from rules.context import Context
from rules.models import LEVEL_ORDER, Feedback, Level, ParsedSet

REPLY_ITEMS = 3  # short enough to read between sets
# Remarks about joints, recovery and overuse: always shown, before anything else, whatever the limit.
SAFETY_RULES = ("warning.", "frequency.", "pair.recovery")


# An AMRAP's reading (its e1RM and the next block's loads) is data the lifter tested for, not praise: shown with
# every AMRAP, whatever else is said about the set, and never held back as "said already" (a second AMRAP is
# a second reading).
AMRAP_READINGS = ("e1rm.amrap_targets", "e1rm.amrap_near_light", "e1rm.amrap_too_light")


def is_safety(item: Feedback) -> bool:
    return item.rule.startswith(SAFETY_RULES)


def is_reading(item: Feedback) -> bool:
    return item.rule in AMRAP_READINGS


def _always(item: Feedback) -> bool:
    return is_safety(item) or is_reading(item)


# When only praise is left, the one shown is the one that tells the lifter most: the AMRAP's next-block loads.
INFORMATIVE_PRAISE = ("e1rm.amrap", "block.on_target", "e1rm.new_best")


def _rank(item: Feedback) -> tuple[int, int, int]:
    informative = next((i for i, prefix in enumerate(INFORMATIVE_PRAISE) if item.rule.startswith(prefix)), 9)
    return (0 if is_safety(item) else 1, LEVEL_ORDER[item.level], informative)


def evaluate(new_sets: Sequence[ParsedSet], context: Context) -> list[Feedback]:
    """Every remark the rules have about these sets, safety first, then most serious first, each said once.

    Praise for an exercise is dropped when a warning stands against it: one set never hears "pull the
    rest-pause work" and "good rest-pause set" in the same reply.
    """
    working = [s for s in new_sets if not s.warmup]  # warm-ups: no intensifier, pair, frequency or e1RM remark
    items: list[Feedback] = []
    for parsed in {id(s): s for s in working}.values():  # `3x8` repeats one frozen set
        items.extend(rest_pause.check(parsed, context) + drop_sets.check(parsed, context))
    items += pairs.check(working, context) + drop_sets.compound_after_drop_set(working, context)
    items += effort.check(working, context)
    items += frequency.check(working, context)
    lift_trends = trends.main_lift_bests(working, context)
    items += recovery.check(working, context, lift_trends)
    items += estimates.check(working, lift_trends, context)
    items += blocks.check(working, context)
    unique = list({(item.rule, item.exercise, repr(sorted(item.params.items()))): item for item in items}.values())
    # A post-exhaust pair on a compound that keeps dropping: the post-exhaust guide's "reduce post-exhaust
    # frequency" stands in for the general main-lift warning (it names rest-pause and drop sets) on that lift.
    paired = {item.exercise for item in unique if item.rule == "pair.recovery_declining"}
    unique = [item for item in unique if not (item.rule == "warning.main_lift_drop" and item.exercise in paired)]
    warned = {item.exercise for item in unique if item.level is Level.WARN}
    kept = [item for item in unique if not (item.level is Level.GOOD and item.exercise in warned)]
    return sorted(kept, key=_rank)


Said = tuple[tuple[str, str], ...]  # (rule, exercise) pairs already shown in the open session


def _said_key(item: Feedback) -> tuple[str, str]:
    return (item.rule, item.exercise or "")


def unsaid(items: Sequence[Feedback], said: Said) -> list[Feedback]:
    """The items still worth saying in this session: a note or praise is said once per rule and exercise;
    safety remarks and warnings keep showing whenever the rules raise them."""
    return [item for item in items if _always(item) or item.level is Level.WARN or _said_key(item) not in said]


def remember(said: Said, shown: Sequence[Feedback]) -> Said:
    """`said` plus the notes and praise just shown (safety remarks and warnings are never held back)."""
    new = [_said_key(item) for item in shown if not _always(item) and item.level is not Level.WARN]
    return tuple(dict.fromkeys((*said, *new)))


def headline(items: Sequence[Feedback], limit: int = REPLY_ITEMS) -> list[Feedback]:
    """The few items worth a lifter's attention between sets: every safety remark, then the worst others up to
    the limit, then an AMRAP's reading (never cut); other praise only when there is nothing else to say."""
    safety = [item for item in items if is_safety(item)]
    readings = [item for item in items if is_reading(item)]
    serious = [item for item in items if item.level is not Level.GOOD and not _always(item)]
    if safety or serious:
        return safety + serious[: max(limit - len(safety) - len(readings), 0)] + readings
    return readings or list(items[:1])
