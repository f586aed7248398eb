"""Public entry point: temporal expressions of a text, resolved against its publication."""

from __future__ import annotations

from datetime import datetime

from services.timeline.mentions import Mention
from services.timeline.temporal.context import Context
from services.timeline.temporal.document_type import DocumentType
from services.timeline.temporal.document_type import document_type as decide_document_type
from services.timeline.temporal.extract import extract
from services.timeline.temporal.languages import has_own_rules, rules_for
from services.timeline.zones import article_zone


def normalize(
    text: str,
    published_at: datetime,
    language: str = "en",
    timezone: str | None = None,
    document_type: DocumentType | None = None,
) -> list[Mention]:
    """Mentions sorted by char_start. Pure: the publication time stands in for 'now', and
    calendar arithmetic runs on the local clock of `timezone` (an IANA name) when given,
    else of published_at's own offset. `document_type` (news or narrative) is decided
    from the text unless given."""
    if published_at.tzinfo is None or published_at.utcoffset() is None:
        msg = "published_at must be timezone-aware"
        raise ValueError(msg)
    zone = article_zone(published_at, timezone)
    kind = document_type or decide_document_type(text, published_at.astimezone(zone).year)
    ctx = Context(text, published_at, language, zone, kind)
    mentions = extract(ctx, rules_for(language))
    if not has_own_rules(language):
        # dateparser takes most of a second to import; only these languages need it.
        from services.timeline.temporal.fallback import with_dateparser  # noqa: PLC0415

        return with_dateparser(text, ctx.published_at, language, mentions)
    return mentions
