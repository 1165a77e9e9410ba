"""The command-line contracts, run as a user (or an outside check) runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_parse_writes_one_json_object_per_input_line() -> None:
    lines = ["bench 100kg 3x8 @8", "bench 80kg 8 > cable fly 15kg 15 rir0", "lat raise 20kg 12+4+3 RIR1 rest 15s",
             "curl 20/15/10kg 10+8+6", "pullups bw 8", "bench 100kgg 5", "", "squat 100kg AMRAP 9"]  # fmt: skip
    result = run("parse", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0] == {
        "ok": True,
        "sets": [
            {"exercise": "Bench Press", "raw_exercise": "bench", "technique": "straight",
             "segments": [{"load": 100.0, "reps": 8}], "unit": "kg", "bodyweight": False, "rir": 2.0, "rpe": 8.0,
             "amrap": False, "rest_s": None, "group": None}
        ] * 3,
    }  # fmt: skip
    assert [s["group"] for s in out[1]["sets"]] == [1, 1]
    assert out[2]["sets"][0]["technique"] == "rest_pause" and out[2]["sets"][0]["rest_s"] == 15
    assert [seg["load"] for seg in out[3]["sets"][0]["segments"]] == [20.0, 15.0, 10.0]
    assert out[4]["sets"][0]["bodyweight"] is True and out[4]["sets"][0]["unit"] is None
    assert out[5] == {"ok": False, "error": "I don't understand `kgg`", "column": 10, "hint": "did you mean `100kg`?"}
    assert out[6]["ok"] is False and out[6]["hint"]
    assert out[7]["sets"][0]["amrap"] is True


def test_parse_adds_holds_cardio_notes_warmups_per_side_and_headings_only_where_they_apply() -> None:
    lines = ["plank 60s", "row 2000m 7:45", "lunge 20kg 15/15 (slow)", "warmup: squat 60kg 5", "Bench Press",
             "жим лёжа 80кг 3х10", "100x8"]  # fmt: skip
    result = run("parse", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    plank, row, lunge, warmup, heading, russian, bare = (json.loads(line) for line in result.stdout.splitlines())
    assert plank["sets"][0]["segments"] == [{"load": None, "reps": 0, "seconds": 60}]
    assert row["sets"][0]["technique"] == "cardio"
    assert row["sets"][0]["segments"] == [{"load": None, "reps": 0, "seconds": 465, "distance_m": 2000.0}]
    assert (lunge["sets"][0]["per_side"], lunge["sets"][0]["note"]) == (True, "slow")
    assert warmup["sets"][0]["warmup"] is True and "note" not in warmup["sets"][0]
    assert heading == {"ok": True, "sets": [], "heading": "Bench Press"}
    assert [s["exercise"] for s in russian["sets"]] == ["Bench Press"] * 3
    assert bare == {"ok": False, "error": "which exercise was this?", "column": 1,
                    "hint": "start with the exercise name: `bench 100kg 3x8 @8`"}  # fmt: skip


def test_parse_uses_the_given_unit_for_loads_without_one() -> None:
    result = run("parse", "--unit", "lb", stdin="bench 225 5\n")
    assert json.loads(result.stdout)["sets"][0]["unit"] == "lb"


def test_export_then_import_from_the_command_line(tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    assert (
        run("chat", "--db", str(source), "--user", "5", stdin="squat 120kg 5x5 @8\ncurl 20/15kg 10+8\n").returncode == 0
    )
    exported = run("export", "--db", str(source), "--user", "5")
    assert exported.stdout.splitlines()[0].startswith("Date,Workout Name,Exercise Name,Set Order,Weight")
    assert len(exported.stdout.splitlines()) == 1 + 5 + 2  # header, five squat sets, two drop-set segments
    csv_path = tmp_path / "export.csv"
    csv_path.write_text(exported.stdout)
    first = run("import", str(csv_path), "--db", str(target), "--user", "9")
    second = run("import", str(csv_path), "--db", str(target), "--user", "9")
    assert "Imported 6 sets from 1 workout" in first.stdout
    assert "Skipped 1 workout already imported" in second.stdout
    assert run("export", "--db", str(target), "--user", "9").stdout.count("\n") == exported.stdout.count("\n")
