"""The `newstimeline` command: a thin dispatcher over each service's own commands.

Each command group lives beside the code it drives and exposes ``register(subparsers)``;
this module only wires them together, so that adding a command never touches another.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from services.platform.errors import EnvironmentProblemError

# Modules that contribute subcommands, imported lazily by name so that `newstimeline kafka
# status` does not pay for importing dateparser or Faust.
COMMAND_MODULES: tuple[str, ...] = (
    "services.platform.commands",
    "services.evaluation.commands",
    "services.ingest.commands",
    "services.ingest.feed_command",
    "services.normalizer.commands",
    "services.query.commands",
)

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Bad input from the command line: reported in one line with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstimeline", description="Turn news articles into ordered timelines."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            # A group still being written is simply absent; a broken import is not.
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        sys.stderr.write(f"newstimeline {args.command}: {exc}\n")
        return 2
    except EnvironmentProblemError as exc:
        sys.stderr.write(f"newstimeline {args.command}: {exc}\n")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
