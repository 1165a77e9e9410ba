"""kg and lb: every rule in rules/ that compares two loads converts them first, and says the result in the
lifter's unit (issue 16). One row per comparison: a kg history, an lb set (or the other way), and what the
rule must say; each fails if that comparison takes the numbers as they were written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rules import blocks, pairs, recovery, report, session, trends
from rules.coach import evaluate
from rules.context import Context
from rules.conversation import State, read_message
from rules.models import LifterProfile, LoggedSet, ParsedSet, Unit
from rules.notation import parse_message
from rules.session import RecordKind
from rules.units import KG_PER_LB, convert, lb_hint_load, lifter_profile, lifter_unit, rounded_pair, writes_unit
from tests.notation_reading import describe

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def one(text: str, unit: Unit = "kg") -> ParsedSet:
    result = parse_message(text, unit)
    assert not result.errors and len(result.sets) == 1, result
    return result.sets[0]


def done(*entries: tuple[str, float]) -> list[LoggedSet]:
    """(line, days ago) -> logged sets, oldest first."""
    rows = [LoggedSet(performed_at=NOW - timedelta(days=ago), set=s) for text, ago in entries
            for s in parse_message(text).sets]  # fmt: skip
    return sorted(rows, key=lambda row: row.performed_at)


def context(history: list[LoggedSet], unit: Unit = "kg") -> Context:
    return Context(now=NOW, history=history, profile=LifterProfile(unit=unit))


def test_kg_and_lb_convert_both_ways_with_the_international_pound() -> None:
    assert convert(100, "kg", "lb") == pytest.approx(220.462, abs=1e-3)
    assert convert(225, "lb", "kg") == pytest.approx(225 * KG_PER_LB)
    assert convert(100, None, "lb") == 100  # a load with no unit is already in the unit asked for


# (history: line, days ago; new sets; chosen in /settings; the unit the lifter lifts in now)
LIFTER_UNITS: list[tuple[list[tuple[str, float]], list[str], Unit, Unit]] = [
    ([], [], "kg", "kg"),  # nothing logged: what /settings says
    ([], [], "lb", "lb"),
    ([("bench 110kg 5", 7)], ["bench 225lb 5"], "kg", "lb"),  # moved to lb today: lb from the first lb set
    ([("bench 225lb 5", 0), ("bench 225lb 5", 0), ("cable fly 15kg 15", 0)], [], "kg", "lb"),  # one kg machine
    ([("bench 225lb 5", 7), ("bench 100kg 5", 0)], [], "lb", "kg"),  # the latest day decides
    ([("bench 225lb 5", 0), ("bench 100kg 5", 0)], [], "lb", "kg"),  # a tie: the latest set
    ([("pull-up bw+20kg 5", 0)], [], "lb", "lb"),  # bodyweight sets say nothing about the plates
    ([("bench 100kg 5", 2), ("bench 225lb 5", 1), ("pull-up bw+20kg 5", 0)], [], "kg", "lb"),  # nor on the last day
    ([("bench 225lb 5", 1), ("bench 225lb 5", 1)], ["cable fly 15kg 15"], "lb", "kg"),  # a new day: only today's
]


@pytest.mark.parametrize(("history", "new", "chosen", "expected"), LIFTER_UNITS)
def test_a_lifter_lifts_in_the_unit_most_of_their_latest_day_was_written_in(
    history: list[tuple[str, float]], new: list[str], chosen: Unit, expected: Unit
) -> None:
    assert lifter_unit(done(*history), chosen, [one(text) for text in new], NOW) == expected


# (history: line, days ago; /settings chose this unit so many days ago; the unit the lifter lifts in now)
CHOSEN_UNITS: list[tuple[list[tuple[str, float]], Unit, float, Unit]] = [
    ([("bench 110kg 5", 0.5)], "lb", 0.1, "lb"),  # switched to lb after today's kg sets: answered in lb at once
    ([("bench 110kg 5", 7)], "lb", 1, "lb"),
    ([("bench 110kg 5", 0.5), ("bench 100kg 5", 0.05)], "lb", 0.1, "kg"),  # a kg set after the switch: kg again
    ([("bench 225lb 5", 0.5)], "kg", 3, "lb"),  # a choice older than the sets: the latest day decides
]


@pytest.mark.parametrize(("history", "chosen", "days_ago", "expected"), CHOSEN_UNITS)
def test_a_unit_chosen_in_settings_wins_over_the_sets_logged_before_the_choice(
    history: list[tuple[str, float]], chosen: Unit, days_ago: float, expected: Unit
) -> None:
    chosen_at = NOW - timedelta(days=days_ago)
    assert lifter_unit(done(*history), chosen, now=NOW, chosen_at=chosen_at) == expected
    profile = LifterProfile(unit=chosen, unit_set_at=chosen_at)
    assert lifter_profile(profile, done(*history), now=NOW).unit == expected


def test_session_bests_convert_a_kg_history_into_the_lifters_unit() -> None:
    # 110 kg x 5 (Epley 128.3 kg = 282.9 lb) then 225 lb x 5 (262.5 lb) today
    bests = trends.session_bests("Bench Press", [one("bench 225lb 5")], context(done(("bench 110kg 5", 7)), "lb"))
    assert [round(value, 1) for value in bests] == [282.9, 262.5]


def test_a_new_best_is_judged_in_one_unit_and_said_in_the_sets_unit() -> None:
    history = done(("bench 110kg 5", 7))
    fired = {f.rule: f.params for f in evaluate([one("bench 250lb 5")], context(history))}
    assert fired["e1rm.new_best"] == {"exercise": "Bench Press", "e1rm": 290.0, "before": 285.0, "unit": "lb"}
    assert "e1rm.new_best" not in {f.rule for f in evaluate([one("bench 225lb 5")], context(history))}


def test_main_lifts_dropping_is_judged_in_one_unit_and_said_in_the_sets_unit() -> None:
    # kg, kg, lb, lb: 140, 135 kg then 290, 280 lb x 5 -> Epley 163.3, 157.5, 153.5, 148.2 kg: falling 9%
    history = done(("squat 140kg 5", 21), ("squat 135kg 5", 14), ("squat 290lb 5", 7))
    fired = {f.rule: f.params for f in evaluate([one("squat 280lb 5")], context(history))}
    params = fired["warning.main_lift_drop"]
    assert (params["before"], params["after"], params["unit"]) == ("360", "325", "lb")  # to the 5 lb plate step
    # the same loads read without units would be a rise (140, 135, 290, 280): no warning
    assert recovery.declining([163.3, 157.5, 153.5, 148.2]) and not recovery.declining([140, 135, 290, 280])


def test_a_pairs_compound_load_is_a_share_of_the_e1rm_in_one_unit() -> None:
    # e1RM from 120 kg x 5 @8 (RTS 81.1%): 148 kg = 326 lb; 255 lb is 78% of it: inside 75-85%
    history = done(("bench 120kg 5 @8", 7))
    compound = one("bench 255lb 8")
    assert pairs.compound_load(compound, context(history)) == []
    assert pairs.compound_load(compound, context(history, "lb")) == []
    heavy = pairs.compound_load(one("bench 300lb 8"), context(history))  # 92%
    assert [f.rule for f in heavy] == ["pair.compound_heavy"]


# A history of both units: 120 kg x 5 @8, then (latest) 265 lb x 5 @8 = RTS 326.8 lb = 148.2 kg of e1RM.
MIXED_BENCH = [("bench 120kg 5 @8", 14), ("bench 265lb 5 @8", 7)]
# (today's compound, the remark on its load: None inside 003's 75-85%), each said to a kg and to an lb lifter
PAIR_LOADS: list[tuple[str, str | None]] = [
    ("bench 115kg 8", None),  # 77.6% (read as 115 of 326.8 it would be 35%: "light")
    ("bench 250lb 8", None),  # 76.5% (read as 250 of 148.2 it would be 169%: "heavy")
    ("bench 130kg 8", "pair.compound_heavy"),  # 87.7%
    ("bench 290lb 8", "pair.compound_heavy"),  # 88.8%
    ("bench 100kg 8", "pair.compound_light"),  # 67.5%
]


@pytest.mark.parametrize("unit", ["kg", "lb"])
@pytest.mark.parametrize(("compound", "expected"), PAIR_LOADS)
def test_a_pairs_compound_load_is_a_share_of_a_mixed_kg_and_lb_e1rm_in_one_unit(
    compound: str, expected: str | None, unit: Unit
) -> None:
    fired = [f.rule for f in pairs.compound_load(one(compound), context(done(*MIXED_BENCH), unit))]
    assert fired == ([expected] if expected else [])
    paired = parse_message(f"{compound} > cable fly 15kg 15 rir1").sets  # through the coach, as a pair
    said = {f.rule for f in evaluate(list(paired), context(done(*MIXED_BENCH), unit))}
    assert said & {"pair.compound_light", "pair.compound_heavy"} == ({expected} if expected else set())


def test_next_block_loads_from_an_lb_amrap_are_in_the_unit_asked_for() -> None:
    history = [LoggedSet(performed_at=NOW, set=one("squat 315lb amrap 5"))]
    ((name, e1rm, unit, targets),) = blocks.next_block_loads(history, "kg")
    assert (name, e1rm, unit) == ("Back Squat", 167.5, "kg")  # 367.5 lb = 166.7 kg -> 167.5
    assert targets[0] == {"reps": 5, "load": 145.0, "share": 0.87}


def test_the_sessions_top_set_compares_kg_and_lb_in_one_unit() -> None:
    rows = [LoggedSet(performed_at=NOW, set=one(text)) for text in ("bench 100kg 5", "bench 200lb 5")]
    summary = session.summarize(rows, rows, [], NOW)
    assert summary is not None and summary.exercises[0].top.unit == "kg"  # 100 kg > 200 lb (90.7 kg)


@pytest.mark.parametrize(
    ("change", "expected"),
    [("+5", "Bench Press: 230x5 lb"), ("+5lb", "Bench Press: 230x5 lb"), ("+5kg", "Bench Press: 236x5 lb"),
     ("-2.5kg", "Bench Press: 219.5x5 lb")],
)  # fmt: skip
def test_a_load_change_written_in_the_other_unit_is_converted_to_the_sets_unit(change: str, expected: str) -> None:
    last = one("bench 225lb 5")
    state = State(exercise="Bench Press", last=last, session_start=NOW, last_at=NOW)
    turn = read_message(change, state, NOW + timedelta(minutes=3), "kg")
    assert [describe(s) for s in turn.sets] == [expected]


# (what is typed after `bench 225lb 5` in the same session, by a lifter whose profile says kg, the set read)
AFTER_AN_LB_SET: list[tuple[str, str]] = [
    ("230 5", "Bench Press: 230x5 lb"),  # the open exercise's load is in its unit
    ("100kg 5", "Bench Press: 100x5 kg"),  # a written unit wins
    ("squat 315 AMRAP 5", "Back Squat: 315x5 lb amrap"),  # a new exercise: the session's unit, as lifter_unit
    ("squat 140kg 5", "Back Squat: 140x5 kg"),
    ("pull ups 8", "Pull-Up: x8"),  # no load, no unit
]


@pytest.mark.parametrize(("typed", "read"), AFTER_AN_LB_SET)
def test_a_load_without_a_unit_is_in_the_unit_of_the_sessions_last_set(typed: str, read: str) -> None:
    state = State(exercise="Bench Press", last=one("bench 225lb 5"), session_start=NOW, last_at=NOW)
    later = NOW + timedelta(minutes=3)
    assert [describe(s) for s in read_message(typed, state, later, "kg").sets] == [read]


def test_a_new_session_starts_in_the_profiles_unit() -> None:
    state = State(exercise="Bench Press", last=one("bench 225lb 5"), session_start=NOW, last_at=NOW)
    tomorrow = NOW + timedelta(days=1)
    assert [describe(s) for s in read_message("squat 140 5", state, tomorrow, "kg").sets] == ["Back Squat: 140x5 kg"]


def best_rows(*texts: str) -> list[session.BestRow]:
    """set_bests' rows for these sets: each load in the unit it was written in."""
    return [(s.top_load, s.first_reps, s.rir, s.amrap, s.unit or "kg") for s in map(one, texts)]


# (the history's sets, today's set, the records it sets: kind -> (value, previous) in today's unit)
RECORDS: list[tuple[list[str], str, dict[RecordKind, tuple[float, float]]]] = [
    # 225 lb (102.1 kg) x 5 after 110 kg x 5: lighter, and a lower e1RM; none of "225 lb (was 110 lb)"
    (["bench 110kg 5"], "bench 225lb 5", {}),
    # 250 lb (113.4 kg): heavier than 110 kg (242.5 lb); Epley 291.7 lb over 128.3 kg (282.9 lb)
    (["bench 110kg 5"], "bench 250lb 5", {RecordKind.HEAVIEST: (250.0, 242.5), RecordKind.E1RM: (291.7, 282.9)}),
    # the other way: 105 kg after 225 lb (102.06 kg, said as 102) x 5 is heavier, said in kg
    (["bench 225lb 5"], "bench 105kg 5", {RecordKind.HEAVIEST: (105.0, 102.0), RecordKind.E1RM: (122.5, 119.1)}),
    # more reps at this load or heavier: 6 at 225 lb beats 5 at 110 kg (242.5 lb); 5 at 220 lb (99.8 kg) is
    # lighter than 100 kg, so 6 at 100 kg is no reps record but the heaviest yet, and its e1RM (120 kg) beats
    # 256.7 lb (116.4 kg)
    (["bench 110kg 5"], "bench 225lb 6", {RecordKind.REPS: (6, 5)}),
    (["bench 220lb 5"], "bench 100kg 6", {RecordKind.HEAVIEST: (100.0, 99.8), RecordKind.E1RM: (120.0, 116.4)}),
]


@pytest.mark.parametrize(("history", "today", "expected"), RECORDS)
def test_records_compare_kg_and_lb_in_one_unit_and_are_said_in_the_unit_of_the_set_just_logged(
    history: list[str], today: str, expected: dict[RecordKind, tuple[float, float]]
) -> None:
    parsed = one(today)
    found = session.records([parsed], session.bests("Bench Press", best_rows(*history)))
    assert {r.kind: (round(r.value, 1), round(r.previous or 0, 1)) for r in found} == expected
    assert all(r.unit == parsed.unit for r in found)


def test_a_progress_chart_puts_kg_and_lb_days_in_the_lifters_unit_a_converted_best_set_as_a_lifter_writes_it() -> None:
    rows = [
        report.SetSummary(NOW - timedelta(days=7), 110.0, 5, None, False, False, "kg"),
        report.SetSummary(NOW, 225.0, 5, None, False, False, "lb"),
    ]
    in_lb = report.progress(rows, "lb")
    assert [(round(p.top_load or 0, 1), round(p.e1rm or 0, 1)) for p in in_lb] == [(242.5, 282.9), (225.0, 262.5)]
    in_kg = report.progress(rows, "kg")  # 225 lb is 102.06 kg: its best set reads 102 kg
    assert [(round(p.top_load or 0, 1), round(p.e1rm or 0, 1)) for p in in_kg] == [(110.0, 128.3), (102.0, 119.1)]


@pytest.mark.parametrize(
    ("now", "before", "unit", "said"),
    [(129.5, 123.3, "kg", (130.0, 122.5)), (291.7, 282.9, "lb", (290.0, 285.0)),
     (129.5, 128.9, "kg", (129.5, 128.9)),  # both 130 to the plate step: to a tenth instead
     (301.2, 299.4, "lb", (301.2, 299.4))],
)  # fmt: skip
def test_a_new_e1rm_best_and_the_one_it_beat_are_said_to_the_plate_step_unless_they_would_read_the_same(
    now: float, before: float, unit: Unit, said: tuple[float, float]
) -> None:
    assert rounded_pair(now, before, unit) == said


# (what the lifter typed, whether a unit is written in it)
WRITTEN_UNITS = [
    ("bench 100kg 5", True), ("225 lbs 5", True), ("135# 5", True), ("100kgx5", True), ("80 кг 5", True),
    ("100кгх5", True), ("становая 140 кило 5", True), ("deadlift 2 pounds", True), ("bench 100 kg", True),
    ("135x5", False), ("deadlift 405 1", False), ("становая 140 5", False), ("225 x 5 @9", False),
    ("elbow 2", False), ("black 135 5", False), ("curl 20 12 kgb", False),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "written"), WRITTEN_UNITS)
def test_a_unit_written_anywhere_in_a_message_is_found_and_a_bare_number_is_none(typed: str, written: bool) -> None:
    assert writes_unit(typed) is written


# (set typed, unit read, history, chosen in /settings, hint settled: the load the hint names, or None)
LB_HINTS: list[tuple[str, Unit, list[LoggedSet], bool, bool, float | None]] = [
    ("deadlift 405 1", "kg", [], False, False, 405),
    *[(f"deadlift {load} 5", "kg", [], False, False, load) for load in (95, 135, 185, 225, 275, 315, 365, 495)],
    ("deadlift 100/135 8+6", "kg", [], False, False, 135),  # a drop set's lighter load too
    ("deadlift 140 5", "kg", [], False, False, None),  # not what an lb bar holds
    ("deadlift 405 1", "lb", [], False, False, None),  # read in lb already
    ("deadlift 405kg 1", "kg", [], False, False, None),  # written: no guess
    ("deadlift 405 1", "kg", [], True, False, None),  # a unit chosen in /settings
    ("deadlift 405 1", "kg", [], False, True, None),  # hinted (or a unit written) before
    ("deadlift 405 1", "kg", done(("bench 100lb 8", 3)), False, False, None),  # lb in the history
    ("dips bw+135 5", "kg", [], False, False, None),  # weight added to the body's is no bar
]


@pytest.mark.parametrize(("typed", "unit", "history", "chosen", "settled", "load"), LB_HINTS)
def test_a_bare_lb_plate_total_is_hinted_only_while_no_unit_was_ever_chosen_or_written(
    typed: str, unit: Unit, history: list[LoggedSet], chosen: bool, settled: bool, load: float | None
) -> None:
    sets = parse_message(typed, unit).sets
    assert sets
    assert lb_hint_load(typed, sets, history, NOW if chosen else None, NOW if settled else None) == load
