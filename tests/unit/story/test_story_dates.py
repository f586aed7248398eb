"""Date selection for long stories: bursts of publication, spread over the span, and the
summary's preference for a sentence about the day alone."""

from __future__ import annotations

from datetime import date, timedelta

from services.timeline.story import StoryMethod, StoryRequest, story_timeline
from services.timeline.story.spread import spread_days, weigh_bursts

from .builders import article, mention, published

START = date(2010, 4, 1)


def test_a_burst_of_publication_outweighs_steady_coverage() -> None:
    steady = {START + timedelta(days=k): 1 for k in range(30)} | {START + timedelta(days=10): 1}
    rushed = dict(steady) | {START + timedelta(days=40): 6}
    values = {START + timedelta(days=10): 5.0, START + timedelta(days=40): 5.0}
    weighed = weigh_bursts(values, rushed, 0.5)
    assert weighed[START + timedelta(days=40)] > weighed[START + timedelta(days=10)]
    assert weigh_bursts(values, rushed, 0.0) == values


def test_spread_moves_the_next_pick_away_from_a_chosen_day() -> None:
    busy = {START + timedelta(days=k): 10.0 - k for k in range(5)}
    quiet = {START + timedelta(days=60): 4.0}
    values = busy | quiet
    span = (START, START + timedelta(days=60))
    plain = spread_days(values, 2, span, StoryMethod(spread=0.0))
    spread = spread_days(values, 2, span, StoryMethod(spread=1.0))
    assert plain == [START, START + timedelta(days=1)]
    assert spread == [START, START + timedelta(days=60)]


def test_bursts_choose_the_day_the_outlets_rushed_to_report() -> None:
    quiet_day, rushed_day = START + timedelta(days=20), START + timedelta(days=50)
    steady = [article(f"s{k}", START + timedelta(days=k)) for k in range(0, 60, 2)]
    rushed = [article(f"r{k}", rushed_day) for k in range(5)]
    incidents = [published(a) for a in steady + rushed]
    incidents += [
        mention(f"s{k}", quiet_day, f"The council met on that day, item {k}.") for k in range(4)
    ]
    incidents += [mention("r0", rushed_day, "The dam broke and flooded the valley.")]
    request = StoryRequest(dates=1)
    plain = story_timeline(incidents, steady + rushed, request, StoryMethod(burst=0.0))
    bursty = story_timeline(incidents, steady + rushed, request, StoryMethod(burst=1.0))
    assert [d.day for d in plain] == [quiet_day]
    assert [d.day for d in bursty] == [rushed_day]


def test_a_sentence_about_the_day_alone_comes_before_a_passing_mention() -> None:
    day, other = START, START + timedelta(days=2)
    passing = "The rig exploded on that day and sank two days later off the coast."
    own = "The rig exploded in the gulf and burned through the night off the coast."
    incidents = [
        mention("a", day, passing),
        mention("a", other, passing, n=1),
        mention("b", day, own),
    ]
    papers = [article("a", other), article("b", other)]
    request = StoryRequest(dates=1, first_day=day, last_day=day)
    focused = story_timeline(incidents, papers, request, StoryMethod(focus=1.0))
    assert focused[0].summary == (own,)
