"""One-line readings of what the parser returned, so tables of cases read like the chat does."""

from __future__ import annotations

from rules.models import ParsedSet, ParseResult, Segment, Technique


def segment_text(segment: Segment) -> str:
    if segment.seconds is None and segment.distance_m is None:
        return f"{'' if segment.load is None else f'{segment.load:g}'}x{segment.reps}"
    parts = [] if segment.load is None else [f"{segment.load:g}"]
    if segment.distance_m is not None:
        parts.append(f"{segment.distance_m:g}m")
    if segment.seconds is not None:
        parts.append(f"{segment.seconds}s")
    return "/".join(parts)


def describe(parsed: ParsedSet) -> str:
    """`Bench Press: 100x8 kg rir=2 rpe=8`: exercise, segments, unit, technique, effort, flags."""
    parts = [f"{parsed.exercise or '?'}:", "+".join(segment_text(s) for s in parsed.segments)]
    if parsed.unit:
        parts.append(parsed.unit)
    if parsed.technique is not Technique.STRAIGHT:
        parts.append(parsed.technique.value)
    if parsed.rpe is not None:
        parts.append(f"rir={parsed.rir:g} rpe={parsed.rpe:g}")
    for flag, label in (
        (parsed.bodyweight, "bw"),
        (parsed.amrap, "amrap"),
        (parsed.warmup, "warmup"),
        (parsed.per_side, "per_side"),
    ):
        if flag:
            parts.append(label)
    if parsed.rest_s is not None:
        parts.append(f"rest={parsed.rest_s}")
    if parsed.group is not None:
        parts.append(f"group={parsed.group}")
    if parsed.note:
        parts.append(f'note="{parsed.note}"')
    return " ".join(parts)


def sets_text(sets: tuple[ParsedSet, ...] | list[ParsedSet]) -> str:
    """Sets in order, a run of identical ones written once with `*N`."""
    runs: list[list[object]] = []
    for parsed in sets:
        text = describe(parsed)
        if runs and runs[-1][0] == text:
            runs[-1][1] = int(str(runs[-1][1])) + 1
        else:
            runs.append([text, 1])
    return " | ".join(str(text) if count == 1 else f"{text} *{count}" for text, count in runs)


def reading(result: ParseResult) -> str:
    """The whole result: sets; `! code` per refused line (with what a nameless line said); a heading."""
    parts = [sets_text(result.sets)] if result.sets else []
    for error in result.errors:
        said = f": {sets_text(error.sets)}" if error.sets else ""
        parts.append(f"! {error.code}{said}")
    if result.heading and not result.sets:
        parts.append(f"heading {result.heading}")
    return " ; ".join(parts) or "skip"
