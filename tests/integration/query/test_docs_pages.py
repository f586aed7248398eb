"""/docs and /redoc in headless Chromium, with every request kept on the service itself."""

from __future__ import annotations

from pathlib import Path

from playwright import async_api as playwright_api

from services.ingest.app import create_app as create_ingest_app
from services.platform.settings import Settings
from services.query.api import create_app as create_query_app
from tests.integration.query.serving import served
from tests.integration.query.test_web_page import CHROMIUM, CHROMIUM_ARGS
from tests.unit.ingest.test_api import FakePublisher


async def open_page(base: str, path: str, wait_for: str) -> tuple[list[str], list[str]]:
    """Texts of the elements matching `wait_for` once they appear, with every request to
    another host refused (as with no outside network); returns those refused requests'
    resource types."""
    refused: list[str] = []

    async def only_local(route: playwright_api.Route) -> None:
        if route.request.url.startswith((base, "blob:", "data:")):
            await route.continue_()
        else:
            refused.append(route.request.resource_type)
            await route.abort()

    async with playwright_api.async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            await page.route("**/*", only_local)
            await page.goto(f"{base}{path}")
            await page.wait_for_selector(wait_for, timeout=30_000)
            texts = await page.eval_on_selector_all(wait_for, "els => els.map(e => e.textContent)")
        finally:
            await browser.close()
    return texts, refused


async def test_query_docs_list_the_operations_from_local_assets(tmp_path: Path) -> None:
    app = create_query_app(Settings(database_path=tmp_path / "q.sqlite3"))
    async with served(app) as base:
        paths, refused = await open_page(base, "/docs", ".opblock-summary-path")
        assert {"/v1/timeline", "/v1/timeline/stream", "/v1/incidents/{incident_id}"} <= {
            path.replace("\u200b", "") for path in paths
        }
        assert refused == []
        titles, refused = await open_page(base, "/redoc", "h2")
        assert {"Get Timeline", "Stream Timeline"} <= {title.strip() for title in titles}, titles
        # ReDoc's footer shows its maker's logo from their site; nothing else leaves.
        assert set(refused) <= {"image"}


async def test_ingest_docs_list_the_operations_from_local_assets() -> None:
    app = create_ingest_app(FakePublisher)
    async with served(app) as base:
        paths, refused = await open_page(base, "/docs", ".opblock-summary-path")
        assert {"/v1/articles", "/v1/articles:batch"} <= {p.replace("\u200b", "") for p in paths}
        assert refused == []
