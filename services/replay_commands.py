"""`newstimeline replay normalize|projection`: the operators' replays, one group.

Each subcommand lives beside the service it replays (normalizer, query); this module only
groups them under one word.
"""

from __future__ import annotations

import argparse
from importlib import import_module

SUBCOMMANDS = ("services.normalizer.replay_command", "services.query.rebuild_command")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("replay", help="re-normalize articles or rebuild a read model")
    replays = parser.add_subparsers(dest="replay", required=True, metavar="WHAT")
    for name in SUBCOMMANDS:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(replays)
