"""/week, /progress, /export and CSV import: progress a lifter can see and take with them."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, timedelta

from handlers.base import Attachment, Incoming, Reply, Services, file_name
from handlers.checkins import local_day, local_zone
from handlers.render import escape, short_date, unit_word
from handlers.words import say
from handlers.words.exercises import body_part, exercise_name, level_name
from handlers.words.report import CATALOGUE
from rules.catalog import lookup
from rules.context import Context
from rules.frequency import MAX_INTENSIFIER_DAYS_PER_WEEK
from rules.models import MessageKind, UserSettings
from rules.notation import format_load
from rules.report import WeekReport, progress, weekly_report
from rules.strong_csv import MAX_IMPORT_ROWS, export_csv, import_csv, inert_cell
from rules.units import lifter_profile, lifter_unit, rounded, rounded_pair

REPORT_DAYS = 14  # this week and the one before, for e1RM changes
MAX_PROBLEMS_SHOWN = 10


def _w(message_id: str, **params: object) -> str:
    return say(CATALOGUE, message_id, **params)


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def render_week(report: WeekReport) -> str:
    if not report.sets:
        return _w("week.none")
    start, end = short_date(report.start), short_date(report.end)
    lines = [_w("week.title", start=start, end=end, sets=report.sets, sets_s=_s(report.sets))]
    hard = " · ".join(f"{body_part(m.muscle)} {m.hard_sets}" for m in report.muscles[:8])
    lines.append(_w("week.hard", hard=hard))
    intensified = [m for m in report.muscles if m.intensifier_sets]
    if intensified:
        parts = [
            f"{body_part(m.muscle)} {m.intensifier_sets}×" + (" ⚠️" if m.over_intensifier_limit else "")
            for m in intensified
        ]
        lines.append(_w("week.intensifiers", limit=MAX_INTENSIFIER_DAYS_PER_WEEK, parts=", ".join(parts)))
    effort = report.effort
    if effort.rated:
        lines.append(_w(
            "week.effort", easy=f"{effort.share(effort.easy):.0%}", productive=f"{effort.share(effort.productive):.0%}",
            hard=f"{effort.share(effort.hard):.0%}", failure=f"{effort.share(effort.failure):.0%}",
        ))  # fmt: skip
    if effort.unrated:
        lines.append(_w("week.unrated", count=effort.unrated, count_s=_s(effort.unrated)))
    if report.compound_failure_sets:
        count = report.compound_failure_sets
        lines.append(_w("week.compound_failure", count=count, count_s=_s(count)))
    for lift in report.lifts:
        unit = unit_word(lift.unit)
        if lift.before:  # e1RMs to the plate step, as every reply says them (a tenth where both would read the same)
            now, before = rounded_pair(lift.now, lift.before, lift.unit)
            change = f"{format_load(before)} → {format_load(now)} {unit}"
        else:
            change = f"{format_load(rounded(lift.now, lift.unit))} {unit}"
        lines.append(_w("week.lift", exercise=escape(exercise_name(lift.exercise)), change=change))
    if report.checkin_days:
        joints = "; ".join(
            f"{body_part(j.joint)} {level_name(j.first.value)} → {level_name(j.last.value)}" for j in report.joints
        ) or _w("week.no_joint_issues")
        lines.append(_w("week.checkins", sore=report.sore_days, days=report.checkin_days, joints=joints))
    return "\n".join(lines)


async def report_context(services: Services, user: UserSettings, days: int) -> Context:
    """The last `days` of sets and check-ins, for the weekly report."""
    now = services.clock()
    history = await services.storage.history(user.id, since=now - timedelta(days=days))
    checkins = await services.storage.checkins(user.id, since=(now - timedelta(days=days)).date())
    zone = local_zone(user)
    profile = lifter_profile(user.profile, history, zone=zone)  # answered in the unit they lift in now
    return Context(now=now, history=history, checkins=checkins, profile=profile, today=local_day(user, now),
                   zone=zone)  # fmt: skip


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
        return Reply(_w("progress.which"))
    exercise = lookup(asked)
    name = exercise.name if exercise else asked
    rows = await services.storage.exercise_summaries(user.id, name)
    if not rows:
        return Reply(_w("progress.none", exercise=escape(exercise_name(name)[:60])))
    # Every point in the unit the lifter lifts in now, as /week speaks it (with no sets in its window: as this
    # exercise's last session was written, unless /settings chose a unit since).
    now = services.clock()
    recent = await services.storage.history(user.id, since=now - timedelta(days=REPORT_DAYS))
    if not recent:
        recent = await services.storage.last_sets(user.id, [name], now)
    zone = local_zone(user)
    unit = lifter_unit(recent, user.unit, chosen_at=user.unit_set_at, zone=zone)
    points = progress(rows, unit, zone)
    chart = await services.charts.progress(name, points, unit)
    last = points[-1]
    estimate = _w("progress.no_e1rm")
    if last.e1rm:
        estimate = _w("progress.e1rm", e1rm=format_load(rounded(last.e1rm, unit)), unit=unit_word(unit))
    text = _w(
        "progress.summary", exercise=escape(exercise_name(name)), sessions=len(points), sessions_s=_s(len(points)),
        estimate=estimate, best=best_set(last.top_load, last.top_reps, unit),
    )  # fmt: skip
    return Reply(text, attachment=Attachment(file_name(f"progress-{name}", ".png"), chart, photo=True))


def best_set(load: float | None, reps: int, unit: str) -> str:
    """`100 kg × 8`, or `12 reps` for a set with no load."""
    if load is None:
        return _w("progress.best_reps", reps=reps, reps_s=_s(reps))
    return _w("progress.best_set", load=format_load(load), unit=unit_word(unit), reps=reps)


async def export(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/export: everything kept about the lifter, as CSV files: the sets (Strong's columns, importable
    elsewhere), every raw message as typed, every check-in."""
    storage = services.storage
    rows = await storage.all_sets(user.id)
    messages = await storage.all_messages(user.id)
    checkins = await storage.checkins(user.id, since=date.min)
    sets_file = Attachment("setcoach-export.csv", export_csv(rows).encode())
    if not messages and not checkins:
        return Reply(_w("export.done", sets=len(rows), sets_s=_s(len(rows))), attachment=sets_file)
    more = (
        Attachment("setcoach-messages.csv", _csv(
            ["Received (UTC)", "Kind", "Text"], [[f"{at:%Y-%m-%d %H:%M:%S}", kind, text] for at, kind, text in messages]
        )),
        Attachment("setcoach-checkins.csv", _csv(["Date", "Soreness", "Sore muscles", "Joints", "Signs"], [
            [f"{c.day}", c.soreness.value, " ".join(c.sore_muscles),
             "; ".join(f"{joint} {level.value}" for joint, level in sorted(c.joints.items())), " ".join(c.signs)]
            for c in checkins
        ])),
    )  # fmt: skip
    reply = _w(
        "export.everything", sets=len(rows), sets_s=_s(len(rows)), messages=len(messages), checkins=len(checkins)
    )
    return Reply(reply, attachment=sets_file, more=more)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    """A CSV whose cells a spreadsheet will not run (raw messages are whatever the lifter typed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([inert_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode()


MAX_IMPORT_BYTES = 5 * 1024 * 1024  # Telegram's file metadata may be missing or wrong: the content is measured too
TOO_BIG = CATALOGUE["import.too_big"]  # English; the reply is in the lifter's language


async def import_file(user: UserSettings, content: bytes, services: Services) -> Reply:
    """A Strong CSV sent as a document (or `python -m bot import`): add its sets, skip what is there.

    The file is read in a worker thread, so a big one does not hold other lifters' replies; at most
    MAX_IMPORT_BYTES and MAX_IMPORT_ROWS are read, and the reply says so when a limit was reached."""
    if len(content) > MAX_IMPORT_BYTES:
        return Reply(_w("import.too_big"))
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
    lines = [_w("import.done", sets=sets, sets_s=_s(sets), workouts=added, workouts_s=_s(added))]
    if skipped:
        lines.append(_w("import.skipped", workouts=skipped, workouts_s=_s(skipped)))
    for line, problem, params in result.problems[:MAX_PROBLEMS_SHOWN]:
        shown = {key: escape(value) if isinstance(value, str) else value for key, value in params.items()}
        if "unit" in shown:
            shown["unit"] = unit_word(str(shown["unit"]))
        what = _w(f"import.problem.{problem}", **shown)
        lines.append(_w("import.problem", line=line, problem=what))
    if len(result.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(_w("import.more", count=len(result.problems) - MAX_PROBLEMS_SHOWN))
    if result.stopped_at is not None:
        lines.append(_w("import.stopped", rows=f"{MAX_IMPORT_ROWS:,}", line=result.stopped_at))
    return Reply("\n".join(lines))
