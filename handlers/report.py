"""/week, /progress, /export and CSV import: progress a lifter can see and take with them."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from handlers.base import Attachment, Incoming, Reply, Services, file_name
from handlers.checkins import local_day
from handlers.render import escape, plural
from rules.catalog import lookup
from rules.context import Context
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK
from rules.models import MessageKind, UserSettings
from rules.report import WeekReport, progress, weekly_report
from rules.strong_csv import MAX_IMPORT_ROWS, export_csv, import_csv

REPORT_DAYS = 14  # this week and the one before, for e1RM changes
MAX_PROBLEMS_SHOWN = 10


def render_week(report: WeekReport) -> str:
    if not report.sets:
        return "No sets in the last 7 days. Log one like <code>bench 100kg 3x8 @8</code>."
    lines = [f"📅 <b>{report.start:%d %b} – {report.end:%d %b}</b>: {report.sets} sets"]
    hard = " · ".join(f"{m.muscle.replace('_', ' ')} {m.hard_sets}" for m in report.muscles[:8])
    lines.append(f"<b>Hard sets</b> (RIR ≤ 3) per muscle: {hard}")
    intensified = [m for m in report.muscles if m.intensifier_sets]
    if intensified:
        parts = [
            f"{m.muscle.replace('_', ' ')} {m.intensifier_sets}×" + (" ⚠️" if m.over_intensifier_limit else "")
            for m in intensified
        ]
        lines.append(
            f"<b>Intensifiers</b> (guide: once or twice per muscle per week, at most {MAX_INTENSIFIER_DAYS_PER_WEEK}): "
            f"{', '.join(parts)}"
        )
    effort = report.effort
    if effort.rated:
        lines.append(
            f"<b>Effort</b>: RPE ≤6 {effort.share(effort.easy):.0%} · 7-8 {effort.share(effort.productive):.0%} · "
            f"9 {effort.share(effort.hard):.0%} · 10 {effort.share(effort.failure):.0%} "
            "(aim: most at 7-9, 10 only on last isolation sets)"
        )
    if effort.unrated:
        lines.append(f"<i>{effort.unrated} sets had no RPE/RIR.</i>")
    if report.compound_failure_sets:
        lines.append(
            f"⚠️ <b>{plural(report.compound_failure_sets, 'compound set')} at RPE 10</b> this week: stop compounds at "
            "RIR 1-2 (technical failure); RPE 10 belongs on the last set of isolation work (failure-proximity guide)."
        )
    for lift in report.lifts:
        change = f"{lift.before:.0f} → {lift.now:.0f} {lift.unit}" if lift.before else f"{lift.now:.0f} {lift.unit}"
        lines.append(f"<b>{escape(lift.exercise)}</b> e1RM: {change}")
    if report.checkin_days:
        joints = "; ".join(f"{j.joint} {j.first.value} → {j.last.value}" for j in report.joints) or "no joint issues"
        lines.append(f"<b>Check-ins</b>: sore {report.sore_days} of {report.checkin_days} days; {joints}")
    return "\n".join(lines)


async def report_context(services: Services, user: UserSettings, days: int) -> Context:
    """The last `days` of sets and check-ins, for the weekly report."""
    now = services.clock()
    history = await services.storage.history(user.id, since=now - timedelta(days=days))
    checkins = await services.storage.checkins(user.id, since=(now - timedelta(days=days)).date())
    return Context(now=now, history=history, checkins=checkins, profile=user.profile, today=local_day(user, now))


async def week(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/week: the last 7 days against the guides, then a chart."""
    report = weekly_report(await report_context(services, user, REPORT_DAYS))
    chart = await services.charts.week(report) if report.sets else None
    attachment = Attachment(f"week-{report.end}.png", chart, photo=True) if chart else None
    return Reply(render_week(report), attachment=attachment)


async def show_progress(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/progress <exercise>: e1RM and best set over time, as a chart."""
    asked = message.text.partition(" ")[2].strip()
    if not asked:
        return Reply("Which exercise? e.g. <code>/progress bench</code>")
    exercise = lookup(asked)
    name = exercise.name if exercise else asked
    rows = await services.storage.exercise_summaries(user.id, name)
    if not rows:
        return Reply(f"No <b>{escape(name[:60])}</b> sets logged yet.")
    points = progress(rows)
    unit = await services.storage.exercise_unit(user.id, name) or user.unit
    chart = await services.charts.progress(name, points, unit)
    last = points[-1]
    estimate = f"e1RM {last.e1rm:.0f} {unit}" if last.e1rm else "no e1RM (no load)"
    text = (
        f"<b>{escape(name)}</b>: {plural(len(points), 'session')}; latest {estimate}, best set {escape(last.best_set)}."
    )
    return Reply(text, attachment=Attachment(file_name(f"progress-{name}", ".png"), chart, photo=True))


async def export(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/export: every set as a Strong-style CSV file."""
    rows = await services.storage.all_sets(user.id)
    data = export_csv(rows).encode()
    return Reply(f"📦 {len(rows)} sets, in Strong's CSV columns (plus RIR, Technique, Segment).",
                 attachment=Attachment("setcoach-export.csv", data))  # fmt: skip


MAX_IMPORT_BYTES = 5 * 1024 * 1024  # Telegram's file metadata may be missing or wrong: the content is measured too
TOO_BIG = "That file is over 5 MB; export a shorter range from Strong (Settings → Export, by date)."


async def import_file(user: UserSettings, content: bytes, services: Services) -> Reply:
    """A Strong CSV sent as a document (or `python -m bot import`): add its sets, skip what is there.

    The file is read in a worker thread, so a big one does not hold other lifters' replies; at most
    MAX_IMPORT_BYTES and MAX_IMPORT_ROWS are read, and the reply says so when a limit was reached."""
    if len(content) > MAX_IMPORT_BYTES:
        return Reply(TOO_BIG)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    result = await asyncio.to_thread(import_csv, text, user.unit, MAX_IMPORT_ROWS)
    added = skipped = sets = 0
    for workout in result.workouts:
        if await services.storage.message_row(user.id, 0, workout.legacy_import_id) is not None:
            skipped += 1  # imported before ids had 63 bits
            continue
        stored = await services.storage.record_message(
            user.id, 0, workout.import_id, f"import: {workout.name} {workout.performed_at:%Y-%m-%d}",
            workout.performed_at,
        )  # fmt: skip
        if not stored.is_new:
            skipped += 1
            continue
        await services.storage.save_outcome(
            user.id, stored.row, MessageKind.IMPORT, workout.sets, workout.performed_at, times=workout.times
        )
        added += 1
        sets += len(workout.sets)
    lines = [f"📥 Imported {plural(sets, 'set')} from {plural(added, 'workout')}."]
    if skipped:
        lines.append(f"Skipped {plural(skipped, 'workout')} already imported.")
    for line, problem in result.problems[:MAX_PROBLEMS_SHOWN]:
        lines.append(f"Line {line}: {escape(problem)} (row skipped)")
    if len(result.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"…and {len(result.problems) - MAX_PROBLEMS_SHOWN} more rows skipped.")
    if result.stopped_at is not None:
        lines.append(
            f"I read the first {MAX_IMPORT_ROWS:,} rows and stopped at line {result.stopped_at}: "
            "send the rest as a second file (export a later date range from Strong)."
        )
    return Reply("\n".join(lines))
