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
    "services.normalizer.text_commands",
    "services.ingest.commands",
    "services.ingest.feed_command",
    "services.normalizer.commands",
    "services.normalizer.audit_command",
    "services.query.commands",
    "services.platform.status_view",
    "services.replay_commands",
)

Handler = Callable[[argparse.Namespace], int]
DISTRIBUTION = "news-timeline"


class UsageError(Exception):
    """Bad input from the command line: reported in one line with exit status 2."""


def installed_version() -> str:
    """The version in the installed package's metadata (pyproject.toml is its one source)."""
    # Read only when asked: importing importlib.metadata and scanning the installed
    # distributions would slow every command's start.
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "(not installed: run `make setup`)"


class VersionAction(argparse.Action):
    """--version, with the version looked up only when the option is given."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version"
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"{parser.prog} {installed_version()}\n")  # where argparse puts it
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newstimeline", description="Turn news articles into ordered timelines."
    )
    parser.add_argument("--version", action=VersionAction)
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
