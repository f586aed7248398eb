"""Response shape of /v1/stories/timeline, for the OpenAPI document."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, JsonValue

STORY_EXAMPLE: dict[str, JsonValue] = {
    "dates": [
        {
            "date": "2010-04-20",
            "summary": [
                "An explosion on the Deepwater Horizon rig in the Gulf of Mexico kills 11 workers."
            ],
            "articles": 212,
            "incidents": ["6f1c9e52-3a8e-5d0c-9a57-2d1c51d7f0a1"],
            "sources": [
                {
                    "article_id": "reuters-1123",
                    "url": "https://example.com/gulf-rig-explosion",
                    "title": "Oil rig explodes in the Gulf of Mexico",
                    "source": "example-wire",
                }
            ],
        }
    ]
}


class StorySourceOut(BaseModel):
    article_id: str
    url: str | None = Field(description="The article's URL, when it has one.")
    title: str
    source: str


class StoryDateOut(BaseModel):
    date: str = Field(description="YYYY-MM-DD.")
    summary: list[str] = Field(description="At most per_date sentences saying what happened.")
    articles: int = Field(description="How many articles point to the day.")
    incidents: list[str] = Field(description="Ids of the incidents that point to the day.")
    sources: list[StorySourceOut] = Field(description="Those articles, best evidence first.")


class StoryTimelineOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [STORY_EXAMPLE]})

    dates: list[StoryDateOut] = Field(description="The key dates, ordered by date.")
