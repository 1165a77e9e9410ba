"""The training documents behind the rules (shared/seeds), by id; their titles are in handlers/words.

Every remark names the documents it stands on. `PRACTICE` marks the few numbers that are in none of
them: they are labelled "general coaching practice, not from the guides", never cited to a guide.
"""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    REST_PAUSE_GUIDE = "rest_pause_guide"  # seeds/000: rest-pause training guide
    META_ANALYSIS = "meta_analysis"  # seeds/001: evidence card, DOI 10.3390/jfmk11010080
    DROP_VS_REST_PAUSE = "drop_vs_rest_pause"  # seeds/002: drop sets vs rest-pause article
    POST_EXHAUST_GUIDE = "post_exhaust_guide"  # seeds/003: post-exhaust guide
    FAILURE_GUIDE = "failure_guide"  # seeds/004: failure proximity, RPE/RIR, AMRAP, 12-week blocks
    PRACTICE = "practice"  # in none of the documents: general coaching practice


# Seed file behind each source (docs/coaching.md cites them by file).
SEED_FILES: dict[Source, str] = {
    Source.REST_PAUSE_GUIDE: "000_1a861b3bd406db5d.txt",
    Source.META_ANALYSIS: "001_aac9ed98557afa13.txt",
    Source.DROP_VS_REST_PAUSE: "002_54b47ef545774dcd.txt",
    Source.POST_EXHAUST_GUIDE: "003_9b6fdc73ccfc62df.txt",
    Source.FAILURE_GUIDE: "004_932719f32cb7dfba.txt",
}
