"""English words for /week, /progress, /export and Strong CSV import."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    "week.none": N_("No sets in the last 7 days. Log one like <code>bench 100kg 3x8 @8</code>."),
    "week.title": N_("📅 <b>{start} – {end}</b>: {sets} set{sets_s}"),
    "week.hard": N_("<b>Hard sets</b> (RIR ≤ 3) per muscle: {hard}"),
    "week.intensifiers": N_("<b>Intensifiers</b> (guide: once or twice per muscle per week, at most {limit}): {parts}"),
    "week.effort": N_(
        "<b>Effort</b>: RPE ≤6 {easy} · 7-8 {productive} · 9 {hard} · 10 {failure} "
        "(aim: most at 7-9, 10 only on last isolation sets)"
    ),
    "week.unrated": N_("<i>{count} set{count_s} had no RPE/RIR.</i>"),
    "week.compound_failure": N_(
        "⚠️ <b>{count} compound set{count_s} at RPE 10</b> this week: stop compounds at RIR 1-2 (technical failure); "
        "RPE 10 belongs on the last set of isolation work (failure-proximity guide)."
    ),
    "week.lift": N_("<b>{exercise}</b> e1RM: {change}"),
    "week.checkins": N_("<b>Check-ins</b>: sore {sore} of {days} days; {joints}"),
    "week.no_joint_issues": N_("no joint issues"),
    "progress.which": N_("Which exercise? e.g. <code>/progress bench</code>"),
    "progress.none": N_("No <b>{exercise}</b> sets logged yet."),
    "progress.e1rm": N_("e1RM {e1rm} {unit}"),
    "progress.no_e1rm": N_("no e1RM (no load)"),
    "progress.best_set": N_("{load} {unit} × {reps}"),
    "progress.best_reps": N_("{reps} rep{reps_s}"),
    "progress.summary": N_("<b>{exercise}</b>: {sessions} session{sessions_s}; latest {estimate}, best set {best}."),
    "export.done": N_("📦 {sets} set{sets_s}, in Strong's CSV columns (plus RIR, Technique, Segment)."),
    "export.everything": N_(
        "📦 {sets} set{sets_s}, in Strong's CSV columns (plus RIR, Technique, Segment); then every raw message "
        "({messages}) and every check-in ({checkins}), each as a CSV file."
    ),
    "import.done": N_("📥 Imported {sets} set{sets_s} from {workouts} workout{workouts_s}."),
    "import.skipped": N_("Skipped {workouts} workout{workouts_s} already imported."),
    "import.problem": N_("Line {line}: {problem} (row skipped)"),
    # What was wrong with a line (rules/strong_csv.py PROBLEMS)
    "import.problem.not_strong": N_("this doesn't look like a Strong export (Date, Exercise Name, Reps columns)"),
    "import.problem.bad_date": N_("I can't read the date <code>{value}</code>"),
    "import.problem.bad_number": N_("I can't read the number <code>{value}</code>"),
    "import.problem.no_exercise": N_("no exercise name"),
    "import.problem.reps_out_of_range": N_("{reps} reps is out of range (1 to {max})"),
    "import.problem.weight_out_of_range": N_("a weight of {load:g} {unit} is out of range"),
    "import.problem.time_out_of_range": N_("a time of {seconds:g} s or a distance of {metres:g} m is out of range"),
    "import.more": N_("…and {count} more rows skipped."),
    "import.stopped": N_(
        "I read the first {rows} rows and stopped at line {line}: send the rest as a second file (export a later "
        "date range from Strong)."
    ),
    "import.too_big": N_("That file is over 5 MB; export a shorter range from Strong (Settings → Export, by date)."),
    "ask.empty": N_("Ask me after /ask, e.g. <code>/ask rest-pause or drop set for leg press?</code>"),
}
