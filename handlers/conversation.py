"""The workout as a conversation (issue #15): read a message against the lifter's state, log what it
meant, echo it, time the rest, show last time and records, and sum the session up when it ends.

The state lives in storage per lifter and chat (`Store.conversation`), so a restart or a second
front-end sees the same; every message keeps the state it was read in, so an edit re-reads it there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import groupby
from typing import TypeAlias

from handlers.base import Incoming, Reply, Services, buttons
from handlers.callbacks import Callback, NumberMeant
from handlers.ports import Conversation, ConversationChange, RestChange
from handlers.render import (
    day_text,
    describe_sets,
    distance_text,
    duration_text,
    escape,
    render_logged,
    render_parse_errors,
    technique_word,
    unit_word,
)
from handlers.sets import Bests, coach_reading, why_button
from handlers.words import fill
from handlers.words import replies as reply_words
from handlers.words.conversation import CATALOGUE
from handlers.words.exercises import body_part, exercise_name
from rules.catalog import Kind, lookup
from rules.coach import evaluate, headline, remember, unsaid
from rules.conversation import (
    How,
    Line,
    LineKind,
    State,
    Turn,
    advance,
    answer_number,
    opens_warmups,
    read_message,
    session_unit,
)
from rules.frequency import MAX_INTENSIFIER_USES_PER_WEEK
from rules.models import Feedback, MessageKind, ParsedSet, Technique, Unit, UserSettings
from rules.notation import MAX_REPS, format_load
from rules.session import (
    Direction,
    LastTime,
    Record,
    RecordKind,
    Summary,
    bests,
    last_time,
    records,
    records_unsaid,
    said_once,
    summarize,
)
from rules.units import lb_hint_load, lifter_profile, lifter_unit, rounded_pair, writes_unit

WEEK = timedelta(days=7)
# How a heading that names its technique (`Rest-pause curls`) shows the whole set written on one line.
TECHNIQUE_EXAMPLES: dict[Technique, str] = {
    Technique.REST_PAUSE: "15kg 12+4+3",
    Technique.DROP_SET: "20/15/10kg 10+8+6",
    Technique.MYO_REPS: "15kg 15+5+5+5",
    Technique.CLUSTER: "100kg 2+2+2 cluster",
}
log = logging.getLogger(__name__)


class Html(str):
    """Text that is markup already (a filled template): `say` fills it in as it is, never escaped twice."""


def say(message_id: str, **params: object) -> str:
    """Escaped params (but `Html` ones); an `exercise` in the lifter's language."""
    ready = {
        key: escape(exercise_name(value) if key == "exercise" else value)
        if isinstance(value, str) and not isinstance(value, Html)
        else value
        for key, value in params.items()
    }
    return fill(CATALOGUE, message_id, ready)


def load_text(load: float | None, unit: Unit | str | None) -> str:
    if load is None:
        return say("load.none")
    return f"{format_load(load)} {unit_word(unit)}" if unit else format_load(load)


def seconds_text(seconds: int) -> str:
    """`90 s`, `2 min`, `2 min 30 s`: a rest as a lifter says it."""
    minutes, rest = divmod(seconds, 60)
    if seconds < 120:
        return say("time.s", n=seconds)
    if rest:
        return f"{say('time.min', n=minutes)} {say('time.s', n=rest)}"
    return say("time.min", n=minutes)


def sets_count(count: int) -> str:
    """`1 set`, `4 sets` (Russian: `4 подх.`)."""
    return say("count.set" if count == 1 else "count.sets", n=count)


def _timed(parsed: ParsedSet, count: int) -> str:
    """`1 min hold`, `3×45 s`, `20 kg × 1 min hold`, `5 km in 26:00`: a hold or cardio by its time and distance."""
    (segment, *_) = parsed.segments
    done = [distance_text(segment.distance_m)] if segment.distance_m is not None else []
    if segment.seconds is not None:
        time = duration_text(segment.seconds)
        hold = fill(CATALOGUE, "timed.in" if done else "timed.hold", {"time": time})  # plain text, like the rest
        done.append(time if count > 1 and not done else hold)
    text = f"{count}×{' '.join(done)}" if count > 1 else " ".join(done)
    load = segment.load
    return f"{load_text(load, parsed.unit)} × {text}" if load else text


def compact(parsed: ParsedSet, count: int = 1) -> str:
    """`100 kg 3×8 @8`: a set as a lifter writes it down."""
    reps = "+".join(str(s.reps) for s in parsed.segments)
    if parsed.timed:
        text = _timed(parsed, count)
    elif parsed.technique is Technique.DROP_SET:
        loads = "/".join(format_load(s.load or 0) for s in parsed.segments)
        text = f"{loads} {unit_word(parsed.unit) if parsed.unit else ''} {reps}".replace("  ", " ")
    else:
        volume = f"{count}×{reps}" if count > 1 else f"× {reps}"
        load = parsed.segments[0].load
        text = (
            f"{load_text(load, parsed.unit)} {volume}" if load is not None else f"{count}×{reps}" if count > 1 else reps
        )
    if parsed.rpe is not None:
        text += f" @{format_load(parsed.rpe)}"
    return text


def compact_run(sets: Sequence[ParsedSet]) -> str:
    """Consecutive identical sets as one `3×8`: `100 kg 3×8 @8, 105 kg × 5 @9`."""
    runs = groupby(sets, key=lambda s: (s.segments, s.rpe, s.unit, s.technique))
    return ", ".join(compact(members[0], len(members)) for members in (list(run) for _, run in runs))


def _how_tag(line: Line) -> str:
    if line.how is How.SAME_LOAD:
        return say("how.same_load")
    if line.how is How.REPEAT:
        return say("how.repeat")
    if line.how is How.LOAD_CHANGE and line.delta is not None:
        unit = line.sets[0].unit if line.sets and line.sets[0].unit else ""
        sign = "+" if line.delta > 0 else "−"
        delta = f"{sign}{format_load(abs(line.delta))}"
        return say("how.load_change", delta=delta, unit=unit_word(unit) if unit else "")
    return ""


def echo(lines: Sequence[Line]) -> list[str]:
    """Every set as read, with how it was read, so a misread shows at once."""
    shown: list[str] = []
    for line in lines:
        if not line.sets:
            continue
        described = describe_sets(line.sets)
        tag = _how_tag(line)
        if tag:
            described[-1] += f" · <i>{tag}</i>"
        shown.extend(described)
    return shown


def render_last_time(found: LastTime) -> list[str]:
    lines = [say("last_time", day=day_text(found.performed_at), sets=compact_run(found.sets))]
    suggestion = found.suggestion
    if suggestion is not None:
        lines.append(
            say(
                f"suggest.{suggestion.direction.value}",
                load=load_text(suggestion.load, suggestion.unit),
                reps=suggestion.reps,
                rpe=format_load(suggestion.last_rpe),
                target=format_load(suggestion.target_rpe),
            )
        )
    return lines


def render_record(record: Record) -> str:
    if record.kind is RecordKind.HEAVIEST:
        return say("record.heaviest", exercise=record.exercise, load=load_text(record.value, record.unit),
                   previous=load_text(record.previous, record.unit))  # fmt: skip
    if record.kind is RecordKind.E1RM:  # rounded as every e1RM a reply states (rules.units.rounded_pair)
        value, previous = rounded_pair(record.value, record.previous or 0.0, record.unit or "kg")
        return say("record.e1rm", exercise=record.exercise, value=load_text(value, record.unit),
                   previous=load_text(previous, record.unit))  # fmt: skip
    return say("record.reps", exercise=record.exercise, reps=record.reps, load=load_text(record.load, record.unit),
               previous=int(record.previous or 0))  # fmt: skip


def render_summary(summary: Summary) -> str:
    minutes = max(1, round((summary.end - summary.start).total_seconds() / 60))
    title = say("summary.title", minutes=minutes, sets=sets_count(summary.sets))
    if summary.warmups:
        title += say("summary.warmups", warmups=summary.warmups, warmups_s="" if summary.warmups == 1 else "s")
    lines = [title]
    for done in summary.exercises:
        if not done.sets:  # only warm-ups: no working set to call its top
            lines.append(say("summary.exercise.warmups", exercise=done.exercise, warmups=done.warmups))
            continue
        template = "summary.exercise.longest" if done.timed else "summary.exercise"  # a plank's best is its longest
        lines.append(say(template, exercise=done.exercise, sets=sets_count(done.sets), top=compact(done.top)))
    hard = [f"{body_part(m.muscle)} {m.hard_sets}" for m in summary.muscles if m.hard_sets]
    if hard:
        lines.append(say("summary.hard", muscles=" · ".join(hard[:8])))
    used = [m for m in summary.muscles if m.intensifier_sets]
    if used:
        week = dict(summary.week_intensifier_uses)
        parts = [
            say("summary.intensifiers.part", muscle=body_part(m.muscle), sets=m.intensifier_sets,
                week=week.get(m.muscle, m.intensifier_sets),
                over=" ⚠️" if week.get(m.muscle, 0) > MAX_INTENSIFIER_USES_PER_WEEK else "")
            for m in used
        ]  # fmt: skip
        lines.append(say("summary.intensifiers", muscles=Html(", ".join(parts))))
    effort = summary.effort
    if effort.rated:
        lines.append(
            say(
                "summary.effort",
                easy=f"{effort.share(effort.easy):.0%}",
                productive=f"{effort.share(effort.productive):.0%}",
                hard=f"{effort.share(effort.hard):.0%}",
                failure=f"{effort.share(effort.failure):.0%}",
            )
        )
    if effort.unrated:
        lines.append(say("summary.unrated", unrated=sets_count(effort.unrated)))
    lines.extend(render_record(record) for record in summary.records)
    advice = summary.next_time
    params = dict(advice.params)
    if isinstance(params.get("muscle"), str):
        params["muscle"] = body_part(str(params["muscle"]))
    if "load" in params and isinstance(params["load"], float):
        params["load"] = format_load(params["load"])
    if isinstance(params.get("unit"), str):  # `75 кг` in Russian, not `75 kg`
        params["unit"] = unit_word(str(params["unit"]))
    if "direction" in params:
        params["direction"] = say("advice.up" if params["direction"] == Direction.UP.value else "advice.down")
    lines.append(say("summary.next", advice=Html(say(f"advice.{advice.advice.value}", **params))))
    return "\n".join(lines)


# Reading and answering ------------------------------------------------------------------------


async def summary_of(services: Services, user: UserSettings, closed: State, end: datetime) -> str:
    """The summary of a session that just ended (`closed`: its last state)."""
    if closed.session_start is None:
        return say("done.nothing")
    storage = services.storage
    week = await storage.history(user.id, since=min(end, closed.session_start) - WEEK)
    session = [logged for logged in week if logged.performed_at >= closed.session_start]
    exercises = list(dict.fromkeys(logged.set.exercise for logged in session))
    found: list[Record] = []
    if exercises:
        before = await storage.exercise_bests(user.id, exercises, before=closed.session_start)
        for name in exercises:
            found += records([s.set for s in session if s.set.exercise == name], bests(name, before.get(name, [])))
    summary = summarize(session, week, found, end)
    return render_summary(summary) if summary is not None else say("done.nothing")


async def _last_times(services: Services, user: UserSettings, exercises: Sequence[str], before: datetime) -> list[str]:
    if not exercises:
        return []
    history = await services.storage.last_sets(user.id, exercises, before)
    lines: list[str] = []
    for name in exercises:
        found = last_time(history, name, before)
        if found is not None:
            lines.extend(render_last_time(found))
    return lines


def _records(sets: Sequence[ParsedSet], before: Bests) -> list[Record]:
    found: list[Record] = []
    for name, rows in before.items():
        found += records([s for s in sets if s.exercise == name], bests(name, rows))
    return found


def _said(fresh: Sequence[Feedback], top: Sequence[Feedback], found: Sequence[Record]) -> list[Feedback]:
    """What this reply said: the remarks shown, and those a record line said for them (`said_once`), so a later
    set of the session does not say them again."""
    kept = said_once(fresh, found)
    return [*top, *(item for item in fresh if item not in kept)]


def _record_lines(found: Sequence[Record], shown: Sequence[Feedback]) -> list[str]:
    """The records beside the remarks shown, each e1RM said once in the reply (`records_unsaid`)."""
    return [render_record(record) for record in records_unsaid(found, shown)]


def _line_reply(line: Line, user: UserSettings, row: int, state: State) -> tuple[list[str], list[tuple[str, Callback]]]:
    """Words (and buttons) for a line that logged nothing."""
    if line.kind is LineKind.HEADING and line.exercise is not None:
        found = lookup(line.exercise)
        timed = found is not None and found.kind in (Kind.HOLD, Kind.CARDIO)
        heading = "heading.unknown" if found is None else "heading.timed" if timed else "heading"
        if line.technique in TECHNIQUE_EXAMPLES and found is not None and not timed:  # `Rest-pause curls`
            words = [say("heading.technique", exercise=line.exercise, technique=technique_word(line.technique),
                         example=TECHNIQUE_EXAMPLES[line.technique])]  # fmt: skip
        else:
            words = [say(heading, exercise=line.exercise)]
        if opens_warmups(line.note):  # `Bench Press - Warm ups`
            words.append(say(LineKind.WARMUPS.value))
        elif line.note:
            words.append(say("heading.note", note=line.note))
        return words, []
    if line.kind in (LineKind.WARMUPS, LineKind.WORKING, LineKind.REST_DAY):
        return [say(line.kind.value)], []
    if line.kind is LineKind.REST and line.seconds is not None:
        return [say("rest.set", seconds=seconds_text(line.seconds))], []
    if line.kind is LineKind.ASK and line.value is not None:
        last = state.last
        value = format_load(line.value)
        if last is None or last.segments[0].load is None:
            return [say("problem.no_load_to_change")], []
        unit = last.unit or user.unit
        if line.reps is not None:  # `8 @11` after 100 kg: 11 kg, or the last load with a mistyped effort?
            load = last.segments[0].load
            return [say("ask.at", value=value, unit=unit_word(unit), reps=line.reps, last=compact(last))], [
                (say("ask.load", value=value, unit=unit_word(unit), reps=line.reps),
                 NumberMeant(row, value, as_load=True, reps=line.reps)),
                (say("ask.load", value=format_load(load), unit=unit_word(unit), reps=line.reps),
                 NumberMeant(row, format_load(load), as_load=True, reps=line.reps)),
            ]  # fmt: skip
        options: list[tuple[str, Callback]] = [
            (say("ask.load", value=value, unit=unit_word(unit), reps=last.first_reps),
             NumberMeant(row, value, as_load=True))
        ]
        if float(line.value).is_integer() and line.value <= MAX_REPS:
            as_reps = say("ask.reps", value=value, value_s="" if value == "1" else "s",
                          load=load_text(last.segments[0].load, unit))  # fmt: skip
            options.append((as_reps, NumberMeant(row, value, as_load=False)))
        return [say("ask.number", value=value, last=compact(last), reps=last.first_reps)], options
    if line.kind is LineKind.ERROR and line.problem is not None:
        return [say(f"problem.{line.problem.value}", count=line.count or 0, value=line.value or 0,
                    seconds=line.seconds or 0)], []  # fmt: skip
    return [], []


def _change(
    message: Incoming, row: int, services: Services, conversation: Conversation, turn: Turn, state: State,
    corrected: bool,
) -> ConversationChange | None:  # fmt: skip
    """The conversation after this message (None: an edit of an older message leaves it where it is)."""
    if corrected:  # the latest message: what it now says moves the state
        return ConversationChange(chat_id=message.chat_id, state=state) if row == conversation.last_row else None
    rest_s = turn.rest_s
    if rest_s is not None:
        rest, due = RestChange.SET, services.clock() + timedelta(seconds=rest_s)
    elif turn.sets or LineKind.DONE in turn.kinds:
        rest, due = RestChange.CANCEL, None
    else:
        rest, due = RestChange.KEEP, None
    return ConversationChange(
        chat_id=message.chat_id, state=state, before=conversation.state, moved=state != conversation.state,
        rest=rest, rest_due=due, rest_s=rest_s,
    )  # fmt: skip


Reread: TypeAlias = Callable[[Unit], Turn]  # the same message read again, its bare loads in the given unit


async def answer_turn(
    message: Incoming, row: int, user: UserSettings, services: Services, conversation: Conversation, turn: Turn,
    corrected: bool = False, reread: Reread | None = None,
) -> Reply:  # fmt: skip
    """Log what a message meant and answer it; `corrected` when it is an edit of an older message. `reread`: the
    message read again in another unit, for a load without a unit read before the history said what it is in."""
    storage = services.storage
    sets = turn.sets
    parts: list[str] = []
    choices: list[tuple[str, Callback]] = []
    top: list[Feedback] = []
    said: list[Feedback] = []
    if turn.closed is not None:
        parts.append(await summary_of(services, user, turn.closed, turn.closed.last_at or message.at))
    feedback: list[Feedback] = []
    found: list[Record] = []
    hint_load: float | None = None  # a bare 135 logged in kg for a lifter who never said their unit
    if sets:
        # What the sets' exercises held before them is read with the history, before the sets are stored.
        context, held = await coach_reading(
            services, user, sets, records=not corrected, session_start=turn.before.session_start
        )  # edits: no PRs
        if reread is not None and session_unit(turn.before) is None:
            # `bench 225 5` opening a session: a bare load is in the unit the lifter's history is in (an lb lifter
            # who never used /settings), the /settings choice once made (rules.units.lifter_unit); no extra trip
            unit = lifter_unit(context.history, user.unit, chosen_at=user.unit_set_at, zone=context.zone)
            again = reread(unit) if unit != user.unit else None
            if again is not None and again.sets:
                turn, sets = again, again.sets
                profile = lifter_profile(user.profile, context.history, sets, context.now, context.zone)
                context = replace(context, profile=profile)
        if not corrected:
            hint_load = lb_hint_load(message.text, sets, context.history, user.unit_set_at, user.unit_hint_at)
        found = _records(sets, held)
        feedback = evaluate(sets, context)
        fresh = unsaid(feedback, turn.before.said)  # a note or praise is said once a session
        top = headline(said_once(fresh, found))
        said = _said(fresh, top, found)
    state = turn.state
    if state.session_open and said:
        state = state.model_copy(update={"said": remember(state.said, said)})
    # What the message logged and the conversation after it: one statement, so neither is kept without the other.
    change = _change(message, row, services, conversation, turn, state, corrected)
    if sets:
        await storage.save_outcome(user.id, row, MessageKind.SETS, sets, message.at, feedback, conversation=change)
    else:
        await storage.save_outcome(user.id, row, MessageKind.CONVERSATION, conversation=change)
    if sets and user.unit_set_at is None and user.unit_hint_at is None and (
        hint_load is not None or writes_unit(message.text)
    ):  # the hint is shown once, and never once a unit is written: one write in the lifter's life, not per set
        await storage.update_user(user.id, unit_hint_at=message.at)
    if sets:
        errors = tuple(e for line in turn.lines for e in line.errors if line.kind in (LineKind.SETS, LineKind.OTHER))
        logged = render_logged(sets, top, errors).split("\n")
        header = fill(reply_words.CATALOGUE, "corrected") if corrected else logged[0]
        body = echo(turn.lines)
        described = "\n".join(describe_sets(sets)).count("\n") + 1  # a pair's "↳" line is a line of its own
        hint = [say("unit.hint", load=format_load(hint_load))] if hint_load is not None else []
        parts.append("\n".join([header, *body, *hint, *logged[1 + described :]]))
        extra = _record_lines(found, top)
        if extra:
            parts.append("\n".join(extra))
    for line in turn.lines:
        words, options = _line_reply(line, user, row, turn.before)
        if line.kind is LineKind.ERROR and line.errors:
            words += render_parse_errors(line.errors, message.text, multi_line=len(turn.lines) > 1)
        if line.kind is LineKind.DONE and turn.closed is None:
            words.append(say("done.nothing"))
        if words:
            parts.append("\n".join(words))
        choices += options
    if turn.first_of and not corrected:  # the first mention of an exercise this session: what it was last time
        before = turn.before.session_start or message.at
        parts.append("\n".join(await _last_times(services, user, turn.first_of, before)))
    markup = buttons(choices) if choices else why_button(top)
    text = "\n\n".join(part for part in parts if part)
    if not text:  # never a silent drop: a line read as workout talk that says nothing still gets an answer
        log.warning("workout talk with nothing to say: %r", message.text[:80])
        text = say("problem.unread")
    return Reply(text, markup)


async def converse(
    message: Incoming,
    row: int,
    user: UserSettings,
    services: Services,
    unknown_headings: bool = False,
    conversation: Conversation | None = None,
) -> Reply | None:
    """Workout talk (sets, headings, same/again, rest, done) gets its answer here; None for anything else.
    `conversation`: the state as read with the message's arrival (else it is read here)."""
    if conversation is None:
        conversation = await services.storage.conversation(user.id, message.chat_id)
    state = conversation.state
    turn = read_message(message.text, state, message.at, user.unit, unknown_headings)
    if not turn.is_workout_talk:
        return None

    def reread(unit: Unit) -> Turn:
        return read_message(message.text, state, message.at, unit, unknown_headings)

    return await answer_turn(message, row, user, services, conversation, turn, reread=reread)


async def correct(message: Incoming, row: int, user: UserSettings, services: Services) -> Reply | None:
    """An edit of a message: re-read it in the state it was first read in, at the moment it was first
    sent (so the sets keep their place in the workout). None if it holds no sets."""
    storage = services.storage
    context = await storage.message_context(user.id, row)
    conversation = await storage.conversation(user.id, message.chat_id)
    before = context.state if context is not None and context.state is not None else State()
    sent_at = context.received_at if context is not None else message.at
    at = before.last_at or sent_at

    def reread(unit: Unit) -> Turn:
        turn = read_message(message.text, before, at, unit, unknown_headings=True)
        if row != conversation.last_row:  # an older message: the live state stays where later messages left it
            return Turn(turn.lines, conversation.state, before, first_of=())
        return turn

    turn = reread(user.unit)
    if not turn.sets:
        return None
    original = Incoming(message.user_id, message.chat_id, message.message_id, message.text, sent_at)
    return await answer_turn(original, row, user, services, conversation, turn, corrected=True, reread=reread)


async def number_button(user: UserSettings, meant: NumberMeant, services: Services) -> Reply:
    """The answer to "105 alone: the load or the reps?" (a button under that question)."""
    row = meant.row
    try:
        value = float(meant.value)
    except ValueError:
        return Reply(say("ask.gone"))
    storage = services.storage
    context = await storage.message_context(user.id, row)
    state = context.state if context is not None else None
    parsed = answer_number(state, value, as_load=meant.as_load, reps=meant.reps) if state is not None else None
    if parsed is None or context is None or state is None:
        return Reply(say("ask.gone"))
    now = context.received_at
    chat_id = user.chat_id or user.id
    coaching, before = await coach_reading(services, user, [parsed], records=True, session_start=state.session_start)
    feedback = evaluate([parsed], coaching)
    found = _records([parsed], before)
    await storage.save_outcome(user.id, row, MessageKind.SETS, [parsed], now, feedback)
    conversation = await storage.conversation(user.id, chat_id)
    line = Line(LineKind.SETS, sets=(parsed,), how=How.CARRIED, exercise=parsed.exercise)
    state = advance(conversation.state, line, now)
    fresh = unsaid(feedback, conversation.state.said)  # a note or praise is said once a session
    top = headline(said_once(fresh, found))
    state = state.model_copy(update={"said": remember(state.said, _said(fresh, top, found))})
    change = ConversationChange(chat_id=chat_id, state=state, rest=RestChange.CANCEL)  # no `before`: context stays
    await storage.save_conversation(user.id, change, row)
    extra = _record_lines(found, top)
    text = render_logged([parsed], top)
    return Reply("\n\n".join([text, *(["\n".join(extra)] if extra else [])]), why_button(top))


def rest_ping(state: State, seconds: int | None) -> Reply:
    """ "⏱ 90 s up: next set of Bench Press; last 100 kg × 8 @8"."""
    shown = seconds_text(seconds or 0)
    if state.exercise is None:
        return Reply(say("rest.ping.plain", seconds=shown))
    last = compact(state.last) if state.last is not None and state.last.exercise == state.exercise else say("last.none")
    return Reply(say("rest.ping", seconds=shown, exercise=state.exercise, last=last))


async def idle_summary(services: Services, user_id: int, chat_id: int, state: State) -> Reply | None:
    """The summary of a session that 90 idle minutes closed (the sweep sends it)."""
    if not state.session_open:
        return None
    user = await services.storage.user(user_id)
    return Reply(await summary_of(services, user, state, state.last_at or services.clock()))


async def finish(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/done: end the workout, with the session's summary."""
    done = Incoming(message.user_id, message.chat_id, message.message_id, "done", message.at)
    row = await services.storage.message_row(message.user_id, message.chat_id, message.message_id)
    conversation = await services.storage.conversation(user.id, message.chat_id)
    turn = read_message("done", conversation.state, message.at, user.unit)
    return await answer_turn(done, row or 0, user, services, conversation, turn)


async def after_undo(services: Services, user: UserSettings, chat_id: int, removed: Sequence[ParsedSet]) -> None:
    """/undo took away the message that last moved the conversation: the state goes back to what it was
    before that message (so `same` does not repeat an undone set)."""
    storage = services.storage
    conversation = await storage.conversation(user.id, chat_id)
    if not removed or conversation.last_row is None or conversation.state.last != removed[-1]:
        return
    context = await storage.message_context(user.id, conversation.last_row)
    if context is not None and context.state is not None:
        await storage.save_conversation(user.id, ConversationChange(chat_id=chat_id, state=context.state,
                                                                    rest=RestChange.CANCEL))  # fmt: skip
