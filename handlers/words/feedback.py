"""English words for coaching feedback: `<rule id>` is what the lifter reads, `<rule id>.why` the reason.

Fields are the rule's params (rules/*.py); a `.item` entry renders each item of a list param.
"""

from __future__ import annotations

from handlers.words import N_

_CHECKIN_WHY = N_(
    "Rest-pause guide: rest-pause is for when there are no persistent pain, nerve symptoms, swelling or "
    "injury-return concern; if main lifts drop, soreness hangs around, joints get irritated or motivation tanks, "
    "remove rest-pause work before rewriting the whole program."
)

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
        "The first set should be close enough to failure to make the bursts meaningful; a small rep buffer "
        "(RIR {low}-{high}) is the better default."
    ),
    "rest_pause.first_set_effort": N_(
        "First set at RIR {rir:g} is too easy for rest-pause: take it to RIR {low}-{high} so the bursts do their job."
    ),
    "rest_pause.first_set_effort.why": N_(
        "The first set should be close enough to failure to make the short-rest follow-up meaningful."
    ),
    "rest_pause.first_set_failure": N_(
        "First set to failure (RIR {rir:g}): the rest-pause guide's default is a small rep buffer (RIR {low}-{high} in "
        "the failure guide's terms), then the bursts."
    ),
    "rest_pause.first_set_failure.why": N_(
        "The drop-sets article says to take the first set to failure; the rest-pause guide says a small rep buffer "
        "is usually the better default, without making every first set a test. SetCoach takes the cautious reading."
    ),
    "rest_pause.beginner": N_(
        "Rest-pause is for intermediate and advanced lifters: master straight hard sets with good form first."
    ),
    "rest_pause.beginner.why": N_(
        "The drop-sets article: these techniques are best used by intermediate to advanced lifters who have already "
        "developed proper form and consistency; the added fatigue degrades form."
    ),
    "rest_pause.burst_count": N_("{bursts} bursts is past the usual dose: 2-{max_bursts} is plenty."),
    "rest_pause.burst_count.why": N_(
        "Rest-pause is a hard set, then a mini-set after a short break, repeated for two or three rounds."
    ),
    "rest_pause.collapse": N_(
        "Reps collapsed on burst {burst} ({reps} after {first}): that is a stop signal; end the set at burst "
        "{stop_at} next time."
    ),
    "rest_pause.collapse.why": N_(
        "The guide's stop signals: reps collapse, range shortens, momentum takes over, joint discomfort rises, or the "
        "next mini-set would mostly be a technique compromise. A burst of a single rep is SetCoach's reading of "
        "'reps collapse'."
    ),
    "rest_pause.rest_long": N_(
        "{rest_s} s between bursts: rest-pause uses {low}-{high} s; that's a new set, not a pause."
    ),
    "rest_pause.rest_long.why": N_("Rest-pause rests {low}-{high} s between mini-sets."),
    "rest_pause.rest_short": N_(
        "{rest_s} s between bursts: rest-pause uses {low}-{high} s; too short to recover a few reps."
    ),
    "rest_pause.rest_short.why": N_("Rest-pause rests {low}-{high} s between mini-sets."),
    "rest_pause.good": N_("Good rest-pause set: {first} then {bursts} burst{bursts_s}, with a small rep buffer first."),
    "rest_pause.good.why": N_(
        "A hard first set with a small rep buffer, two or three short bursts, stopped before reps collapsed."
    ),
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
    "drop_set.early": N_(
        "A drop set as the first thing in the session: drop sets belong toward the end of the workout."
    ),
    "drop_set.early.why": N_(
        "Drop sets are best used toward the end of a workout, to create additional fatigue in a targeted muscle."
    ),
    "drop_set.before_compound": N_(
        "{exercise} after a drop set: drop sets belong toward the end of the workout, after the heavy compounds."
    ),
    "drop_set.before_compound.why": N_(
        "Drop sets are best used toward the end of a workout, where form breakdown is less of a danger."
    ),
    "drop_set.beginner": N_(
        "Drop sets are for intermediate and advanced lifters: master straight hard sets with good form first."
    ),
    "drop_set.beginner.why": N_(
        "These techniques are best used by intermediate to advanced lifters who have already developed proper form "
        "and consistency in their training."
    ),
    "drop_set.good": N_("Drop set on {exercise}: {drops} drop{drops_s}, the kind of exercise drop sets suit."),
    "drop_set.good.why": N_(
        "Drop sets work best with isolation exercises or machine-based movements, toward the end of a workout."
    ),
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
        "Beginners: 1 post-exhaust pair per workout at most; intermediate: 2-3; advanced: 3-4. Overuse causes "
        "excessive fatigue and impairs recovery. The rounds of one pair count once; plain supersets don't count."
    ),
    "pair.compound_light": N_(
        "{exercise} at about {share:.0%} of your e1RM: in post-exhaust the compound goes heavy, {low:.0%}-{high:.0%} "
        "of max."
    ),
    "pair.compound_light.why": N_(
        "Going too light on the compound is the guide's first common mistake: saving energy for the isolation "
        "defeats the purpose. Your e1RM is Epley's (failure guide) or, for sets logged with effort, an "
        "RPE-percentage chart (general coaching practice, not from the guides)."
    ),
    "pair.compound_heavy": N_(
        "{exercise} at about {share:.0%} of your e1RM: the post-exhaust compound works at {low:.0%}-{high:.0%} of max "
        "for 6-10 reps."
    ),
    "pair.compound_heavy.why": N_(
        "The guide's set scheme: compound 6-10 reps at 75-85% of 1RM, moderate to heavy. Your e1RM is Epley's "
        "(failure guide) or, for sets logged with effort, an RPE-percentage chart (general coaching practice, not "
        "from the guides)."
    ),
    "pair.poor_pairing": N_(
        "{second} doesn't hit {first}'s primary mover ({muscle}): for post-exhaust, pick an isolation for {muscle}."
    ),
    "pair.poor_pairing.why": N_(
        "Poor exercise pairing is a common post-exhaust mistake: ensure the isolation directly hits the primary mover "
        "from the compound lift."
    ),
    "pair.recovery": N_("Recovery is behind ({what}, {days} days): skip post-exhaust until it clears; it is intense."),
    "pair.recovery.why": N_(
        "When not to use post-exhaust: when overtrained. It is intense; skip it if recovery is compromised."
    ),
    "pair.recovery_declining": N_(
        "{exercise} e1RM has dropped {sessions} sessions running ({before} → {after} {unit}): cut back the "
        "post-exhaust pairs. The post-exhaust guide: “if compound lift performance declines, reduce post-exhaust "
        "frequency.”"
    ),
    "pair.recovery_declining.why": N_(
        "Track both exercises to ensure your bench press numbers don't decline—if they do, you're using post-exhaust "
        "too frequently or with insufficient recovery."
    ),
    "pair.beginner": N_(
        "Post-exhaust is demanding: one pair per workout at most, and only after 6-12 months of consistent training."
    ),
    "pair.beginner.why": N_(
        "Beginners should master basic progressive overload first; after 6-12 months they can try one post-exhaust "
        "pair per workout on their strongest muscle groups."
    ),
    "pair.pre_exhaust_order": N_(
        "{first} before {second} is pre-exhaust for {muscle}: expect {loss_low:.0%}-{loss_high:.0%} less on "
        "{second}. Put the compound first if you want it heavy."
    ),
    "pair.pre_exhaust_order.why": N_(
        "Pre-exhaust (isolation, then compound) reduces compound strength; post-exhaust preserves it, which is why "
        "most coaches prefer it."
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
    "effort.too_easy": N_(
        "RPE {rpe:g} is warm-up territory: it counts as a warm-up, not a working set. Working sets belong at RPE "
        "{low}-{high}."
    ),
    "effort.too_easy.why": N_(
        "RPE 6 means 4+ reps left: warm-ups, technique work and deload weeks. Most training should land at RPE 7-9."
    ),
    "effort.failure_not_last": N_(
        "{sets} sets of {exercise} to failure today: keep failure for the last set; stop the others 1 rep short "
        "(RIR 1)."
    ),
    "effort.failure_not_last.why": N_(
        "Reserve absolute failure for the last set of isolation exercises only; RIR 0-1 for isolation work."
    ),
    # Weekly intensifier frequency (rules/frequency.py)
    "frequency.intensifiers": N_(
        "That's intensifier use {uses} for {muscle} this week: once or twice per muscle per week is the dose. "
        "Make the rest straight sets."
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
        "Persistent = moderate {moderate_days} days running or mild {mild_days} (SetCoach's reading: general "
        "coaching practice, not from the guides)."
    ),
    "warning.joint_straight": N_(
        "Your {joint} has been irritated {days} days running: keep {exercise} pain-free and drop rest-pause and "
        "drop sets that load it."
    ),
    "warning.joint_straight.why": N_(
        "Irritated joints are a stop signal: remove rest-pause (and drop-set) work before rewriting the program. "
        "Persistent = moderate {moderate_days} days running or mild {mild_days} (SetCoach's reading: general "
        "coaching practice, not from the guides)."
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
    "warning.motivation": N_(
        "Your motivation is down: drop the {technique} work on {exercise} before changing anything else."
    ),
    "warning.motivation.why": N_(
        "If main lifts drop, soreness hangs around, joints get irritated, or motivation tanks, remove rest-pause work "
        "before rewriting the whole program."
    ),
    "warning.sign": N_(
        "You reported {sign} at the {joint}: no {technique} work on {exercise}, which loads it; straight sets that "
        "stay pain-free."
    ),
    "warning.sign.why": N_(
        "Rest-pause is for when there are no persistent pain, nerve symptoms, swelling or injury-return concern "
        "(rest-pause guide); SetCoach pulls drop sets with it and acts on the first report."
    ),
    "warning.sign_anywhere": N_(
        "You reported {sign}: no {technique} work on {exercise} until it's gone; straight sets that stay pain-free."
    ),
    "warning.sign_anywhere.why": N_(
        "Rest-pause is for when there are no persistent pain, nerve symptoms, swelling or injury-return concern "
        "(rest-pause guide); SetCoach pulls drop sets with it and acts on the first report."
    ),
    # Check-in answers (rules/checkins.py)
    "checkin.swelling": N_(
        "Swelling at the {joints}: no rest-pause or drop sets on exercises that load it until it's gone."
    ),
    "checkin.swelling.joints": N_("{joint}"),  # one joint of the list `{joints}`, joined with ", "
    "checkin.swelling_anywhere": N_("Swelling: no rest-pause or drop sets on what it touches until it's gone."),
    "checkin.nerve": N_(
        "Nerve symptoms at the {joints}: no rest-pause or drop sets on exercises that load it; keep what you do "
        "pain-free."
    ),
    "checkin.nerve.joints": N_("{joint}"),
    "checkin.nerve_anywhere": N_(
        "Nerve symptoms (tingling, numbness): no rest-pause or drop sets on what they touch; keep what you do "
        "pain-free."
    ),
    "checkin.low_motivation": N_(
        "Motivation is down: drop rest-pause and drop-set work first, before rewriting the program."
    ),
    "checkin.persistent_joint": N_(
        "Your {joint} has been irritated {days} days running: pull rest-pause and drop-set work on exercises that "
        "load it first, before changing anything else."
    ),
    "checkin.lingering_soreness": N_(
        "Soreness has hung on {days} days: skip intensifiers on the sore muscles until it clears."
    ),
    "checkin.better": N_("Your {joint} is better than last time ({before} → {after})."),
    "checkin.noted": N_(
        "Noted. I'll flag it if a joint stays irritated (moderate {moderate_days} days or mild {mild_days} days "
        "running: general coaching practice, not from the guides)."
    ),
    "checkin.swelling.why": _CHECKIN_WHY,
    "checkin.swelling_anywhere.why": _CHECKIN_WHY,
    "checkin.nerve.why": _CHECKIN_WHY,
    "checkin.nerve_anywhere.why": _CHECKIN_WHY,
    "checkin.low_motivation.why": _CHECKIN_WHY,
    "checkin.persistent_joint.why": _CHECKIN_WHY,
    "checkin.lingering_soreness.why": _CHECKIN_WHY,
    "checkin.better.why": _CHECKIN_WHY,
    "checkin.noted.why": _CHECKIN_WHY,
    # e1RM (rules/estimates.py)
    "e1rm.amrap_too_light": N_(
        "{reps} reps on the AMRAP: the weight is too light ({too_light}+ reps is about 60% of max or less). Increase "
        "it before the next block."
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
    # The 12-week block (rules/blocks.py)
    "block.reps_low": N_("{exercise} for {reps}: week {week} ({phase}) aims at {low}-{high} reps on compounds."),
    "block.reps_low.why": N_(
        "The 12-week system: Foundation weeks 1-4 at 12-15 reps, RPE 6-7; Build 5-8 at 8-12, RPE 7-8; Challenge 9-12 "
        "at 6-10, RPE 8-9."
    ),
    "block.reps_high": N_(
        "{exercise} for {reps}: week {week} ({phase}) aims at {low}-{high} reps on compounds; add load."
    ),
    "block.reps_high.why": N_(
        "The 12-week system: Foundation weeks 1-4 at 12-15 reps, RPE 6-7; Build 5-8 at 8-12, RPE 7-8; Challenge 9-12 "
        "at 6-10, RPE 8-9."
    ),
    "block.effort_low": N_("{exercise} at RPE {rpe:g}: week {week} ({phase}) aims at RPE {low:g}-{high:g}."),
    "block.effort_low.why": N_(
        "Effort changes with the block: the whole point of periodization is to manage intensity over time."
    ),
    "block.effort_high": N_(
        "{exercise} at RPE {rpe:g}: week {week} ({phase}) aims at RPE {low:g}-{high:g}; don't grind ahead of the block."
    ),
    "block.effort_high.why": N_(
        "Foundation isn't a deload: it is lower intensity on purpose, to build form first. Grinding at RPE 9 in week 1 "
        "ingrains bad habits."
    ),
    "block.on_target": N_("On target for week {week} ({phase}): {low}-{high} reps at RPE {rpe_low:g}-{rpe_high:g}."),
    "block.on_target.why": N_("The 12-week system's targets for this week."),
    "block.amrap_prompt": N_(
        "Week 12: make your last {exercise} set an AMRAP (same weight, to technical failure); it sets the next "
        "block's loads."
    ),
    "block.amrap_prompt.why": N_(
        "At the end of a block, the last set of each anchor compound becomes an AMRAP; Epley's formula turns it into "
        "an estimated max for the next block's weights."
    ),
    "block.amrap_early": N_("An AMRAP in week {week}: the block's AMRAP belongs in week {amrap_week}, its final week."),
    "block.amrap_early.why": N_(
        "This is the only time the guide programs absolute failure on compound lifts: one set, at the end of a block."
    ),
    # Stored before the rules returned ids: the words as they were then.
    "legacy": N_("{text}"),
    "legacy.why": N_("{why}"),
}

# Why an exercise suits rest-pause and drop sets, by rules/exercises.py id.
FIT_REASONS: dict[str, str] = {
    "stable_machine": N_("stable setup, easy stop point: the target muscle, not balance or bracing, limits the set"),
    "stable_isolation": N_("simple isolation: technique stays recognisable when reps slow down"),
    "free_weight_ok": N_("free weights are less stable than machines: stop when momentum takes over or range shortens"),
    "heavy_barbell": N_("heavy barbell compound: bracing, not the target muscle, becomes the limiter"),
    "technical_hinge": N_("technical hinge: a tired rep changes the exercise into something else"),
    "olympic": N_("Olympic lift: a tired rep changes the exercise into something else"),
    "unstable": N_("unstable movement: balance, not the target muscle, limits the set"),
    "hold": N_("timed hold: there are no reps to pause between"),
    "cardio": N_("cardio: not a lifting set; rest-pause and drop sets do not apply"),
    "narrow_grip": N_("stop as soon as the shoulders complain: rising joint discomfort is a stop signal"),
    "lower_back_grind": N_("stop when momentum takes over or the lower back complains"),
    "elbow_drift": N_("stop as soon as the elbows complain: rising joint discomfort is a stop signal"),
    "eccentric_soreness": N_("watch the soreness: if it hangs around, drop the rest-pause work first"),
    "heavy_bar_setup": N_("the setup is stable, but a heavy bar has no easy stop point"),
    "unknown": N_("no rating for it yet"),
}

SIGNS: dict[str, str] = {
    "swelling": N_("swelling"),
    "nerve": N_("nerve symptoms"),
    "low_motivation": N_("low motivation"),
}

PHASES: dict[str, str] = {
    "foundation": N_("Foundation"),
    "build": N_("Build"),
    "challenge": N_("Challenge"),
}

TECHNIQUES: dict[str, str] = {
    "straight": N_("straight-set"),
    "rest_pause": N_("rest-pause"),
    "drop_set": N_("drop-set"),
    "myo_reps": N_("myo-rep"),
    "cluster": N_("cluster-set"),
    "cardio": N_("cardio"),
}
