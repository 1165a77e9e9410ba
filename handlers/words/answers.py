"""English words for answers to questions: `<id>` is the recommendation, `<id>.reason` the reason.

Fields are the params of rules/answers.py; `<id>.<list param>` renders each item of a list, joined by
`<id>.<list param>.sep` (", " when absent). `strength.<id>` says how strong the evidence is; `caveat.<id>`
is the lifter's own caveat.
"""

from __future__ import annotations

from handlers.words import N_

_PAIR_REASON = N_(
    "Same target muscle ({muscle}): the compound {low}-{high} reps heavy, the isolation {iso_low}-{iso_high} reps to "
    "RIR 0-{max_rir}, {rest_low}-{rest_high} s between. Isolation first (pre-exhaust) can cost "
    "{loss_low:.0%}-{loss_high:.0%} of the compound's load."
)
_NAMES = N_("{name}")

CATALOGUE: dict[str, str] = {
    # Choosing a technique
    "choice.neither": N_("Neither on {exercise}: use straight sets with normal rest."),
    "choice.neither.reason": N_(
        "Why: {reason}. Put rest-pause or drop sets on a stable machine or cable accessory for the same muscle "
        "instead. The drop-sets article suggests rest-pause for bench, squat and shoulder press; the rest-pause guide "
        "keeps it for stable, lower-skill exercises, and SetCoach takes the cautious reading."
    ),
    "choice.hold_off.joint": N_("Not this week: no {technique} on {target} while that joint is irritated."),
    "choice.hold_off.joint.reason": N_(
        "The rest-pause guide's first move when joints get irritated is to remove rest-pause work, before "
        "rewriting the program; drop sets are pulled with it."
    ),
    "choice.hold_off.sign": N_("Not now: no {technique} on {target} while you report {sign}."),
    "choice.hold_off.sign.reason": N_(
        "The rest-pause guide keeps rest-pause for when there are no persistent pain, nerve symptoms, swelling or "
        "injury-return concern; drop sets are pulled with it."
    ),
    "choice.hold_off.motivation": N_("Not this week: straight sets on {target} while your motivation is down."),
    "choice.hold_off.motivation.reason": N_(
        "The rest-pause guide: if motivation tanks, remove rest-pause work before rewriting the whole program; drop "
        "sets are pulled with it."
    ),
    "choice.hold_off.soreness": N_("Not until it clears: straight sets on {target} while soreness hangs on."),
    "choice.hold_off.soreness.reason": N_(
        "The rest-pause guide: if soreness hangs around, remove rest-pause work before rewriting the whole program; "
        "drop sets are pulled with it."
    ),
    "choice.hold_off.frequency": N_("Not today: straight sets on {target}; that muscle has had its intensifiers."),
    "choice.hold_off.frequency.reason": N_(
        "Rest-pause and drop sets are for once or twice per muscle group per week, because of the stress they put on "
        "the muscles and nervous system."
    ),
    "choice.hold_off.beginner": N_("Not yet: build the habit of straight hard sets first."),
    "choice.hold_off.beginner.reason": N_(
        "Drop sets and rest-pause are best used by intermediate to advanced lifters who have already developed "
        "proper form and consistency; the added fatigue degrades form."
    ),
    "choice.either": N_(
        "Either works on {target}: rest-pause to save time at one load, drop sets for more volume and a pump toward "
        "the end of the workout."
    ),
    "choice.either_any": N_(
        "Both work: rest-pause to save time at one load, drop sets for more volume and a pump toward the end of "
        "the workout."
    ),
    "choice.either.reason": N_(
        "Rest-pause: a hard first set with a small rep buffer, then brief bursts after {rest_low}-{rest_high} s, "
        "2-{rounds} rounds. Drop set: lower the weight and continue with little or no rest. Both belong on stable "
        "machine or isolation work, once or twice per muscle per week."
    ),
    "choice.either_any.reason": N_(
        "Rest-pause: a hard first set with a small rep buffer, then brief bursts after {rest_low}-{rest_high} s, "
        "2-{rounds} rounds. Drop set: lower the weight and continue with little or no rest. Both belong on stable "
        "machine or isolation work, once or twice per muscle per week."
    ),
    "choice.pick.rest_pause": N_("Rest-pause: pick a stable machine, cable or isolation exercise."),
    "choice.pick.rest_pause.reason": N_(
        "Good candidates keep the target muscle, not balance or bracing, as the limiter: machine presses, "
        "pulldowns, chest-supported rows, leg extensions and curls, cable lateral raises, curls, pressdowns. Once or "
        "twice per muscle per week."
    ),
    "choice.pick.drop_set": N_("Drop sets: pick an isolation or machine exercise, toward the end of the workout."),
    "choice.pick.drop_set.reason": N_(
        "Drop sets work best on isolation or machine movements such as leg extensions, lateral raises or cable "
        "curls, where the weight changes quickly and form breakdown is less of a danger. Once or twice per muscle "
        "per week."
    ),
    "choice.yes.good": N_("Yes, {technique} on {exercise} is fine."),
    "choice.yes.good.reason": N_(
        "{exercise} is a good candidate: {reason}. Use it as a finisher, once or twice per muscle per week."
    ),
    "choice.yes.ok": N_("Yes, {technique} on {exercise} is fine, with care."),
    "choice.yes.ok.reason": N_(
        "{exercise} works, but {reason}; stop when technique, not the muscle, starts to limit you. Once or twice "
        "per muscle per week."
    ),
    # Evidence
    "evidence.rest_pause": N_(
        "Maybe slightly more growth, but not proven better than normal hard sets when training is well matched."
    ),
    "evidence.rest_pause.reason": N_(
        "The meta-analysis card (DOI 10.3390/jfmk11010080) reports slightly greater muscle growth with rest-pause than "
        "with traditional sets. The rest-pause guide reads the evidence more cautiously: a 2021 volume-equated trial "
        "found broadly similar results, and it is not proven superior; its sure value is time and density."
    ),
    # Failure
    "failure.isolation": N_(
        "On {exercise}, yes: take the last set to failure (RPE 10); stop the others 1 rep short (RIR 1)."
    ),
    "failure.isolation.reason": N_(
        "Absolute failure is fine for machine and cable isolation work, and reserved for its last set; grinding "
        "every set only adds fatigue."
    ),
    "failure.compound": N_("No, not on {exercise}: stop {low}-{high} reps short, at technical failure."),
    "failure.compounds": N_("No, not on compounds: stop {low}-{high} reps short, at technical failure."),
    "failure.compound.reason": N_(
        "When bar speed slows noticeably or form starts to compensate, stop. Absolute failure is for the last set of "
        "isolation work, and one AMRAP set at the end of a block to re-estimate your max."
    ),
    "failure.compounds.reason": N_(
        "When bar speed slows noticeably or form starts to compensate, stop. Absolute failure is for the last set of "
        "isolation work, and one AMRAP set at the end of a block to re-estimate your max."
    ),
    # Rest
    "rest.rest_pause": N_("{low}-{high} seconds between rest-pause bursts."),
    "rest.rest_pause.reason": N_(
        "The bursts come while fatigue is still high, at the same weight: that is the point of a short rest."
    ),
    "rest.drop_set": N_("No rest in a drop set: lower the weight and go."),
    "rest.drop_set.reason": N_("The point is to keep the muscle working while it is already fatigued."),
    "rest.pair": N_("{low}-{high} seconds between the compound and the isolation."),
    "rest.pair.reason": N_(
        "30-60 s for the most metabolic stress, 60-90 s for a better isolation set; longer than {high} s and the "
        "post-exhaust effect fades."
    ),
    "rest.heavy": N_("Rest longer than {seconds} seconds between heavy compound sets; more for heavy and skill work."),
    "rest.heavy.reason": N_(
        "Heavy practice, skill work and load-focused sets deserve more rest: it keeps load, bracing and range easy "
        "to judge. The guides give no exact figure beyond 'longer than 60 seconds'."
    ),
    "rest.sets": N_("Rest longer than {seconds} seconds between normal sets."),
    "rest.sets.reason": N_(
        "Longer rest preserves the load you can use in the next set, which is most of why it helps; rest-pause "
        "uses short rests on purpose, for density."
    ),
    # How many
    "how_many.pairs_week.beginner": N_("Beginner: {limit} post-exhaust pair per workout at most, and only later."),
    "how_many.pairs_week.beginner.reason": N_(
        "The post-exhaust guide: master the compound lifts and basic progressive overload first; after 6-12 months "
        "of consistent training, try one pair per workout on your strongest muscle groups. Intermediates: 1-2 pairs "
        "per workout, 2-3 times per week."
    ),
    "how_many.pairs_week.intermediate": N_(
        "Intermediate: 1-2 post-exhaust pairs per workout, 2-3 times per week (the guide's table allows up to {limit} "
        "pairs a workout)."
    ),
    "how_many.pairs_week.intermediate.reason": N_(
        "The post-exhaust guide's FAQ; its table says 2-3 pairs per workout for intermediates. It is an advanced "
        "technique, not for every session: if your compound lifts decline, use it less."
    ),
    "how_many.pairs_week.advanced": N_("Advanced: 3-{limit} post-exhaust pairs per workout, multiple times per week."),
    "how_many.pairs_week.advanced.reason": N_(
        "The post-exhaust guide's table and FAQ. Watch your compound lifts: if they decline, reduce how often you "
        "use it."
    ),
    "how_many.intensifiers_week": N_("Rest-pause and drop sets: {limit} times per muscle per week at most."),
    "how_many.intensifiers_week.reason": N_(
        "They stress the muscle and nervous system; once or twice per muscle group per week, and watch recovery."
    ),
    "how_many.pairs": N_("Up to {limit} post-exhaust pair{limit_s} per workout at your level ({experience})."),
    "how_many.pairs.reason": N_(
        "Beginners 1, intermediate 2-3, advanced 3-4: post-exhaust is demanding and overuse impairs recovery."
    ),
    "how_many.drops": N_("Once, twice or more: the article leaves the count to your goal."),
    "how_many.drops.reason": N_(
        "Its example drops a 100 lb curl to 80 lb (20% lighter) and continues without rest. The guides give no fixed "
        "drop size or count; stop when form, not the muscle, gives out."
    ),
    "how_many.bursts": N_("2-{rounds} bursts after the first set."),
    "how_many.bursts.reason": N_(
        "Repeat only while the target muscle is the limiter. Stop when reps collapse, range shortens, momentum "
        "takes over, or joint discomfort rises."
    ),
    # Pairing
    "pairing.how": N_("Post-exhaust: a compound first, then an isolation for the same muscle."),
    "pairing.how.reason": N_(
        "Compound at {low}-{high} reps, then {iso_low}-{iso_high} reps of isolation to RIR 0-{max_rir}, "
        "{rest_low}-{rest_high} s between. Name a muscle or an exercise and I'll suggest the pair."
    ),
    "pairing.before": N_("Before {exercise}, do {compounds} (post-exhaust: compound first)."),
    "pairing.before.reason": _PAIR_REASON,
    "pairing.before.compounds": _NAMES,
    "pairing.before.compounds.sep": N_(" or "),
    "pairing.before.isolations": _NAMES,
    "pairing.before.isolations.sep": N_(" or "),
    "pairing.after": N_("After {compounds}, finish with {isolations}."),
    "pairing.after.reason": _PAIR_REASON,
    "pairing.after.compounds": _NAMES,
    "pairing.after.compounds.sep": N_(" or "),
    "pairing.after.isolations": _NAMES,
    "pairing.after.isolations.sep": N_(" or "),
    # e1RM
    "e1rm.which": N_("Which lift? Ask like: what's my bench 1RM?"),
    "e1rm.which.reason": N_("I estimate a max from your logged sets of one exercise."),
    "e1rm.none": N_("No {exercise} sets in the last 8 weeks to estimate from."),
    "e1rm.none.reason": N_("Log a hard set (e.g. with RPE) or an AMRAP and I'll estimate your max."),
    "e1rm.value": N_("Your {exercise} e1RM is about {e1rm} {unit}."),
    "e1rm.value.reason": N_("Estimated from your last session."),
    "e1rm.trend": N_("Your {exercise} e1RM is about {e1rm} {unit} (best recent: {best})."),
    "e1rm.trend.reason": N_("Over {sessions} sessions: {first} → {e1rm} {unit}."),
    # RIR / RPE
    "rir_rpe": N_("RIR = reps in reserve (0 = failure); RPE = effort out of 10 (10 = failure). RIR = 10 − RPE."),
    "rir_rpe.reason": N_(
        "RPE 8 means 2 reps left. Most work belongs at RPE {low}-{high}; RPE {warm_up} is warm-up territory; RPE 10 is "
        "for the last set of isolation work."
    ),
    # Stop signals
    "stop.rest_pause": N_(
        "Stop the bursts when reps collapse, range shortens, momentum takes over, or joint discomfort rises."
    ),
    "stop.rest_pause.reason": N_(
        "Repeat a burst only while the target muscle is the limiter; stop too when the next mini-set would mostly "
        "be a technique compromise."
    ),
    "stop.set": N_(
        "On compounds, stop when bar speed slows noticeably or form starts to compensate; on isolation work you can "
        "go to failure."
    ),
    "stop.set.reason": N_(
        "That slowing point is technical failure, the safer stopping point for compound lifts: stop 1 rep after the "
        "first rep that felt slow. On cables and machines, push until the muscle burns out."
    ),
    # How hard
    "how_hard.compound": N_(
        "{exercise}: RIR {low}-{high} (about RPE {rpe_low}-{rpe_high}), hardest on the last sets; not to failure."
    ),
    "how_hard.compound.reason": N_(
        "Most training belongs at RPE 7-9: RPE 8 for main compound work, RPE 9 for the last sets of anchor "
        "compounds. Sets to RIR 1-2 build about as much as sets to failure, at a much lower recovery cost."
    ),
    "how_hard.any": N_(
        "Compounds at RIR {low}-{high} (about RPE {rpe_low}-{rpe_high}); isolation work at RIR 0-1."
    ),
    "how_hard.any.reason": N_(
        "Most training belongs at RPE 7-9; RPE 6 is warm-up territory; RPE 10 is for the last set of isolation "
        "exercises only."
    ),
    "how_hard.isolation": N_("{exercise}: RIR {low}-{high}; the last set can go to failure."),
    "how_hard.isolation.reason": N_(
        "Absolute failure is fine for machine and cable isolation work, where the injury risk is minimal; keep it "
        "for the last set."
    ),
    "how_hard.block": N_(
        "Week {week} of your block ({phase}): compounds at {low}-{high} reps, RPE {rpe_low:g}-{rpe_high:g}."
    ),
    "how_hard.block.reason": N_(
        "Effort changes with the block: Foundation weeks 1-4 at RPE 6-7, Build 5-8 at RPE 7-8, Challenge 9-12 at "
        "RPE 8-9. Isolation work still goes to RIR 0-1, failure on its last set."
    ),
    # AMRAP and blocks
    "amrap.when": N_(
        "At the end of a block (week {week}): the last set of each anchor compound, same weight, to technical failure."
    ),
    "amrap.when.reason": N_(
        "Once per block, not every session: Epley's formula turns the reps into an estimated max, and the table sets "
        "the next block's loads (5 reps ≈ 87% of max, 8 ≈ 80%, 12 ≈ 70%, 15 ≈ 65%, 20+ means the weight was too "
        "light). Send /block to see yours."
    ),
    "blocks.what": N_(
        "{weeks} weeks in three blocks: Foundation (weeks {foundation_weeks}), Build ({build_weeks}), Challenge "
        "({challenge_weeks}). /block starts one."
    ),
    "blocks.what.reason": N_(
        "Foundation: {foundation_reps} reps at RPE {foundation_rpe}, learning the movements. Build: {build_reps} reps "
        "at RPE {build_rpe}. Challenge: {challenge_reps} reps at RPE {challenge_rpe}, heaviest weights; the final "
        "week ends with an AMRAP on the anchor compounds."
    ),
    "deload": N_("In a deload week, cut the compound volume and keep the isolation work, at about RPE {rpe}."),
    "deload.reason": N_(
        "The post-exhaust guide: deload weeks reduce compound volume and keep isolation for muscle maintenance. The "
        "failure guide puts deload weeks at RPE 6 (4+ reps left). The guides set no deload schedule."
    ),
    "post_exhaust.when_not": N_(
        "Skip post-exhaust for pure strength work, powerlifting peaking, or when recovery is compromised."
    ),
    "post_exhaust.when_not.reason": N_(
        "During competition prep, focus on the main lifts; post-exhaust is intense, so skip it when overtrained. It "
        "works best in hypertrophy blocks."
    ),
    "pre_vs_post": N_("Post-exhaust for most lifters: compound first, then the isolation."),
    "pre_vs_post.reason": N_(
        "Pre-exhaust (isolation first) can reduce compound loads by {loss_low:.0%}-{loss_high:.0%}, compromising "
        "progressive overload; post-exhaust keeps the compound heavy and still finishes the muscle."
    ),
    "drop.size": N_("The guides give no drop size: the article's example goes from 100 lb to 80 lb (20% lighter)."),
    "drop.size.reason": N_(
        "Lower the weight enough to keep going with little or no rest, once, twice or more; isolation and machine "
        "work, toward the end of the workout."
    ),
    # Progressing, by the blocks (004) and progressive hard sets (000)
    "progress": N_(
        "Progress block by block: {weeks} weeks from lighter, higher-rep sets to the heaviest ones, then an AMRAP in "
        "week {week} sets the next block's loads."
    ),
    "progress.reason": N_(
        "Foundation: {foundation_reps} reps at RPE {foundation_rpe}; Build: {build_reps} at RPE {build_rpe}; "
        "Challenge: {challenge_reps} at RPE {challenge_rpe}, the heaviest weights ('Start lighter. Progress from "
        "there.'). The rest-pause guide: named intensifiers are not automatically better than "
        "progressive hard sets with sane volume and recovery; keep the setup the same week to week, or you won't "
        "know whether progress is real. The guides give no fixed weight to add each session. /block starts one."
    ),
    "progress.exercise": N_(
        "{exercise}: progress it block by block: {weeks} weeks from lighter, higher-rep sets to the heaviest ones, "
        "then an AMRAP on its last set in week {week} sets the next block's loads."
    ),
    "progress.exercise.reason": N_(
        "Foundation: {foundation_reps} reps at RPE {foundation_rpe}; Build: {build_reps} at RPE {build_rpe}; "
        "Challenge: {challenge_reps} at RPE {challenge_rpe}, the heaviest weights ('Start lighter. Progress from "
        "there.'). The rest-pause guide: named intensifiers are not automatically better than "
        "progressive hard sets with sane volume and recovery; keep the setup the same week to week, or you won't "
        "know whether progress is real. The guides give no fixed weight to add each session. /block starts one."
    ),
    "deload.when": N_(
        "The guides set no deload schedule: a block's AMRAP week is the final session before a deload or a new phase."
    ),
    "deload.when.reason": N_(
        "If main lifts drop, soreness hangs around, joints get irritated or motivation tanks, the rest-pause guide's "
        "first move is to remove rest-pause work before rewriting the whole program. In a deload week: less compound "
        "volume, keep the isolation work, about RPE {rpe}."
    ),
    "evidence.drop_set": N_("They work, but they are not proven better than normal hard sets when volume is matched."),
    "evidence.drop_set.reason": N_(
        "A 2021 volume-equated trial (in the rest-pause guide) compared rest-pause, drop sets and traditional sets and "
        "found broadly similar strength and growth; advanced methods can work but are not automatically better than "
        "progressive hard sets. The drop-sets article: they add volume, metabolic fatigue and a pump, toward the end "
        "of a workout."
    ),
    "beginner.post_exhaust": N_(
        "Not yet: after 6-12 months of consistent training, {limit} post-exhaust pair per workout on your strongest "
        "muscle groups."
    ),
    "beginner.post_exhaust.reason": N_(
        "The post-exhaust guide: beginners should master the compound movements and basic progressive overload "
        "first; post-exhaust is demanding and needs good recovery and nutrition."
    ),
    "pain": N_("The guides don't cover training through pain; what they say: no rest-pause or drop sets on it."),
    "pain.reason": N_(
        "The rest-pause guide: rest-pause is for exercises with no persistent pain, nerve symptoms, swelling or "
        "injury-return concern, and when joints get irritated, remove rest-pause work first. Tell me in /checkin and "
        "I'll pull it on the exercises that load that joint."
    ),
    "volume.no_count": N_("The guides give no number of sets: multiple sets per exercise build more than single sets."),
    "volume.no_count.reason": N_(
        "The failure-proximity guide: higher total volume, with sufficient effort, is the main driver of growth; "
        "track your weekly volume rather than session intensity. /week counts your hard sets per muscle."
    ),
    "not_covered": N_("The guides I coach from don't cover that, so I won't guess."),
    "not_covered.reason": N_(
        "They cover rest-pause, drop sets, post-exhaust pairs, how close to failure to go (RPE/RIR), AMRAPs and the "
        "12-week blocks."
    ),
    # How strong the evidence is
    "strength.technique": N_(
        "Mixed: the meta-analysis card reports a slight growth edge for rest-pause; the rest-pause guide's reading "
        "(a 2021 volume-equated trial, a 2024 review) is 'not proven superior'."
    ),
    "strength.exercise_choice": N_(
        "Practical coaching guidance (no head-to-head trials by exercise); the cautious reading."
    ),
    "strength.failure": N_(
        "Good: research summarised in the failure-proximity guide finds sets to RIR 1-2 build about the same muscle "
        "as sets to failure, at a much lower recovery cost."
    ),
    "strength.convention": N_("Practice convention from the guides, not tested head to head."),
    "strength.rest": N_(
        "Moderate: a 2024 Bayesian meta-analysis (in the rest-pause guide) found a small hypertrophy edge for rests "
        "over 60 s between sets."
    ),
    "strength.definition": N_("Definition (the RPE/RIR scale), not a claim that needs evidence."),
    "strength.your_data": N_(
        "Your own logged sets: Epley's formula (failure guide), or, for sets logged with effort, an RPE-percentage "
        "chart (general coaching practice, not from the guides)."
    ),
    "strength.practice": N_("General coaching practice, not from the guides."),
    "strength.intensifiers": N_(
        "Mixed, and narrow: one 2021 trial with drop sets among its methods and a 2024 review; no study in the guides "
        "shows drop sets superior."
    ),
    "strength.not_covered": N_("None: the five guides don't cover this."),
    # The lifter's own caveats
    "caveat.joint": N_(
        "Your {joint} has been irritated {days} days running: skip rest-pause and drop sets on {exercise} this week."
    ),
    "caveat.sign": N_("You reported {sign} at the {joint}: no rest-pause or drop sets on {exercise} until it's gone."),
    "caveat.sign_anywhere": N_("You reported {sign}: no rest-pause or drop sets until it's gone."),
    "caveat.motivation": N_(
        "Your motivation is down: drop the rest-pause and drop-set work before changing anything else."
    ),
    "caveat.soreness": N_(
        "Soreness has hung on {days} days: skip rest-pause, drop sets and post-exhaust until it clears (recovery is "
        "behind)."
    ),
    "caveat.frequency": N_(
        "You already used {uses} intensifier sets on {muscle} this week (the guide: once or twice): make today "
        "straight sets."
    ),
    "caveat.beginner": N_(
        "You set your experience to beginner: the guides keep these techniques for intermediate and advanced lifters."
    ),
}

TECHNIQUES: dict[str, str] = {"rest_pause": N_("rest-pause"), "drop_set": N_("drop sets")}

# Questions shown when a question can't be answered; each is answerable (tests check).
EXAMPLES: tuple[str, ...] = (
    N_("rest-pause or drop set for leg press?"),
    N_("should I go to failure on squats?"),
    N_("how long do I rest between rest-pause bursts?"),
    N_("how many bursts / drops / pairs?"),
    N_("what do I pair with flies?"),
    N_("what's my bench 1RM?"),
    N_("what is RIR?"),
    N_("is rest-pause better than normal sets?"),
)
