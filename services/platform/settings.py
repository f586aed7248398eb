"""The one settings module: every knob, with env prefix NEWSTIMELINE_ and a description.

Nothing here connects to anything; callers build clients from these values in their own
lifespans or factories.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024

# Comma-separated in the environment ("k1,k2"), a list in code.
KeyList = Annotated[list[SecretStr], NoDecode]


class TopicSettings(BaseModel):
    """Names and shape of the public topics."""

    articles: str = Field(default="news.articles.v1", description="Article events (source).")
    timelines: str = Field(default="news.timelines.v1", description="Timelines (compacted).")
    dead_letters: str = Field(default="news.articles.v1.dlq", description="Dead letters.")
    partitions: int = Field(default=6, ge=1, description="Partitions of each created topic.")
    replication_factor: int = Field(default=1, ge=1, description="Replicas of each topic.")


class LocalKafkaSettings(BaseModel):
    """The local KRaft broker run from Maven Central's artifacts when no other is given."""

    version: str = Field(default="3.9.1", description="Apache Kafka release to resolve.")
    cache_dir: Path = Field(
        default=PROJECT_ROOT / ".cache" / "kafka", description="Where resolved jars live."
    )
    state_dir: Path = Field(
        default=PROJECT_ROOT / ".state" / "kafka", description="Logs, data and the state file."
    )
    heap: str = Field(default="512m", description="JVM -Xmx/-Xms for the broker.")
    start_timeout_s: float = Field(default=90.0, description="Deadline for the broker to answer.")


class Settings(BaseSettings):
    """Settings of every service; override with NEWSTIMELINE_* (nested: __)."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSTIMELINE_", env_nested_delimiter="__", extra="ignore"
    )

    kafka_bootstrap_servers: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "KAFKA_BOOTSTRAP_SERVERS", "NEWSTIMELINE_KAFKA_BOOTSTRAP_SERVERS"
        ),
        description="Broker to use; when unset, Docker or the local broker is chosen.",
    )
    client_id: str = Field(default="news-timeline", description="Kafka client id prefix.")
    produce_timeout_s: float = Field(
        default=10.0, gt=0, description="How long a publish may wait for the broker's ack."
    )
    topics: TopicSettings = Field(default_factory=TopicSettings, description="Topic names.")
    local_kafka: LocalKafkaSettings = Field(
        default_factory=LocalKafkaSettings, description="The local broker."
    )
    ingest_host: str = Field(default="127.0.0.1", description="Ingest API address.")
    ingest_port: int = Field(default=8081, description="Ingest API port.")
    query_host: str = Field(default="127.0.0.1", description="Query API address.")
    query_port: int = Field(default=8080, description="Query API port.")
    worker_host: str = Field(
        default="127.0.0.1", description="Address of the worker's /healthz and /metrics."
    )
    worker_port: int = Field(
        default=8082, description="Port of the worker's /healthz and /metrics (one per worker)."
    )
    database_path: Path = Field(
        default=PROJECT_ROOT / "var" / "timeline.sqlite3", description="Read model file."
    )
    worker_group: str = Field(default="news-normalizer", description="Faust app id / group.")
    worker_data_dir: Path = Field(
        default=PROJECT_ROOT / "var" / "faust", description="Faust's local data directory."
    )
    run_pid_file: Path = Field(
        default=PROJECT_ROOT / "var" / "run.pid",
        description="Where `newstimeline run` records its pid, so `reset` can stop it.",
    )
    projector_group: str = Field(
        default="news-query-projector", description="Consumer group name of the projector."
    )
    feed_state_file: Path = Field(
        default=PROJECT_ROOT / ".state" / "feeds.json",
        description="What `ingest-feed` remembers across runs: each feed's ETag and "
        "Last-Modified, and the entries (guid/id -> revision) it has published.",
    )
    feed_fetch_timeout_s: float = Field(
        default=20.0, gt=0, description="Deadline for each HTTP request of `ingest-feed`."
    )
    status_worker_urls: list[str] = Field(
        default_factory=list,
        description="Normalizer workers `newstimeline status` asks (JSON list of base URLs, "
        "their /healthz and /metrics); empty: the one at worker_host:worker_port, if it "
        "answers.",
    )
    status_query_urls: list[str] = Field(
        default_factory=list,
        description="Query replicas `newstimeline status` asks (JSON list of base URLs); "
        "empty: the one at query_host:query_port.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins whose web pages may call the APIs (CORS), comma-separated or a "
        "JSON list, e.g. https://news.example,http://localhost:3000; empty allows none.",
    )
    query_snapshot_retention_s: float = Field(
        default=3600.0,
        gt=0,
        description="How long replaced incidents stay readable to cursors opened before the "
        "replacement; older cursors get 410 and must start again.",
    )
    log_level: str = Field(default="INFO", description="Log level of every service.")
    logs_dir: Path = Field(
        default=PROJECT_ROOT / "var" / "logs",
        description="Where `newstimeline run` writes each service's JSON log lines "
        "(worker.log, query.log, ingest.log, run.log).",
    )

    cursor_key: SecretStr | None = Field(
        default=None,
        description="Key that signs timeline cursors; when unset, one is generated at the "
        "first start and kept in cursor_key_file.",
    )
    cursor_key_file: Path = Field(
        default=PROJECT_ROOT / ".state" / "cursor.key",
        description="Where the generated cursor key is kept (mode 0600).",
    )
    max_record_bytes: int = Field(
        default=4 * MIB,
        ge=64 * 1024,
        description="Largest record value on any topic: topics (max.message.bytes), "
        "producers (max_request_size) and consumers are set from it, and ingest refuses an "
        "article whose event would be larger.",
    )
    ingest_max_request_bytes: int = Field(
        default=16 * MIB,
        ge=1024,
        description="Largest request body ingest reads; larger ones get 413 unread.",
    )
    ingest_api_keys: KeyList = Field(
        default_factory=list,
        description="When set (comma-separated), ingest's write and admin routes need one "
        "of these keys in X-API-Key (or Authorization: Bearer).",
    )
    query_api_keys: KeyList = Field(
        default_factory=list,
        description="When set (comma-separated), the query API's /v1 routes need one of "
        "these keys in X-API-Key (or Authorization: Bearer).",
    )
    query_max_streams: int = Field(
        default=1000,
        ge=1,
        description="Concurrent SSE streams one query process serves; more get 503.",
    )
    retry_after_s: int = Field(
        default=5, ge=1, description="Retry-After of every 503 the services answer."
    )
    broker_retry_max_s: float = Field(
        default=15.0,
        gt=0,
        description="Longest pause between attempts to reach an absent broker (the pause "
        "doubles from one second up to this).",
    )
    worker_session_timeout_s: float = Field(
        default=6.0,
        ge=6.0,
        description="How long the group waits for a silent worker before giving its "
        "partitions to the others (the broker's minimum is 6 s).",
    )
    shutdown_deadline_s: float = Field(
        default=8.0,
        gt=0,
        description="After SIGTERM a service has this long to close cleanly; then it exits.",
    )

    def service_url(self, kind: str) -> str:
        """Where service `kind` (worker, query or ingest) listens with these settings."""
        host, port = {
            "worker": (self.worker_host, self.worker_port),
            "query": (self.query_host, self.query_port),
            "ingest": (self.ingest_host, self.ingest_port),
        }[kind]
        return f"http://{host}:{port}"

    @field_validator("ingest_api_keys", "query_api_keys", mode="before")
    @classmethod
    def split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        # Compose files and shells pass "a,b" more readily than a JSON list.
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [origin.strip() for origin in text.split(",") if origin.strip()]
        return value
