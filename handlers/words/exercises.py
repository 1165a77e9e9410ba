"""Exercise, muscle and joint names as a lifter reads them: the catalogue's English name is the id.

An exercise the catalogue does not know (logged as typed) is shown as typed, in any language.
"""

from __future__ import annotations

from handlers.words import N_, tr

# Every exercise in rules/catalog.py (tests/test_i18n.py fails when one is missing here).
EXERCISES: dict[str, str] = {
    "Bench Press": N_("Bench Press"),
    "Incline Bench Press": N_("Incline Bench Press"),
    "Decline Bench Press": N_("Decline Bench Press"),
    "Close-Grip Bench Press": N_("Close-Grip Bench Press"),
    "Dumbbell Bench Press": N_("Dumbbell Bench Press"),
    "Incline Dumbbell Press": N_("Incline Dumbbell Press"),
    "Machine Chest Press": N_("Machine Chest Press"),
    "Incline Machine Press": N_("Incline Machine Press"),
    "Smith Machine Bench Press": N_("Smith Machine Bench Press"),
    "Cable Fly": N_("Cable Fly"),
    "Dumbbell Fly": N_("Dumbbell Fly"),
    "Pec Deck": N_("Pec Deck"),
    "Push-Up": N_("Push-Up"),
    "Dip": N_("Dip"),
    "Overhead Press": N_("Overhead Press"),
    "Push Press": N_("Push Press"),
    "Dumbbell Shoulder Press": N_("Dumbbell Shoulder Press"),
    "Machine Shoulder Press": N_("Machine Shoulder Press"),
    "Arnold Press": N_("Arnold Press"),
    "Lateral Raise": N_("Lateral Raise"),
    "Cable Lateral Raise": N_("Cable Lateral Raise"),
    "Machine Lateral Raise": N_("Machine Lateral Raise"),
    "Front Raise": N_("Front Raise"),
    "Rear Delt Fly": N_("Rear Delt Fly"),
    "Face Pull": N_("Face Pull"),
    "Upright Row": N_("Upright Row"),
    "Deadlift": N_("Deadlift"),
    "Sumo Deadlift": N_("Sumo Deadlift"),
    "Romanian Deadlift": N_("Romanian Deadlift"),
    "Stiff-Leg Deadlift": N_("Stiff-Leg Deadlift"),
    "Trap Bar Deadlift": N_("Trap Bar Deadlift"),
    "Good Morning": N_("Good Morning"),
    "Rack Pull": N_("Rack Pull"),
    "Barbell Row": N_("Barbell Row"),
    "Dumbbell Row": N_("Dumbbell Row"),
    "Chest-Supported Row": N_("Chest-Supported Row"),
    "Seated Cable Row": N_("Seated Cable Row"),
    "Machine Row": N_("Machine Row"),
    "T-Bar Row": N_("T-Bar Row"),
    "Lat Pulldown": N_("Lat Pulldown"),
    "Pull-Up": N_("Pull-Up"),
    "Chin-Up": N_("Chin-Up"),
    "Assisted Pull-Up": N_("Assisted Pull-Up"),
    "Straight-Arm Pulldown": N_("Straight-Arm Pulldown"),
    "Dumbbell Pullover": N_("Dumbbell Pullover"),
    "Shrug": N_("Shrug"),
    "Back Extension": N_("Back Extension"),
    "Biceps Curl": N_("Biceps Curl"),
    "Barbell Curl": N_("Barbell Curl"),
    "EZ-Bar Curl": N_("EZ-Bar Curl"),
    "Dumbbell Curl": N_("Dumbbell Curl"),
    "Hammer Curl": N_("Hammer Curl"),
    "Preacher Curl": N_("Preacher Curl"),
    "Cable Curl": N_("Cable Curl"),
    "Incline Dumbbell Curl": N_("Incline Dumbbell Curl"),
    "Concentration Curl": N_("Concentration Curl"),
    "Reverse Curl": N_("Reverse Curl"),
    "Triceps Pressdown": N_("Triceps Pressdown"),
    "Overhead Triceps Extension": N_("Overhead Triceps Extension"),
    "Skull Crusher": N_("Skull Crusher"),
    "Triceps Kickback": N_("Triceps Kickback"),
    "Wrist Curl": N_("Wrist Curl"),
    "Back Squat": N_("Back Squat"),
    "Front Squat": N_("Front Squat"),
    "Leg Press": N_("Leg Press"),
    "Hack Squat": N_("Hack Squat"),
    "Smith Machine Squat": N_("Smith Machine Squat"),
    "Pendulum Squat": N_("Pendulum Squat"),
    "Belt Squat": N_("Belt Squat"),
    "Goblet Squat": N_("Goblet Squat"),
    "Bulgarian Split Squat": N_("Bulgarian Split Squat"),
    "Lunge": N_("Lunge"),
    "Step-Up": N_("Step-Up"),
    "Leg Extension": N_("Leg Extension"),
    "Lying Leg Curl": N_("Lying Leg Curl"),
    "Seated Leg Curl": N_("Seated Leg Curl"),
    "Nordic Curl": N_("Nordic Curl"),
    "Hip Thrust": N_("Hip Thrust"),
    "Glute Bridge": N_("Glute Bridge"),
    "Hip Abduction": N_("Hip Abduction"),
    "Hip Adduction": N_("Hip Adduction"),
    "Standing Calf Raise": N_("Standing Calf Raise"),
    "Seated Calf Raise": N_("Seated Calf Raise"),
    "Power Clean": N_("Power Clean"),
    "Snatch": N_("Snatch"),
    "Clean and Jerk": N_("Clean and Jerk"),
    "Kettlebell Swing": N_("Kettlebell Swing"),
    "Cable Crunch": N_("Cable Crunch"),
    "Crunch": N_("Crunch"),
    "Hanging Leg Raise": N_("Hanging Leg Raise"),
    "Ab Wheel Rollout": N_("Ab Wheel Rollout"),
    "Plank": N_("Plank"),
    "Side Plank": N_("Side Plank"),
    "Handstand": N_("Handstand"),
    "Dead Hang": N_("Dead Hang"),
    "Wall Sit": N_("Wall Sit"),
    "Farmer's Carry": N_("Farmer's Carry"),
    "L-Sit": N_("L-Sit"),
    "Run": N_("Run"),
    "Walk": N_("Walk"),
    "Rowing Machine": N_("Rowing Machine"),
    "Cycling": N_("Cycling"),
    "Elliptical": N_("Elliptical"),
    "Stair Climber": N_("Stair Climber"),
    "Jump Rope": N_("Jump Rope"),
    "Swim": N_("Swim"),
}

# Muscles as rules/ name them, and joints as check-ins name them.
BODY: dict[str, str] = {
    "abs": N_("abs"),
    "adductors": N_("adductors"),
    "biceps": N_("biceps"),
    "calves": N_("calves"),
    "chest": N_("chest"),
    "forearms": N_("forearms"),
    "glutes": N_("glutes"),
    "hamstrings": N_("hamstrings"),
    "lats": N_("lats"),
    "lower_back": N_("lower back"),
    "quads": N_("quads"),
    "rear_delts": N_("rear delts"),
    "shoulders": N_("shoulders"),
    "traps": N_("traps"),
    "triceps": N_("triceps"),
    "upper_back": N_("upper back"),
    "elbow": N_("elbow"),
    "shoulder": N_("shoulder"),
    "knee": N_("knee"),
    "lower back": N_("lower back"),
    "wrist": N_("wrist"),
    "hip": N_("hip"),
}

LEVELS: dict[str, str] = {
    "none": N_("none"),
    "mild": N_("mild"),
    "moderate": N_("moderate"),
    "severe": N_("severe"),
}


def exercise_name(name: str) -> str:
    """A catalogue exercise in the current language; anything else as it is."""
    template = EXERCISES.get(name)
    return tr(template) if template is not None else name


def body_part(name: str) -> str:
    """A muscle (`upper_back`) or joint (`lower back`) in words, in the current language."""
    template = BODY.get(name)
    return tr(template) if template is not None else name.replace("_", " ")


def level_name(level: str) -> str:
    template = LEVELS.get(level)
    return tr(template) if template is not None else level
