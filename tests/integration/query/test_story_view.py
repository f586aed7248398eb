"""The web page's story view in headless Chromium, over timelines that came through Kafka."""

from __future__ import annotations

import httpx
from aiokafka import AIOKafkaProducer
from playwright import async_api as playwright_api

from services.platform.settings import Settings
from services.query.api import create_app
from tests.integration.query.serving import served
from tests.integration.query.test_web_page import CHROMIUM, CHROMIUM_ARGS
from tests.polling import eventually
from tests.unit.query.story_factories import article

STORY = [
    article("quake-1", 1, ["The earthquake of magnitude seven struck the capital at dusk."]),
    article("quake-2", 1, ["An earthquake of magnitude seven struck the capital on Tuesday."]),
    article("rescue", 3, ["Rescuers pulled survivors from the rubble of the collapsed hotel."]),
    article("aid", 7, ["Aid flights began landing at the damaged airport of the capital."]),
]


async def test_story_view_shows_dates_summaries_and_links(
    bootstrap: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    topic = topic_settings.topics.timelines
    for tl in STORY:
        await producer.send_and_wait(
            topic, tl.model_dump_json().encode(), key=tl.article_id.encode()
        )
    async with served(create_app(topic_settings, bootstrap=bootstrap)) as base:
        async with httpx.AsyncClient(base_url=base) as http:

            async def projected() -> bool:
                answer = await http.get("/v1/stories/timeline")
                return answer.status_code == 200 and len(answer.json()["dates"]) == 4

            await eventually(projected, "the four days projected")
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                await check_story_view(await browser.new_page(), base)
            finally:
                await browser.close()


async def check_story_view(page: playwright_api.Page, base: str) -> None:
    await page.goto(base)
    await page.click("#story-toggle")
    await page.wait_for_function("document.querySelectorAll('li.story-date').length === 4")
    assert await page.is_hidden("#timeline")
    assert await page.is_hidden(".axis-panel")
    days = await page.eval_on_selector_all("li.story-date", "els => els.map(e => e.dataset.date)")
    assert days == ["2024-01-02", "2024-01-04", "2024-01-08", "2024-01-11"]
    printed = await page.locator("li.story-date .story-day").all_inner_texts()
    assert printed == ["Jan 2, 2024", "Jan 4, 2024", "Jan 8, 2024", "Jan 11, 2024"]
    quake = page.locator('li.story-date[data-date="2024-01-02"]')
    assert "earthquake of magnitude seven" in await quake.locator(".story-summary").inner_text()
    links = await quake.locator("a.story-link").evaluate_all("els => els.map(e => e.href)")
    assert sorted(links) == ["https://example.org/quake-1", "https://example.org/quake-2"]
    await page.fill("input[name=q]", "rescuers")
    await page.click("#filters button[type=submit]")
    await page.wait_for_function("document.querySelectorAll('li.story-date').length === 1")
    days = await page.eval_on_selector_all("li.story-date", "els => els.map(e => e.dataset.date)")
    assert days == ["2024-01-04"]
    # The view is in the URL beside the filters: a reload (or a shared link) opens it.
    assert "view=stories" in page.url
    assert "q=rescuers" in page.url
    await page.reload()
    await page.wait_for_function("document.querySelectorAll('li.story-date').length === 1")
    # It honours the kind filter too: publications only leave the publication day.
    await page.fill("input[name=q]", "")
    await page.select_option("select[name=anchor]", "publication")
    await page.wait_for_function(
        "[...document.querySelectorAll('li.story-date')].map(e => e.dataset.date).join() "
        "=== '2024-01-11'"
    )
    await page.click("#story-toggle")
    assert await page.is_visible("#timeline")
    assert await page.is_visible(".axis-panel")
    assert "view=stories" not in page.url
    await page.go_back()  # Back returns to the story view
    await page.wait_for_selector("#story-view:not([hidden])")
    assert await page.is_hidden("#timeline")
