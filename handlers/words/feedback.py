"""English words for coaching feedback: `<rule id>` is what the lifter reads, `<rule id>.why` the reason.

Fields are the rule's params (rules/*.py); a `.item` entry renders each item of a list param.
"""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    # Rest-pause (rules/rest_pause.py)
    "rest_pause.unknown_exercise": N_(
        "I don't know {exercise}; rest-pause suits stable machine, cable and isolation work."
    ),
    "rest_pause.unknown_exercise.why": N_(
        "Good candidates keep the target muscle, not balance or bracing, as the limiter."
    ),
    "rest_pause.exercise_choice": N_(
        "{exercise} is a poor rest-pause pick ({reason}). Use straight sets with normal rest; keep rest-pause "
        "for machine or cable accessories."
    ),
    "rest_pause.exercise_choice.why": N_(
        "Poor candidates: heavy compounds, Olympic lifts, technical hinges, unstable movements. The drop-sets "
        "article suggests rest-pause for bench, squat and shoulder press; the rest-pause guide keeps it for "
        "stable, lower-skill exercises. SetCoach takes the cautious reading."
    ),
    "rest_pause.exercise_choice_ok": N_("{exercise} works for rest-pause, but {reason}."),
    "rest_pause.exercise_choice_ok.why": N_(
        "Stop the bursts when technique, not the target muscle, starts to limit you."
    ),
    "rest_pause.first_set_effort_missing": N_(
        "Add the first set's effort (e.g. RIR1) so I can tell whether it was hard enough."
    ),
    "rest_pause.first_set_effort_missing.why": N_(
        "The first set should end about {max_rir} reps or fewer from failure."
    ),
    "rest_pause.first_set_effort": N_(
        "First set at RIR {rir:g} is too easy for rest-pause: take it to RIR 0-{max_rir} so the bursts do their job."
    ),
    "rest_pause.first_set_effort.why": N_(
        "Rest-pause only adds something when the first set ends close to failure; a small buffer is the default, "
        "not RIR 3+."
    ),
    "rest_pause.burst_count": N_("{bursts} bursts is past the usual dose: 2-{max_bursts} is plenty."),
    "rest_pause.burst_count.why": N_(
        "Rest-pause is a hard set plus {max_bursts} or fewer short rounds; more adds fatigue faster than stimulus."
    ),
    "rest_pause.collapse": N_(
        "Reps collapsed on burst {burst} ({reps} after {first}): that is the stop signal; end the set at burst "
        "{stop_at} next time."
    ),
    "rest_pause.collapse.why": N_(
        "Stop when reps collapse: a burst of {collapse_reps} or under {collapse_share:.0%} of the first set is mostly "
        "technique compromise."
    ),
    "rest_pause.big_bursts": N_(
        "Burst of {burst} after a first set of {first}: the first set wasn't hard enough or the rest was too long."
    ),
    "rest_pause.big_bursts.why": N_("A first burst at {share:.0%}+ of the first set means the muscle had recovered."),
    "rest_pause.rest_long": N_(
        "{rest_s} s between bursts: rest-pause uses {low}-{high} s; that's a new set, not a pause."
    ),
    "rest_pause.rest_long.why": N_("Rest-pause rests {low}-{high} s between mini-sets."),
    "rest_pause.rest_short": N_(
        "{rest_s} s between bursts: rest-pause uses {low}-{high} s; too short to recover a few reps."
    ),
    "rest_pause.rest_short.why": N_("Rest-pause rests {low}-{high} s between mini-sets."),
    "rest_pause.good": N_("Good rest-pause set: {first} then {bursts} burst{bursts_s}, reps tapering."),
    "rest_pause.good.why": N_("A hard first set, 2-3 short bursts, stopped before reps collapsed."),
    # Drop sets (rules/drop_sets.py)
    "drop_set.exercise_choice": N_(
        "Drop sets on {exercise} (compound) trade safety for fatigue: save them for machines and isolation work "
        "such as leg extensions, lateral raises or cable curls."
    ),
    "drop_set.exercise_choice.why": N_(
        "Drop sets work best on isolation or machine movements, where form breakdown is less of a danger."
    ),
    "drop_set.exercise_choice_lift": N_(
        "Drop sets on {exercise} (lift) trade safety for fatigue: save them for machines and isolation work such "
        "as leg extensions, lateral raises or cable curls."
    ),
    "drop_set.exercise_choice_lift.why": N_(
        "Drop sets work best on isolation or machine movements, where form breakdown is less of a danger."
    ),
    "drop_set.drop_size_small": N_(
        "The drop {before:g} → {after:g} is {drop:.0%}: too small to keep going; aim for {low:.0%}-{high:.0%} "
        "lighter each time."
    ),
    "drop_set.drop_size_small.why": N_("Each drop about {low:.0%}-{high:.0%} lighter keeps the muscle working."),
    "drop_set.drop_size_big": N_(
        "The drop {before:g} → {after:g} is {drop:.0%}: so big the set turns into pump work; aim for "
        "{low:.0%}-{high:.0%} lighter each time."
    ),
    "drop_set.drop_size_big.why": N_("Each drop about {low:.0%}-{high:.0%} lighter keeps the muscle working."),
    "drop_set.good": N_("Clean drop set: {drops} drop{drops_s} of sensible size."),
    "drop_set.good.why": N_("Isolation or machine work, each drop {low:.0%}-{high:.0%} lighter."),
    # Pairs (rules/pairs.py)
    "pair.compound_reps": N_(
        "{exercise} for {reps}: post-exhaust works best with the compound at {low}-{high} reps (heavy, "
        "{load_low:.0%}-{load_high:.0%} of max)."
    ),
    "pair.compound_reps.why": N_("Go heavy on the compound; the isolation is the finisher, not the main event."),
    "pair.isolation_reps": N_("{exercise} for {reps}: the finisher belongs at {low}-{high} reps."),
    "pair.isolation_reps.why": N_("Higher reps on the isolation finish the muscle without taxing the tired helpers."),
    "pair.isolation_effort": N_("{exercise} stopped at RIR {rir:g}: take the finisher to RIR 0-{max_rir}."),
    "pair.isolation_effort.why": N_(
        "Stopping short on the isolation leaves the stimulation incomplete (a common post-exhaust mistake)."
    ),
    "pair.rest_long": N_("{rest_s} s between the two: keep it {low}-{high} s or the post-exhaust effect fades."),
    "pair.rest_long.why": N_(
        "30-60 s maximises metabolic stress, 60-90 s allows better isolation performance; over {high} s diminishes "
        "the effect."
    ),
    "pair.rest_short": N_("{rest_s} s between the two: keep it {low}-{high} s so the finisher stays clean."),
    "pair.rest_short.why": N_(
        "30-60 s maximises metabolic stress, 60-90 s allows better isolation performance; over {high} s diminishes "
        "the effect."
    ),
    "pair.post_exhaust": N_("Post-exhaust for {muscle}: {first} heavy, then {second} to finish it."),
    "pair.post_exhaust.why": N_("Compound first keeps the heavy work heavy; the isolation finishes the target muscle."),
    "pair.pre_exhaust": N_(
        "Pre-exhaust for {muscle}: expect {loss_low:.0%}-{loss_high:.0%} less on {second}. Swap the order "
        "(post-exhaust) if you want the compound heavy."
    ),
    "pair.pre_exhaust.why": N_(
        "Isolation first tires the target muscle, so the compound load drops; most coaches prefer post-exhaust "
        "because it preserves compound performance."
    ),
    "pair.superset": N_("Superset: {first} and {second} work different muscles, so neither steals from the other."),
    "pair.superset.why": N_("Pairs for unrelated muscles save time without pre-fatiguing either lift."),
    "pair.per_workout": N_(
        "That's pair number {count} today; for a {experience} lifter {limit} is the most that recovers well."
    ),
    "pair.per_workout.why": N_(
        "Beginners: 1 pair per workout; intermediate: 2-3; advanced: 3-4. Overuse impairs recovery."
    ),
    # Failure proximity (rules/effort.py)
    "effort.amrap": N_("AMRAP on {exercise}: the one planned time to go to technical failure on a compound."),
    "effort.amrap.why": N_("An end-of-block AMRAP gives an estimated max for the next block's loads."),
    "effort.compound_failure": N_(
        "RPE 10 on {exercise}: stop compounds {low}-{high} reps short (technical failure). Save all-out sets for "
        "the last set of isolation work."
    ),
    "effort.compound_failure.why": N_(
        "Sets to RIR 1-2 build about the same muscle as sets to failure, at a much lower recovery cost; absolute "
        "failure on heavy compounds is where form breaks."
    ),
    "effort.too_easy": N_("RPE {rpe:g} is warm-up territory; working sets belong at RPE {low}-{high}."),
    "effort.too_easy.why": N_(
        "RPE 6 and below leaves 4+ reps in the tank: fine for warm-ups, technique work and deloads."
    ),
    "effort.grinding": N_(
        "{sets} sets of {exercise}, every one to failure: more fatigue than growth signal. Keep failure for the "
        "last set; stop the others at RIR 1-2."
    ),
    "effort.grinding.why": N_(
        "Going to absolute failure on every set generates more fatigue than muscle signal; RPE 10 belongs on the "
        "final set."
    ),
    # Weekly intensifier frequency (rules/frequency.py)
    "frequency.intensifiers": N_(
        "Intensifier day {day} for {muscle} this week: {limit} is the limit. Make this one a straight set."
    ),
    "frequency.intensifiers.why": N_(
        "Rest-pause and drop sets stress the muscle and nervous system; use them once or twice per muscle per "
        "week and watch recovery."
    ),
    # Warning signs (rules/recovery.py)
    "warning.joint": N_(
        "Your {joint} has been irritated {days} days running: pull the {technique} work on {exercise} first."
    ),
    "warning.joint.why": N_(
        "Irritated joints are a stop signal: remove rest-pause (and drop-set) work before rewriting the program. "
        "Persistent = moderate {moderate_days} days running or mild {mild_days}."
    ),
    "warning.joint_straight": N_(
        "Your {joint} has been irritated {days} days running: keep {exercise} pain-free and drop rest-pause and "
        "drop sets that load it."
    ),
    "warning.joint_straight.why": N_(
        "Irritated joints are a stop signal: remove rest-pause (and drop-set) work before rewriting the program. "
        "Persistent = moderate {moderate_days} days running or mild {mild_days}."
    ),
    "warning.soreness": N_("Soreness has hung on {days} days: skip intensifiers on {exercise} until it clears."),
    "warning.soreness.why": N_(
        "Soreness that hangs around means recovery is behind; intensifiers are the first thing to pull."
    ),
    "warning.main_lift_drop": N_(
        "{exercise} e1RM has dropped {sessions} sessions running ({before} → {after} {unit}): pull rest-pause and "
        "drop-set work first, before rewriting the program."
    ),
    "warning.main_lift_drop.why": N_(
        "Main lifts dropping is a warning sign of too much fatigue; intensifiers are the first thing to remove."
    ),
    # e1RM (rules/estimates.py)
    "e1rm.amrap_too_light": N_(
        "{reps} reps on the AMRAP: the weight is too light to estimate a max. Add load before the next block."
    ),
    "e1rm.amrap_too_light.why": N_("{too_light}+ reps at a weight means it is about 60% of your max or less."),
    "e1rm.amrap_targets": N_("{exercise} e1RM ≈ {e1rm:g} {unit} (Epley). Next block: {targets} {unit}."),
    "e1rm.amrap_targets.targets": N_("{reps}s at ~{load:g}"),
    "e1rm.amrap_targets.why": N_(
        "Epley's formula on the AMRAP; the guide's table maps AMRAP reps to a share of 1RM: 5 ≈ 87% (Challenge), "
        "8 ≈ 80%, 12 ≈ 70%, 15 ≈ 65% (Build). An AMRAP is a test to technical failure, whatever effort is written."
    ),
    "e1rm.amrap_near_light": N_(
        "{reps} reps on the AMRAP: close to too light ({too_light}+ means add load). {exercise} e1RM ≈ {e1rm:g} {unit} "
        "(Epley). Next block: {targets} {unit}."
    ),
    "e1rm.amrap_near_light.targets": N_("{reps}s at ~{load:g}"),
    "e1rm.amrap_near_light.why": N_(
        "The guide's table: 15 reps ≈ 65% of 1RM, 20+ ≈ 60% or less (too light, increase before the next block)."
    ),
    "e1rm.amrap_too_often": N_(
        "Another {exercise} AMRAP {days} days after the last: the AMRAP belongs at the end of a block, not every "
        "session."
    ),
    "e1rm.amrap_too_often.why": N_(
        "The failure guide programs absolute failure on compounds only as one AMRAP set at the end of a block, to "
        "collect data: 'Not every session. Not every set.'"
    ),
    "e1rm.new_best": N_("Best {exercise} e1RM in 8 weeks: {e1rm:g} {unit} (was {before:g})."),
    "e1rm.new_best.why": N_(
        "e1RM by Epley's formula (failure guide); when you log effort, by the RPE-percentage chart, which is general "
        "coaching practice, not from the guides."
    ),
    # Stored before the rules returned ids: the words as they were then.
    "legacy": N_("{text}"),
    "legacy.why": N_("{why}"),
}

# Why an exercise suits rest-pause and drop sets, by rules/exercises.py id.
FIT_REASONS: dict[str, str] = {
    "stable_machine": N_("stable machine or cable setup: the target muscle, not balance, limits the set"),
    "stable_isolation": N_("simple isolation: technique stays recognisable when reps slow down"),
    "free_weight_ok": N_("dumbbells or bodyweight get harder to control when tired"),
    "heavy_barbell": N_("heavy barbell compound: bracing and bar path degrade under short rest"),
    "technical_hinge": N_("technical hinge: a tired rep turns into a rounded back, not more growth"),
    "olympic": N_("Olympic lift: speed and skill, not fatigue, are the point"),
    "unstable": N_("unstable movement: balance gives out before the target muscle"),
    "unknown": N_("no rating for it yet"),
}

TECHNIQUES: dict[str, str] = {
    "straight": N_("straight-set"),
    "rest_pause": N_("rest-pause"),
    "drop_set": N_("drop-set"),
}
