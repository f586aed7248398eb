"""Consumer groups as the broker describes them."""

from __future__ import annotations

from typing import Any

from aiokafka.admin import AIOKafkaAdminClient


async def describe_group(bootstrap: str, group: str) -> tuple[str | None, list[Any]]:
    """The consumer group's state and members, as the broker describes them now."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_consumer_groups([group])
    finally:
        await admin.close()
    if not described or not described[0].groups:
        return None, []
    _, _, state, _, _, present = described[0].groups[0]
    return state, list(present)
