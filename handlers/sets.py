"""Logging sets: parse, store, ask the rules, reply. Edits correct what a message logged."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from handlers.base import Button, Incoming, Reply, Services, buttons
from handlers.callbacks import Why
from handlers.checkins import local_day, local_zone
from handlers.ports import BestRow
from handlers.render import render_corrected, render_logged, render_unreadable
from handlers.words import replies as reply_words
from handlers.words import say
from rules.catalog import lookup
from rules.coach import evaluate, headline
from rules.context import Context
from rules.frequency import WEEK_DAYS
from rules.models import Feedback, Level, MessageKind, ParsedSet, ParseResult, UserSettings
from rules.trends import TREND_LOOKBACK_DAYS
from rules.units import lifter_profile

CHECKIN_LOOKBACK_DAYS = 14


def why_button(items: Sequence[Feedback]) -> tuple[tuple[Button, ...], ...]:
    """A "Why?" button under any reply that criticises: the rule, its numbers and its source."""
    if all(item.level is Level.GOOD for item in items):
        return ()
    return buttons([(say(reply_words.CATALOGUE, "why.button"), Why())])


Bests = dict[str, list[BestRow]]  # exercise: (load, reps, rir, amrap, unit) rows (`Store.exercise_bests`)


async def coach_context(services: Services, user: UserSettings, sets: Sequence[ParsedSet] | None = None) -> Context:
    """History and check-ins the rules need, in one trip to the database.

    For logged sets: the last week (sessions, weekly intensifier counts) plus eight weeks of the main
    lifts among them (e1RM trends). With no sets (a question), eight weeks of everything.
    """
    context, _ = await coach_reading(services, user, sets)
    return context


async def coach_reading(
    services: Services,
    user: UserSettings,
    sets: Sequence[ParsedSet] | None = None,
    records: bool = False,
    session_start: datetime | None = None,
) -> tuple[Context, Bests]:
    """`coach_context`, and with `records` what the sets' exercises held before them, in the same trip: the
    bests their records are measured against, for the exercises done before `session_start` (the first
    workout of a lift is nothing to beat, so its ramp of sets is not a string of records; None: a session
    this message opens, all history counts); an exercise with nothing to beat is left out."""
    now = services.clock()
    storage = services.storage
    trend_start = now - timedelta(days=TREND_LOOKBACK_DAYS)
    checkins_since = (now - timedelta(days=CHECKIN_LOOKBACK_DAYS)).date()
    if sets is None:
        history, checkins, held = await storage.coach_data(user.id, trend_start, checkins_since)
    else:
        lifts = sorted({s.exercise for s in sets if (e := lookup(s.exercise)) is not None and e.main_lift})
        week_start = now - timedelta(days=WEEK_DAYS)
        loaded = list(dict.fromkeys(s.exercise for s in sets if s.top_load is not None and not s.bodyweight))
        bests = (loaded, session_start) if records else None
        history, checkins, held = await storage.coach_data(
            user.id, week_start, checkins_since, (trend_start, lifts), bests
        )
    zone = local_zone(user)
    profile = lifter_profile(user.profile, history, sets or (), now, zone)  # answered in the unit they lift in now
    context = Context(now=now, history=history, checkins=checkins, profile=profile, today=local_day(user, now),
                      block_start=user.block_started_on, zone=zone)  # fmt: skip
    return context, {name: rows for name, rows in held.items() if rows}


async def log_sets(message: Incoming, row: int, user: UserSettings, result: ParseResult, services: Services) -> Reply:
    """A message that held sets: store them with their feedback, then answer."""
    context = await coach_context(services, user, result.sets)
    items = evaluate(result.sets, context)
    await services.storage.save_outcome(user.id, row, MessageKind.SETS, result.sets, message.at, items)
    top = headline(items)
    return Reply(render_logged(result.sets, top, result.errors), why_button(top))


async def report_unreadable(
    message: Incoming, row: int, user: UserSettings, result: ParseResult, services: Services
) -> Reply:
    await services.storage.save_outcome(user.id, row, MessageKind.UNREADABLE)
    return Reply(render_unreadable(result.errors, message.text))


async def correct_sets(
    message: Incoming, row: int, user: UserSettings, result: ParseResult, services: Services
) -> Reply:
    """An edited message replaces what it logged before (judged without its old version)."""
    await services.storage.save_outcome(user.id, row, MessageKind.EDITING)
    if not result.sets:
        await services.storage.save_outcome(user.id, row, MessageKind.UNREADABLE)
        note = say(reply_words.CATALOGUE, "corrected.unreadable")
        return Reply(f"{note}\n{render_unreadable(result.errors, message.text)}")
    items = evaluate(result.sets, await coach_context(services, user, result.sets))
    await services.storage.save_outcome(user.id, row, MessageKind.SETS, result.sets, message.at, items)
    top = headline(items)
    return Reply(render_corrected(result.sets, top), why_button(top))
