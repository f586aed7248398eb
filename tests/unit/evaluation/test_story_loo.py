"""Leave one topic out: windows build what story_timeline builds, choices are made on the
training topics only, and normalized topics come back from the cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from evaluation import story_cache
from evaluation.story_loo import Grid, Scores, choose, leave_one_out, points
from evaluation.story_windows import DATE_FIELDS, Window, windows
from evaluation.timeline17 import Topic
from evaluation.tls_scoring import PRF, system_timeline
from services.timeline.story import StoryMethod

from .test_eval_stories import write_topic


def storm(tmp_path: Path) -> Topic:
    topic, _ = story_cache.load_topic(write_topic(tmp_path) / "storm", None, lambda _: None)
    return topic


def test_a_window_tells_the_story_story_timeline_tells(tmp_path: Path) -> None:
    topic = storm(tmp_path)
    (window,) = windows(topic)
    for method in (StoryMethod(), StoryMethod(burst=0.0, furniture=False, focus=0.0)):
        assert window.story(method) == system_timeline(topic, topic.references[0], method)


def test_only_date_fields_change_the_days(tmp_path: Path) -> None:
    (window,) = windows(storm(tmp_path))
    base = StoryMethod()
    summary_only = replace(base, redundancy=0.0, dedup_overlap=0.9, max_words=8, focus=1.0)
    assert window.days(summary_only) == window.days(base)
    assert set(DATE_FIELDS) <= set(StoryMethod.__dataclass_fields__)


def test_the_first_of_equal_candidates_is_kept() -> None:
    candidates = points(StoryMethod(), {"redundancy": (0.5, 0.0, 1.0)})
    assert [c.redundancy for c in candidates] == [0.5, 0.0, 1.0]

    def flat(_: Window, __: StoryMethod) -> PRF:
        return PRF(0.5, 0.5)

    empty = Window(Topic("t"), 0, {}, [])  # flat scores every window the same
    assert choose(candidates, [empty], flat, lambda: None) is candidates[0]


def test_each_topic_is_tuned_on_the_others_only(tmp_path: Path) -> None:
    (window,) = windows(storm(tmp_path))
    other = Window(window.topic, 0, window.articles, window.incidents)
    seen: list[str] = []

    class Spy(Scores):
        def dates(self, w: Window, method: StoryMethod) -> PRF:
            seen.append("a" if w is window else "b")
            return PRF(method.burst, method.burst)

    grid = Grid(StoryMethod(), {"burst": (0.0, 0.5)}, {})
    chosen = leave_one_out(grid, {"a": [window], "b": [other]}, Spy(), lambda: None)
    assert chosen["a"].burst == 0.5
    assert seen == ["b", "b", "a", "a"]  # each fold read only the other topic


def test_a_normalized_topic_comes_back_from_the_cache(tmp_path: Path) -> None:
    folder = write_topic(tmp_path / "data") / "storm"
    cache = tmp_path / "cache"
    first, was_cached = story_cache.load_topic(folder, cache, lambda _: None)
    assert not was_cached
    again, was_cached = story_cache.load_topic(folder, cache, lambda _: None)
    assert was_cached
    assert again.incidents == first.incidents
    assert again.references == first.references
    (folder / "articles.jsonl").write_text(
        (folder / "articles.jsonl").read_text(encoding="utf-8").replace("Ada", "Bea"),
        encoding="utf-8",
    )
    _, was_cached = story_cache.load_topic(folder, cache, lambda _: None)
    assert not was_cached  # another articles file is another entry
