"""English words for check-ins (/checkin, /pause, /resume, the prompt and its buttons) and /forget."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    "prompt.none": N_("Daily check-in: any soreness? Any joint irritation?"),
    "prompt.last": N_("Last session: {muscles}{extra}. How sore are they? Any joint irritation?"),
    "prompt.on": N_("{technique} on {exercise}"),
    "prompt.soreness_first": N_("Soreness first:"),
    "how_to_answer": N_(
        "Tap the buttons, or answer in words, e.g. <code>elbow 2, chest a bit sore</code> or <code>all good</code>. "
        "Joints: elbow, shoulder, knee, lower back, wrist, hip; levels 0-3 or none/mild/moderate/severe."
    ),
    "no_joint_issues": N_("No joint issues"),
    "paused": N_("⏸️ Daily check-ins paused. /resume starts them again; /checkin asks any time."),
    "resumed": N_("▶️ Daily check-ins on, at {time} ({zone}).{note}"),
    "resumed.no_zone": N_(" Set your time zone in /settings so it comes at your local time."),
    "soreness": N_("Soreness: {level}. Any joint irritation?"),
    "how_irritated": N_("How irritated is your {joint}?"),
    "joint_level": N_("{joint}: {level}. Another joint, or done?"),
    "saved": N_("✅ Check-in saved."),
    "saved.understood": N_("✅ Check-in saved: {understood}."),
    # What a typed answer was read as, repeated back (rules.checkins.Understood), joined with "; ".
    "understood.all_good": N_("no soreness, no joint irritation"),
    "understood.joint": N_("{joint}: {level}"),
    "understood.muscles": N_("{muscles}: {level}"),
    "understood.soreness": N_("soreness: {level}"),
    "out_of_date": N_("That button is out of date. /checkin asks again."),
    "unreadable": N_("I couldn't read that as a check-in, but I kept it."),
    "level_not_a_load": N_(
        "🤔 A number with kg or lb is a load, not how your <b>{named}</b> feels, so I saved nothing. Levels are 0-3 "
        "(0 none, 1 mild, 2 moderate, 3 severe): send it like <code>{example} 1</code>."
    ),
    # /forget
    "forget.ask": N_("Delete <b>all</b> your data: {count} messages, every set and check-in? This can't be undone."),
    "forget.yes": N_("Yes, delete everything"),
    "forget.no": N_("No, keep it"),
    "forget.kept": N_("Kept. Nothing was deleted."),
    "forget.expired": N_(
        "That button no longer deletes anything: it works once, for ten minutes, and only for the person "
        "who sent /forget. Nothing was deleted; send /forget again if you mean it."
    ),
    "forget.done": N_("🗑️ Done: I deleted everything I had about you. /start begins again."),
}
