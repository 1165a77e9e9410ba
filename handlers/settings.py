"""/start onboarding and /settings: unit, experience, time zone, check-in time, language. Every step skippable."""

from __future__ import annotations

from handlers.base import Incoming, Reply, Services, buttons
from handlers.callbacks import AskStep, Choose, SkipStep
from handlers.render import escape
from handlers.words import DEFAULT_LANGUAGE, LANGUAGES, current_language, say, use_language
from handlers.words.settings import CATALOGUE
from rules.models import Awaiting, Experience, UserSettings
from rules.notation import parse_message
from rules.schedule import next_checkin_for, parse_clock, parse_timezone

# The onboarding steps, in order; each callback `set:<step>:<value>` moves to the next one. The language is
# a /settings step only: it starts as the lifter's Telegram language.
STEPS = ("unit", "experience", "timezone", "checkin")
LANGUAGE = "language"
DEFAULT_CHECKIN = "09:00"


def _w(message_id: str, **params: object) -> str:
    return say(CATALOGUE, message_id, **params)


def language_name(code: str) -> str:
    """A language's name in the current language ("English", "Russian"; in Russian "английский", ...)."""
    return _w(f"language.{code}") if f"language.{code}" in CATALOGUE else code


def ask(step: str, user: UserSettings) -> Reply:
    """The question for one step, with its buttons."""
    skip = (_w("skip"), SkipStep(step))
    if step == "unit":
        return Reply(
            _w("unit.ask", unit=user.unit),
            buttons([("kg", Choose("unit", "kg")), ("lb", Choose("unit", "lb")), skip]),
        )
    if step == "experience":
        return Reply(
            _w("experience.ask", experience=_w(f"level.{user.experience.value}")),
            buttons(
                [
                    (_w("experience.beginner"), Choose("experience", "beginner")),
                    (_w("experience.intermediate"), Choose("experience", "intermediate")),
                ],
                [(_w("experience.advanced"), Choose("experience", "advanced")), skip],
            ),
        )
    if step == "timezone":
        return Reply(
            _w("timezone.ask", zone=escape(user.timezone or _w("timezone.not_set"))),
            buttons([("UTC", Choose("timezone", "UTC")), skip]),
        )
    if step == LANGUAGE:
        now = language_name(user.language) if user.language else _w("language.auto", language=_current())
        return Reply(
            _w("language.ask", language=now),
            buttons(
                [("English", Choose(LANGUAGE, "en")), ("Русский", Choose(LANGUAGE, "ru"))],
                [(_w("language.auto.button"), Choose(LANGUAGE, "auto"))],
            ),
        )
    state = _w("checkin.on_at", time=user.checkin_time) if user.checkins_on else _w("checkin.off")
    return Reply(
        _w("checkin.ask", state=state),
        buttons(
            [
                (_w("checkin.yes_at", time=DEFAULT_CHECKIN), Choose("checkin", DEFAULT_CHECKIN)),
                (_w("checkin.other_time"), AskStep("checkin_time")),
            ],
            [(_w("checkin.no"), Choose("checkin", "off")), skip],
        ),
    )


def _current() -> str:
    return language_name(current_language())


def _awaiting_after(step: str) -> Awaiting | None:
    """The time-zone question is answered by typing (`Europe/Berlin`): the onboarding step before it leaves it
    awaited, as /settings' Time zone button does."""
    following = STEPS[STEPS.index(step) + 1] if step in STEPS[:-1] else None
    return Awaiting.TIMEZONE if following == "timezone" else None


def _after(step: str, user: UserSettings, said: str) -> Reply:
    """What to say once a step is answered: the next step's question, or the end of onboarding."""
    if step not in STEPS:
        return Reply(said)
    index = STEPS.index(step)
    if index + 1 < len(STEPS):
        following = ask(STEPS[index + 1], user)
        return Reply(f"{said}\n\n{following.html}", following.buttons)
    return Reply(f"{said}\n\n{_w('done')}")


async def start(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/start: a short onboarding. The language Telegram reports is kept, so check-ins (sent with no
    message to read it from) come in it too."""
    if user.language is None and current_language() != DEFAULT_LANGUAGE:
        user = await services.storage.update_user(user.id, language=current_language())
    first = ask(STEPS[0], user)
    return Reply(f"{_w('welcome')}\n\n{first.html}", first.buttons)


async def show_settings(message: Incoming, user: UserSettings, services: Services) -> Reply:
    """/settings: what is set, and a button for each."""
    checkin = _w("show.daily_at", time=user.checkin_time) if user.checkins_on else _w("checkin.off")
    language = language_name(user.language) if user.language else _w("language.auto", language=_current())
    text = _w(
        "show", unit=user.unit, experience=_w(f"level.{user.experience.value}"),
        zone=escape(user.timezone or _w("timezone.not_set")), checkin=checkin, language=language,
    )  # fmt: skip
    return Reply(
        text,
        buttons(
            [(_w("button.unit"), AskStep("unit")), (_w("button.experience"), AskStep("experience"))],
            [(_w("button.timezone"), AskStep("timezone")), (_w("button.checkin"), AskStep("checkin"))],
            [(_w("button.language"), AskStep(LANGUAGE))],
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
        # The choice is answered at once, whatever unit the last sets were in (rules.units.lifter_unit).
        user = await storage.update_user(user.id, unit=value, unit_set_at=services.clock(), awaiting=None)
        return _after(step, user, _w("unit.set", unit=value))
    if step == "experience" and value in Experience.__members__.values():
        user = await storage.update_user(user.id, experience=value, awaiting=_awaiting_after(step))
        return _after(step, user, _w("experience.set", experience=_w(f"level.{value}")))
    if step == LANGUAGE and value in (*LANGUAGES, "auto"):
        chosen = None if value == "auto" else value
        await storage.update_user(user.id, language=chosen, awaiting=None)
        if chosen is not None:
            use_language(chosen)
        return Reply(_w("language.set.auto") if chosen is None else _w(f"language.set.{chosen}"))
    if step == "timezone":
        return await set_timezone(user, value, services)
    if step == "checkin":
        if value == "off":
            await storage.update_user(user.id, checkins_on=False, next_checkin_utc=None, awaiting=None)
            return _after(step, user, _w("checkin.none"))
        if parse_clock(value) is None:
            return Reply(_w("checkin.not_a_time"))
        user = await _schedule(user, services, value)
        zone = escape(user.timezone or "UTC")
        return _after(step, user, _w("checkin.set", time=user.checkin_time, zone=zone))
    return Reply(_w("out_of_date"))


async def skip(user: UserSettings, step: str, services: Services) -> Reply:
    if step not in STEPS:
        return Reply(_w("skipped"))
    if user.awaiting != _awaiting_after(step):
        user = await services.storage.update_user(user.id, awaiting=_awaiting_after(step))
    return _after(step, user, _w("skipped"))


async def ask_again(user: UserSettings, step: str, services: Services) -> Reply:
    """A button press `ask:<step>`: show that step's question (and wait for typed answers)."""
    if step == "checkin_time":
        await services.storage.update_user(user.id, awaiting=Awaiting.CHECKIN_TIME)
        return Reply(_w("checkin.what_time"), buttons([(_w("skip"), SkipStep("checkin"))]))
    if step not in (*STEPS, LANGUAGE):
        return Reply(_w("out_of_date"))
    if step == "timezone":
        user = await services.storage.update_user(user.id, awaiting=Awaiting.TIMEZONE)
    return ask(step, user)


async def set_timezone(user: UserSettings, text: str, services: Services) -> Reply:
    zone = parse_timezone(text)
    if zone is None:
        await services.storage.update_user(user.id, awaiting=Awaiting.TIMEZONE)
        return Reply(_w("timezone.unknown", text=escape(text[:40])), buttons([(_w("skip"), SkipStep("timezone"))]))
    user = await services.storage.update_user(user.id, timezone=zone, awaiting=None)
    if user.checkins_on:
        user = await _schedule(user, services, user.checkin_time)
    return _after("timezone", user, _w("timezone.set", zone=escape(zone)))


async def timezone_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A typed reply to "Your time zone?"; a set sent instead (`bench 225 5`) is logged, and the question
    is no longer awaited."""
    if parse_timezone(message.text) is None and _reads_as_sets(message.text, user):
        await services.storage.update_user(user.id, awaiting=None)
        return None
    return await set_timezone(user, message.text, services)


def _reads_as_sets(text: str, user: UserSettings) -> bool:
    read = parse_message(text, user.unit)
    return bool(read.sets or read.heading or any(error.sets for error in read.errors))


async def checkin_time_answer(message: Incoming, user: UserSettings, services: Services) -> Reply | None:
    """A typed reply to "What time?" for the daily check-in."""
    if parse_clock(message.text) is None:
        return Reply(_w("checkin.unreadable"), buttons([(_w("skip"), SkipStep("checkin"))]))
    return await choose(user, "checkin", message.text, services)
