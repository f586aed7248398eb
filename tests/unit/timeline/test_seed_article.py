import json
from datetime import datetime
from pathlib import Path

import pytest

from services.timeline.mentions import Granularity, TimexType
from services.timeline.normalize import normalize

from .helpers import PUBLISHED, at

SEED = Path(__file__).resolve().parents[3] / "seeds" / "seed-article.json"


@pytest.fixture(scope="module")
def seed_text() -> str:
    article = json.loads(SEED.read_text(encoding="utf-8"))
    assert datetime.fromisoformat(article["published_at"]) == PUBLISHED
    return str(article["body"])


def test_seed_article_gives_exactly_the_three_anchorable_mentions(seed_text: str) -> None:
    anchored = [m for m in normalize(seed_text, PUBLISHED) if m.anchorable]
    assert [(m.text, m.timex_type, m.timex_value) for m in anchored] == [
        ("the past year", TimexType.DURATION, "P1Y"),
        ("December 13", TimexType.DATE, "2025-12-13"),
        ("2014", TimexType.DATE, "2014"),
    ]
    past_year, december, year = anchored
    assert (past_year.start, past_year.end) == (at(2024, 12, 15, 8), PUBLISHED)
    assert (december.start, december.end, december.granularity) == (
        at(2025, 12, 13),
        at(2025, 12, 14),
        Granularity.DAY,
    )
    assert (year.start, year.end, year.granularity) == (
        at(2014, 1, 1),
        at(2015, 1, 1),
        Granularity.YEAR,
    )


def test_seed_article_recent_is_past_ref_and_long_term_is_no_date(seed_text: str) -> None:
    mentions = normalize(seed_text, PUBLISHED)
    assert {m.timex_value for m in mentions if m.text.lower() == "recent"} == {"PAST_REF"}
    assert not [m for m in mentions if "long" in m.text]
