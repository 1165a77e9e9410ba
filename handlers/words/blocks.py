"""English words for /block (the 12-week system of the failure-proximity guide)."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    "started": N_("🗓️ <b>Block started today</b> ({start:%d %b}): {weeks} weeks, three blocks."),
    "week": N_(
        "<b>Week {week} of {weeks}: {phase}</b>. Compounds at {low}-{high} reps, RPE {rpe_low:g}-{rpe_high:g}; I'll "
        "check each set against that."
    ),
    "final_week": N_(
        "🏁 <b>Final week</b>: make the last set of each anchor compound an AMRAP (same weight, to technical "
        "failure). It sets the next block's loads."
    ),
    "finished": N_(
        "Your block ran from {start:%d %b} for {weeks} weeks and is over. <code>/block new</code> starts the next."
    ),
    "plan": N_(
        "Foundation weeks {foundation_weeks}: {foundation_reps} reps, RPE {foundation_rpe} (learn, don't grind)"
    ),
    "plan_build": N_("Build weeks {build_weeks}: {build_reps} reps, RPE {build_rpe}"),
    "plan_challenge": N_(
        "Challenge weeks {challenge_weeks}: {challenge_reps} reps, RPE {challenge_rpe}; the final week ends with AMRAPs"
    ),
    "loads": N_("<b>Loads from your last AMRAPs</b> (Epley; 5 ≈ 87%, 8 ≈ 80%, 12 ≈ 70%, 15 ≈ 65% of max):"),
    "load": N_("{exercise} (e1RM ≈ {e1rm:g} {unit}): {targets} {unit}"),
    "load.targets": N_("{reps}s at ~{load:g}"),
    "no_loads": N_("No AMRAP logged yet: in week 12 write one like <code>squat 100kg amrap 9</code>."),
    "stopped": N_("Block stopped. <code>/block</code> starts a new one."),
    "none_running": N_("No block running. <code>/block</code> starts one."),
    "usage": N_("<code>/block</code> shows or starts your block · <code>/block new</code> · <code>/block stop</code>"),
    "source": N_("Source: {source}"),
}
