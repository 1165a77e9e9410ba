"""The words lifters use for muscles: one table for every reader (technique questions, check-ins).

Each word maps to the catalog's muscle groups it covers, most specific first. "back" alone means the
lats and the upper back to a muscle question; a check-in reads a bare "back" as the lower-back joint
first (rules/checkin_reading.py JOINTS), the cautious reading, since an irritated lower back pulls intensifiers.
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

# The same groups in Russian for check-in answers, as whole-word stems (read after rules.russian.fold, so
# `грудь`, `груди`, `грудные`, `квадрицепсы`, `ягодицах` all match), each with every group the word covers,
# as MUSCLE_WORDS has them (ноги: quads, hamstrings, glutes; the questions' table above keeps the first).
# Phrases of several words first: `бицепс бедра` is the hamstrings, not the biceps; `верх спины` the upper
# back, not the back. "Плечи", "спина" and "бедро" are joints first in a check-in (rules/checkin_reading.py),
# like "shoulder" and "back".
MUSCLE_STEMS: dict[str, tuple[str, ...]] = {
    r"бицепс\w*\s+бедр\w*": ("hamstrings",), r"задн\w*\s+(поверхност\w*\s+)?бедр\w*": ("hamstrings",),
    r"передн\w*\s+(поверхност\w*\s+)?бедр\w*": ("quads",), r"верх\w*\s+спин\w*": ("upper_back",),
    r"задн\w*\s+дельт\w*": ("rear_delts",),
    r"груд\w*": ("chest",), r"грудак\w*": ("chest",), r"пектора\w*": ("chest",),
    r"широчайш\w*": ("lats",), r"крыль\w*": ("lats",), r"ромбовид\w*": ("upper_back",), r"трапец\w*": ("traps",),
    r"дельт\w*": ("shoulders",),
    r"бицепс\w*": ("biceps",), r"бицух\w*": ("biceps",), r"трицепс\w*": ("triceps",), r"трицух\w*": ("triceps",),
    r"квадрицепс\w*": ("quads",), r"квадр\w*": ("quads",), r"хамстринг\w*": ("hamstrings",),
    r"ягодиц\w*": ("glutes",), r"ягодичн\w*": ("glutes",), r"попа|попу|попе": ("glutes",),
    r"икр\w*": ("calves",), r"икронож\w*": ("calves",), r"голен\w*": ("calves",),
    r"пресс\w*": ("abs",), r"кубик\w*": ("abs",), r"живот\w*": ("abs",),
    r"предплеч\w*": ("forearms",), r"ног(а|и|у|е|ам|ами|ах)?": ("quads", "hamstrings", "glutes"),
    r"рук(а|и|у|е|ой|ам|ами|ах)?": ("biceps", "triceps"),
}  # fmt: skip
