"""mkdocs hook: puts the machine-readable contracts on the site beside the pages.

The OpenAPI documents are generated from the two FastAPI apps (building an app opens no
socket and reads no file), and the AsyncAPI document and JSON Schemas are copied from
schemas/, so a page links to the very documents the code serves and the tests check.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from services.ingest.wiring import build_app
from services.platform.settings import Settings
from services.query.api import create_app

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def openapi_documents() -> dict[str, dict[str, object]]:
    settings = Settings()
    return {"query": create_app(settings).openapi(), "ingest": build_app(settings).openapi()}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for name, document in openapi_documents().items():
        content = json.dumps(document, indent=2, sort_keys=True) + "\n"
        files.append(File.generated(config, f"contracts/openapi-{name}.json", content=content))
    for schema in sorted(SCHEMAS.glob("*.json")):
        files.append(File.generated(config, f"contracts/{schema.name}", abs_src_path=str(schema)))
    return files
