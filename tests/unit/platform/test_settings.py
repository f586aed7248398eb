from __future__ import annotations

import pytest

from services.platform.settings import Settings


def test_defaults_name_the_public_topics() -> None:
    settings = Settings()
    assert settings.topics.articles == "news.articles.v1"
    assert settings.topics.timelines == "news.timelines.v1"
    assert settings.topics.dead_letters == "news.articles.v1.dlq"
    assert settings.topics.partitions == 6


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setenv("NEWSTIMELINE_TOPICS__PARTITIONS", "3")
    settings = Settings()
    assert settings.kafka_bootstrap_servers == "127.0.0.1:1"
    assert settings.topics.partitions == 3


def test_every_field_is_described() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"settings field {name} has no description"
