"""English words for being a good Telegram citizen: /privacy, things that are not text, forwards,
group chats, deep links and the language setting."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    # /privacy
    "privacy": N_(
        "🔒 <b>What I keep, and how to take it or delete it</b>\n"
        "• Every message you send me, as typed (so nothing is lost and edits can correct it), the sets I read "
        "from it and the feedback I gave.\n"
        "• Your check-in answers (soreness, joints) and your settings: unit, experience, time zone, check-in "
        "time, language.\n"
        "• Nothing else: not your name, phone or contacts. Photos, voice messages and stickers are not kept.\n"
        "<b>For how long</b>: until you delete it; nothing expires on its own.\n"
        "<b>Take it</b>: /export sends everything as CSV files: your sets (Strong's columns, importable "
        "elsewhere), every raw message and every check-in.\n"
        "<b>Delete it</b>: /forget deletes all of it at once, after a confirmation. /undo removes the last "
        "logged entry only.\n"
        "In a group I read only commands addressed to me, replies to my messages and lines that read as sets; "
        "what you log there is stored as yours, like here."
    ),
    # Messages that are not text
    "other.photo": N_(
        "📷 I can't read photos yet, not even of a whiteboard or a gym app. Type the set, e.g. "
        "<code>bench 100kg 3x8 @8</code>; from Strong, send its CSV export as a file."
    ),
    "other.sticker": N_("💪 Nice. When you've done the set, type it: <code>squat 100kg 5x5</code>."),
    "other.voice": N_("🎙️ I can't listen yet: type the set, e.g. <code>bench 100kg 3x8 @8</code>."),
    "other.video": N_(
        "🎬 I can't watch videos, so I can't judge your form from one. Type the set and I'll coach what I can "
        "read: load, reps, effort."
    ),
    "other.location": N_("📍 I don't use locations: check-ins come at the time in /settings, in your time zone."),
    "other.contact": N_("I don't keep contacts. To bring a training partner, share me: they text their own sets."),
    "other.poll": N_("📊 I don't vote. Type your set, or ask me a training question."),
    "other.dice": N_("🎲 No dice: progress comes from the next set. Type it, e.g. <code>row 60kg 3x10</code>."),
    "other.file": N_(
        "I read Strong CSV exports sent as files; this one isn't a CSV. Type your set, e.g. "
        "<code>bench 100kg 3x8 @8</code>."
    ),
    "other.any": N_(
        "I read text, and Strong CSV exports sent as files. Send your set as a message, e.g. "
        "<code>bench 100kg 3x8 @8</code>."
    ),
    # Forwarded messages
    "forwarded": N_(
        "↪️ That was forwarded{origin}, so I haven't logged it as yours. Log these sets as your own?"
    ),
    "forwarded.from": N_(" from {name}"),
    "forwarded.yes": N_("Yes, log them as mine"),
    "forwarded.no": N_("No"),
    "forwarded.kept": N_("Not logged. The message is kept, and nothing else changed."),
    "forwarded.gone": N_("I no longer have that message: send the sets again as your own."),
    # Groups
    "group.private": N_(
        "🔒 /{command} is about your own data, so it happens in our private chat, not here. Tap the button to "
        "open it."
    ),
    "group.open": N_("Open my chat"),
    "group.hello": N_(
        "👋 Hi, I'm SetCoach. In this group I answer only commands addressed to me, replies to my messages and "
        "lines that read as sets (<code>bench 100kg 3x8 @8</code>). Check-ins, /week, /export and /forget are "
        "private: I do those in my own chat."
    ),
    # Deep links
    "start.unknown_link": N_("That link asked for something I don't have yet; here is the usual start."),
    # Errors
    "sorry": N_("Sorry, something went wrong on my side; try again in a moment."),
    "unknown_command": N_("I don't know /{command}. /help lists what I can do."),
    "button.gone": N_("That button is out of date."),
}
