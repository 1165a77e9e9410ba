"""English words for the bot's profile: the command menu (one description per command) and the
descriptions Telegram shows before a chat starts. Telegram's limits: a command's description 1-256
characters, the description 512, the short description (profile page, shared links) 120."""

from __future__ import annotations

from handlers.words import N_

COMMANDS: dict[str, str] = {
    "start": N_("Set up: unit, experience, time zone, check-ins"),
    "help": N_("How to write sets"),
    "history": N_("Your recent sets"),
    "why": N_("The reasons behind my last feedback"),
    "undo": N_("Remove the last logged entry"),
    "settings": N_("Unit, experience, time zone, check-in, language"),
    "forget": N_("Delete all my data"),
    "ask": N_("Ask a technique question"),
    "week": N_("The last 7 days, with a chart"),
    "progress": N_("A lift over time: /progress bench"),
    "export": N_("Everything I keep, as CSV files"),
    "checkin": N_("Check in now: soreness and joints"),
    "pause": N_("Pause the daily check-in"),
    "resume": N_("Restart the daily check-in"),
    "privacy": N_("What I keep, for how long, and how to delete it"),
    "done": N_("End the workout: a summary of the session"),
    "block": N_("Set up a training block"),
}

CATALOGUE: dict[str, str] = {
    **{f"command.{name}": description for name, description in COMMANDS.items()},
    "description": N_(
        "Text me your sets between sets, in the shorthand you already use (bench 100kg 3x8 @8, lat raise 20kg "
        "12+4+3 RIR1), and I answer at once with short, specific feedback, each remark with its source. Daily "
        "check-ins on soreness and joints, /week and /progress charts, Strong CSV import and export. Works in "
        "groups too: I answer only commands to me and lines that read as sets."
    ),
    "short_description": N_(
        "A training coach that reads your sets as you text them and answers with sourced feedback."
    ),
}
