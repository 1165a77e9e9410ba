"""The training documents behind the rules (shared/seeds), named as a lifter would cite them."""

REST_PAUSE_GUIDE = "Rest-pause training guide"
DROP_VS_REST_PAUSE = "Drop Sets vs Rest Pause Training (article)"
POST_EXHAUST_GUIDE = "Post-Exhaust Training for Muscle Growth (guide)"
FAILURE_GUIDE = "Failure-proximity guide (RPE/RIR, 50/30/20 effort, AMRAP and Epley)"
REST_PAUSE_META = "Rest-pause vs traditional sets, meta-analysis (DOI 10.3390/jfmk11010080)"
TRIAL_2021 = "2021 trial: rest-pause vs drop-set vs traditional, volume equated (cited in the rest-pause guide)"
RTS_CHART = "RTS RPE chart (Reactive Training Systems), as used in the failure-proximity guide's RPE scale"

# Where the seeds disagree, the bot takes the cautious reading and says so.
REST_PAUSE_DISAGREEMENT = (
    "The drop-sets article suggests rest-pause for bench, squat and shoulder press; the rest-pause guide "
    "keeps it for stable, lower-skill exercises. SetCoach takes the cautious reading."
)
