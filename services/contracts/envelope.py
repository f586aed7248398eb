"""CloudEvents binary-mode headers for every record the services publish.

Any CloudEvents consumer can read our topics: attributes travel as ce_* headers and the
value stays the plain JSON of the event model, so non-CloudEvents consumers see no change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cloudevents.core.bindings import kafka
from cloudevents.core.v1.event import CloudEvent

Headers = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Envelope:
    """What one record carries besides its value."""

    event_id: str
    event_type: str
    source: str
    time: datetime
    subject: str


def binary_headers(envelope: Envelope, value: bytes) -> Headers:
    """ce_specversion, ce_id, ce_source, ce_type, ce_time, ce_subject and content-type."""
    event = CloudEvent(
        attributes={
            "specversion": "1.0",
            "id": envelope.event_id,
            "source": envelope.source,
            "type": envelope.event_type,
            "time": envelope.time,
            "subject": envelope.subject,
            "datacontenttype": "application/json",
        },
        data=value,
    )
    message = kafka.to_binary_event(event, key_mapper=lambda _: None)
    return sorted(message.headers.items())
