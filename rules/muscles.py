"""The words lifters use for muscles: one table for every reader (technique questions, check-ins).

Each word maps to the catalog's muscle groups it covers, most specific first. "back" alone means the
lats and the upper back to a muscle question; a check-in reads a bare "back" as the lower-back joint
first (rules/checkins.py JOINTS), the cautious reading, since an irritated lower back pulls intensifiers.
"""

from __future__ import annotations

MUSCLE_WORDS: dict[str, tuple[str, ...]] = {
    "chest": ("chest",), "pec": ("chest",), "pecs": ("chest",),
    "back": ("lats", "upper_back"), "lat": ("lats",), "lats": ("lats",), "upper back": ("upper_back",),
    "traps": ("traps",),
    "shoulder": ("shoulders",), "shoulders": ("shoulders",), "delt": ("shoulders",), "delts": ("shoulders",),
    "bicep": ("biceps",), "biceps": ("biceps",), "bis": ("biceps",),
    "tricep": ("triceps",), "triceps": ("triceps",), "tris": ("triceps",),
    "quad": ("quads",), "quads": ("quads",),
    "hamstring": ("hamstrings",), "hamstrings": ("hamstrings",), "hams": ("hamstrings",),
    "glute": ("glutes",), "glutes": ("glutes",), "calf": ("calves",), "calves": ("calves",), "abs": ("abs",),
    "forearms": ("forearms",), "legs": ("quads", "hamstrings", "glutes"), "arms": ("biceps", "triceps"),
}  # fmt: skip
