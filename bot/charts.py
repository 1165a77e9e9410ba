"""PNG charts for /week and /progress: matplotlib (Agg), imported on first use, drawn in a thread.

Readable on a phone: large type, units on the axes, nothing else.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from typing import Any

from rules.report import ProgressPoint, WeekReport

FIGURE_INCHES = (6.4, 4.8)
DPI = 150
FONT_SIZE = 15


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": FONT_SIZE, "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _png(figure: Any, margins: dict[str, float]) -> bytes:
    """Fixed margins per chart: tight_layout would cost ~100 ms a chart for the same look."""
    buffer = io.BytesIO()
    figure.subplots_adjust(**margins)
    figure.savefig(buffer, format="png", dpi=DPI)
    _pyplot().close(figure)
    return buffer.getvalue()


def week_chart(report: WeekReport) -> bytes:
    """Hard sets per muscle this week, intensifier sets as the darker part of each bar."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=FIGURE_INCHES)
    muscles = list(report.muscles)[:10][::-1]
    names = [m.muscle.replace("_", " ") for m in muscles]
    axes.barh(names, [m.hard_sets for m in muscles], color="#9ecae1", label="hard sets")
    axes.barh(names, [m.intensifier_sets for m in muscles], color="#3182bd", label="rest-pause / drop sets")
    axes.set_xlabel("sets this week")
    axes.set_title(f"Week to {report.end:%d %b}")
    if any(m.intensifier_sets for m in muscles):
        axes.legend(loc="lower right", fontsize=FONT_SIZE - 3, frameon=False)
    return _png(figure, {"left": 0.27, "right": 0.96, "top": 0.9, "bottom": 0.14})


MAX_DAILY_POINTS = 120  # beyond this, one point per week (its best) keeps a phone-sized chart readable


def weekly_bests(points: Sequence[ProgressPoint]) -> list[ProgressPoint]:
    weeks: dict[tuple[int, int], ProgressPoint] = {}
    for point in points:
        week = point.day.isocalendar()[:2]
        best = weeks.get(week)
        if best is None or (point.e1rm or 0) > (best.e1rm or 0):
            weeks[week] = point
    return [weeks[week] for week in sorted(weeks)]


def progress_chart(exercise: str, points: Sequence[ProgressPoint], unit: str) -> bytes:
    """e1RM and the heaviest load per training day (per week for long histories)."""
    plt = _pyplot()
    weekly = len(points) > MAX_DAILY_POINTS
    if weekly:
        points = weekly_bests(points)
    marker = {} if len(points) > MAX_DAILY_POINTS // 2 else {"marker": "o"}
    figure, axes = plt.subplots(figsize=FIGURE_INCHES)
    days = [p.day for p in points]
    estimated = [(p.day, p.e1rm) for p in points if p.e1rm is not None]
    if estimated:
        axes.plot([d for d, _ in estimated], [v for _, v in estimated], linewidth=2.5, label="e1RM", **marker)
    loads = [(p.day, p.top_load) for p in points if p.top_load is not None]
    if loads:
        axes.plot([d for d, _ in loads], [v for _, v in loads], linewidth=1.5, linestyle="--",
                  label="heaviest set", **marker)  # fmt: skip
    axes.set_ylabel(unit)
    axes.set_title(f"{exercise} (best per week)" if weekly else exercise)
    axes.legend(frameon=False, fontsize=FONT_SIZE - 3)
    if days:
        figure.autofmt_xdate()
    return _png(figure, {"left": 0.15, "right": 0.96, "top": 0.9, "bottom": 0.2})


async def render(chart: Any, *args: Any) -> bytes:
    """Draw off the event loop: other lifters' messages keep flowing while a chart renders."""
    result: bytes = await asyncio.to_thread(chart, *args)
    return result


class MatplotlibCharts:
    """The handlers' `Charts` port (handlers/ports.py), drawn with matplotlib in a thread."""

    async def week(self, report: WeekReport) -> bytes:
        return await render(week_chart, report)

    async def progress(self, exercise: str, points: Sequence[ProgressPoint], unit: str) -> bytes:
        return await render(progress_chart, exercise, points, unit)
