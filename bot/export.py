"""A lifter's sets as CSV in the Strong app's export columns, one row per segment."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.storage import HistoryRow

STRONG_COLUMNS = (
    "Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps", "RPE",
    "Distance", "Distance Unit", "Seconds", "Notes", "Workout Notes",
)  # fmt: skip
EXTRA_COLUMNS = ("RIR", "Technique", "Segment")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def export_csv(rows: Sequence[HistoryRow]) -> str:
    """Strong's columns plus RIR, Technique and Segment; a 12+4+3 rest-pause set is three rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STRONG_COLUMNS + EXTRA_COLUMNS)
    set_order: dict[tuple[str, str], int] = {}
    for row in rows:
        day = row.performed_at.strftime("%Y-%m-%d")
        key = (day, row.set.exercise)
        set_order[key] = set_order.get(key, 0) + 1
        for number, segment in enumerate(row.set.segments, start=1):
            writer.writerow(
                (
                    row.performed_at.strftime("%Y-%m-%d %H:%M:%S"),
                    f"Workout {day}",
                    row.set.exercise,
                    set_order[key],
                    _number(segment.load),
                    row.set.unit or "",
                    segment.reps,
                    _number(row.set.rpe),
                    "",
                    "",
                    row.set.rest_s if number > 1 and row.set.rest_s is not None else "",
                    "AMRAP" if row.set.amrap else ("bodyweight" if row.set.bodyweight else ""),
                    "",
                    _number(row.set.rir),
                    row.set.technique.value,
                    number,
                )
            )
    return buffer.getvalue()
