"""Dead-letter records: the original key and bytes, with headers naming where they came
from and why they failed, so an operator can inspect and re-drive them."""

from __future__ import annotations

from dataclasses import dataclass

from services.contracts.envelope import Headers


@dataclass(frozen=True)
class Origin:
    """Where a consumed record came from."""

    topic: str
    partition: int
    offset: int


def dead_letter_headers(origin: Origin, error: BaseException, original: Headers) -> Headers:
    """The original headers, plus dlq_* headers with the origin and the error."""
    # Newlines stay: `dlq list` shows the first line, `--json` all of it.
    message = str(error)[:2000]
    return [
        *original,
        ("dlq_original_topic", origin.topic.encode()),
        ("dlq_original_partition", str(origin.partition).encode()),
        ("dlq_original_offset", str(origin.offset).encode()),
        ("dlq_error_class", type(error).__name__.encode()),
        ("dlq_error_message", message.encode()),
    ]


def summary(message: str, width: int = 200) -> str:
    """One line for a person: the first line of the message, and for pydantic's
    "N validation errors for Model" the first field and its reason too."""
    lines = [line.strip() for line in message.strip().splitlines()] or [""]
    first = lines[0]
    if " validation error" in first and len(lines) >= 2:
        # Each error is "field" then "reason [type=...]", or the reason alone for the
        # whole input (invalid JSON).
        details = lines[1:2] if "[type=" in lines[1] else lines[1:3]
        first = ": ".join([first, *(d.split(" [type=")[0] for d in details)])
    return first[:width]
