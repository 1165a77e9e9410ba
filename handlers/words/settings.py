"""English words for /start onboarding and /settings: the questions, their buttons, what was set."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    "welcome": N_(
        "👋 <b>Welcome to SetCoach.</b> Text me your sets as you train, e.g. <code>bench 100kg 3x8 @8</code>, "
        "and I'll answer with short, sourced feedback. Four quick questions first (tap Skip on any)."
    ),
    "skip": N_("Skip"),
    "skipped": N_("Skipped."),
    "unit.ask": N_("Which unit do you load in? (now: {unit})"),
    "unit.set": N_("Unit: {unit}."),
    "experience.ask": N_("How long have you trained? (now: {experience})"),
    "experience.beginner": N_("Under a year"),
    "experience.intermediate": N_("1-3 years"),
    "experience.advanced": N_("3+ years"),
    "experience.set": N_("Experience: {experience}."),
    "level.beginner": N_("beginner"),
    "level.intermediate": N_("intermediate"),
    "level.advanced": N_("advanced"),
    "timezone.ask": N_(
        "Your time zone? Reply with a city or zone like <code>Europe/Berlin</code> or <code>UTC+2</code> "
        "(now: {zone})."
    ),
    "timezone.not_set": N_("not set"),
    "timezone.unknown": N_(
        "I don't know the time zone <code>{text}</code>. Try a city (<code>Berlin</code>), "
        "a zone (<code>America/New_York</code>) or an offset (<code>UTC-5</code>)."
    ),
    "timezone.set": N_("Time zone: {zone}."),
    "checkin.ask": N_(
        "A daily check-in about soreness and joints? It changes my advice when something is irritated (now: {state})."
    ),
    "checkin.on_at": N_("on at {time}"),
    "checkin.off": N_("off"),
    "checkin.yes_at": N_("Yes, at {time}"),
    "checkin.other_time": N_("Other time"),
    "checkin.no": N_("No thanks"),
    "checkin.none": N_("No daily check-ins. /checkin asks any time."),
    "checkin.not_a_time": N_("That doesn't look like a time of day. Try <code>07:30</code>."),
    "checkin.set": N_("Check-in: daily at {time} ({zone}). /pause stops it."),
    "checkin.what_time": N_("What time? Reply like <code>07:30</code> or <code>7pm</code>."),
    "checkin.unreadable": N_("I couldn't read that time. Reply like <code>07:30</code> or <code>7pm</code>."),
    "done": N_("All set. Send your first set, e.g. <code>squat 100kg 5x5 @8</code>. /help shows more."),
    "out_of_date": N_("That button is out of date. /settings shows the current choices."),
    "show": N_(
        "<b>Your settings</b>\nUnit: {unit}\nExperience: {experience}\nTime zone: {zone}\nCheck-in: {checkin}\n"
        "Language: {language}"
    ),
    "show.daily_at": N_("daily at {time}"),
    "button.unit": N_("Unit"),
    "button.experience": N_("Experience"),
    "button.timezone": N_("Time zone"),
    "button.checkin": N_("Check-in"),
    "button.language": N_("Language / Язык"),
    # The language step (/settings only)
    "language.ask": N_("Which language should I answer in? (now: {language})"),
    "language.auto": N_("as your Telegram app ({language})"),
    "language.auto.button": N_("As my Telegram app"),
    "language.set.en": N_("Language: English. Every reply, button and exercise name is in English now."),
    "language.set.ru": N_("Language: Russian. Every reply, button and exercise name is in Russian now."),
    "language.set.auto": N_("Language: as your Telegram app."),
    "language.en": N_("English"),
    "language.ru": N_("Russian"),
}
