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

# Russian muscle words as stems (regular expressions over a folded question: ё as е), most specific first;
# each names one of the catalog's muscle groups, as MUSCLE_WORDS' first group does.
RUSSIAN_MUSCLE_STEMS: tuple[tuple[str, str], ...] = (
    (r"бицепс\w* бедр|задн\w* (?:поверхност\w* )?бедр", "hamstrings"),
    (r"квадрицепс|квадр", "quads"),
    (r"трицепс", "triceps"),
    (r"бицепс", "biceps"),
    (r"предплеч", "forearms"),
    (r"груд", "chest"),
    (r"широчайш", "lats"),
    (r"спин", "lats"),
    (r"трапец", "traps"),
    (r"плеч|дельт", "shoulders"),
    (r"ягодиц", "glutes"),
    (r"икр", "calves"),
    (r"пресс", "abs"),
    (r"ног", "quads"),
    (r"рук", "biceps"),
)
