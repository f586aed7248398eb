"""The app each of several uvicorn worker processes builds (`newstimeline query
--workers N`): the API only; the projector runs in its own process (see standalone.py)."""

from __future__ import annotations

from fastapi import FastAPI

from services.platform.logs import configure_logging
from services.platform.settings import Settings
from services.query.api import create_app


def api_app() -> FastAPI:
    settings = Settings()
    configure_logging("query", settings.log_level)
    return create_app(settings)
