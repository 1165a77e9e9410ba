"""The exercise catalog: names, aliases, muscles, and how well each suits intensifiers.

Rest-pause suitability follows the rest-pause guide's cautious reading: "keep rest-pause mostly
for stable, lower-skill exercises"; heavy compounds, Olympic lifts, technical hinges and unstable
movements are poor candidates. (The drop-sets-vs-rest-pause article suggests rest-pause for bench
and squats; where the two disagree the bot takes the cautious reading and says so.)
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict


class Kind(StrEnum):
    COMPOUND = "compound"
    ISOLATION = "isolation"
    HOLD = "hold"  # timed: the rules about reps, pairs and intensifiers do not apply
    CARDIO = "cardio"


class Fit(StrEnum):
    """How well an exercise suits rest-pause and drop sets."""

    GOOD = "good"
    OK = "ok"
    POOR = "poor"


class Exercise(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    kind: Kind
    pattern: str
    equipment: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...] = ()
    fit: Fit
    fit_reason: str
    joints: tuple[str, ...] = ()
    main_lift: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def muscles(self) -> tuple[str, ...]:
        return self.primary + self.secondary


# Why an exercise gets its rest-pause fit, as ids: the words are handlers/words/feedback.py FIT_REASONS.
STABLE_MACHINE = "stable_machine"
STABLE_ISOLATION = "stable_isolation"
FREE_WEIGHT_OK = "free_weight_ok"
HEAVY_BARBELL = "heavy_barbell"
TECHNICAL_HINGE = "technical_hinge"
OLYMPIC = "olympic"
UNSTABLE = "unstable"
CARDIO = "cardio"
HOLD = "hold"
# Usable, with one exercise's own caution.
NARROW_GRIP = "narrow_grip"
LOWER_BACK_GRIND = "lower_back_grind"
ELBOW_DRIFT = "elbow_drift"
ECCENTRIC_SORENESS = "eccentric_soreness"
HEAVY_BAR_SETUP = "heavy_bar_setup"

# Joints a movement pattern loads, for check-in driven warnings (rest-pause guide: pull
# rest-pause work on what irritates a joint first).
PATTERN_JOINTS: dict[str, tuple[str, ...]] = {
    "horizontal_push": ("shoulder", "elbow", "wrist"),
    "vertical_push": ("shoulder", "elbow"),
    "chest_fly": ("shoulder",),
    "horizontal_pull": ("elbow", "shoulder"),
    "vertical_pull": ("elbow", "shoulder"),
    "pullover": ("shoulder", "elbow"),
    "lateral_raise": ("shoulder",),
    "front_raise": ("shoulder",),
    "rear_delt": ("shoulder",),
    "shrug": (),
    "elbow_flexion": ("elbow", "wrist"),
    "elbow_extension": ("elbow",),
    "wrist": ("wrist",),
    "squat": ("knee", "hip", "lower back"),
    "machine_squat": ("knee", "hip"),
    "lunge": ("knee", "hip"),
    "knee_extension": ("knee",),
    "knee_flexion": ("knee",),
    "hinge": ("lower back", "hip"),
    "hip_extension": ("hip",),
    "hip_abduction": ("hip",),
    "hip_adduction": ("hip",),
    "calf": (),
    "core": ("lower back",),
    "olympic": ("lower back", "wrist", "shoulder", "knee"),
    "cardio": (),
}

_C, _I, _H, _K = Kind.COMPOUND, Kind.ISOLATION, Kind.HOLD, Kind.CARDIO
_G, _O, _P = Fit.GOOD, Fit.OK, Fit.POOR

# name, kind, pattern, equipment, primary, secondary, fit, reason, main lift, aliases ("|"-separated)
# fmt: off
_ROWS: tuple[tuple[str, Kind, str, str, str, str, Fit, str, bool, str], ...] = (
    # Chest
    ("Bench Press", _C, "horizontal_push", "barbell", "chest", "triceps shoulders", _P, HEAVY_BARBELL, True,
     "bench|bp|flat bench|barbell bench|barbell bench press|bench press barbell|flat bench press"),
    ("Incline Bench Press", _C, "horizontal_push", "barbell", "chest", "shoulders triceps", _P, HEAVY_BARBELL, False,
     "incline bench|incline bp|incline barbell press|incline barbell bench|incline bench press barbell"),
    ("Decline Bench Press", _C, "horizontal_push", "barbell", "chest", "triceps", _P, HEAVY_BARBELL, False,
     "decline bench|decline bp"),
    ("Close-Grip Bench Press", _C, "horizontal_push", "barbell", "triceps chest", "shoulders", _P, HEAVY_BARBELL, False,
     "close grip bench|cgbp|close grip bp|close grip bench press"),
    ("Dumbbell Bench Press", _C, "horizontal_push", "dumbbell", "chest", "triceps shoulders", _O, FREE_WEIGHT_OK, False,
     "db bench|dumbbell bench|db bench press|dumbbell press|bench press dumbbell|db press flat"),
    ("Incline Dumbbell Press", _C, "horizontal_push", "dumbbell", "chest", "shoulders triceps", _O, FREE_WEIGHT_OK, False,
     "incline db press|incline dumbbell bench|incline db bench|incline dumbbell bench press"),
    ("Machine Chest Press", _C, "horizontal_push", "machine", "chest", "triceps shoulders", _G, STABLE_MACHINE, False,
     "chest press|machine press|chest press machine|hammer strength press|seated chest press"),
    ("Incline Machine Press", _C, "horizontal_push", "machine", "chest", "shoulders triceps", _G, STABLE_MACHINE, False,
     "incline chest press|incline machine chest press"),
    ("Smith Machine Bench Press", _C, "horizontal_push", "machine", "chest", "triceps shoulders", _G, STABLE_MACHINE, False,
     "smith bench|smith machine bench|smith bench press"),
    ("Cable Fly", _I, "chest_fly", "cable", "chest", "", _G, STABLE_MACHINE, False,
     "cable flye|cable crossover|crossover|cable chest fly|low to high fly|high to low fly|fly cable"),
    ("Dumbbell Fly", _I, "chest_fly", "dumbbell", "chest", "", _O, FREE_WEIGHT_OK, False,
     "fly|flye|db fly|dumbbell flye|chest fly|fly dumbbell"),
    ("Pec Deck", _I, "chest_fly", "machine", "chest", "", _G, STABLE_MACHINE, False,
     "pec dec|pec fly|machine fly|butterfly|pec deck fly|machine chest fly"),
    ("Push-Up", _C, "horizontal_push", "bodyweight", "chest", "triceps shoulders", _O, FREE_WEIGHT_OK, False,
     "push up|pushup|press up|pressup"),
    ("Dip", _C, "horizontal_push", "bodyweight", "chest triceps", "shoulders", _O, FREE_WEIGHT_OK, False,
     "dips|chest dip|parallel bar dip|tricep dip|triceps dip|weighted dip"),
    # Shoulders
    ("Overhead Press", _C, "vertical_push", "barbell", "shoulders", "triceps", _P, HEAVY_BARBELL, True,
     "ohp|press|military press|standing press|barbell overhead press|shoulder press barbell|overhead press barbell|"
     "standing military press|barbell military press|standing barbell military press|standing barbell press"),
    ("Push Press", _C, "vertical_push", "barbell", "shoulders", "triceps quads", _P, OLYMPIC, False,
     "push press barbell"),
    ("Dumbbell Shoulder Press", _C, "vertical_push", "dumbbell", "shoulders", "triceps", _O, FREE_WEIGHT_OK, False,
     "db shoulder press|seated db press|db ohp|dumbbell ohp|seated dumbbell press|shoulder press dumbbell"),
    ("Machine Shoulder Press", _C, "vertical_push", "machine", "shoulders", "triceps", _G, STABLE_MACHINE, False,
     "shoulder press|shoulder press machine|smith shoulder press|smith machine shoulder press"),
    ("Arnold Press", _C, "vertical_push", "dumbbell", "shoulders", "triceps", _O, FREE_WEIGHT_OK, False,
     "arnold|arnolds"),
    ("Lateral Raise", _I, "lateral_raise", "dumbbell", "shoulders", "", _G, STABLE_ISOLATION, False,
     "lat raise|lr|side raise|side lateral raise|db lateral raise|dumbbell lateral raise|lateral raise dumbbell|lateral|"
     "laterals|side lateral|dumbbell side raise"),
    ("Cable Lateral Raise", _I, "lateral_raise", "cable", "shoulders", "", _G, STABLE_MACHINE, False,
     "cable lat raise|cable lr|cable side raise|lateral raise cable"),
    ("Machine Lateral Raise", _I, "lateral_raise", "machine", "shoulders", "", _G, STABLE_MACHINE, False,
     "machine lat raise|lateral raise machine"),
    ("Front Raise", _I, "front_raise", "dumbbell", "shoulders", "", _G, STABLE_ISOLATION, False,
     "front raises|db front raise|plate front raise"),
    ("Rear Delt Fly", _I, "rear_delt", "machine", "rear_delts", "upper_back", _G, STABLE_MACHINE, False,
     "reverse fly|rear delt raise|reverse pec deck|rear delt machine|rear delt|rdf|reverse flye"),
    ("Face Pull", _I, "rear_delt", "cable", "rear_delts", "upper_back", _G, STABLE_MACHINE, False,
     "facepull|face pulls|rope face pull"),
    ("Upright Row", _C, "vertical_pull", "barbell", "shoulders", "traps", _O, NARROW_GRIP, False,
     "upright rows|cable upright row"),
    # Back
    ("Deadlift", _C, "hinge", "barbell", "hamstrings glutes lower_back", "upper_back traps", _P, TECHNICAL_HINGE, True,
     "dl|conventional deadlift|deadlift barbell|barbell deadlift|conv dl"),
    ("Sumo Deadlift", _C, "hinge", "barbell", "glutes quads adductors", "lower_back", _P, TECHNICAL_HINGE, False,
     "sumo|sumo dl"),
    ("Romanian Deadlift", _C, "hinge", "barbell", "hamstrings glutes", "lower_back", _P, TECHNICAL_HINGE, False,
     "rdl|romanian|romanian deadlift barbell|db rdl|dumbbell rdl"),
    ("Stiff-Leg Deadlift", _C, "hinge", "barbell", "hamstrings glutes", "lower_back", _P, TECHNICAL_HINGE, False,
     "sldl|stiff leg deadlift|stiff legged deadlift|sl dl"),
    ("Trap Bar Deadlift", _C, "hinge", "barbell", "quads glutes hamstrings", "lower_back traps", _P, TECHNICAL_HINGE, False,
     "hex bar deadlift|tbdl|trap bar dl|hex bar dl|trap bar"),
    ("Good Morning", _C, "hinge", "barbell", "hamstrings lower_back", "glutes", _P, TECHNICAL_HINGE, False,
     "good mornings|gm"),
    ("Rack Pull", _C, "hinge", "barbell", "upper_back glutes", "hamstrings lower_back traps", _P, TECHNICAL_HINGE, False,
     "rack pulls|block pull"),
    ("Barbell Row", _C, "horizontal_pull", "barbell", "upper_back lats", "biceps lower_back", _P, HEAVY_BARBELL, True,
     "row|bb row|bent over row|bent row|barbell bent over row|pendlay row|bent over barbell row|row barbell"),
    ("Dumbbell Row", _C, "horizontal_pull", "dumbbell", "lats upper_back", "biceps", _O, FREE_WEIGHT_OK, False,
     "db row|one arm row|single arm row|one arm dumbbell row|kroc row|row dumbbell"),
    ("Chest-Supported Row", _C, "horizontal_pull", "machine", "upper_back lats", "biceps", _G, STABLE_MACHINE, False,
     "chest supported row|cs row|seal row|incline db row|chest supported db row|chest supported t bar row"),
    ("Seated Cable Row", _C, "horizontal_pull", "cable", "upper_back lats", "biceps", _G, STABLE_MACHINE, False,
     "cable row|seated row|low row|cable seated row|seated cable rows"),
    ("Machine Row", _C, "horizontal_pull", "machine", "upper_back lats", "biceps", _G, STABLE_MACHINE, False,
     "hammer row|hammer strength row|row machine|iso row"),
    ("T-Bar Row", _C, "horizontal_pull", "barbell", "upper_back lats", "biceps lower_back", _O, FREE_WEIGHT_OK, False,
     "t bar row|tbar row|landmine row"),
    ("Lat Pulldown", _C, "vertical_pull", "cable", "lats", "biceps upper_back", _G, STABLE_MACHINE, False,
     "pulldown|lat pull down|lpd|wide grip pulldown|close grip pulldown|lat pulldown cable|pull down|pulldowns"),
    ("Pull-Up", _C, "vertical_pull", "bodyweight", "lats", "biceps upper_back", _O, FREE_WEIGHT_OK, False,
     "pullup|pull up|weighted pull up|weighted pullup|wide grip pull up"),
    ("Chin-Up", _C, "vertical_pull", "bodyweight", "lats biceps", "upper_back", _O, FREE_WEIGHT_OK, False,
     "chinup|chin up|chins|weighted chin up"),
    ("Assisted Pull-Up", _C, "vertical_pull", "machine", "lats", "biceps", _G, STABLE_MACHINE, False,
     "assisted pullup|assisted pull up|assisted chin up"),
    ("Straight-Arm Pulldown", _I, "pullover", "cable", "lats", "", _G, STABLE_MACHINE, False,
     "straight arm pulldown|lat prayer|cable pullover|straight arm pushdown|sapd"),
    ("Dumbbell Pullover", _I, "pullover", "dumbbell", "lats chest", "", _O, FREE_WEIGHT_OK, False,
     "pullover|db pullover"),
    ("Shrug", _I, "shrug", "dumbbell", "traps", "", _G, STABLE_ISOLATION, False,
     "shrugs|db shrug|barbell shrug|dumbbell shrug|trap shrug"),
    ("Back Extension", _C, "hip_extension", "machine", "lower_back glutes", "hamstrings", _O, LOWER_BACK_GRIND, False,
     "hyperextension|back ext|hyper|hyperextensions|back extensions|roman chair"),
    # Arms
    ("Biceps Curl", _I, "elbow_flexion", "dumbbell", "biceps", "forearms", _G, STABLE_ISOLATION, False,
     "curl|bicep curl|curls|biceps curls|arm curl"),
    ("Barbell Curl", _I, "elbow_flexion", "barbell", "biceps", "forearms", _G, STABLE_ISOLATION, False,
     "bb curl|barbell curls|curl barbell|bicep curl barbell|standing barbell curl"),
    ("EZ-Bar Curl", _I, "elbow_flexion", "barbell", "biceps", "forearms", _G, STABLE_ISOLATION, False,
     "ez bar curl|ez curl|ezbar curl|curl ez bar|bicep curl ez bar"),
    ("Dumbbell Curl", _I, "elbow_flexion", "dumbbell", "biceps", "forearms", _G, STABLE_ISOLATION, False,
     "db curl|dumbbell curls|bicep curl dumbbell|alternating curl|alt db curl|curl dumbbell"),
    ("Hammer Curl", _I, "elbow_flexion", "dumbbell", "biceps forearms", "", _G, STABLE_ISOLATION, False,
     "hammer curls|hammers|db hammer curl|rope hammer curl"),
    ("Preacher Curl", _I, "elbow_flexion", "machine", "biceps", "", _G, STABLE_MACHINE, False,
     "preacher|machine preacher curl|preacher curls|ez preacher curl|scott curl"),
    ("Cable Curl", _I, "elbow_flexion", "cable", "biceps", "forearms", _G, STABLE_MACHINE, False,
     "cable curls|cable bicep curl|bayesian curl|curl cable"),
    ("Incline Dumbbell Curl", _I, "elbow_flexion", "dumbbell", "biceps", "", _G, STABLE_ISOLATION, False,
     "incline curl|incline db curl"),
    ("Concentration Curl", _I, "elbow_flexion", "dumbbell", "biceps", "", _G, STABLE_ISOLATION, False,
     "concentration curls"),
    ("Reverse Curl", _I, "elbow_flexion", "barbell", "forearms", "biceps", _G, STABLE_ISOLATION, False,
     "reverse curls|reverse grip curl"),
    ("Triceps Pressdown", _I, "elbow_extension", "cable", "triceps", "", _G, STABLE_MACHINE, False,
     "pressdown|pushdown|tricep pushdown|triceps pushdown|rope pushdown|cable pushdown|tricep pressdown|rope pressdown|push down|press down|pushdowns|pressdowns|tpd"),
    ("Overhead Triceps Extension", _I, "elbow_extension", "cable", "triceps", "", _G, STABLE_MACHINE, False,
     "overhead extension|oh tricep extension|overhead tricep extension|cable overhead extension|french press|oh ext|overhead triceps ext"),
    ("Skull Crusher", _I, "elbow_extension", "barbell", "triceps", "", _O, ELBOW_DRIFT, False,
     "skullcrusher|skull crushers|lying triceps extension|lying tricep extension|lte|ez skull crusher"),
    ("Triceps Kickback", _I, "elbow_extension", "dumbbell", "triceps", "", _G, STABLE_ISOLATION, False,
     "kickback|kickbacks|tricep kickback|db kickback|cable kickback"),
    ("Wrist Curl", _I, "wrist", "dumbbell", "forearms", "", _G, STABLE_ISOLATION, False,
     "wrist curls|forearm curl"),
    # Legs
    ("Back Squat", _C, "squat", "barbell", "quads glutes", "adductors lower_back", _P, HEAVY_BARBELL, True,
     "squat|squats|sq|bs|high bar squat|low bar squat|barbell squat|squat barbell|back squats"),
    ("Front Squat", _C, "squat", "barbell", "quads", "glutes upper_back", _P, HEAVY_BARBELL, False,
     "front squats|fs|fsq"),
    ("Leg Press", _C, "machine_squat", "machine", "quads glutes", "adductors", _G, STABLE_MACHINE, False,
     "lp|leg press machine|sled press|incline leg press|leg presses|horizontal leg press"),
    ("Hack Squat", _C, "machine_squat", "machine", "quads", "glutes", _G, STABLE_MACHINE, False,
     "hack squats|machine hack squat|hack"),
    ("Smith Machine Squat", _C, "machine_squat", "machine", "quads glutes", "", _G, STABLE_MACHINE, False,
     "smith squat|smith squats"),
    ("Pendulum Squat", _C, "machine_squat", "machine", "quads", "glutes", _G, STABLE_MACHINE, False,
     "pendulum|pendulum squats"),
    ("Belt Squat", _C, "machine_squat", "machine", "quads glutes", "", _G, STABLE_MACHINE, False,
     "belt squats"),
    ("Goblet Squat", _C, "squat", "dumbbell", "quads glutes", "", _O, FREE_WEIGHT_OK, False,
     "goblet squats|goblet"),
    ("Bulgarian Split Squat", _C, "lunge", "dumbbell", "quads glutes", "adductors", _P, UNSTABLE, False,
     "bss|split squat|rfess|bulgarian|bulgarians|rear foot elevated split squat|bulgarian split squats"),
    ("Lunge", _C, "lunge", "dumbbell", "quads glutes", "adductors", _P, UNSTABLE, False,
     "lunges|walking lunge|walking lunges|db lunge|reverse lunge|reverse lunges"),
    ("Step-Up", _C, "lunge", "dumbbell", "quads glutes", "", _P, UNSTABLE, False,
     "step up|step ups|stepup|stepups"),
    ("Leg Extension", _I, "knee_extension", "machine", "quads", "", _G, STABLE_MACHINE, False,
     "leg ext|lex|leg extensions|quad extension|knee extension|leg extension machine|extensions"),
    ("Lying Leg Curl", _I, "knee_flexion", "machine", "hamstrings", "", _G, STABLE_MACHINE, False,
     "leg curl|hamstring curl|lying curl|leg curls|lying leg curls|prone leg curl|ham curl"),
    ("Seated Leg Curl", _I, "knee_flexion", "machine", "hamstrings", "", _G, STABLE_MACHINE, False,
     "seated curl|seated leg curls|seated ham curl"),
    ("Nordic Curl", _I, "knee_flexion", "bodyweight", "hamstrings", "", _O, ECCENTRIC_SORENESS, False,
     "nordic|nordics|nordic hamstring curl"),
    ("Hip Thrust", _C, "hip_extension", "barbell", "glutes", "hamstrings", _O, HEAVY_BAR_SETUP, False,
     "hip thrusts|barbell hip thrust|ht|glute thrust|machine hip thrust"),
    ("Glute Bridge", _C, "hip_extension", "barbell", "glutes", "hamstrings", _O, FREE_WEIGHT_OK, False,
     "glute bridges|bridge|barbell glute bridge"),
    ("Hip Abduction", _I, "hip_abduction", "machine", "glutes", "", _G, STABLE_MACHINE, False,
     "abductor|abductors|hip abductor|abduction|abduction machine|hip abduction machine"),
    ("Hip Adduction", _I, "hip_adduction", "machine", "adductors", "", _G, STABLE_MACHINE, False,
     "adductor|adductors|hip adductor|adduction|adduction machine|hip adduction machine"),
    ("Standing Calf Raise", _I, "calf", "machine", "calves", "", _G, STABLE_MACHINE, False,
     "calf raise|calf raises|calves|standing calf raises|calf|smith calf raise|leg press calf raise"),
    ("Seated Calf Raise", _I, "calf", "machine", "calves", "", _G, STABLE_MACHINE, False,
     "seated calf raises|seated calf|seated calves"),
    # Olympic and ballistic
    ("Power Clean", _C, "olympic", "barbell", "quads glutes hamstrings traps", "upper_back", _P, OLYMPIC, False,
     "clean|pc|cleans|power cleans|hang clean|hang power clean"),
    ("Snatch", _C, "olympic", "barbell", "quads glutes hamstrings traps", "shoulders", _P, OLYMPIC, False,
     "power snatch|snatches|hang snatch"),
    ("Clean and Jerk", _C, "olympic", "barbell", "quads glutes hamstrings shoulders", "traps", _P, OLYMPIC, False,
     "clean & jerk|c&j|cj|clean and jerks|jerk"),
    ("Kettlebell Swing", _C, "hinge", "kettlebell", "glutes hamstrings", "lower_back", _P, TECHNICAL_HINGE, False,
     "kb swing|swings|kettlebell swings|kb swings"),
    # Core
    ("Cable Crunch", _I, "core", "cable", "abs", "", _G, STABLE_MACHINE, False,
     "cable crunches|kneeling cable crunch|rope crunch"),
    ("Crunch", _I, "core", "bodyweight", "abs", "", _G, STABLE_ISOLATION, False,
     "crunches|sit up|situp|sit ups|ab crunch|machine crunch"),
    ("Hanging Leg Raise", _I, "core", "bodyweight", "abs", "", _O, FREE_WEIGHT_OK, False,
     "leg raise|leg raises|hanging leg raises|hlr|hanging knee raise|knee raise|knee raises"),
    ("Ab Wheel Rollout", _I, "core", "bodyweight", "abs", "", _O, FREE_WEIGHT_OK, False,
     "ab wheel|ab rollout|rollout|rollouts|ab roller"),
    # Timed holds (see TIMED: a duration is the set, not rest)
    ("Plank", _H, "core", "bodyweight", "abs", "", _P, HOLD, False,
     "planks|front plank|forearm plank|weighted plank"),
    ("Side Plank", _H, "core", "bodyweight", "abs", "", _P, HOLD, False,
     "side planks"),
    ("Handstand", _H, "vertical_push", "bodyweight", "shoulders", "triceps", _P, HOLD, False,
     "hs|handstand hold|wall handstand|handstands"),
    ("Dead Hang", _H, "vertical_pull", "bodyweight", "forearms", "lats", _P, HOLD, False,
     "hang|bar hang|dead hangs"),
    ("Wall Sit", _H, "knee_extension", "bodyweight", "quads", "", _P, HOLD, False,
     "wall sits"),
    ("Farmer's Carry", _H, "shrug", "dumbbell", "forearms traps", "abs", _P, HOLD, False,
     "farmer carry|farmers carry|farmer walk|farmers walk|farmer's walk|farmer walks"),
    ("L-Sit", _H, "core", "bodyweight", "abs", "", _P, HOLD, False,
     "l sit"),
    # Cardio (a duration and/or distance; see CARDIO_ONLY for names that are lifts otherwise)
    ("Run", _K, "cardio", "none", "", "", _P, CARDIO, False,
     "running|jog|jogging|treadmill|treadmill run"),
    ("Walk", _K, "cardio", "none", "", "", _P, CARDIO, False,
     "walking|incline walk|treadmill walk|hike"),
    ("Rowing Machine", _K, "cardio", "machine", "", "", _P, CARDIO, False,
     "rower|rowing|erg|row erg|concept2|rowing machine"),
    ("Cycling", _K, "cardio", "machine", "", "", _P, CARDIO, False,
     "bike|stationary bike|exercise bike|assault bike|air bike|spin|cycle"),
    ("Elliptical", _K, "cardio", "machine", "", "", _P, CARDIO, False,
     "cross trainer|elliptical trainer"),
    ("Stair Climber", _K, "cardio", "machine", "", "", _P, CARDIO, False,
     "stairmaster|stair master|stairs|stepmill"),
    ("Jump Rope", _K, "cardio", "none", "", "", _P, CARDIO, False,
     "skipping|skipping rope|jumprope"),
    ("Swim", _K, "cardio", "none", "", "", _P, CARDIO, False,
     "swimming"),
)
# fmt: on


# Russian names lifters use (Telegram's largest lifting audience writes this way); "ё" is read as "е".
RUSSIAN: dict[str, str] = {
    "Bench Press": "жим лежа|жим штанги лежа|жим лежа штанги|жим|жим от груди|жим штанги",
    "Incline Bench Press": "жим на наклонной|жим штанги на наклонной|жим лежа на наклонной скамье|жим на наклонной скамье",
    "Close-Grip Bench Press": "жим узким хватом|жим лежа узким хватом",
    "Dumbbell Bench Press": "жим гантелей|жим гантелей лежа",
    "Incline Dumbbell Press": "жим гантелей на наклонной|жим гантелей на наклонной скамье",
    "Machine Chest Press": "жим в тренажере|жим от груди в тренажере",
    "Dumbbell Fly": "разводка|разводка гантелей|разведение гантелей|разводка гантелей лежа",
    "Cable Fly": "кроссовер|сведение рук в кроссовере|сведения в кроссовере",
    "Pec Deck": "бабочка|пек дек|сведение рук в тренажере",
    "Push-Up": "отжимания|отжимания от пола|отжимание",
    "Dip": "брусья|отжимания на брусьях",
    "Overhead Press": "жим стоя|армейский жим|жим штанги стоя|жим над головой",
    "Push Press": "швунг|швунг жимовой|швунг гантели",
    "Dumbbell Shoulder Press": "жим гантелей сидя|жим гантелей стоя|жим гантелей над головой",
    "Lateral Raise": "махи|махи гантелями|махи в стороны|махи гантелями в стороны|разведение гантелей в стороны",
    "Rear Delt Fly": "махи в наклоне|разведение в наклоне|обратная бабочка",
    "Face Pull": "тяга к лицу",
    "Deadlift": "становая|становая тяга|тяга классическая|классическая тяга",
    "Sumo Deadlift": "сумо|тяга сумо|становая сумо",
    "Romanian Deadlift": "румынская тяга|румынка",
    "Stiff-Leg Deadlift": "мертвая тяга|тяга на прямых ногах",
    "Barbell Row": "тяга штанги в наклоне|тяга в наклоне|тяга штанги к поясу",
    "Dumbbell Row": "тяга гантели в наклоне|тяга гантели|тяга гантели одной рукой",
    "Seated Cable Row": "тяга горизонтального блока|горизонтальная тяга|тяга нижнего блока",
    "T-Bar Row": "тяга т-грифа|тяга т грифа",
    "Lat Pulldown": "тяга верхнего блока|верхний блок|тяга блока к груди|вертикальная тяга",
    "Pull-Up": "подтягивания|подтягивание",
    "Chin-Up": "подтягивания обратным хватом",
    "Shrug": "шраги|шраг",
    "Back Extension": "гиперэкстензия|гиперэкстензии",
    "Biceps Curl": "бицепс|сгибания|сгибание|сгибания рук|сгибания на бицепс|подъем на бицепс|сгибание рук",
    "Barbell Curl": "подъем штанги на бицепс|сгибания со штангой",
    "Dumbbell Curl": "подъем гантелей на бицепс|сгибания с гантелями",
    "Hammer Curl": "молотки|молот|хаммер",
    "Preacher Curl": "скамья скотта|сгибания на скамье скотта",
    "Triceps Pressdown": "разгибания на блоке|разгибание на трицепс|разгибания на трицепс|трицепс на блоке",
    "Skull Crusher": "французский жим|французский жим лежа",
    "Back Squat": "присед|приседания|приседания со штангой|присед со штангой",
    "Front Squat": "фронтальный присед|фронтальные приседания",
    "Leg Press": "жим ногами|жим ног",
    "Hack Squat": "гакк|гакк присед|гак присед|гакк-присед",
    "Goblet Squat": "гоблет|гоблет присед",
    "Bulgarian Split Squat": "болгарские выпады|болгарские приседания|болгарский сплит",
    "Lunge": "выпады|выпад",
    "Leg Extension": "разгибания ног|разгибание ног|разгибания ног сидя",
    "Lying Leg Curl": "сгибания ног|сгибание ног|сгибания ног лежа",
    "Seated Leg Curl": "сгибания ног сидя",
    "Hip Thrust": "ягодичный мост со штангой|хип траст",
    "Glute Bridge": "ягодичный мост",
    "Standing Calf Raise": "икры|подъем на носки|подъемы на носки|икроножные",
    "Seated Calf Raise": "подъем на носки сидя",
    "Crunch": "скручивания|пресс",
    "Hanging Leg Raise": "подъем ног в висе|подъемы ног",
    "Power Clean": "взятие на грудь",
    "Snatch": "рывок",
    "Kettlebell Swing": "махи гирей|свинг",
    "Plank": "планка",
    "Handstand": "стойка на руках",
    "Dead Hang": "вис",
    "Run": "бег|пробежка|беговая дорожка",
    "Walk": "ходьба",
    "Rowing Machine": "гребля|гребной тренажер",
    "Cycling": "велосипед|велотренажер|вело",
    "Elliptical": "эллипс|эллипсоид",
    "Jump Rope": "скакалка",
    "Swim": "плавание",
}

# Names that are cardio when the line holds a distance or a duration and no reps (`row 2000m 7:45`),
# though the same word alone is a lift (`row 3x10 70kg` is a barbell row).
CARDIO_ONLY: dict[str, str] = {"row": "Rowing Machine", "cycle": "Cycling", "гребля": "Rowing Machine"}


def _row_to_exercise(row: tuple[str, Kind, str, str, str, str, Fit, str, bool, str]) -> Exercise:
    name, kind, pattern, equipment, primary, secondary, fit, reason, main, aliases = row
    return Exercise(
        name=name,
        kind=kind,
        pattern=pattern,
        equipment=equipment,
        primary=tuple(primary.split()),
        secondary=tuple(secondary.split()),
        fit=fit,
        fit_reason=reason,
        joints=PATTERN_JOINTS[pattern],
        main_lift=main,
        aliases=tuple(a for a in (*aliases.split("|"), *RUSSIAN.get(name, "").split("|")) if a),
    )


EXERCISES: tuple[Exercise, ...] = tuple(_row_to_exercise(row) for row in _ROWS)
BY_NAME: dict[str, Exercise] = {exercise.name: exercise for exercise in EXERCISES}

_NON_WORD = re.compile(r"[^a-z0-9&а-я]+")
FUZZY_CUTOFF = 0.8  # "benhc" and "laterl raise" resolve; "row" vs "rope" does not
# Abbreviations are matched exactly, never fuzzily: `sq` is a back squat, not the nearby `fsq`.
FUZZY_MIN_CHARS = 4
# The words that say which movement a name is: a fuzzy match never swaps one for another.
MOVEMENTS: frozenset[str] = frozenset(
    [
        "press",
        "curl",
        "row",
        "raise",
        "squat",
        "deadlift",
        "fly",
        "extension",
        "pulldown",
        "pushdown",
        "pressdown",
        "lunge",
        "shrug",
        "dip",
        "crunch",
        "thrust",
        "bridge",
        "kickback",
        "pullover",
        "swing",
        "clean",
        "snatch",
        "jerk",
    ]
)
EQUIPMENT: frozenset[str] = frozenset(["barbell", "dumbbell", "cable", "machine", "kettlebell"])
# Equipment prefixes lifters abbreviate: `DB bench`, `BB row`, `KB swing`.
PREFIXES: dict[str, str] = {"db": "dumbbell", "bb": "barbell", "kb": "kettlebell", "ez": "ez bar"}
TIMED: frozenset[str] = frozenset(
    {"Plank", "Side Plank", "Handstand", "Dead Hang", "Wall Sit", "L-Sit", "Farmer's Carry"}
)


def _singular(word: str) -> str:
    if word == "ups":  # `pull ups`, `push ups`
        return "up"
    if len(word) <= 3 or word.endswith(("ss", "us")) or not word.isascii():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def normalize_name(text: str) -> str:
    """Lower-case, punctuation to spaces, plurals to singular: the key aliases are stored under."""
    words = _NON_WORD.sub(" ", text.lower().replace("ё", "е")).split()
    return " ".join(_singular(word) for word in words)


def _build_index() -> dict[str, Exercise]:
    index: dict[str, Exercise] = {}
    for exercise in EXERCISES:
        for alias in (exercise.name, *exercise.aliases):
            key = normalize_name(alias)
            if key in index and index[key] is not exercise:
                raise ValueError(f"alias {alias!r} names both {index[key].name} and {exercise.name}")
            index[key] = exercise
    return index


_INDEX: dict[str, Exercise] = _build_index()
_KEYS: tuple[str, ...] = tuple(_INDEX)


@lru_cache(maxsize=4096)
def lookup(text: str) -> Exercise | None:
    """Resolve what the lifter typed: exact alias, then `Name, Equipment` reversed, then fuzzy."""
    key = normalize_name(text)
    if not key:
        return None
    if key in _INDEX:
        return _INDEX[key]
    if "," in text:  # Liftosaur/Strong style "Bench Press, Barbell" -> "barbell bench press"
        name, _, equipment = text.partition(",")
        swapped = normalize_name(f"{equipment} {name}")
        if swapped in _INDEX:
            return _INDEX[swapped]
    first, _, rest = key.partition(" ")
    if rest and first in PREFIXES:
        expanded = f"{PREFIXES[first]} {rest}"
        if expanded in _INDEX:
            return _INDEX[expanded]
    if len(key.replace(" ", "")) < FUZZY_MIN_CHARS:
        return None
    if rest and first in PREFIXES:
        key = f"{PREFIXES[first]} {rest}"  # `db incline bench`: the dumbbell one, even misspelt
    close = difflib.get_close_matches(key, _fuzzy_keys(key), n=1, cutoff=FUZZY_CUTOFF)
    return _INDEX[close[0]] if close else None


@lru_cache(maxsize=1024)
def _fuzzy_keys(key: str) -> tuple[str, ...]:
    """The names a typo may stand for: a movement or equipment the lifter wrote is kept (`standing barbell
    press` is no Standing Barbell Curl, `standing dumbbell press` no barbell press; a misspelt word still
    matches, as it is no movement or equipment word)."""
    words = set(key.split())
    moves, gear = MOVEMENTS & words, EQUIPMENT & words
    if not moves and not gear:
        return _KEYS
    return tuple(k for k in _KEYS if _fits(k, moves, gear))


def _fits(key: str, moves: frozenset[str], gear: frozenset[str]) -> bool:
    words = set(key.split())
    if moves and MOVEMENTS & words != moves:
        return False
    return not gear or bool(gear & words) or _INDEX[key].equipment in gear


@lru_cache(maxsize=4096)
def lookup_exact(text: str) -> Exercise | None:
    """Only a name the catalog holds (with `DB`/`BB` spelled out): for names found inside a line."""
    key = normalize_name(text)
    if key in _INDEX:
        return _INDEX[key]
    first, _, rest = key.partition(" ")
    return _INDEX.get(f"{PREFIXES[first]} {rest}") if rest and first in PREFIXES else None


def is_cardio(exercise: Exercise) -> bool:
    return exercise.pattern == "cardio"


def is_timed(exercise: Exercise) -> bool:
    """A hold: a duration written for it is the set itself, not rest between bursts."""
    return exercise.name in TIMED


@lru_cache(maxsize=4096)
def lookup_cardio(text: str) -> Exercise | None:
    """The cardio exercise a name means when the line holds only a duration or distance."""
    key = normalize_name(text)
    if key in CARDIO_ONLY:
        return BY_NAME[CARDIO_ONLY[key]]
    exercise = lookup(text)
    return exercise if exercise is not None and is_cardio(exercise) else None
