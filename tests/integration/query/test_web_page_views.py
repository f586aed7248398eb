"""The web page in headless Chromium over a store filled directly: dates at their
granularity, links to the articles, the zoomable axis, filters kept in the URL, search hits
highlighted and a phone-width layout. (test_web_page.py covers live updates from Kafka.)"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from playwright import async_api as playwright_api

from services.ingest.submission import parse_article, to_event
from services.platform.settings import PROJECT_ROOT, Settings
from services.query.api import create_app
from services.query.store import TimelineStore
from services.timeline.events import ArticleTimeline
from services.timeline.incidents import build_timeline
from tests.integration.query.serving import served
from tests.integration.query.test_web_page import CHROMIUM, CHROMIUM_ARGS

SEED_URL = "https://news.example.org/seed"
SEED_LABELS = [
    "2014",
    "the past year: Dec 15, 2024 – Dec 15, 2025",
    "Dec 13, 2025",
    "Dec 15, 2025, 08:00 UTC",
]
Page = playwright_api.Page
MINOR_TICKS = (
    "[...document.querySelectorAll('.vis-text.vis-minor:not(.vis-measure)')]"
    ".map(e => e.textContent)"
)
MONTHS = json.dumps(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
NEWEST_FIRST = (
    "(s => s.length > 1 && s[0] > s[s.length - 1])"
    "([...document.querySelectorAll('li.incident')].map(e => e.dataset.start))"
)
WINDOW_MS = "((w) => Date.parse(w.end) - Date.parse(w.start))(timelinePage.axis.window())"


def seed_timelines() -> list[ArticleTimeline]:
    """The seed article (with a URL) and a second article from another source."""
    seed = json.loads((PROJECT_ROOT / "seeds" / "seed-article.json").read_text())
    other = json.loads((PROJECT_ROOT / "seeds" / "harbor-bridge-reopens.json").read_text())
    return [
        build_timeline(to_event(parse_article({**seed, "url": SEED_URL}))),
        build_timeline(to_event(parse_article(other))),
    ]


@pytest.fixture(scope="module")
async def base(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """One server for the module: the tests only read."""
    settings = Settings(database_path=tmp_path_factory.mktemp("page") / "q.sqlite3")
    store = TimelineStore(settings.database_path)
    store.apply("timelines", 0, list(enumerate(seed_timelines())))
    store.close()
    async with served(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[playwright_api.Browser]:
    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


async def opened(browser: playwright_api.Browser, url: str, width: int = 1280) -> Page:
    page = await browser.new_page(viewport={"width": width, "height": 900})
    await page.goto(url)
    await page.wait_for_selector("li.incident")
    await page.wait_for_selector(".vis-timeline .vis-item")
    return page


async def texts(page: Page, selector: str) -> list[str]:
    found = await page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")
    return [str(text) for text in found]


async def test_dates_print_at_their_granularity_and_link_the_article(
    base: str, browser: playwright_api.Browser
) -> None:
    page = await opened(browser, f"{base}/?source=Seed+Wire")
    await page.wait_for_function("document.querySelectorAll('li.incident').length === 4")
    assert await texts(page, "li.incident .when") == SEED_LABELS
    month = await page.evaluate(
        "TimelineDates.label({timex_value: '2025-12', granularity: 'month', "
        "start: '2025-12-01T00:00:00Z', end: '2026-01-01T00:00:00Z'})"
    )
    assert month == "December 2025"
    links = await page.eval_on_selector_all(
        "li.incident a.article", "els => els.map(e => [e.href, e.target])"
    )
    assert links == [[SEED_URL, "_blank"]] * 4
    assert await page.locator("section#story-view").count() == 1  # where stories.js plugs in


async def test_the_axis_zooms_with_ticks_on_natural_boundaries(
    base: str, browser: playwright_api.Browser
) -> None:
    page = await opened(browser, base)
    await page.click("#zoom-fit")  # 2014 to 2026: a tick a year
    await page.wait_for_function(f"{MINOR_TICKS}.every(t => /^\\d{{4}}$/.test(t))")
    wide = await page.evaluate(WINDOW_MS)
    for _ in range(3):
        current = await page.evaluate(WINDOW_MS)
        await page.click("#zoom-in")
        await page.wait_for_function(f"{WINDOW_MS} < {current} * 0.75")
    # A year and a half wide: a tick a month, each named by its month.
    await page.wait_for_function(f"{MINOR_TICKS}.every(t => {MONTHS}.includes(t))")
    assert await page.evaluate(WINDOW_MS) < wide * 0.4  # each click shows about 2/3
    narrow = await page.evaluate(WINDOW_MS)
    await page.click("#zoom-out")
    await page.wait_for_function(f"{WINDOW_MS} > {narrow}")


async def test_filters_live_in_the_url_and_hits_are_highlighted(
    base: str, browser: playwright_api.Browser
) -> None:
    page = await opened(browser, base)
    everything = len(await texts(page, "li.incident"))
    await page.fill("input[name=q]", "palmyra")
    await page.click("button[type=submit]")
    shown = "document.querySelectorAll('li.incident').length"
    await page.wait_for_function(f"{shown} > 0 && {shown} < {everything}")
    assert page.url.endswith("/?q=palmyra")
    assert set(await texts(page, "mark.hit")) == {"Palmyra"}
    await page.select_option("select[name=order]", "desc")
    await page.wait_for_url("**/?q=palmyra&order=desc")
    await page.wait_for_function(NEWEST_FIRST)
    await page.click("button[type=submit]")  # the view shown again: no second history entry
    await page.wait_for_function(NEWEST_FIRST)
    shared = await opened(browser, page.url)  # a shared link opens the same view
    assert await shared.input_value("input[name=q]") == "palmyra"
    assert await shared.input_value("select[name=order]") == "desc"
    assert await texts(shared, "li.incident .when") == await texts(page, "li.incident .when")
    await page.go_back()
    await page.wait_for_function("document.querySelector('select[name=order]').value === 'asc'")
    assert page.url.endswith("/?q=palmyra")


async def test_the_page_fits_a_phone(base: str, browser: playwright_api.Browser) -> None:
    page = await opened(browser, base, width=390)
    overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    box = await page.locator("#axis").bounding_box()
    assert box is not None
    assert box["width"] <= 390
    assert box["height"] >= 150
    first = await page.locator("li.incident").first.bounding_box()
    assert first is not None
    assert first["x"] + first["width"] <= 390
    # News on the first screen (844 px tall): the filters are folded away until asked for.
    assert first["y"] + 60 < 844
    assert await page.is_hidden("input[name=q]")
    await page.click("#filter-panel > summary")
    assert await page.is_visible("input[name=q]")


async def test_to_is_the_last_day_shown(base: str, browser: playwright_api.Browser) -> None:
    page = await opened(browser, f"{base}/?from=2025-12-13&to=2025-12-13&source=Seed+Wire")
    labels = await texts(page, "li.incident .when")
    assert "Dec 13, 2025" in labels  # From = To = that day shows that day
    assert "Dec 15, 2025, 08:00 UTC" not in labels


@pytest.mark.parametrize(
    ("query", "field"),
    [("from=banana", "from"), ("from=2025-12-14&to=2025-12-01", "from"), ("q=!!!", "q")],
)
async def test_a_bad_filter_shows_a_banner_saying_what_and_how_to_fix_it(
    base: str, browser: playwright_api.Browser, query: str, field: str
) -> None:
    page = await browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(f"{base}/?{query}")
    await page.wait_for_selector("#banner:not([hidden])")
    said = await page.inner_text("#banner")
    assert f"“{field}”" in said
    assert "HTTP 422" in said
    assert "Clear the filters" in said
    assert await page.inner_text("#status") == "error"
    assert errors == []
    await page.click("#banner-reset")
    await page.wait_for_selector("li.incident")
    assert await page.is_hidden("#banner")


async def test_axis_items_name_their_article(base: str, browser: playwright_api.Browser) -> None:
    page = await opened(browser, f"{base}/?source=Seed+Wire")
    await page.click("#zoom-fit")
    await page.wait_for_function(
        "[...document.querySelectorAll('.vis-item-content')]"
        ".some(e => e.textContent.includes('December 13 · Coalition strikes'))"
    )
    # No label is cut: a range's content may run past its end rather than be clipped.
    overflow = await page.eval_on_selector_all(
        ".vis-item.vis-range .vis-item-overflow",
        "els => els.map(e => getComputedStyle(e).overflow)",
    )
    assert overflow
    assert set(overflow) == {"visible"}


async def test_times_carry_their_clock_and_the_reader_may_choose_one(
    base: str, browser: playwright_api.Browser
) -> None:
    page = await opened(browser, f"{base}/?source=Coastal+Courier&anchor=publication")
    await page.wait_for_function("document.querySelectorAll('li.incident').length === 1")
    assert await texts(page, "li.incident .when") == ["Nov 21, 2025, 16:30 -05:00"]
    await page.select_option("select[name=tz]", "UTC")
    await page.wait_for_url("**tz=UTC**")
    await page.wait_for_function(
        "document.querySelector('li.incident .when')?.textContent === 'Nov 21, 2025, 21:30 UTC'"
    )
