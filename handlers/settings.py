"""/start onboarding and /settings: unit, experience, time zone, check-in time. Every step skippable."""

from __future__ import annotations

from handlers.base import Incoming, Reply, Services, buttons
from handlers.callbacks import AskStep, Choose, SkipStep
from handlers.render import escape
from rules.models import Awaiting, Experience, UserSettings
from rules.schedule import next_checkin_for, parse_clock, parse_timezone

# The onboarding steps, in order; each callback `set:<step>:<value>` moves to the next one.
STEPS = ("unit", "experience", "timezone", "checkin")
DEFAULT_CHECKIN = "09:00"

WELCOME = (
    "👋 <b>Welcome to SetCoach.</b> Text me your sets as you train, e.g. <code>bench 100kg 3x8 @8</code>, "
    "and I'll answer with short, sourced feedback. Four quick questions first (tap Skip on any)."
)


def ask(step: str, user: UserSettings) -> Reply:
    """The question for one step, with its buttons."""
    skip = ("Skip", SkipStep(step))
    if step == "unit":
        return Reply(
            f"Which unit do you load in? (now: {user.unit})",
            buttons([("kg", Choose("unit", "kg")), ("lb", Choose("unit", "lb")), skip]),
        )
    if step == "experience":
        return Reply(
            f"How long have you trained? (now: {user.experience.value})",
            buttons(
                [
                    ("Under a year", Choose("experience", "beginner")),
                    ("1-3 years", Choose("experience", "intermediate")),
                ],
                [("3+ years", Choose("experience", "advanced")), skip],
            ),
        )
    if step == "timezone":
        now = escape(user.timezone or "not set")
        return Reply(
            f"Your time zone? Reply with a city or zone like <code>Europe/Berlin</code> or <code>UTC+2</code> "
            f"(now: {now}).",
            buttons([("UTC", Choose("timezone", "UTC")), skip]),
        )
    state = f"on at {user.checkin_time}" if user.checkins_on else "off"
    return Reply(
        f"A daily check-in about soreness and joints? It changes my advice when something is irritated (now: {state}).",
        buttons(
            [
                (f"Yes, at {DEFAULT_CHECKIN}", Choose("checkin", DEFAULT_CHECKIN)),
                ("Other time", AskStep("checkin_time")),
            ],
            [("No thanks", Choose("checkin", "off")), skip],
        ),
    )


def _after(step: str, user: UserSettings, said: str) -> Reply:
    """What to say once a step is answered: the next step's question, or the end of onboarding."""
    index = STEPS.index(step)
    if index + 1 < len(STEPS):
        following = ask(STEPS[index + 1], user)
        return Reply(f"{said}\n\n{following.html}", following.buttons)
    return Reply(f"{said}\n\nAll set. Send your first set, e.g. <code>squat 100kg 5x5 @8</code>. /help shows more.")


async def start(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/start: a short onboarding."""
    first = ask(STEPS[0], user)
    return Reply(f"{WELCOME}\n\n{first.html}", first.buttons)


async def show_settings(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/settings: what is set, and a button for each."""
    checkin = f"daily at {user.checkin_time}" if user.checkins_on else "off"
    text = (
        "<b>Your settings</b>\n"
        f"Unit: {user.unit}\nExperience: {user.experience.value}\n"
        f"Time zone: {escape(user.timezone or 'not set')}\nCheck-in: {checkin}"
    )
    return Reply(
        text,
        buttons(
            [("Unit", AskStep("unit")), ("Experience", AskStep("experience"))],
            [("Time zone", AskStep("timezone")), ("Check-in", AskStep("checkin"))],
        ),
    )


async def _schedule(user: UserSettings, services: Services, clock: str) -> UserSettings:
    at = parse_clock(clock)
    assert at is not None
    moment = next_checkin_for(user, services.clock(), at)
    return await services.storage.update_user(
        user.id, checkin_time=f"{at:%H:%M}", checkins_on=True, next_checkin_utc=moment, awaiting=None
    )


async def choose(user: UserSettings, step: str, value: str, services: Services) -> Reply:
    """A button press `set:<step>:<value>`."""
    storage = services.storage
    if step == "unit" and value in ("kg", "lb"):
        user = await storage.update_user(user.id, unit=value, awaiting=None)
        return _after(step, user, f"Unit: {value}.")
    if step == "experience" and value in Experience.__members__.values():
        user = await storage.update_user(user.id, experience=value, awaiting=None)
        return _after(step, user, f"Experience: {value}.")
    if step == "timezone":
        return await set_timezone(user, value, services)
    if step == "checkin":
        if value == "off":
            await storage.update_user(user.id, checkins_on=False, next_checkin_utc=None, awaiting=None)
            return _after(step, user, "No daily check-ins. /checkin asks any time.")
        if parse_clock(value) is None:
            return Reply("That doesn't look like a time of day. Try <code>07:30</code>.")
        user = await _schedule(user, services, value)
        zone = escape(user.timezone or "UTC")
        return _after(step, user, f"Check-in: daily at {user.checkin_time} ({zone}). /pause stops it.")
    return Reply("That button is out of date. /settings shows the current choices.")


async def skip(user: UserSettings, step: str, services: Services) -> Reply:
    if step not in STEPS:
        return Reply("Skipped.")
    if user.awaiting:
        user = await services.storage.update_user(user.id, awaiting=None)
    return _after(step, user, "Skipped.")


async def ask_again(user: UserSettings, step: str, services: Services) -> Reply:
    """A button press `ask:<step>`: show that step's question (and wait for typed answers)."""
    if step == "checkin_time":
        await services.storage.update_user(user.id, awaiting=Awaiting.CHECKIN_TIME)
        return Reply(
            "What time? Reply like <code>07:30</code> or <code>7pm</code>.", buttons([("Skip", SkipStep("checkin"))])
        )
    if step not in STEPS:
        return Reply("That button is out of date. /settings shows the current choices.")
    if step == "timezone":
        user = await services.storage.update_user(user.id, awaiting=Awaiting.TIMEZONE)
    return ask(step, user)


async def set_timezone(user: UserSettings, text: str, services: Services) -> Reply:
    zone = parse_timezone(text)
    if zone is None:
        await services.storage.update_user(user.id, awaiting=Awaiting.TIMEZONE)
        return Reply(
            f"I don't know the time zone <code>{escape(text[:40])}</code>. Try a city (<code>Berlin</code>), "
            "a zone (<code>America/New_York</code>) or an offset (<code>UTC-5</code>).",
            buttons([("Skip", SkipStep("timezone"))]),
        )
    user = await services.storage.update_user(user.id, timezone=zone, awaiting=None)
    if user.checkins_on:
        user = await _schedule(user, services, user.checkin_time)
    return _after("timezone", user, f"Time zone: {escape(zone)}.")


async def timezone_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A typed reply to "Your time zone?"."""
    return await set_timezone(user, message.text, services)


async def checkin_time_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A typed reply to "What time?" for the daily check-in."""
    if parse_clock(message.text) is None:
        return Reply(
            "I couldn't read that time. Reply like <code>07:30</code> or <code>7pm</code>.",
            buttons([("Skip", SkipStep("checkin"))]),
        )
    return await choose(user, "checkin", message.text, services)
