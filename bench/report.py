"""/week text and charts for a lifter with 5 years of history (~30,000 sets).

Targets: under 150 ms for the /week text, under 400 ms for a chart. Run: python bench/report.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._history import populate
from bot import charts
from bot.charts import MatplotlibCharts
from bot.storage import Storage
from handlers.base import Incoming, Services
from handlers.report import REPORT_DAYS, render_week, report_context, show_progress
from rules.report import weekly_report

LIFTER = 1


def timed(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms"


async def measure(path: Path) -> str:
    storage = await Storage.open(path)
    try:
        count, now = await populate(storage, LIFTER)
        services = Services(storage=storage, charts=MatplotlibCharts(), clock=lambda: now)
        user = await storage.user(LIFTER)
        text_times: list[float] = []
        chart_times: list[float] = []
        progress_times: list[float] = []
        first = weekly_report(await report_context(services, user, REPORT_DAYS))
        await charts.render(charts.week_chart, first)  # imports matplotlib, outside the timing
        for _ in range(10):
            start = time.perf_counter()
            report = weekly_report(await report_context(services, user, REPORT_DAYS))
            render_week(report)
            text_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            await charts.render(charts.week_chart, report)
            chart_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            await show_progress(Incoming(LIFTER, LIFTER, 0, "/progress bench", now), user, services)
            progress_times.append(time.perf_counter() - start)
    finally:
        await storage.close()
    return (
        f"report: /week text {timed(text_times)}; /week chart {timed(chart_times)}; "
        f"/progress bench over 5 years (query + chart) {timed(progress_times)}; {count:,} sets of history"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(asyncio.run(measure(Path(folder) / "report.db")))


if __name__ == "__main__":
    main()
