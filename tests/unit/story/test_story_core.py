"""The story core: which days, which sentences, and that the answer is stable."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

from services.timeline.mentions import Granularity
from services.timeline.story import (
    StoryArticle,
    StoryIncident,
    StoryMethod,
    StoryRequest,
    story_timeline,
)
from services.timeline.story.evidence import day_of

from .builders import DAY, article, mention, published

D1, D2, D3 = date(2010, 4, 20), date(2010, 5, 2), date(2010, 6, 15)
LATER = date(2010, 7, 1)


def outlets(day: date, count: int, sentence: str, prefix: str) -> list[StoryIncident]:
    return [mention(f"{prefix}{k}", day, sentence) for k in range(count)]


def articles_for(incidents: list[StoryIncident], on: date = LATER) -> list[StoryArticle]:
    return [article(a, on) for a in sorted({i.article_id for i in incidents})]


def test_dates_are_ordered_and_limited() -> None:
    incidents = (
        outlets(D3, 3, "The well was capped after months of leaking oil.", "c")
        + outlets(D1, 5, "The rig exploded and eleven workers were killed.", "a")
        + outlets(D2, 4, "Oil reached the coast of Louisiana on that day.", "b")
    )
    story = story_timeline(incidents, articles_for(incidents), StoryRequest(dates=2))
    assert [d.day for d in story] == [D1, D2]
    assert all(len(d.summary) <= 1 for d in story)
    assert story[0].summary == ("The rig exploded and eleven workers were killed.",)
    assert len(story[0].article_ids) == 5


def test_ten_outlets_beat_one_article_naming_a_day_ten_times() -> None:
    background = [
        mention("old", D1, f"Years ago on that day the first leak was found, report {n}.", n=n)
        for n in range(10)
    ]
    news = outlets(D2, 4, "Crews finally stopped the flow of oil into the gulf.", "o")
    incidents = background + news
    story = story_timeline(incidents, articles_for(incidents), StoryRequest(dates=1))
    assert [d.day for d in story] == [D2]


def test_publication_day_counts_as_evidence() -> None:
    papers = [article(f"p{k}", D2) for k in range(3)]
    incidents = [published(p) for p in papers] + [mention("x", D1, "One mention of a day.")]
    story = story_timeline(incidents, [*papers, article("x", LATER)], StoryRequest(dates=1))
    assert [d.day for d in story] == [D2]
    assert story[0].summary[0].startswith("Headline of")


def test_month_and_year_mentions_point_to_no_day() -> None:
    month = [
        mention(
            f"m{k}",
            date(2010, 5, 1),
            "Oil prices rose in May, traders said.",
            granularity=Granularity.MONTH,
            length=31 * DAY,
        )
        for k in range(5)
    ]
    day = [mention("d", D3, "The hearing on the spill opened in Washington.")]
    incidents = month + day
    story = story_timeline(incidents, articles_for(incidents), StoryRequest(dates=5))
    assert [d.day for d in story] == [D3]


def test_announced_day_weighs_less_than_a_reported_one() -> None:
    reported = [mention("r", D1, "The rig exploded and burned through the night.")]
    announced = [mention("a", D3, "A hearing on the spill is set to open in June.")]
    articles = [article("r", D2), article("a", D2)]
    story = story_timeline(reported + announced, articles, StoryRequest(dates=1))
    assert [d.day for d in story] == [D1]


def test_near_duplicates_are_dropped() -> None:
    wire = "BP said on Tuesday it had capped the leaking well in the Gulf of Mexico."
    copy = "BP said on Tuesday that it had capped the leaking well in the Gulf of Mexico."
    other = "Engineers at the site reported that pressure tests on the cap were holding."
    incidents = [mention("a", D1, wire), mention("b", D1, copy), mention("c", D1, other)]
    story = story_timeline(incidents, articles_for(incidents), StoryRequest(per_date=2))
    (only,) = story
    assert len(only.summary) == 2
    assert other in only.summary
    assert (wire in only.summary) != (copy in only.summary)


def test_a_days_second_sentence_tells_something_else() -> None:
    blast = "The rig exploded in the gulf and eleven workers died."
    retold = "Eleven workers were killed as the drilling rig exploded off Louisiana that night."
    other = "Coast guard crews began skimming oil from the water near the shore."
    incidents = (
        outlets(D1, 2, blast, "a") + outlets(D1, 2, retold, "b") + outlets(D1, 2, other, "c")
    )
    articles = articles_for(incidents)
    request = StoryRequest(per_date=2)
    (day,) = story_timeline(incidents, articles, request)
    assert day.summary == (blast, other)
    (by_centrality,) = story_timeline(incidents, articles, request, StoryMethod(redundancy=0.0))
    assert by_centrality.summary == (blast, retold)


def test_central_sentence_beats_an_outlier() -> None:
    central = "The rig exploded in the gulf and eleven workers died in the blast."
    incidents = [
        mention("a", D1, "The rig exploded in the gulf and eleven workers died."),
        mention("b", D1, central),
        mention("c", D1, "Eleven workers died when the rig exploded in the gulf blast."),
        mention("d", D1, "A local bakery in Ohio celebrated its anniversary with cakes."),
    ]
    story = story_timeline(incidents, articles_for(incidents))
    assert "bakery" not in story[0].summary[0]


def test_query_favours_sentences_with_its_words() -> None:
    incidents = [
        mention("a", D1, "The rig exploded in the gulf and eleven workers died."),
        mention("b", D1, "The rig exploded in the gulf, killing eleven workers."),
        mention("c", D1, "Shrimp fishermen feared the rig explosion would ruin the season."),
    ]
    plain = story_timeline(incidents, articles_for(incidents))
    asked = story_timeline(incidents, articles_for(incidents), StoryRequest(query="fishermen"))
    assert "fishermen" not in plain[0].summary[0]
    assert "fishermen" in asked[0].summary[0]


def test_window_bounds_the_days() -> None:
    incidents = outlets(D1, 5, "Early day sentence of enough words.", "a") + outlets(
        D2, 2, "Later day sentence of enough words.", "b"
    )
    request = StoryRequest(first_day=D2, last_day=D3)
    story = story_timeline(incidents, articles_for(incidents), request)
    assert [d.day for d in story] == [D2]


def test_same_selection_same_timeline_in_any_order() -> None:
    incidents = (
        outlets(D1, 3, "The rig exploded and eleven workers were killed.", "a")
        + outlets(D2, 3, "Oil reached the coast of Louisiana on that day.", "b")
        + [mention("c", D3, "The well was capped after months of leaking oil.")]
    )
    articles = articles_for(incidents)
    first = story_timeline(incidents, articles, StoryRequest(dates=2, per_date=2))
    assert story_timeline(incidents, articles, StoryRequest(dates=2, per_date=2)) == first
    shuffled = incidents[:]
    random.Random(7).shuffle(shuffled)
    again = story_timeline(shuffled, articles, StoryRequest(dates=2, per_date=2))
    assert [(d.day, d.summary, d.article_ids) for d in again] == [
        (d.day, d.summary, d.article_ids) for d in first
    ]


def test_a_day_in_a_zone_ahead_of_utc_stays_that_day() -> None:
    sydney = timezone(timedelta(hours=11))
    start = datetime(2014, 12, 15, tzinfo=sydney).astimezone(UTC)  # stored: 12-14T13:00Z
    assert day_of(start, start + DAY) == date(2014, 12, 15)


def test_sources_start_with_the_articles_that_carry_the_summary() -> None:
    central = "Rescuers pulled survivors from the rubble of the collapsed hotel."
    incidents = [
        mention("a-stray", D1, "A reader wrote in about an unrelated garden party event."),
        mention("b-carrier", D1, central),
        mention("c-carrier", D1, "Rescuers pulled more survivors from the rubble of the hotel."),
    ]
    (day,) = story_timeline(incidents, articles_for(incidents))
    (summary,) = day.summary
    carrier = next(i.article_id for i in incidents if i.sentence == summary)
    assert carrier != "a-stray"
    others = sorted({"a-stray", "b-carrier", "c-carrier"} - {carrier})
    assert day.article_ids == (carrier, *others)  # "a-stray" would come first by id
