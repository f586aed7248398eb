"""Response shapes, for the OpenAPI document at /docs (handlers build JSON directly)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, JsonValue

INCIDENT_EXAMPLE: dict[str, JsonValue] = {
    "incident_id": "6f1c9e52-3a8e-5d0c-9a57-2d1c51d7f0a1",
    "article_id": "sydney-siege-2014",
    "start": "2014-12-15T00:00:00Z",
    "end": "2014-12-16T00:00:00Z",
    "granularity": "day",
    "anchor": "explicit",
    "sentence": "The siege began on December 15 in Martin Place.",
    "mention": "December 15",
    "timex_value": "2014-12-15",
    "timex_type": "DATE",
    "title": "Sydney siege ends",
    "source": "example-wire",
    "url": "https://example.org/siege",
    "published_at": "2014-12-16T13:00:00+11:00",
    "timezone": "Australia/Sydney",
}


class IncidentOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [INCIDENT_EXAMPLE]})

    incident_id: str
    article_id: str
    start: str = Field(description="RFC 3339, UTC (whatever `tz` says).")
    end: str = Field(description="RFC 3339, UTC, exclusive: the interval is [start, end).")
    granularity: str
    anchor: str
    sentence: str
    mention: str | None
    timex_value: str | None
    timex_type: str | None
    title: str = Field(description="Headline of the article.")
    source: str = Field(description="Publisher or feed name of the article.")
    url: str | None = Field(description="The article's canonical URL, when it has one.")
    published_at: str = Field(
        description="The article's publication time, RFC 3339 with the article's own offset "
        "(with `tz`: with the offset of that zone)."
    )
    timezone: str = Field(
        description="The article's clock, whose calendar its days are counted in: its IANA "
        "zone when it was submitted with one, else the offset of its publication (+05:30)."
    )


class TimelinePageOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [INCIDENT_EXAMPLE], "next_cursor": None, "snapshot": 42}]
        }
    )

    items: list[IncidentOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page.")
    snapshot: int = Field(
        description="Sequence number the pages read; /v1/timeline/stream?after=snapshot "
        "sends every change since."
    )


class ReadinessOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"ready": False, "lag": {"0": 120, "1": 0}, "phase": "projecting"}]
        }
    )

    ready: bool
    lag: dict[str, int] = Field(description="Records still to project, by partition.")
    phase: str = Field(description="What the projector is doing, in words.")


class PartitionProgressOut(BaseModel):
    partition: int
    position: int = Field(description="Next offset to project (what the store holds).")
    end: int = Field(description="End offset of the partition, as last seen.")
    lag: int = Field(description="Records still to project: end - position.")


class ProjectorOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ready": True,
                    "phase": "projecting",
                    "topic": "news.timelines.v1",
                    "cluster_id": "P5ivE-zsQwyl2pzNBqKjIA",
                    "topic_id": "y25mIuFyR7Cucz5rAC75dw",
                    "partitions": [{"partition": 0, "position": 12, "end": 12, "lag": 0}],
                    "skipped": 0,
                    "text_pending": 0,
                }
            ]
        }
    )

    ready: bool = Field(description="Whether the start-time end offsets were reached.")
    phase: str = Field(description="What the projector is doing, in words.")
    topic: str = Field(description="The topic projected into this replica's read model.")
    cluster_id: str | None = Field(description="Cluster of the log projected (null: unknown yet).")
    topic_id: str | None = Field(description="Kafka topic id of the log projected.")
    partitions: list[PartitionProgressOut]
    skipped: int = Field(description="Records skipped since start (undecodable or refused).")
    text_pending: int = Field(
        description="Incidents written but not yet in the full-text index: a search does "
        "not find them until it catches up (it follows the rows in batches)."
    )


class HealthOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: str


class ArticleOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": "sydney-siege-2014",
                    "revision": "3f2a",
                    "source": "example-wire",
                    "url": "https://example.org/siege",
                    "title": "Sydney siege ends",
                    "published_at": "2014-12-16T13:00:00+11:00",
                    "language": "en",
                    "timezone": "Australia/Sydney",
                    "incidents": [INCIDENT_EXAMPLE],
                }
            ]
        }
    )

    article_id: str
    revision: str
    source: str
    url: str | None
    title: str
    published_at: str = Field(description="RFC 3339 with the article's own offset.")
    language: str
    timezone: str = Field(description="The article's clock: IANA zone or offset.")
    incidents: list[IncidentOut]


class ArticleStatusOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"article_id": "sydney-siege-2014", "revision": "3f2a", "state": "built",
                 "normalizer_version": "0.2.0", "incidents": 4},
                {"article_id": "big-1", "revision": "9c1d", "state": "dead_lettered",
                 "reason": "ValueError: timeline of 1300000 bytes is over max_record_bytes",
                 "dead_letter": {"partition": 3, "offset": 0}},
            ]
        }
    )  # fmt: skip

    article_id: str
    state: str = Field(description="accepted, built, dead_lettered or retracted.")
    revision: str | None = Field(description="The revision built, or the one asked for.")
    normalizer_version: str | None = Field(default=None, description="built: its rules.")
    incidents: int | None = Field(default=None, description="built: incidents it holds.")
    reason: str | None = Field(default=None, description="dead_lettered: why.")
    dead_letter: dict[str, int] | None = Field(
        default=None, description="dead_lettered: its partition and offset on the DLQ."
    )
    built_revision: str | None = Field(
        default=None, description="accepted: the revision built so far, if any."
    )


class SourceOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"source": "example-wire", "articles": 3, "incidents": 17}]}
    )

    source: str
    articles: int
    incidents: int = Field(description="Incidents in the current timeline.")


class TimelineJsOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "events": [
                        {
                            "start_date": {"year": 2014, "month": 12, "day": 15},
                            "text": {"headline": "December 15", "text": "<p>The siege…</p>"},
                            "unique_id": "6f1c9e52-3a8e-5d0c-9a57-2d1c51d7f0a1",
                            "group": "example-wire",
                        }
                    ]
                }
            ]
        }
    )

    events: list[dict[str, JsonValue]]
