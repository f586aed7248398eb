"""The committed JSON Schemas are exactly what the models generate."""

from __future__ import annotations

from services.contracts.schemas import SCHEMA_DIR, rendered


def test_committed_schemas_match_the_models() -> None:
    for name, text in rendered().items():
        committed = (SCHEMA_DIR / name).read_text()
        assert committed == text, f"{name} drifted from its model: run `make schemas`"


def test_every_committed_schema_has_a_model() -> None:
    committed = {path.name for path in SCHEMA_DIR.glob("*.json")}
    assert committed <= set(rendered()), "schemas/ holds a file no model generates"
