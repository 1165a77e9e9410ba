"""The words of the workout conversation: echoes, last time, records, rest pings, the session summary.

Templates are HTML-safe as written; every value filled in is escaped by the caller.
"""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    # How a set was read (appended to its echo line)
    "how.carried": N_(""),
    "how.same_load": N_("same load as last"),
    "how.repeat": N_("same as last"),
    "how.load_change": N_("{delta} {unit}"),
    # Lines that are not sets
    "heading": N_("📋 <b>{exercise}</b>: send its sets (<code>100x8</code>, <code>8</code>, <code>same</code>)."),
    "heading.timed": N_(
        "📋 <b>{exercise}</b>: send its sets (<code>60s</code>, <code>1:30</code>, <code>same</code>)."
    ),
    "heading.technique": N_(
        "📋 <b>{exercise}</b>, {technique}: send the whole set on one line, like <code>{example}</code>."
    ),
    "heading.unknown": N_("📋 <b>{exercise}</b> is new to me: the sets you send next are logged under that name."),
    "heading.note": N_("Noted: <i>{note}</i>"),
    # Once per lifter, with the first bare 135/225/315... while no unit was ever chosen or written
    "unit.hint": N_("💡 Logged in kg. Lifting in lb? Write <code>{load}lb</code>, or choose lb in /settings."),
    "warmups": N_("🔥 Warm-ups: the next sets are logged as warm-ups (kept out of hard sets, records and e1RM)."),
    "working": N_("💪 Working sets from here."),
    "rest_day": N_("🛌 Rest day: nothing logged today. Send your sets when you next train."),
    "rest.set": N_("⏱ Rest {seconds}: I'll ping you when it's up."),
    "rest.ping": N_("⏱ {seconds} up: next set of <b>{exercise}</b>; last {last}."),
    "rest.ping.plain": N_("⏱ {seconds} up: time for your next set."),
    "ask.number": N_(
        "🤔 <b>{value}</b> alone: the load or the reps? (Last set: {last}.) Tap one, or write it out, e.g. "
        "<code>{value}kg {reps}</code>."
    ),
    "ask.at": N_(
        "🤔 <b>@{value}</b>: an RPE goes up to 10, and {value} {unit} is far from your last set ({last}). Tap what "
        "it was, or write it out: <code>{reps} @{value}{unit}</code> for the load, <code>{reps} @9</code> for an RPE."
    ),
    "ask.load": N_("{value} {unit} × {reps}"),
    "ask.reps": N_("{value} rep{value_s} @ {load}"),
    "ask.gone": N_("That question is out of date: send the set again, e.g. <code>100kg 8</code>."),
    "done.nothing": N_("No session open, so nothing to sum up. Log a set to start one."),
    # Conversation errors
    "problem.unread": N_(
        "🤔 I couldn't read that as a set. Send it like <code>100x8</code>, <code>8 @9</code>, <code>same</code> "
        "or <code>rest 90</code>; your message is kept."
    ),
    "problem.nothing_to_repeat": N_(
        "🤔 Nothing to repeat yet: log a set first, e.g. <code>bench 100kg 8</code>, then <code>same</code>."
    ),
    "problem.no_exercise": N_(
        "🤔 Which exercise? Name it on a line of its own (<code>Bench Press</code>) or in the set "
        "(<code>bench 100kg 8</code>); lines after it without a name are its sets."
    ),
    "problem.no_load_to_change": N_(
        "🤔 <code>+2.5</code> changes the last set's load, and there is no loaded set to change yet."
    ),
    "problem.too_many_repeats": N_("🤔 {count} copies of a set is more than I log at once (10 at most)."),
    "problem.load_out_of_range": N_("🤔 That would make the load {value}: out of range, so nothing was logged."),
    "problem.rest_out_of_range": N_(
        "🤔 A rest of {seconds} s is out of range: rest is written like <code>rest 90</code>."
    ),
    "problem.rest_no_time": N_(
        "⏱ How long a rest? Send it with its time, like <code>rest 90</code>, <code>90s</code> or <code>2 min</code>, "
        "and I'll ping you when it's up."
    ),
    # Last time and today's load
    "last_time": N_("📅 Last time ({day}): {sets}"),
    "suggest.up": N_("🎯 Today: try {load} × {reps} (last set was RPE {rpe}; aim for RPE {target})."),
    "suggest.same": N_("🎯 Today: {load} × {reps} again (RPE {rpe} last time: right on target)."),
    "suggest.down": N_("🎯 Today: {load} × {reps} (last set was RPE {rpe}; aim for RPE {target})."),
    # Records
    "record.heaviest": N_("🏆 PR: heaviest <b>{exercise}</b> yet, {load} (was {previous})."),
    "record.e1rm": N_("🏆 PR: best <b>{exercise}</b> e1RM, {value} (was {previous})."),
    "record.reps": N_("🏆 PR: {reps} reps at {load} on <b>{exercise}</b> (best was {previous})."),
    # Counts, loads and times inside replies
    "count.set": N_("{n} set"),
    "count.sets": N_("{n} sets"),
    "load.none": N_("no load"),
    "last.none": N_("none yet"),
    "time.s": N_("{n} s"),
    "time.min": N_("{n} min"),
    # The summary
    "summary.title": N_("🏁 <b>Session done</b>: {minutes} min, {sets}"),
    "summary.warmups": N_(" (+{warmups} warm-up{warmups_s})"),
    "summary.exercise": N_("• <b>{exercise}</b>: {sets}, top {top}"),
    "summary.exercise.warmups": N_("• <b>{exercise}</b>: warm-ups only ({warmups})"),
    "summary.exercise.longest": N_("• <b>{exercise}</b>: {sets}, longest {top}"),
    "timed.hold": N_("{time} hold"),
    "timed.in": N_("in {time}"),
    "summary.hard": N_("<b>Hard sets</b> (RIR ≤ 3): {muscles}"),
    "summary.intensifiers": N_("<b>Intensifiers</b>: {muscles} (guide: once or twice per muscle a week)"),
    "summary.intensifiers.part": N_("{muscle} {sets}× today, {week}× this week{over}"),
    "summary.effort": N_(
        "<b>Effort</b>: RPE ≤6 {easy} · 7-8 {productive} · 9 {hard} · 10 {failure} (guide: most sets at RPE 7-9)"
    ),
    "summary.unrated": N_("<i>{unrated} without RPE/RIR.</i>"),
    "summary.next": N_("➡️ <b>Next time</b>: {advice}"),
    "advice.intensifiers_over": N_(
        "{muscle} had {uses} rest-pause or drop sets this week, past the guide's once or twice per muscle "
        "({limit} at most): make the rest straight sets."
    ),
    "advice.too_much_failure": N_(
        "{failure} of {rated} rated sets were to failure. Stop compounds 1-2 reps short; keep RPE 10 for the last "
        "isolation set."
    ),
    "advice.too_easy": N_("{easy} of {rated} rated sets were RPE 6 or less: push working sets to RPE 7-9."),
    "advice.rate_sets": N_(
        "add effort to your sets (<code>100x8 @8</code>) so I can suggest loads and check the effort spread."
    ),
    "advice.up": N_("up"),
    "advice.down": N_("down"),
    "advice.load": N_("<b>{exercise}</b> {direction} to {load} {unit} × {reps} (aiming at RPE 8)."),
    "advice.repeat": N_("repeat this session and add a rep or a small load jump where sets felt RPE 7-8."),
}
