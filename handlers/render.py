"""Replies as Telegram HTML: pure functions over domain data, so tests read what a lifter reads.

Everything that came from a user is escaped; hints written with `backticks` become <code>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, tzinfo
from itertools import groupby

from handlers.words import answers as answer_words
from handlers.words import blocks as block_words
from handlers.words import feedback as feedback_words
from handlers.words import fill, tr
from handlers.words import parsing as parsing_words
from handlers.words import replies as reply_words
from handlers.words import settings as settings_words
from handlers.words import sources as source_words
from handlers.words.exercises import LEVELS, body_part, exercise_name, level_name
from rules import blocks
from rules.answers import Answer
from rules.models import LEGACY_RULE, Feedback, Level, Param, ParsedSet, ParseError, Technique
from rules.notation import format_load

ICONS = {Level.WARN: "⚠️", Level.NOTE: "💡", Level.GOOD: "👍"}
_BACKTICKS = re.compile(r"`([^`]*)`")
MAX_ECHO_CHARS = 60  # how much of an unreadable line we quote back


def _w(message_id: str, **params: object) -> str:
    """A reply sentence from handlers/words/replies.py, in the lifter's language."""
    return fill(reply_words.CATALOGUE, message_id, params)


def day_text(day: date | datetime) -> str:
    """`Mon 23 Nov` (in Russian `23.11`)."""
    return _w("date.day", day=day)


def short_date(day: date | datetime) -> str:
    """`23 Nov` (in Russian `23.11`)."""
    return _w("date.short", day=day)


def unit_word(unit: str) -> str:
    return _w(f"unit.{unit}") if f"unit.{unit}" in reply_words.CATALOGUE else unit


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def code_spans(text: str) -> str:
    """Escape, then turn `this` into <code>this</code>."""
    return _BACKTICKS.sub(lambda m: f"<code>{m.group(1)}</code>", escape(text))


def _load(parsed: ParsedSet) -> str:
    unit = f" {unit_word(parsed.unit)}" if parsed.unit else ""
    loads = [segment.load for segment in parsed.segments]
    if parsed.technique is Technique.DROP_SET:
        return "/".join(format_load(load or 0) for load in loads) + unit
    load = loads[0]
    if parsed.bodyweight:
        return _w("set.bodyweight") + (f" + {format_load(load)}{unit}" if load else "")
    return f"{format_load(load)}{unit}" if load is not None else ""


def duration_text(seconds: int) -> str:
    """`45 s`, `30 min`, `7:45`, `2 h`."""
    if seconds < 60:
        return _w("time.s", n=seconds)
    if seconds % 3600 == 0:
        return _w("time.h", n=seconds // 3600)
    if seconds % 60 == 0:
        return _w("time.min", n=seconds // 60)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def distance_text(metres: float) -> str:
    if metres >= 1000:
        return _w("distance.km", n=format_load(metres / 1000))
    return _w("distance.m", n=format_load(metres))


_TECHNIQUE_WORDS = {
    Technique.REST_PAUSE: "technique.rest_pause",
    Technique.DROP_SET: "technique.drop_set",
    Technique.MYO_REPS: "technique.myo_reps",
    Technique.CLUSTER: "technique.cluster",
}


def technique_word(technique: Technique) -> str:
    """`rest-pause`, `drop set`: a technique as a set's echo names it (empty for straight sets and cardio)."""
    return _w(_TECHNIQUE_WORDS[technique]) if technique in _TECHNIQUE_WORDS else ""


def _volume(parsed: ParsedSet, count: int) -> str:
    """`3 × 8`, `8 reps`, `AMRAP 9`, `3 × 45 s`, `5 km in 25:30`: what was done, before the load."""
    times = f"{count} × " if count > 1 else ""
    if parsed.technique is Technique.CARDIO:
        (segment,) = parsed.segments
        done = [distance_text(segment.distance_m)] if segment.distance_m is not None else []
        if segment.seconds is not None:
            time = duration_text(segment.seconds)
            done.append(_w("set.in", time=time) if done else time)
        return times + " ".join(done)
    if parsed.timed:
        held = duration_text(parsed.segments[0].seconds or 0)
        return times + (held if count > 1 else _w("set.hold", time=held))
    reps = "+".join(str(segment.reps) for segment in parsed.segments)
    if parsed.amrap:
        return f"{times}AMRAP {reps}"  # `3 × AMRAP 8`: three sets, each as many as possible
    if count > 1:
        return f"{count} × {reps}"
    if parsed.technique is not Technique.STRAIGHT:
        return reps
    return _w("set.reps", reps=reps, reps_s="" if reps == "1" else "s")  # `1 rep`, `8 reps`


def describe_set(parsed: ParsedSet, count: int = 1) -> str:
    """`Bench Press: 3 × 8 @ 100 kg · RPE 8` (HTML)."""
    volume = _volume(parsed, count)
    load = _load(parsed)
    if parsed.per_side and load:
        load += " " + _w("set.each_side")
    elif parsed.per_side:
        volume += " " + _w("set.each_side")
    parts = [f"{volume} @ {load}" if load else volume]
    if parsed.technique in _TECHNIQUE_WORDS:
        parts.append(_w(_TECHNIQUE_WORDS[parsed.technique]))
    if parsed.warmup:
        parts.insert(0, _w("set.warmup"))
    if parsed.rpe is not None and parsed.rir is not None:
        parts.append(f"RPE {parsed.rpe:g} (RIR {parsed.rir:g})")
    if parsed.rest_s is not None:
        parts.append(_w("set.rest", seconds=parsed.rest_s))
    if parsed.note:
        parts.append(f"“{parsed.note}”")
    name = f"<b>{escape(exercise_name(parsed.exercise))}</b>"
    if not parsed.known:
        name += f" <i>{_w('set.new')}</i>"
    return f"{name}: {escape(' · '.join(parts))}"


def _set_key(parsed: ParsedSet) -> tuple[object, ...]:
    return (
        parsed.exercise,
        parsed.segments,
        parsed.technique,
        parsed.rir,
        parsed.amrap,
        parsed.group,
        parsed.unit,
        parsed.warmup,
        parsed.per_side,
        parsed.note,
    )


def describe_sets(sets: Sequence[ParsedSet]) -> list[str]:
    """One line per run of identical sets; the members of a pair joined by an arrow."""
    lines: list[str] = []
    for _, run in groupby(sets, key=_set_key):
        members = list(run)
        line = describe_set(members[0], len(members))
        if members[0].pair_position == 1 and lines:
            lines[-1] = f"{lines[-1]}\n  ↳ {line}"
        else:
            lines.append(line)
    return lines


LEVEL_KEYS = frozenset({"level", "before", "after"})  # params that hold a check-in level (`mild`)


def words_params(
    catalogue: Mapping[str, str],
    message_id: str,
    params: Mapping[str, Param],
    techniques: Mapping[str, str] = feedback_words.TECHNIQUES,
) -> dict[str, object]:
    """Params as the templates want them: names of muscles, techniques and reasons in words, list params
    rendered item by item (`<id>.<key>` template), and `<name>_s` ("s" unless 1) for every whole number."""
    ready: dict[str, object] = {}
    for key, value in params.items():
        if isinstance(value, tuple):
            template = tr(catalogue[f"{message_id}.{key}"])
            separator = tr(catalogue.get(f"{message_id}.{key}.sep", ", "))
            ready[key] = separator.join(template.format_map(_named(item)) for item in value)
            continue
        if isinstance(value, int) and not isinstance(value, bool):
            ready[f"{key}_s"] = "" if value == 1 else "s"
        if key == "reason" and isinstance(value, str):
            value = tr(feedback_words.FIT_REASONS.get(value, value))
        elif key == "sign" and isinstance(value, str):
            value = tr(feedback_words.SIGNS.get(value, value))
        elif key == "phase" and isinstance(value, str):
            value = tr(feedback_words.PHASES.get(value, value))
        elif key == "technique" and isinstance(value, str):
            value = tr(techniques.get(value, value))
        elif key == "experience" and isinstance(value, str):  # `intermediate` -> `средний уровень`
            value = tr(settings_words.CATALOGUE.get(f"level.{value}", value))
        elif key in {"muscle", "joint"} and isinstance(value, str):
            value = body_part(value)
        elif key in LEVEL_KEYS and isinstance(value, str) and value in LEVELS:  # `moderate → mild`
            value = level_name(value)
        elif isinstance(value, str):
            value = exercise_name(value)  # an exercise's name in the lifter's language; other text as it is
        ready[key] = value
    return ready


def _named(item: Mapping[str, object]) -> dict[str, object]:
    """A list param's item with its exercise, muscle and joint names in the lifter's language."""
    return {
        key: (body_part(value) if key in {"muscle", "joint"} else exercise_name(value)) if isinstance(value, str)
        else value
        for key, value in item.items()
    }  # fmt: skip


def feedback_text(item: Feedback, part: str = "") -> str:
    """The words for one remark (`part=".why"` for its reason); an id no catalogue knows shows as itself."""
    message_id = item.rule + part
    if message_id not in feedback_words.CATALOGUE:
        return "" if part else item.rule
    return fill(feedback_words.CATALOGUE, message_id, words_params(feedback_words.CATALOGUE, item.rule, item.params))


def source_titles(sources: Sequence[str]) -> str:
    return "; ".join(tr(source_words.CATALOGUE.get(source, source)) for source in sources)


def feedback_source(item: Feedback) -> str:
    if item.rule == LEGACY_RULE:
        return str(item.params.get("source", ""))
    return source_titles(item.sources)


def feedback_rule(item: Feedback) -> str:
    return str(item.params.get("rule", item.rule)) if item.rule == LEGACY_RULE else item.rule


def _answer_words(message_id: str, params: Mapping[str, Param], part: str = "") -> str:
    ready = words_params(answer_words.CATALOGUE, message_id, params, answer_words.TECHNIQUES)
    return fill(answer_words.CATALOGUE, message_id + part, ready)


def answer_text(reply: Answer) -> tuple[str, str]:
    """The recommendation and its reason, in words."""
    return _answer_words(reply.message, reply.params), _answer_words(reply.message, reply.params, ".reason")


def render_answer(reply: Answer) -> str:
    recommendation, reason = answer_text(reply)
    lines = [f"<b>{escape(recommendation)}</b>", escape(reason)]
    if reply.caveat:
        lines.append(f"⚠️ {escape(_answer_words(reply.caveat.message, reply.caveat.params))}")
    lines.append(_w("answer.evidence", evidence=escape(fill(answer_words.CATALOGUE, "strength." + reply.evidence))))
    if reply.sources:  # "the guides don't cover that" cites none
        lines.append(_w("answer.source", source=escape(source_titles(reply.sources))))
    return "\n".join(lines)


def render_cannot_answer() -> str:
    examples = "\n".join(f"• <i>{escape(tr(question))}</i>" for question in answer_words.EXAMPLES)
    return f"{_w('answer.cannot')}\n{examples}"


def _block_plan() -> dict[str, object]:
    plan: dict[str, object] = {"weeks": blocks.BLOCK_WEEKS}
    for phase in blocks.PHASES:
        plan[f"{phase.name}_weeks"] = f"{phase.weeks[0]}-{phase.weeks[1]}"
        plan[f"{phase.name}_reps"] = f"{phase.reps[0]}-{phase.reps[1]}"
        plan[f"{phase.name}_rpe"] = f"{phase.rpe[0]:g}-{phase.rpe[1]:g}"
    return plan


def render_block(
    status: blocks.BlockStatus | None, started: bool, stopped: bool = False, usage: bool = False
) -> str:
    """/block: where the lifter is in the 12 weeks, the plan, and the next block's loads from their AMRAPs."""
    words = {key: tr(template) for key, template in block_words.CATALOGUE.items()}
    if usage:
        return words["usage"]
    if stopped or status is None or status.start is None:
        return words["stopped"] if stopped else words["none_running"]
    plan = _block_plan()
    lines: list[str] = []
    if started:
        lines.append(words["started"].format(start=status.start, **plan))
    if status.week is not None and status.phase is not None:
        phase = status.phase
        lines.append(words["week"].format(
            week=status.week, weeks=blocks.BLOCK_WEEKS, phase=feedback_words.PHASES[phase.name], low=phase.reps[0],
            high=phase.reps[1], rpe_low=phase.rpe[0], rpe_high=phase.rpe[1]))  # fmt: skip
        if status.week == blocks.AMRAP_WEEK:
            lines.append(words["final_week"])
    elif status.finished:
        lines.append(words["finished"].format(start=status.start, **plan))
    lines += [f"• {words[key].format(**plan)}" for key in ("plan", "plan_build", "plan_challenge")]
    if status.loads:
        lines.append(words["loads"])
        for exercise, e1rm, unit, targets in status.loads:
            ready = words_params(words, "load", {"targets": targets})
            lines.append("• " + words["load"].format(exercise=escape(exercise), e1rm=e1rm, unit=unit, **ready))
    elif status.finished or status.week == blocks.AMRAP_WEEK:
        lines.append(words["no_loads"])
    lines.append(f"<i>{words['source'].format(source=escape(source_titles(('failure_guide',))))}</i>")
    return "\n".join(lines)


def render_feedback_items(items: Sequence[Feedback]) -> list[str]:
    return [f"{ICONS[item.level]} {escape(feedback_text(item))}" for item in items]


def render_logged(sets: Sequence[ParsedSet], items: Sequence[Feedback], errors: Sequence[ParseError] = ()) -> str:
    """The set as understood first (so a misread is caught at once), then what matters most."""
    lines = [_w("logged"), *describe_sets(sets)]
    if items:
        lines.append("")
        lines.extend(render_feedback_items(items))
    if errors:
        lines.append("")
        lines.extend(render_parse_errors(errors, None, multi_line=True))
    if any(item.level is not Level.GOOD for item in items):
        lines.append(_w("why.tap"))
    return "\n".join(lines)


def render_corrected(sets: Sequence[ParsedSet], items: Sequence[Feedback]) -> str:
    return render_logged(sets, items).replace(_w("logged"), _w("corrected"), 1)


def _caret(line: str, column: int | None) -> list[str]:
    if column is None or len(line) > MAX_ECHO_CHARS or not line.strip():
        return []
    return [f"<code>{escape(line)}\n{' ' * (column - 1)}^</code>"]


def render_parse_errors(errors: Sequence[ParseError], text: str | None, multi_line: bool = False) -> list[str]:
    source_lines = text.replace("\r", "").split("\n") if text else []
    lines: list[str] = []
    for error in errors:
        with_line = multi_line or len(source_lines) > 1
        if error.column:
            place = _w("at.line_column", line=error.line, column=error.column) if with_line else _w(
                "at.column", column=error.column)
            at = f" ({place})"
        else:
            at = f" ({_w('at.line', line=error.line)})" if with_line else ""
        lines.append(f"🤔 {code_spans(parsing_words.problem_text(error.code, error.params))}{at}.")
        if 0 < error.line <= len(source_lines):
            lines.extend(_caret(source_lines[error.line - 1], error.column))
        hint = parsing_words.hint_text(error.hint, error.hint_params)
        if hint:
            lines.append(f"💡 {code_spans(hint)}")
    return lines


def render_unreadable(errors: Sequence[ParseError], text: str) -> str:
    lines = render_parse_errors(errors, text)
    lines.append(_w("unreadable.kept"))
    return "\n".join(lines)


def render_why(items: Sequence[Feedback]) -> str:
    if not items:
        return _w("why.nothing")
    blocks = [_w("why.title")]
    for item in items:
        blocks.append(
            f"{ICONS[item.level]} {escape(feedback_text(item))}\n<i>{escape(feedback_text(item, '.why'))}</i>\n"
            + _w("why.rule", rule=escape(feedback_rule(item)), source=escape(feedback_source(item)))
        )
    return "\n\n".join(blocks)


def render_history(rows: Sequence[tuple[datetime, ParsedSet]], zone: tzinfo = UTC) -> str:
    """/history by the lifter's own days (`zone`): a session across UTC midnight stays under one date."""
    if not rows:
        return _w("history.none")
    lines = [_w("history.title")]
    for day, day_rows in groupby(rows, key=lambda row: row[0].astimezone(zone).date()):
        lines.append(f"\n<u>{day_text(day)}</u>")
        lines.extend(describe_sets([parsed for _, parsed in day_rows]))
    return "\n".join(lines)


def render_undone(sets: Sequence[ParsedSet]) -> str:
    if not sets:
        return _w("undo.nothing")
    return "\n".join([_w("undo.removed"), *describe_sets(sets), _w("undo.kept")])


HELP = reply_words.CATALOGUE["help"]  # English; render_help() is in the lifter's language
CHAT_FALLBACK = reply_words.CATALOGUE["chat_fallback"]


def render_help() -> str:
    return _w("help")


def render_chat_fallback() -> str:
    return _w("chat_fallback")
