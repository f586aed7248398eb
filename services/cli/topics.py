"""`newstimeline topics create`: the public topics, created idempotently."""

from __future__ import annotations

import argparse
import sys

# What the handlers drive is imported inside them, so that building the parser
# stays cheap for every command (`newstimeline --help` loads no heavy library).


def topics_create(_: argparse.Namespace) -> int:
    import asyncio

    from services.platform.kafka.broker_address import bootstrap_or_raise
    from services.platform.kafka.topics import create_topics
    from services.platform.logs import configure_logging
    from services.platform.settings import Settings

    settings = Settings()
    configure_logging("topics", settings.log_level)
    bootstrap = bootstrap_or_raise(settings)  # found, never started here
    created = asyncio.run(create_topics(settings, bootstrap))
    t = settings.topics
    for name in (t.articles, t.timelines, t.dead_letters):
        sys.stdout.write(f"{name}: {'created' if name in created else 'exists'}\n")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    topics = subparsers.add_parser("topics", help="manage the public topics")
    topic_actions = topics.add_subparsers(dest="action", required=True)
    topic_actions.add_parser("create", help="create the topics idempotently").set_defaults(
        handler=topics_create
    )
