"""Check-ins: /checkin, /pause, /resume, the prompt's buttons, and free-text answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from handlers.base import Button, Incoming, Reply, Services, buttons
from handlers.callbacks import CheckinDone, CheckinPress, PickJoint, RateJoint, Soreness
from handlers.render import escape, render_feedback_items
from rules.checkins import JOINT_BUTTONS, JOINTS, assessment, prompt_text, read_answer
from rules.models import Awaiting, CheckIn, JointLevel, LoggedSet, UserSettings
from rules.notation import Msg, parse_message
from rules.schedule import next_checkin_for

RECENT_DAYS = 4  # the prompt asks about the most recent session within this window
ASSESSMENT_DAYS = 14
HOW_TO_ANSWER = (
    "Tap the buttons, or answer in words, e.g. <code>elbow 2, chest a bit sore</code> or <code>all good</code>. "
    "Joints: elbow, shoulder, knee, lower back, wrist, hip; levels 0-3 or none/mild/moderate/severe."
)


def local_day(user: UserSettings, now: datetime) -> date:
    return now.astimezone(ZoneInfo(user.timezone or "UTC")).date()


def _last_session(history: list[LoggedSet]) -> list[LoggedSet]:
    if not history:
        return []
    last_day = history[-1].performed_at.date()
    return [logged for logged in history if logged.performed_at.date() == last_day]


def soreness_buttons() -> tuple[tuple[Button, ...], ...]:
    return buttons([(level.value.capitalize(), Soreness(level.value)) for level in JointLevel])


def joint_buttons() -> tuple[tuple[Button, ...], ...]:
    row = [(joint.capitalize(), PickJoint(joint)) for joint in JOINT_BUTTONS]
    return buttons([("No joint issues", CheckinDone())], row[:3], row[3:])


def prompt_reply(recent: list[LoggedSet]) -> Reply:
    """The daily question, about what they actually trained (`recent`: the last few days' sets)."""
    text = escape(prompt_text(_last_session(recent)))
    return Reply(f"{text}\n\nSoreness first:", soreness_buttons())


async def prompt(services: Services, user: UserSettings) -> Reply:
    now = services.clock()
    return prompt_reply(await services.storage.history(user.id, since=now - timedelta(days=RECENT_DAYS)))


async def checkin_now(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/checkin: ask now; typed answers are expected after it."""
    await services.storage.update_user(user.id, awaiting=Awaiting.CHECKIN)
    return await prompt(services, user)


async def pause(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/pause: stop the daily prompt (the time is kept for /resume)."""
    await services.storage.disable_checkins(user.id)
    return Reply("⏸️ Daily check-ins paused. /resume starts them again; /checkin asks any time.")


async def resume(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/resume: restart the daily prompt at the saved time."""
    zone = user.timezone or "UTC"
    moment = next_checkin_for(user, services.clock())
    await services.storage.update_user(user.id, checkins_on=True, next_checkin_utc=moment)
    note = "" if user.timezone else " Set your time zone in /settings so it comes at your local time."
    return Reply(f"▶️ Daily check-ins on, at {user.checkin_time} ({escape(zone)}).{note}")


async def _save_and_assess(
    services: Services, user: UserSettings, checkin: CheckIn, raw: str | None, said: str
) -> Reply:
    now = services.clock()
    await services.storage.save_checkin(user.id, checkin, raw, now)
    history = await services.storage.checkins(user.id, since=checkin.day - timedelta(days=ASSESSMENT_DAYS))
    lines = [escape(said), *render_feedback_items(assessment(history, checkin.day))]
    return Reply("\n".join(lines))


async def button(user: UserSettings, press: CheckinPress, services: Services) -> Reply:
    """A press on the prompt's buttons: soreness, a joint, that joint's level, or done."""
    storage = services.storage
    day = local_day(user, services.clock())
    current = await storage.checkin_on(user.id, day) or CheckIn(day=day)
    levels = JointLevel.__members__.values()
    match press:
        case Soreness(level) if level in levels:
            await storage.save_checkin(
                user.id, current.model_copy(update={"soreness": JointLevel(level)}), None, services.clock()
            )
            return Reply(f"Soreness: {level}. Any joint irritation?", joint_buttons())
        case PickJoint(joint) if joint in JOINT_BUTTONS:
            choices = [(level.value.capitalize(), RateJoint(joint, level.value)) for level in JointLevel
                       if level is not JointLevel.NONE]  # fmt: skip
            return Reply(f"How irritated is your {joint}?", buttons(choices))
        case RateJoint(joint, level) if joint in JOINT_BUTTONS and level in levels:
            joints = {**current.joints, joint: JointLevel(level)}
            await storage.save_checkin(user.id, current.model_copy(update={"joints": joints}), None, services.clock())
            return Reply(f"{joint.capitalize()}: {level}. Another joint, or done?", joint_buttons())
        case CheckinDone():
            await storage.update_user(user.id, awaiting=None)
            return await _save_and_assess(services, user, current, None, "✅ Check-in saved.")
    return Reply("That button is out of date. /checkin asks again.")


def reads_as_sets(text: str) -> bool:
    """`back squat 100kg 5` is a set even while a check-in is awaited (it names a known exercise)."""
    result = parse_message(text)
    return bool(result.sets) and all(parsed.known for parsed in result.sets)


def reads_as_joints(text: str) -> bool:
    """`knee 3`, `lower back 2`: the parser refuses a joint as an exercise (`not_an_exercise`)."""
    result = parse_message(text)
    if not result.sets and result.errors:
        return all(error.code == Msg.NOT_AN_EXERCISE for error in result.errors)
    return bool(result.sets) and all(not s.known and s.raw_exercise.lower() in JOINTS for s in result.sets)


def not_an_answer() -> Reply:
    return Reply(f"I couldn't read that as a check-in, but I kept it.\n{HOW_TO_ANSWER}", soreness_buttons())


async def typed_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A free-text answer to the prompt; None for anything else (a set, a question, a command word), which
    the router then routes as usual (and answers with `not_an_answer` if nothing claims it)."""
    if reads_as_sets(message.text):
        return None
    day = local_day(user, services.clock())
    reading = read_answer(message.text, day)
    if reading.checkin is None:
        return None
    await services.storage.update_user(user.id, awaiting=None)
    said = "✅ Check-in saved: " + "; ".join(reading.understood) + "."
    return await _save_and_assess(services, user, await _merged(services, user, reading.checkin), message.text, said)


async def joint_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A joint and a level typed on its own (`knee 3`): added to today's check-in."""
    day = local_day(user, services.clock())
    reading = read_answer(message.text, day)
    if reading.checkin is None or not reading.checkin.joints:
        return None
    if user.awaiting == "checkin":
        await services.storage.update_user(user.id, awaiting=None)
    said = "✅ Check-in saved: " + "; ".join(reading.understood) + "."
    return await _save_and_assess(services, user, await _merged(services, user, reading.checkin), message.text, said)


async def _merged(services: Services, user: UserSettings, checkin: CheckIn) -> CheckIn:
    """Joints answered one message at a time (`elbow 2`, then `knee 3`) add up within a day; an answer
    without joints (`all good`) replaces the day's."""
    if not checkin.joints:
        return checkin
    current = await services.storage.checkin_on(user.id, checkin.day)
    if current is None:
        return checkin
    soreness = checkin.soreness if checkin.soreness is not JointLevel.NONE else current.soreness
    muscles = tuple(dict.fromkeys((*current.sore_muscles, *checkin.sore_muscles)))
    return checkin.model_copy(
        update={"joints": {**current.joints, **checkin.joints}, "soreness": soreness, "sore_muscles": muscles,
                "signs": tuple(dict.fromkeys((*current.signs, *checkin.signs)))}
    )
