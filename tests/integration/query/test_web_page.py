"""The web page in headless Chromium: incidents render in order, new ones arrive live."""

from __future__ import annotations

from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer
from playwright import async_api as playwright_api

from services.platform.settings import Settings
from services.query.api import create_app
from tests.integration.query.serving import served
from tests.polling import eventually
from tests.unit.query.factories import timeline

# Debian's Chromium, installed by `make test`; playwright's own browser download is not used.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


async def send(producer: AIOKafkaProducer, topic: str, article_id: str, day: int) -> str:
    tl = timeline(article_id, [(day, day + 1)], sentence=f"Event of day {day}.")
    await producer.send_and_wait(topic, tl.model_dump_json().encode(), key=article_id.encode())
    return tl.incidents[0].incident_id


async def test_page_renders_in_order_and_updates_live(
    bootstrap: str, topic_settings: Settings, producer: AIOKafkaProducer
) -> None:
    topic = topic_settings.topics.timelines
    for article_id, day in (("c", 30), ("a", 3), ("b", 12)):
        await send(producer, topic, article_id, day)
    async with served(create_app(topic_settings, bootstrap=bootstrap)) as base:
        async with httpx.AsyncClient(base_url=base) as http:

            async def ready() -> bool:
                return (await http.get("/readyz")).status_code == 200

            await eventually(ready, "projector caught up")
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page()
                await check_live_page(page, base, producer, topic)
            finally:
                await browser.close()


async def check_live_page(
    p: playwright_api.Page, base: str, producer: AIOKafkaProducer, topic: str
) -> None:
    await p.goto(base)
    await p.wait_for_function("document.querySelectorAll('li.incident').length === 3")
    starts = await p.eval_on_selector_all("li.incident", "els => els.map(e => e.dataset.start)")
    assert starts == sorted(starts)
    await p.wait_for_selector("#status.live")
    await p.evaluate("window.notReloaded = true")
    new_id = await send(producer, topic, "d", 20)
    await p.wait_for_selector(f'li.incident[data-id="{new_id}"]', timeout=30_000)
    starts = await p.eval_on_selector_all("li.incident", "els => els.map(e => e.dataset.start)")
    assert len(starts) == 4
    assert starts == sorted(starts)
    assert await p.evaluate("window.notReloaded === true")
