"""Check-ins: /checkin, /pause, /resume, the prompt's buttons, and free-text answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from handlers.base import Button, Incoming, Reply, Services, buttons
from handlers.callbacks import CheckinDone, CheckinPress, PickJoint, RateJoint, Soreness
from handlers.render import escape, render_feedback_items
from handlers.words import feedback as feedback_words
from handlers.words import say, tr
from handlers.words.checkins import CATALOGUE
from handlers.words.exercises import body_part, exercise_name, level_name
from rules.checkins import JOINT_BUTTONS, Understood, assessment, is_body_word, read_answer, says_sore
from rules.checkins import prompt as prompt_about
from rules.models import Awaiting, CheckIn, JointLevel, LoggedSet, ParsedSet, UserSettings
from rules.notation import Msg, parse_message
from rules.schedule import next_checkin_for

RECENT_DAYS = 4  # the prompt asks about the most recent session within this window
ASSESSMENT_DAYS = 14
CHECKIN_SCALE_TOP = 3  # the prompt's levels: 0-3 (none, mild, moderate, severe)
HOW_TO_ANSWER = CATALOGUE["how_to_answer"]  # English; _w("how_to_answer") in the lifter's language


def _w(message_id: str, **params: object) -> str:
    return say(CATALOGUE, message_id, **params)


def local_zone(user: UserSettings) -> ZoneInfo:
    return ZoneInfo(user.timezone or "UTC")


def local_day(user: UserSettings, now: datetime) -> date:
    return now.astimezone(local_zone(user)).date()


def _last_session(history: list[LoggedSet], zone: tzinfo) -> list[LoggedSet]:
    """The last training day's sets, by the lifter's calendar (a Tokyo morning spans UTC midnight)."""
    if not history:
        return []
    last_day = history[-1].performed_at.astimezone(zone).date()
    return [logged for logged in history if logged.performed_at.astimezone(zone).date() == last_day]


def soreness_buttons() -> tuple[tuple[Button, ...], ...]:
    return buttons([(level_name(level.value).capitalize(), Soreness(level.value)) for level in JointLevel])


def joint_buttons() -> tuple[tuple[Button, ...], ...]:
    row = [(body_part(joint).capitalize(), PickJoint(joint)) for joint in JOINT_BUTTONS]
    return buttons([(_w("no_joint_issues"), CheckinDone())], row[:3], row[3:])


def prompt_words(recent: list[LoggedSet]) -> str:
    """What the prompt asks, about the muscles trained and the intensifiers used, in the lifter's language
    (muscle, technique and exercise names too)."""
    asked = prompt_about(recent)
    if not asked.muscles:
        return _w("prompt.none")
    intensified = [
        _w("prompt.on", technique=tr(feedback_words.TECHNIQUES.get(used.technique.value, used.technique.value)),
           exercise=exercise_name(used.exercise))
        for used in asked.intensified
    ]  # fmt: skip
    extra = f" ({'; '.join(intensified)})" if intensified else ""
    return _w("prompt.last", muscles=", ".join(dict.fromkeys(body_part(m) for m in asked.muscles)), extra=extra)


def understood_words(understood: tuple[Understood, ...]) -> str:
    """`elbow: moderate; chest: mild; swelling`, in the lifter's language."""
    said: list[str] = []
    for item in understood:
        level = level_name(item.level.value)
        match item.what:
            case "all_good":
                said.append(_w("understood.all_good"))
            case "joint":
                said.append(_w("understood.joint", joint=body_part(item.name), level=level))
            case "muscles":
                muscles = ", ".join(dict.fromkeys(body_part(m) for m in item.muscles))
                said.append(_w("understood.muscles", muscles=muscles, level=level))
            case "soreness":
                said.append(_w("understood.soreness", level=level))
            case "sign":
                said.append(tr(feedback_words.SIGNS.get(item.name, item.name)))
    return "; ".join(said)


def prompt_reply(recent: list[LoggedSet], zone: tzinfo = UTC) -> Reply:
    """The daily question, about what they actually trained (`recent`: the last few days' sets)."""
    text = escape(prompt_words(_last_session(recent, zone)))
    return Reply(f"{text}\n\n{_w('prompt.soreness_first')}", soreness_buttons())


async def prompt(services: Services, user: UserSettings) -> Reply:
    now = services.clock()
    recent = await services.storage.history(user.id, since=now - timedelta(days=RECENT_DAYS))
    return prompt_reply(recent, local_zone(user))


async def checkin_now(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/checkin: ask now; typed answers are expected after it."""
    await services.storage.update_user(user.id, awaiting=Awaiting.CHECKIN)
    return await prompt(services, user)


async def pause(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/pause: stop the daily prompt (the time is kept for /resume)."""
    await services.storage.disable_checkins(user.id)
    return Reply(_w("paused"))


async def resume(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/resume: restart the daily prompt at the saved time."""
    zone = user.timezone or "UTC"
    moment = next_checkin_for(user, services.clock())
    await services.storage.update_user(user.id, checkins_on=True, next_checkin_utc=moment)
    note = "" if user.timezone else _w("resumed.no_zone")
    return Reply(_w("resumed", time=user.checkin_time, zone=escape(zone), note=note))


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
            return Reply(_w("soreness", level=level_name(level)), joint_buttons())
        case PickJoint(joint) if joint in JOINT_BUTTONS:
            choices = [(level_name(level.value).capitalize(), RateJoint(joint, level.value)) for level in JointLevel
                       if level is not JointLevel.NONE]  # fmt: skip
            return Reply(_w("how_irritated", joint=body_part(joint)), buttons(choices))
        case RateJoint(joint, level) if joint in JOINT_BUTTONS and level in levels:
            joints = {**current.joints, joint: JointLevel(level)}
            await storage.save_checkin(user.id, current.model_copy(update={"joints": joints}), None, services.clock())
            said = _w("joint_level", joint=body_part(joint).capitalize(), level=level_name(level))
            return Reply(said, joint_buttons())
        case CheckinDone():
            await storage.update_user(user.id, awaiting=None)
            return await _save_and_assess(services, user, current, None, _w("saved"))
    return Reply(_w("out_of_date"))


def reads_as_sets(text: str) -> bool:
    """`back squat 100kg 5` is a set even while a check-in is awaited (it names a known exercise). A muscle
    that is also an exercise's name (`бицепс 2`, `calves 1`, `пресс 0`) with a level on the 0-3 scale and no
    load is how it feels: a check-in answer; `calves 15` or `бицепс 20кг 12` is a set."""
    result = parse_message(text)
    return (
        bool(result.sets)
        and all(parsed.known for parsed in result.sets)
        and not any(_a_level_not_a_set(parsed) for parsed in result.sets)
    )


def _a_level_not_a_set(parsed: ParsedSet) -> bool:
    unloaded = all(segment.load is None for segment in parsed.segments) and not parsed.bodyweight
    levels = all(segment.reps <= CHECKIN_SCALE_TOP for segment in parsed.segments)
    return is_body_word(parsed.raw_exercise) and unloaded and levels


def reads_as_joints(text: str) -> bool:
    """`knee 3`, `lower back 2`: the parser refuses a joint as an exercise (`not_an_exercise`); `грудь забита`,
    `ноги болят`: body words and how they feel, no numbers (a bare `ноги` may be a workout's heading)."""
    result = parse_message(text)
    if not result.sets and result.errors:
        refused = all(error.code == Msg.NOT_AN_EXERCISE for error in result.errors)
        return refused or (is_body_word(text) and says_sore(text))
    return bool(result.sets) and all(not s.known and is_body_word(s.raw_exercise) for s in result.sets)


def level_not_a_load(named: tuple[str, ...]) -> Reply:
    """`knee 2kg`: a check-in level is 0-3, not a load; ask again, with the body word the lifter wrote."""
    return Reply(_w("level_not_a_load", named=escape(", ".join(named)), example=escape(named[0])))


def not_an_answer() -> Reply:
    return Reply(f"{_w('unreadable')}\n{_w('how_to_answer')}", soreness_buttons())


async def typed_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A free-text answer to the prompt; None for anything else (a set, a question, a command word), which
    the router then routes as usual (and answers with `not_an_answer` if nothing claims it)."""
    if reads_as_sets(message.text):
        return None
    day = local_day(user, services.clock())
    reading = read_answer(message.text, day)
    if reading.unclear:  # `knee 2kg`: a load is no level; nothing saved, the check-in still awaited
        return level_not_a_load(reading.unclear)
    if reading.checkin is None:
        return None
    await services.storage.update_user(user.id, awaiting=None)
    said = _w("saved.understood", understood=understood_words(reading.understood))
    return await _save_and_assess(services, user, await _merged(services, user, reading.checkin), message.text, said)


async def joint_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A joint and a level typed on its own (`knee 3`): added to today's check-in."""
    day = local_day(user, services.clock())
    reading = read_answer(message.text, day)
    if reading.unclear:  # `knee 20kg`: a load is no level, so nothing is saved
        return level_not_a_load(reading.unclear)
    if reading.checkin is None or not (reading.checkin.joints or reading.checkin.sore_muscles):
        return None
    if user.awaiting == Awaiting.CHECKIN:
        await services.storage.update_user(user.id, awaiting=None)
    said = _w("saved.understood", understood=understood_words(reading.understood))
    return await _save_and_assess(services, user, await _merged(services, user, reading.checkin), message.text, said)


async def _merged(services: Services, user: UserSettings, checkin: CheckIn) -> CheckIn:
    """Joints, sore muscles and signs answered one message at a time (`elbow 2`, then `hamstrings 2`) add up
    within a day; an answer naming none of them (`all good`) replaces the day's."""
    if not (checkin.joints or checkin.sore_muscles or checkin.signs):
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
