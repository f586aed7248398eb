"""mkdocs hook: puts what the code defines on the site, so the pages cannot drift from it.

- The OpenAPI documents are generated from the two FastAPI apps (building an app opens no
  socket and reads no file); the AsyncAPI document and the JSON Schemas are copied from
  schemas/. A page links to the very documents the code serves and the tests check.
- The settings reference on settings.md is generated from the one settings module: every
  field with its environment variable, default and description.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import AliasChoices, BaseModel
from pydantic_core import PydanticUndefined

from services.ingest.wiring import build_app
from services.platform.settings import PROJECT_ROOT, Settings
from services.query.api import create_app

SCHEMAS = PROJECT_ROOT / "schemas"
SETTINGS_MARKER = "<!-- settings reference -->"
ENV_PREFIX = "NEWSTIMELINE_"


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


def shown_default(value: object) -> str:
    """A default as a reader would write it: paths relative to the project, secrets hidden."""
    if value is None or value is PydanticUndefined or value == []:
        return ""
    if isinstance(value, Path) and value.is_relative_to(PROJECT_ROOT):
        return f"`{value.relative_to(PROJECT_ROOT)}`"
    return f"`{value}`"


def settings_rows(model: type[BaseModel], prefix: str) -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        variable = f"{prefix}{name.upper()}"
        nested = field.annotation
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            rows += settings_rows(nested, f"{variable}__")
            continue
        # A field read under other names (KAFKA_BOOTSTRAP_SERVERS) shows those names.
        alias = field.validation_alias
        names = [str(c) for c in alias.choices] if isinstance(alias, AliasChoices) else [variable]
        default = field.get_default(call_default_factory=True)
        description = (field.description or "").replace("|", "\\|").replace("\n", " ")
        shown = " or ".join(f"`{n}`" for n in names)
        rows.append(f"| {shown} | {shown_default(default)} | {description} |")
    return rows


def settings_reference() -> str:
    header = ["| variable | default | what it sets |", "|---|---|---|"]
    return "\n".join(header + settings_rows(Settings, ENV_PREFIX))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if SETTINGS_MARKER in markdown:
        return markdown.replace(SETTINGS_MARKER, settings_reference())
    return markdown
