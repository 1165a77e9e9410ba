"""What the coaching rules ask of the catalog (rules/catalog.py belongs to the parser): ids, not English."""

from __future__ import annotations

from rules.catalog import EXERCISES, Exercise

# Every fit reason the catalog gives (ids: the words are handlers/words/feedback.py FIT_REASONS).
FIT_REASON_IDS: frozenset[str] = frozenset(exercise.fit_reason for exercise in EXERCISES)


def fit_reason(exercise: Exercise) -> str:
    """The id of why an exercise suits rest-pause and drop sets (or does not)."""
    return exercise.fit_reason
