"""JSON Schema of every event, generated from the models into schemas/.

`make schemas` writes them; a unit test regenerates them in memory and fails on drift, so
the committed contract never silently diverges from the code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from services.contracts.asyncapi import render_asyncapi
from services.platform.settings import PROJECT_ROOT
from services.timeline.events import ArticleRetracted, ArticleSubmitted, ArticleTimeline

SCHEMA_DIR = PROJECT_ROOT / "schemas"
EVENTS: dict[str, type[BaseModel]] = {
    "news.articles.v1.ArticleSubmitted.json": ArticleSubmitted,
    "news.articles.v1.ArticleRetracted.json": ArticleRetracted,
    "news.timelines.v1.ArticleTimeline.json": ArticleTimeline,
}


def render(model: type[BaseModel]) -> str:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def rendered() -> dict[str, str]:
    files = {name: render(model) for name, model in EVENTS.items()}
    files["asyncapi.json"] = render_asyncapi()
    return files


def write(target: Path = SCHEMA_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered().items():
        path = target / name
        path.write_text(text)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        sys.stderr.write(f"wrote {path.relative_to(PROJECT_ROOT)}\n")
