"""The training documents' titles, by rules/sources.py id, as a lifter would cite them."""

from __future__ import annotations

from handlers.words import N_

CATALOGUE: dict[str, str] = {
    "rest_pause_guide": N_("Rest-pause training guide"),
    "meta_analysis": N_("Rest-pause vs traditional sets, meta-analysis card (DOI 10.3390/jfmk11010080)"),
    "drop_vs_rest_pause": N_("Drop Sets vs Rest Pause Training (article)"),
    "post_exhaust_guide": N_("Post-Exhaust Training for Muscle Growth (guide)"),
    "failure_guide": N_("Failure-proximity guide (RPE/RIR, AMRAP and Epley, 12-week blocks)"),
    "practice": N_("general coaching practice, not from the guides"),
}
