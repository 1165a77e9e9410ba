"""What the coaching rules ask of the catalog (rules/catalog.py belongs to the parser): ids, not English."""

from __future__ import annotations

from rules import catalog
from rules.catalog import Exercise

# The catalog's fit reasons are English; the rules hand the words module an id instead.
FIT_REASON_IDS: dict[str, str] = {
    catalog.STABLE_MACHINE: "stable_machine",
    catalog.STABLE_ISOLATION: "stable_isolation",
    catalog.FREE_WEIGHT_OK: "free_weight_ok",
    catalog.HEAVY_BARBELL: "heavy_barbell",
    catalog.TECHNICAL_HINGE: "technical_hinge",
    catalog.OLYMPIC: "olympic",
    catalog.UNSTABLE: "unstable",
    catalog.HOLD: "hold",
    catalog.CARDIO: "cardio",
}


def fit_reason(exercise: Exercise) -> str:
    """The id of why an exercise suits rest-pause and drop sets (or does not)."""
    return FIT_REASON_IDS.get(exercise.fit_reason, "unknown")
