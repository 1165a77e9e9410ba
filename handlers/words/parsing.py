"""English words for what the set parser could not read (`rules.notation.Msg`): the problem and the hint.

Fields are the error's `params` / `hint_params`. A hint never repeats the lifter's own text back as a
suggestion (the parser sends `hint_example` instead).
"""

from __future__ import annotations

from collections.abc import Mapping

from handlers.words import N_, fill

CATALOGUE: dict[str, str] = {
    "unknown_word": N_("I don't understand `{word}`"),
    "no_reps": N_("I found no reps for {exercise}"),
    "no_reps.unnamed": N_("I found no reps for this set"),
    "negative": N_("a load or rep count can't be negative"),
    "zero_reps": N_("zero reps is not a set"),
    "too_many_reps": N_("{count} reps is more than I can log"),
    "too_many_bursts": N_("{count} bursts in one set is more than I can log"),
    "rir_off_scale": N_("RIR {value} is off the scale"),
    "rpe_off_scale": N_("RPE {value} is off the scale"),
    "too_heavy": N_("{load} {unit} is more than anyone has lifted"),
    "drop_counts": N_("{loads} loads need {loads} rep counts; I found {reps}"),
    "drop_form": N_("a drop set is written with the loads first"),
    "drop_one_load": N_("a drop set lightens the load each time, and I found one load for its {reps} runs"),
    "sets_loads": N_("{sets} sets but {loads} loads"),
    "missing_exercise": N_("which exercise was this?"),
    "not_an_exercise": N_("`{name}` is not an exercise I can log"),
    "percent": N_("I can't log a percentage of your max"),
    "fractional_reps": N_("{value} reps? Reps and sets are whole numbers"),
    "sets_out_of_range": N_("{count} sets is out of range"),
    "too_many_sets": N_("{count} sets in one line is more than I can log"),
    "rest_out_of_range": N_("a rest of {seconds} s is out of range"),
    "duration_out_of_range": N_("a duration of {seconds} s is out of range"),
    "distance_out_of_range": N_("{metres} m is further than I can log"),
    "name_too_long": N_("an exercise name of {length} characters is too long"),
    "message_too_long": N_("that message is {length} characters long"),
    "too_many_lines": N_("{count} lines is more than one workout"),
    "empty": N_("the message is empty"),
    "ambiguous_sets_reps": N_("`{text}` could be read two ways"),
    "at_needs_number": N_("`@` needs a number after it"),
    "plus_needs_reps": N_("a `+` needs the first set's reps before it"),
    "two_loads": N_("two loads for one set"),
    "duration_and_reps": N_("a time and reps on one line"),
    "internal": N_("I couldn't read that"),
    # hints
    "hint_example": N_("write sets like `bench 100kg 3x8 @8`; /help shows every form"),
    "hint_did_you_mean": N_("did you mean `{suggestion}`?"),
    "hint_reps": N_("add the reps after the load, e.g. `bench 100kg 8` or `bench 100kg 3x8`"),
    "hint_plain_number": N_("write the load as a plain number: `bench 100kg 8`"),
    "hint_rpe_scale": N_("RPE runs from 1 to 10 (10 = failure), e.g. `@8`"),
    "hint_rir_scale": N_("RIR runs from 0 (failure) to 10, e.g. `RIR1`"),
    "hint_extra_digit": N_("check for an extra digit"),
    "hint_reps_typo": N_("reps go up to 100; check for a typo"),
    "hint_drop_counts": N_(
        "a drop set needs one rep count per load: `curl 20/15/10kg 10+8+6`; sets at several loads are "
        "written `100kg 5, 105kg 5`"
    ),
    "hint_one_per_set": N_("give one load for all sets or one per set: `3x10 60,60,55`"),
    "hint_start_with_name": N_("start with the exercise name: `bench 100kg 3x8 @8`"),
    "hint_load_lifted": N_("write the load you lifted: `bench 80kg 5`"),
    "hint_load_unit": N_("a load needs its unit: `22.5kg`"),
    "hint_sets_range": N_("sets go from 1 to {max}: `3x8`"),
    "hint_fewer_sets": N_("send fewer sets per line"),
    "hint_rest_form": N_("rest is written like `rest 15s` or `2min`"),
    "hint_one_workout": N_("send one workout per message, one exercise per line"),
    "hint_max_lines": N_("send at most {max} lines at a time"),
    "hint_at_form": N_("`@8` is RPE 8; `@ 100kg` is the load"),
    "hint_plus_form": N_("rest-pause is written `20kg 12+4+3`; added weight `pull-ups +20kg 8`"),
    "hint_one_load": N_("one load per set: `bench 100kg 3x8`, or a load per set: `80kg 8, 85kg 6`"),
    "hint_checkin": N_("pain and soreness go in the daily check-in (/checkin)"),
    "hint_hold_form": N_("a hold is written `plank 60s` or `plank 3x45s`"),
    "hint_cardio_form": N_("cardio is written `run 30min` or `row 2000m 7:45`"),
    "hint_sets_reps": N_(
        "write `{many}` for {many_sets} sets of {many_reps}, or `{few}` for {few_sets} sets of {few_reps}"
    ),
    "hint_failed_set": N_("log the sets you finished; a missed rep is not a set (a note in brackets keeps it)"),
}


def problem_text(code: str, params: Mapping[str, object]) -> str:
    if params.get("exercise") == "" and f"{code}.unnamed" in CATALOGUE:  # the line named no exercise
        return fill(CATALOGUE, f"{code}.unnamed", params)
    return fill(CATALOGUE, code, params)


def hint_text(hint: str | None, params: Mapping[str, object]) -> str | None:
    return fill(CATALOGUE, hint, params) if hint else None
